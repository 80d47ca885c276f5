// Rule table for the keywords check: valid and invalid answers, with golden one-line messages.
import { ruleTester } from './check-table'

const TWO_GROUPS = [
  { label: 'taking ownership', any: ['volunteer', 'took ownership', 'stepped up'] },
  { label: 'customer focus', any: ['customer', 'user'] },
]
const OWNERSHIP_GROUP = [TWO_GROUPS[0]]
const QUALITY_GROUP = [{ label: 'a quality measure', concepts: ['quality-measured'] }]
const COMMIT_GROUP = [{ label: 'committing', concepts: ['decision-made'] }]
const PROOF_GROUP = [{ label: 'proof of the cause', concepts: ['cause-proven', 'proof-check'] }]
const WIDER_GROUP = [{ label: 'a wider outcome', concepts: ['accessibility'] }]

/** A case that earns nothing from `groups`: the check's one message says the first group is missing. */
function missedCase(name: string, text: string, groups: { label: string }[], section?: 'result') {
  return {
    name,
    text,
    options: section === undefined ? { groups } : { section, groups },
    status: 'missed' as const,
    score: 0,
    messages: [`- keywords: No sign of ${groups[0]!.label}`],
  }
}

ruleTester('keywords', {
  valid: [
    {
      name: 'both groups; "volunteered" matches "volunteer" by its stem',
      text: 'I volunteered to rewrite the billing job for our biggest customer.',
      options: { groups: TWO_GROUPS },
      score: 100,
      messages: ['2-13 keywords: Shows taking ownership', '57-65 keywords: Shows customer focus'],
      highlights: ['volunteered', 'customer'],
    },
    {
      name: 'a multi-word phrase and a plural',
      text: 'I stepped up when our users could not log in after the release.',
      options: { groups: TWO_GROUPS },
      score: 100,
      messages: ['2-12 keywords: Shows taking ownership', '22-27 keywords: Shows customer focus'],
      highlights: ['stepped up', 'users'],
    },
    {
      name: 'min 1 of 2 groups',
      text: 'I volunteered to rewrite the billing job.',
      options: { groups: TWO_GROUPS, min: 1 },
      score: 100,
      messages: ['2-13 keywords: Shows taking ownership'],
    },
    {
      name: 'a plan in one clause does not hide an act in the next',
      text: 'I planned to automate it later and volunteered to run the rota meanwhile.',
      options: { groups: OWNERSHIP_GROUP },
      score: 100,
      messages: ['35-46 keywords: Shows taking ownership'],
      highlights: ['volunteered'],
    },
    {
      name: 'in the required section',
      text: 'Action: I volunteered to rewrite the billing job.',
      options: { section: 'action', groups: OWNERSHIP_GROUP },
      score: 100,
      messages: ['10-21 keywords: Shows taking ownership'],
      highlights: ['volunteered'],
    },
    {
      name: 'an irregular verb matches its other forms, so a story told in the present tense counts',
      text: 'I tell the customer the new date the same day.',
      options: { groups: [{ label: 'candour', any: ['told the customer'] }] },
      score: 100,
      messages: ['2-19 keywords: Shows candour'],
      highlights: ['tell the customer'],
    },
    {
      name: 'in a story told in the present, a step opened like a habit ("I also make sure…") is still a step',
      text: "It's March 2023 and I lead a support team of twelve at a broadband provider. I open the rota and see that two people cover every weekend. I move the weekend shifts into a rotation the same day. I also make sure the part-time agents get the same training slots. I ask each agent what they need in one-to-ones. By June nobody works more than one weekend a month, and our turnover falls from 30% to 12%.",
      options: { groups: [{ label: 'inclusion', any: ['part-time'] }] },
      score: 100,
      messages: ['215-224 keywords: Shows inclusion'],
      highlights: ['part-time'],
    },
    {
      name: 'a delivery ahead of plan buys time',
      text: 'Result: We shipped two weeks ahead of plan.',
      options: { section: 'result', groups: [{ label: 'time gained', concepts: ['time-gained'] }] },
      score: 100,
      messages: ['23-34 keywords: Shows time gained'],
    },
    {
      name: 'what the candidate found out about others counts whoever is its subject',
      text: 'Situation: We disagreed about the launch date.\nAction: I listened, and she had a point about the support load.',
      options: { section: 'action', groups: [{ label: 'their side', concepts: ['other-perspective'] }] },
      score: 100,
      messages: ['71-86 keywords: Shows their side'],
      highlights: ['she had a point'],
    },
    {
      name: 'what a figure measures ("warranty claims") shows a quality measure in a Result that gives the figure',
      text: 'Result: Warranty claims fell from 40 a month to 9 within a year.',
      options: {
        section: 'result',
        groups: QUALITY_GROUP,
      },
      score: 100,
      messages: ['8-23 keywords: Shows a quality measure'],
      highlights: ['Warranty claims'],
    },
    {
      name: 'after the candidate argued for another way and someone else decided, the candidate’s own step shows commitment',
      text: 'I argued we should slip the launch by a month. She kept the date. After the meeting I wrote the known-issue text for support myself.',
      options: { groups: COMMIT_GROUP },
      score: 100,
      messages: ['84-131 keywords: Shows committing'],
      highlights: ['I wrote the known-issue text for support myself'],
    },
    {
      name: 'whom the work was for, named through the story, makes a Result with a figure its outcome',
      text: 'Situation: Half of the complaints about our permit renewal form came from screen reader users.\nAction: I rebuilt the form so screen reader users could finish it alone.\nResult: Renewals rose from about 300 to 1,150 the next year.',
      options: { section: 'result', groups: WIDER_GROUP },
      score: 100,
      messages: ['201-204 keywords: Shows a wider outcome'],
      highlights: ['300'],
    },
    {
      name: 'a check told with what it showed is the outcome, though told as a step',
      text: 'Action: To confirm it, I re-counted the week treating same-amount pairs as exchanges, and the refund rate came back to 3.2%.',
      options: {
        section: 'result',
        groups: PROOF_GROUP,
      },
      score: 100,
      messages: ['8-18 keywords: Shows proof of the cause'],
      highlights: ['To confirm'],
    },
    {
      name: 'a decision by a body, or told in the passive, is someone else’s: the step after it is commitment',
      text: 'I argued for a delay, but I was overruled. I wrote the support notes for the launch.',
      options: { groups: COMMIT_GROUP },
      score: 100,
      messages: ['43-83 keywords: Shows committing'],
    },
    {
      name: 'a decision by someone named after "but" is theirs, and a step told in the present after it counts',
      text: 'Situation: Our director wants the checkout out on Friday.\nAction: I push for a one-week delay but my director keeps the Friday date. After that I write the rollback script.',
      options: { groups: COMMIT_GROUP },
      score: 100,
      messages: ['144-171 keywords: Shows committing'],
    },
    {
      name: 'a measured phrase counts with its figure across a colon',
      text: 'Result: Mis-picks: down from 40 a week to 6.',
      options: { section: 'result', groups: QUALITY_GROUP },
      score: 100,
      messages: ['8-17 keywords: Shows a quality measure'],
    },
  ],
  invalid: [
    {
      name: 'a rubric’s own word for the topic, used of something else ("low energy"), does not carry into the Result',
      text: 'Situation: The team had low energy after the reorg.\nAction: I put my energy into weekly demos.\nResult: Sales rose 20% that quarter.',
      options: {
        section: 'result',
        groups: [{ label: 'a wider outcome', any: ['energy'], concepts: ['accessibility'] }],
      },
      status: 'partial',
      score: 50,
      messages: [
        '28-34 keywords: Shows a wider outcome: found “energy” in your Situation; put it in your Result',
      ],
    },
    missedCase(
      'time spent beside a measured phrase is not what it measures',
      'Result: I spent 3 days cleaning up the duplicates.',
      QUALITY_GROUP,
      'result',
    ),
    missedCase(
      'a target is not an outcome',
      'Result: Our goal for the next year was to cut mistakes by 50%.',
      QUALITY_GROUP,
      'result',
    ),
    missedCase(
      'a step meant but not done says so of the rest of its sentence',
      'I argued for a delay. She kept the date. I was going to write the rollback plan, but I got pulled onto another project.',
      COMMIT_GROUP,
    ),
    missedCase(
      'going over the decision-maker’s head is no step towards the decision',
      'I argued for a delay. She kept the date. I went over her head to the VP.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a call that was the candidate’s own is no decision to commit to',
      'I argued for a phased launch. In the end the final call was mine, and I went with the phased launch.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a lesson with a figure is not the outcome a measured phrase needs',
      'Result: I learned to check for duplicates in the first 2 weeks of any migration.',
      QUALITY_GROUP,
      'result',
    ),
    missedCase(
      'a figure in another clause does not measure what a measured phrase names',
      'Result: Revenue rose 20% that quarter, and the director thanked me for the work on bugs.',
      QUALITY_GROUP,
      'result',
    ),
    {
      name: 'a check told with a count but not with what it showed stays a step',
      text: 'Action: I verified the configuration on 12 servers.',
      options: {
        section: 'result',
        groups: PROOF_GROUP,
      },
      status: 'partial',
      score: 75,
      messages: [
        '10-18 keywords: Shows proof of the cause: found “verified” in your Action; put it in your Result',
      ],
    },
    missedCase(
      'refusing or resisting the decision is no step towards it',
      'I pushed for a delay. She kept the date. I refused to sign the release and complained to the team.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a negated step is no step',
      'I argued for a delay. She kept the date. I never wrote the support notes she asked for.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a step only planned is no step',
      'I argued for a delay. She kept the date. I planned to write the known-issue text, but never did.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a thought about the decision is no step',
      'I argued for a delay. She kept the date. I now think she made the better call.',
      COMMIT_GROUP,
    ),
    missedCase(
      'agreeing first is not arguing for another way',
      'I liked the plan a lot. My manager decided to launch in May. I built the pipeline.',
      COMMIT_GROUP,
    ),
    {
      name: 'whom the work was for, named once in passing, does not make a Result with a figure its outcome',
      text: 'Action: I rebuilt the renewal form so screen reader users could finish it alone.\nResult: Renewals rose from about 300 to 1,150 the next year.',
      options: { section: 'result', groups: WIDER_GROUP },
      status: 'partial',
      score: 50,
      messages: [
        '38-57 keywords: Shows a wider outcome: found “screen reader users” in your Action; put it in your Result',
      ],
    },
    {
      name: 'a check told as a step without what it showed stays outside the Result',
      text: 'Action: To confirm it, I re-counted the week treating same-amount pairs as exchanges.',
      options: {
        section: 'result',
        groups: PROOF_GROUP,
      },
      status: 'partial',
      score: 50,
      messages: [
        '8-18 keywords: Shows proof of the cause: found “To confirm” in your Action; put it in your Result',
      ],
    },
    {
      name: 'whom the work was for, named in a step, with a Result that gives no figure, stays outside the Result',
      text: 'Action: I rebuilt the renewal form so screen reader users could finish it alone.\nResult: Renewals went up a lot.',
      options: { section: 'result', groups: WIDER_GROUP },
      status: 'partial',
      score: 50,
      messages: [
        '38-57 keywords: Shows a wider outcome: found “screen reader users” in your Action; put it in your Result',
      ],
    },
    missedCase(
      'what a figure measures, named without a figure, shows nothing',
      'Result: Warranty claims were a constant headache for the plant.',
      QUALITY_GROUP,
      'result',
    ),
    missedCase(
      'a figure for what is measured in a step is not the outcome',
      'Situation: The plant had 40 warranty claims a month.\nAction: I traced them to one supplier.',
      QUALITY_GROUP,
      'result',
    ),
    missedCase(
      'a step after a decision the candidate never argued against is no commitment',
      'She kept the date. After the meeting I wrote the known-issue text for support myself.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a decision the candidate made alone is no commitment to someone else’s',
      'I argued we should slip the launch by a month. In the end I decided to keep the date, and I wrote the known-issue text myself.',
      COMMIT_GROUP,
    ),
    missedCase(
      'a lesson drawn after the decision is not a step',
      'I argued we should slip the launch by a month. She kept the date. I learned that a fixed date can matter more than polish.',
      COMMIT_GROUP,
    ),
    {
      name: 'a plan is not an act',
      text: 'Action: I planned to write a runbook, but the quarter ended first.',
      options: { section: 'action', groups: [{ label: 'a runbook', any: ['runbook'] }] },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of a runbook'],
    },
    {
      name: "someone else's act does not count as the candidate's",
      text: 'Action: I wrote the runbook, and then the infra team took ownership of the rota.',
      options: { section: 'action', groups: [{ label: 'initiative', concepts: ['took-initiative'] }] },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of initiative'],
    },
    {
      name: 'a delivery later than planned buys no time',
      text: 'Result: We shipped in seven months instead of the planned six.',
      options: { section: 'result', groups: [{ label: 'time gained', concepts: ['time-gained'] }] },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of time gained'],
    },
    {
      name: 'a delivery that took longer than the planned time buys no time',
      text: 'Result: The migration took longer than the planned three weeks.',
      options: { section: 'result', groups: [{ label: 'time gained', concepts: ['time-gained'] }] },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of time gained'],
    },
    {
      name: 'a need is not an act',
      text: 'Action: We need to find the bug before the release.',
      options: { section: 'action', groups: [{ label: 'the bug found', any: ['found the bug'] }] },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of the bug found'],
    },
    {
      name: 'repeating a group does not add credit',
      text: 'I volunteered to rewrite the billing job. I volunteered again to review it. I took ownership of the rollout.',
      options: { groups: TWO_GROUPS },
      status: 'partial',
      score: 50,
      messages: ['2-13 keywords: Shows taking ownership', '- keywords: No sign of customer focus'],
    },
    {
      name: 'no credit inside a bare list',
      text: 'Ownership, customer focus, teamwork, volunteer work.',
      options: { groups: TWO_GROUPS },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of taking ownership; customer focus'],
    },
    {
      name: 'no credit inside a fragment',
      text: 'I rewrote the job. Volunteer customer.',
      options: { groups: TWO_GROUPS },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of taking ownership; customer focus'],
    },
    {
      name: 'no credit inside a hypothetical',
      text: 'I would volunteer to help the customer.',
      options: { groups: TWO_GROUPS },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of taking ownership; customer focus'],
    },
    {
      name: 'half credit outside the required section',
      text: 'Situation: the billing job failed every night.\nAction: I rewrote the billing job.\nResult: my manager said I had stepped up, and the job has not failed since.',
      options: { section: 'action', groups: OWNERSHIP_GROUP },
      status: 'partial',
      score: 50,
      messages: [
        '112-122 keywords: Shows taking ownership: found “stepped up” in your Result; put it in your Action',
      ],
      highlights: ['stepped up'],
    },
    {
      name: 'three quarters for Action evidence told in the Task beside it',
      text: 'Situation: the billing job failed every night.\nTask: Nobody owned it, so I stepped up to fix it.\nAction: I rewrote the billing job.',
      options: { section: 'action', groups: OWNERSHIP_GROUP },
      status: 'partial',
      score: 75,
      messages: [
        '75-85 keywords: Shows taking ownership: found “stepped up” in your Task; put it in your Action',
      ],
      highlights: ['stepped up'],
    },
    {
      name: 'nothing from the group',
      text: 'Action: I rewrote the billing job.',
      options: { section: 'action', groups: OWNERSHIP_GROUP },
      status: 'missed',
      score: 0,
      messages: ['- keywords: No sign of taking ownership'],
    },
    {
      name: 'min 2 of 3 groups with one found',
      text: 'I volunteered to rewrite the billing job.',
      options: {
        groups: [...TWO_GROUPS, { label: 'speed', any: ['deadline', 'fast'] }],
        min: 2,
      },
      status: 'partial',
      score: 50,
      messages: ['2-13 keywords: Shows taking ownership', '- keywords: No sign of customer focus; speed'],
    },
  ],
})
