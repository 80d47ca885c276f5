// Rule tables for the hypothetical, length and specificity checks: valid and invalid answers, with golden one-line messages.
import { FIVE_ACTIONS, ruleTester, words } from './check-table'

ruleTester('hypothetical', {
  valid: [
    {
      name: 'reported speech: "I told her I would…" is a past promise',
      text: 'I rewrote the export. I added an index. I told her I would fix the export by Friday.',
      score: 100,
    },
    {
      name: 'reported speech with a contraction',
      text: "I promised the team I'd ship it by Friday. I rewrote the export.",
      score: 100,
    },
    {
      name: 'a story told in the historic present is a real story',
      text: "It's March 2021 and I'm on call for the payments team. I open the dashboard and see the queue backing up. I page the database owner, and together we find a lock held by the nightly export. I kill the export and move it to the replica.",
      score: 100,
    },
    {
      name: '"I\'d have…" looks back, it does not speculate',
      text: "I rewrote the export. I added an index on the orders table. In hindsight, I'd have asked for help sooner.",
      score: 100,
    },
    {
      name: 'what a past step was for ("so we could…") is no hypothetical',
      text: 'I rewrote the export. I added an index so we could query the orders by date.',
      score: 100,
    },
  ],
  invalid: [
    {
      name: 'one habit among five past actions costs 40%, and a little more past maxShare',
      text: `${FIVE_ACTIONS} I usually start with the logs.`,
      // 1 of 6 sentences (17%) against maxShare 15%.
      status: 'partial',
      score: 57.14,
      messages: [
        '- hypothetical: 17% of the answer is hypothetical or habitual',
        '111-141 hypothetical: This says what you would do, not what you did',
      ],
      highlights: ['I usually start with the logs.'],
    },
    {
      name: 'a rule instead of a story ("a good engineer should always…") costs like a habit',
      text: `${FIVE_ACTIONS} A good engineer should always write a runbook.`,
      status: 'partial',
      score: 57.14,
      messages: [
        '- hypothetical: 17% of the answer is hypothetical or habitual',
        '111-157 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: 'a rule for a kind of case ("the right move in these cases is…") costs like a habit',
      text: `${FIVE_ACTIONS} The right move in these cases is to reproduce the fault first.`,
      status: 'partial',
      score: 57.14,
      messages: [
        '- hypothetical: 17% of the answer is hypothetical or habitual',
        '111-173 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: 'maxShare 0.5: half the answer habitual still costs only the 40% of one slip',
      text: 'I rewrote the export. I usually start with the logs.',
      options: { maxShare: 0.5 },
      status: 'partial',
      score: 60,
      messages: [
        '- hypothetical: 50% of the answer is hypothetical or habitual',
        '22-52 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: '"I would…" throughout',
      text: 'I would start by talking to the people involved. Then I would look at the data.',
      status: 'missed',
      score: 0,
      messages: [
        '- hypothetical: No past action found: tell one real story, in the past tense',
        '0-48 hypothetical: This says what you would do, not what you did',
        '49-79 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: '"I usually…" is a habit, not a story',
      text: 'I usually start by looking at the logs. I rewrote the export last year.',
      status: 'missed',
      score: 0,
      messages: [
        '- hypothetical: 50% of the answer is hypothetical or habitual',
        '0-39 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: 'rules alone are no past act: a rule sentence is not a story however it is labelled',
      text: 'A good engineer should always write a runbook. A good team must always review the rollout plan.',
      status: 'missed',
      score: 0,
      messages: [
        '- hypothetical: No past action found: tell one real story, in the past tense',
        '0-46 hypothetical: This says what you would do, not what you did',
        '47-95 hypothetical: This says what you would do, not what you did',
      ],
    },
    {
      name: 'a conditional',
      text: 'If I were in that situation, I would talk to my manager.',
      status: 'missed',
      score: 0,
      messages: [
        '- hypothetical: No past action found: tell one real story, in the past tense',
        '0-56 hypothetical: This says what you would do, not what you did',
      ],
    },
  ],
})

ruleTester('length', {
  valid: [
    { name: '200 words, the ideal minimum', text: words(200), score: 100 },
    { name: '450 words, the ideal maximum', text: words(450), score: 100 },
    {
      name: '550 words loses a little and says how long it takes to speak',
      text: words(550),
      score: 80,
      messages: ['- length: 550 words is about 3.5 minutes spoken; aim for 200–450 words'],
    },
    {
      name: 'custom bands and speaking rate',
      text: words(30),
      options: { min: 10, idealMin: 20, idealMax: 40, max: 60, wordsPerMinute: 120 },
      score: 100,
    },
  ],
  invalid: [
    {
      name: '120 words: half credit, 48 seconds spoken',
      text: words(120),
      status: 'partial',
      score: 50,
      messages: ['- length: 120 words (48 seconds spoken) is short; aim for 200–450 words'],
    },
    {
      name: '160 words: between min and idealMin',
      text: words(160),
      status: 'partial',
      score: 75,
      messages: ['- length: 160 words (64 seconds spoken) is short; aim for 200–450 words'],
    },
    {
      name: '60 words: nothing',
      text: words(60),
      status: 'missed',
      score: 0,
      messages: ['- length: 60 words (24 seconds spoken) is short; aim for 200–450 words'],
    },
    {
      name: '900 words: well past max',
      text: words(900),
      status: 'partial',
      score: 36.92,
      messages: ['- length: 900 words is about 6 minutes spoken; aim for 200–450 words'],
    },
    {
      name: '1300 words: nothing',
      text: words(1300),
      status: 'missed',
      score: 0,
      messages: ['- length: 1300 words is about 8.5 minutes spoken; aim for 200–450 words'],
    },
    {
      name: 'custom bands: 12 words at 120 a minute',
      text: words(12),
      options: { min: 10, idealMin: 20, idealMax: 40, max: 60, wordsPerMinute: 120 },
      status: 'partial',
      score: 60,
      messages: ['- length: 12 words (6 seconds spoken) is short; aim for 20–40 words'],
    },
  ],
})

ruleTester('specificity', {
  valid: [
    {
      name: 'named tools, people, dates and numbers',
      text: 'In March I moved the nightly export from Postgres to the Snowflake replica. I paired with Priya on the Airflow DAG and cut the run from 40 minutes to 6 minutes.',
      score: 100,
    },
    {
      name: 'a past fact told as an aside still names its details',
      text: "Honestly the thing I'm proudest of is a small one. This was at Orla, a subscription coffee company, in 2022, and the three places were Stripe, our Postgres admin panel and Zendesk.",
      score: 100,
    },
    {
      name: 'min 1 detail',
      text: 'I rewrote the export in Go.',
      options: { min: 1 },
      score: 100,
    },
  ],
  invalid: [
    {
      name: 'a system described in the present still names it; a heading run into its sentence names nothing',
      text: 'I fixed the export. The service is written in Go and runs on Kubernetes. **My goal.** Stop losing orders.',
      status: 'partial',
      score: 50,
      messages: ['- specificity: 2 specific details; aim for 4 or more'],
    },
    {
      name: 'names in a present-tense claim or a hypothetical tell nothing that happened',
      text: "I'm on the Payments team at Orla, so I know Stripe and Zendesk well. I would use Kafka and Postgres for it.",
      status: 'missed',
      score: 0,
      messages: ['- specificity: 0 specific details; aim for 4 or more'],
    },
    {
      name: 'nothing specific',
      text: 'I worked hard on the project. I talked to the team and fixed the problem.',
      status: 'missed',
      score: 0,
      messages: ['- specificity: 0 specific details; aim for 4 or more'],
    },
    {
      name: 'a generic claim is pointed at',
      text: 'I am passionate about data-driven teamwork. I rewrote the export.',
      status: 'missed',
      score: 0,
      messages: [
        '- specificity: 0 specific details; aim for 4 or more',
        '0-43 specificity: Generic claim: show it with a concrete example instead',
      ],
    },
    {
      name: 'a name said twice is one detail, and a kind of thing ("the database", "a queue") is none',
      text: 'I moved the database to Postgres. Postgres was faster than the old database. I added an index and a queue in front of the pipeline.',
      status: 'missed',
      score: 25,
      messages: ['- specificity: 1 specific detail; aim for 4 or more'],
    },
    {
      name: 'one detail of the four needed',
      text: 'I rewrote the export in Go.',
      status: 'missed',
      score: 25,
      messages: ['- specificity: 1 specific detail; aim for 4 or more'],
    },
  ],
})
