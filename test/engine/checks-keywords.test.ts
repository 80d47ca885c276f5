// Rule table for the keywords check: valid and invalid answers, with golden one-line messages.
import { ruleTester } from './check-table'

const TWO_GROUPS = [
  { label: 'taking ownership', any: ['volunteer', 'took ownership', 'stepped up'] },
  { label: 'customer focus', any: ['customer', 'user'] },
]
const OWNERSHIP_GROUP = [TWO_GROUPS[0]]

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
      name: 'what the candidate found out about others counts whoever is its subject',
      text: 'Situation: We disagreed about the launch date.\nAction: I listened, and she had a point about the support load.',
      options: { section: 'action', groups: [{ label: 'their side', concepts: ['other-perspective'] }] },
      score: 100,
      messages: ['71-86 keywords: Shows their side'],
      highlights: ['she had a point'],
    },
  ],
  invalid: [
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
