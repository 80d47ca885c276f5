// Rule tables for the nine check kinds: valid and invalid answers per kind, with golden one-line messages.
import { describe, expect, it } from 'vitest'
import { formatRubricError, parseRubric } from '../../engine/parse'
import { score } from '../../engine/score'
import type { CriterionStatus, Message, Rubric } from '../../engine/types'

type Options = Record<string, unknown>

/** A rubric with one criterion of `kind` (its id is the kind's name) and a single band; options as YAML flow. */
function rubricFor(kind: string, options: Options = {}): Rubric {
  const optionLines = Object.entries(options).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
  const yaml = [
    `id: test-${kind}`,
    'title: Test rubric',
    'kind: general',
    'summary: One criterion under test.',
    'criteria:',
    `  - id: ${kind}`,
    `    check: ${kind}`,
    '    weight: 10',
    ...optionLines,
    'bands:',
    '  - { id: any, label: Any, min: 0 }',
    '',
  ].join('\n')
  const { rubric, errors } = parseRubric(yaml, `test/${kind}.yaml`)
  if (rubric === undefined) throw new Error(errors.map(formatRubricError).join('\n'))
  return rubric
}

/** `start-end ruleId: reason`, or `- ruleId: reason` for a message without a place. */
function golden(m: Message): string {
  const where = m.place === undefined ? '-' : `${m.place.start}-${m.place.end}`
  return `${where} ${m.ruleId}: ${m.reason}`
}

interface Case {
  name: string
  text: string
  options?: Options
  /** Points out of 100 (the criterion is the rubric's only one). */
  score: number
  /** Required for invalid cases; valid cases are always `met`. */
  status?: Exclude<CriterionStatus, 'met'>
  /** Golden lines, in order. */
  messages?: string[]
  /** The answer's text under each placed message, in order: what the UI highlights. */
  highlights?: string[]
}

interface Table {
  valid: Case[]
  invalid: Case[]
}

function scoreCase(kind: string, c: Case) {
  const report = score(c.text, rubricFor(kind, c.options))
  expect(report.criteria).toHaveLength(1)
  return report.criteria[0]!
}

function expectCase(kind: string, c: Case, status: CriterionStatus): void {
  const result = scoreCase(kind, c)
  expect({ status: result.status, score: result.score, max: result.max }).toEqual({
    status,
    score: c.score,
    max: 100,
  })
  expect(result.messages.map(golden)).toEqual(c.messages ?? [])
  for (const m of result.messages) {
    expect(m.source).toBe('starboard')
    // Every check says why its finding matters to an interviewer, in one sentence.
    expect(m.note, m.reason).toMatch(/^[A-Z].{20,}\.$/)
  }
  if (c.highlights !== undefined) {
    const placed = result.messages.flatMap((m) => (m.place === undefined ? [] : [m.place]))
    expect(placed.map((p) => c.text.slice(p.start, p.end))).toEqual(c.highlights)
  }
}

function ruleTester(kind: string, table: Table): void {
  describe(kind, () => {
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => expectCase(kind, c, 'met'))
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        if (c.status === undefined) throw new Error(`invalid case '${c.name}' needs a status`)
        expectCase(kind, c, c.status)
      })
    }
  })
}

/** `n` words of filler, ten to a sentence. */
function words(n: number): string {
  return Array.from({ length: n }, (_, i) => (i % 10 === 9 || i === n - 1 ? 'word.' : 'word')).join(' ')
}

const FULL_STORY = [
  'Situation: Last March I was the on-call lead for the order service at a grocery delivery company, and every Friday evening the service timed out for twenty minutes.',
  'Task: My manager asked me to find the cause before the Easter weekend.',
  'Action: I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a reporting job that someone had moved to six in the evening. I rewrote the export to read from the replica in batches of 5,000 rows and added an index on the orders table.',
  'Result: The Friday timeouts stopped completely, and peak latency fell from 2.4 seconds to 310 ms.',
].join('\n')

const I_ACTION =
  'Action: I pulled three weeks of traces from Datadog and lined them up against the slow-query log. I found a reporting export that scanned the orders table every evening. I rewrote the export to read from the replica in batches, and I added an index on the created_at column.'
const WE_ACTION =
  'Action: We pulled three weeks of traces from Datadog and lined them up against the slow-query log. We found a reporting export that scanned the orders table every evening. We rewrote the export to read from the replica in batches, and we added an index on the created_at column.'
const MIXED_ACTION =
  'Action: I pulled three weeks of traces from Datadog and lined them up against the slow-query log. We found a reporting export that scanned the orders table every evening. I rewrote the export to read from the replica in batches, and we added an index on the created_at column.'

const FIVE_ACTIONS =
  'I rewrote the export. I added an index. I moved the job to the replica. I wrote a runbook. I trained the team.'

const CLEAN_75 =
  'I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a job that someone had moved to six in the evening. I traced the job to a reporting export that ran a full table scan on the orders table. I rewrote the export to read from the replica in batches and added an index on the created_at column.'

ruleTester('star-sections', {
  valid: [
    { name: 'all four sections, Action the largest', text: FULL_STORY, score: 100 },
    {
      name: 'only the required sections, with lower minimum words',
      text: 'Action: I rewrote the export to read from the replica.\nResult: The Friday timeouts stopped completely.',
      options: { required: ['action', 'result'], minWords: { situation: 1, task: 1, action: 5, result: 3 } },
      score: 100,
    },
  ],
  invalid: [
    {
      name: 'no Task and no Result',
      text: 'Situation: Last March I was the on-call lead for the order service at a grocery delivery company, and every Friday evening the service timed out for twenty minutes.\nAction: I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a reporting job that someone had moved to six in the evening. I rewrote the export to read from the replica in batches of 5,000 rows and added an index on the orders table.',
      status: 'partial',
      // Presence 2/4 (0.3) + Action share (0.15) + Action largest (0.1) + Situation under 35% (0.15).
      score: 70,
      messages: [
        '- star-sections: No Task found: say what you were responsible for or asked to achieve',
        '- star-sections: No Result found: say what happened because of your actions, with a number if you can',
      ],
    },
    {
      name: 'a long Situation and a thin Action and Result',
      text: 'Situation: Last March I was the on-call lead for the order service at a grocery delivery company. Every Friday evening the service timed out for twenty minutes, and the support team was flooded with complaints from angry customers who could not place orders. The company had just raised a new funding round and the founders were worried about churn during the holiday season.\nTask: My manager asked me to find the cause.\nAction: I rewrote the export to read from the replica.\nResult: The Friday timeouts stopped completely.',
      status: 'partial',
      score: 44.45,
      messages: [
        '- star-sections: The Action is 11% of the answer; aim for at least 30%',
        '0-375 star-sections: The Situation takes 74% of the answer; keep background under 35%',
        '- star-sections: The Action is thin (9 words): say step by step what you did yourself, in the past tense',
        '- star-sections: The Result is thin (5 words): say what happened because of your actions, with a number if you can',
      ],
    },
  ],
})

ruleTester('ownership', {
  valid: [
    { name: 'every step of the Action says "I"', text: I_ACTION, score: 100 },
    {
      name: 'half "I" is enough with minShare 0.5',
      text: MIXED_ACTION,
      options: { minShare: 0.5, zeroShare: 0.1 },
      score: 100,
    },
    {
      name: 'a short Action passes a low minActionWords, with a warning',
      text: 'Action: I rewrote the export.',
      options: { minActionWords: 5 },
      score: 80,
      messages: ['- ownership: The Action is 4 words: too little to show what you did'],
    },
  ],
  invalid: [
    {
      name: 'the Action hides behind "we"',
      text: WE_ACTION,
      status: 'missed',
      score: 0,
      messages: [
        '- ownership: Only 0% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
      highlights: ['We', 'We', 'We', 'we'],
    },
    {
      name: 'half "I", half "we"',
      text: MIXED_ACTION,
      status: 'partial',
      // (0.5 - 0.25) / (0.7 - 0.25) of the points.
      score: 55.56,
      messages: [
        '- ownership: Only 50% of the Action says "I"; interviewers want your part, not the team\'s',
        '98-100 ownership: Say "I" for what you did yourself',
        '233-235 ownership: Say "I" for what you did yourself',
      ],
      highlights: ['We', 'we'],
    },
    {
      name: 'a thin Action earns credit in proportion to its words',
      text: 'Action: I rewrote the export.',
      status: 'missed',
      // 4 of the 40 words needed.
      score: 10,
      messages: ['- ownership: The Action is 4 words: too little to show what you did'],
    },
    {
      name: 'no Action at all',
      text: 'Situation: the export was slow.\nResult: it got faster.',
      status: 'missed',
      score: 0,
      messages: ['- ownership: There is no Action to show what you did yourself'],
    },
    {
      name: 'a passive Action never says who did the work',
      text: 'Action: The export was rewritten to read from the replica in batches, and an index was added on the created_at column so the nightly scan stopped locking the orders table during the dinner rush every evening.',
      status: 'missed',
      score: 30,
      messages: ['- ownership: The Action never says who did the work'],
    },
  ],
})

ruleTester('quantified-result', {
  valid: [
    {
      name: 'a multiplier in words',
      text: 'Result: we handled twice the usual volume.',
      score: 100,
      messages: ['19-24 quantified-result: Measured outcome'],
      highlights: ['twice'],
    },
    {
      name: 'a fraction in words',
      text: 'Result: support tickets dropped by a third.',
      score: 100,
      messages: ['37-42 quantified-result: Measured outcome'],
      highlights: ['third'],
    },
    {
      name: 'a percentage',
      text: 'Result: latency fell by 40%.',
      score: 100,
      messages: ['24-27 quantified-result: Measured outcome'],
      highlights: ['40%'],
    },
    {
      name: 'a percentage in words',
      text: 'Result: latency fell by 40 percent.',
      score: 100,
      messages: ['24-34 quantified-result: Measured outcome'],
      highlights: ['40 percent'],
    },
    {
      name: 'money with a k suffix',
      text: 'Result: we saved $40k a year.',
      score: 100,
      messages: ['17-21 quantified-result: Measured outcome'],
      highlights: ['$40k'],
    },
    {
      name: 'a duration in number words',
      text: 'Result: the migration finished in three weeks.',
      score: 100,
      messages: ['34-45 quantified-result: Measured outcome'],
      highlights: ['three weeks'],
    },
    {
      name: 'a change from one figure to another',
      text: 'Result: page loads dropped from 900 to 120 ms.',
      score: 100,
      messages: ['32-35 quantified-result: Measured outcome', '39-45 quantified-result: Measured outcome'],
      highlights: ['900', '120 ms'],
    },
    {
      name: 'a count with its unit',
      text: 'Result: we served 10,000 users.',
      score: 100,
      messages: ['18-30 quantified-result: Measured outcome'],
      highlights: ['10,000 users'],
    },
    {
      name: 'a multiplier word',
      text: 'Result: the error rate halved.',
      score: 100,
      messages: ['23-29 quantified-result: Measured outcome'],
      highlights: ['halved'],
    },
    {
      name: 'zero as a number word',
      text: 'Result: we handled the Easter weekend with zero incidents.',
      score: 100,
      messages: ['43-57 quantified-result: Measured outcome'],
      highlights: ['zero incidents'],
    },
    {
      name: 'min 2 with two measures',
      text: 'Result: latency fell by 40% and costs by $3k a month.',
      options: { min: 2 },
      score: 100,
      messages: ['24-27 quantified-result: Measured outcome', '41-44 quantified-result: Measured outcome'],
      highlights: ['40%', '$3k'],
    },
    {
      name: 'section: action reads the Action instead of the Result',
      text: 'Action: I migrated 12 services.\nResult: the team was relieved.',
      options: { section: 'action' },
      score: 100,
      messages: ['19-30 quantified-result: Measured outcome'],
      highlights: ['12 services'],
    },
  ],
  invalid: [
    {
      name: 'years are dates, not measures',
      text: 'In 2021 I rewrote the billing job. Result: it shipped in 2022.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'versions are names, not measures',
      text: 'I upgraded the client to v2.3 and rewrote the retry logic. Result: we shipped v2.3 to everyone.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a vague outcome is pointed at',
      text: 'I rewrote the job. Result: the team was happy.',
      status: 'missed',
      score: 15,
      messages: ['19-46 quantified-result: Result says how it went but not by how much'],
      highlights: ['Result: the team was happy.'],
    },
    {
      name: 'a latency percentile name is not a measure',
      text: 'Result: we started tracking p99 latency.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a version number is not a measure',
      text: 'Result: we upgraded every service to Node 18 and Python 3.12.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a quarter is a date, not a measure',
      text: 'Result: we shipped in Q3 2021.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a number outside the Result earns a little',
      text: 'Situation: our checkout page took 9 seconds to load.\nAction: I rewrote the image pipeline.\nResult: it went fine.',
      status: 'missed',
      score: 25,
      messages: [
        '34-43 quantified-result: Your numbers are in the Situation, not the Result: say what they changed',
        '- quantified-result: Result has no measurable outcome',
      ],
    },
    {
      name: 'no Result at all',
      text: 'I rewrote the job.',
      status: 'missed',
      score: 0,
      messages: ['- quantified-result: There is no Result to measure'],
    },
    {
      name: 'min 3 with one measure',
      text: 'Result: latency fell by 40%.',
      options: { min: 3 },
      status: 'partial',
      // 0.4 + 0.35 × 1/3 of the points.
      score: 51.67,
      messages: ['24-27 quantified-result: Measured outcome'],
    },
    {
      name: 'min 2 with one measure is not yet met',
      text: 'Result: latency fell by 40%.',
      options: { min: 2 },
      status: 'partial',
      score: 57.5,
      messages: ['24-27 quantified-result: Measured outcome'],
    },
  ],
})

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
      name: 'in the required section',
      text: 'Action: I volunteered to rewrite the billing job.',
      options: { section: 'action', groups: OWNERSHIP_GROUP },
      score: 100,
      messages: ['10-21 keywords: Shows taking ownership'],
      highlights: ['volunteered'],
    },
  ],
  invalid: [
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
      name: '"I\'d have…" looks back, it does not speculate',
      text: "I rewrote the export. I added an index on the orders table. In hindsight, I'd have asked for help sooner.",
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
      name: 'min 1 detail',
      text: 'I rewrote the export in Go.',
      options: { min: 1 },
      score: 100,
    },
  ],
  invalid: [
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
      name: 'one detail of the four needed',
      text: 'I rewrote the export in Go.',
      status: 'missed',
      score: 25,
      messages: ['- specificity: 1 specific detail; aim for 4 or more'],
    },
  ],
})

ruleTester('reflection', {
  valid: [
    {
      name: 'closes with what was learned',
      text: `${FIVE_ACTIONS} I learned to check the calendar before profiling code.`,
      score: 100,
      messages: ['111-165 reflection: Reflection on what you learned'],
      highlights: ['I learned to check the calendar before profiling code.'],
    },
    {
      name: '"Looking back, I would have…" is a reflection, not a hypothetical',
      text: `${FIVE_ACTIONS} Looking back, I would have asked for help sooner.`,
      score: 100,
      messages: ['111-160 reflection: Reflection on what you learned'],
    },
  ],
  invalid: [
    {
      name: 'no lesson',
      text: `${FIVE_ACTIONS} The export ran faster.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'a lesson at the start, not the end, earns half',
      text: `I learned a lot from my manager early on. ${FIVE_ACTIONS}`,
      status: 'partial',
      score: 50,
      messages: ['0-41 reflection: Reflection on what you learned'],
    },
  ],
})

ruleTester('hedging', {
  valid: [
    {
      name: 'no hedges in 75 words (credit grows to 80 words)',
      text: CLEAN_75,
      score: 93.75,
      messages: ['- hedging: Only 75 words: too little to show confident delivery'],
    },
    {
      name: 'one hedge in 80 words with maxPer100 1',
      text: `${CLEAN_75} I basically rewrote the export.`,
      options: { maxPer100: 1, zeroPer100: 5 },
      score: 93.75,
      messages: ['398-407 hedging: Hedge or filler word'],
      highlights: ['basically'],
    },
    {
      name: 'a looser maxPer100 allows three hedges',
      text: `${CLEAN_75} I basically rewrote the export and it was kind of faster, I guess.`,
      options: { maxPer100: 5, zeroPer100: 10 },
      score: 100,
      messages: [
        '398-407 hedging: Hedge or filler word',
        '438-445 hedging: Hedge or filler word',
        '454-461 hedging: Hedge or filler word',
      ],
      highlights: ['basically', 'kind of', 'I guess'],
    },
  ],
  invalid: [
    {
      name: 'hedges everywhere',
      text: 'I basically rewrote the export, and it was kind of faster, I think. Maybe it helped.',
      status: 'missed',
      score: 0,
      messages: [
        '2-11 hedging: Hedge or filler word',
        '43-50 hedging: Hedge or filler word',
        '59-66 hedging: Hedge or filler word',
        '68-73 hedging: Hedge or filler word',
      ],
      highlights: ['basically', 'kind of', 'I think', 'Maybe'],
    },
    {
      name: 'one hedge in 80 words costs a third',
      text: `${CLEAN_75} I basically rewrote the export.`,
      status: 'partial',
      score: 62.5,
      messages: ['398-407 hedging: Hedge or filler word'],
    },
    {
      name: 'three hedges in 87 words',
      text: `${CLEAN_75} I basically rewrote the export and it was kind of faster, I guess.`,
      status: 'missed',
      score: 0,
      messages: [
        '398-407 hedging: Hedge or filler word',
        '438-445 hedging: Hedge or filler word',
        '454-461 hedging: Hedge or filler word',
      ],
    },
    {
      name: 'a four-word answer shows no confidence yet',
      text: 'I rewrote the export.',
      status: 'missed',
      score: 5,
      messages: ['- hedging: Only 4 words: too little to show confident delivery'],
    },
  ],
})

describe('every check kind', () => {
  it('gives no credit and no messages for an empty answer, and says so once', () => {
    for (const kind of [
      'star-sections',
      'ownership',
      'quantified-result',
      'hypothetical',
      'length',
      'specificity',
      'reflection',
      'hedging',
    ]) {
      const report = score('   \n', rubricFor(kind))
      expect(report.criteria.map((c) => [c.id, c.status, c.score, c.messages.length])).toEqual([
        [kind, 'missed', 0, 0],
      ])
      expect(report.messages.map(golden)).toEqual([
        '- empty-answer: The answer is empty: write one real story, Situation to Result',
      ])
    }
  })

  it('reports the speaking time at 150 words a minute', () => {
    expect(score(words(120), rubricFor('length')).stats.speakingSeconds).toBe(48)
    expect(score(words(450), rubricFor('length')).stats.speakingSeconds).toBe(180)
  })
})

describe('looking back is not hypothetical', () => {
  it.each([
    ['Next time, I would loop in the data team earlier.'],
    ['If I did it again, I would write the runbook first.'],
    ['Since then I always check the job schedule first.'],
  ])('"%s" is reflection, not a hypothetical', (closing) => {
    const text = `In 2022 I owned the billing export. I profiled the nightly job and rewrote its queries. I added an index and moved it to the replica. The job dropped from 40 minutes to 6. ${closing}`
    const hypothetical = score(text, rubricFor('hypothetical')).criteria[0]!
    expect(hypothetical.status).toBe('met')
    expect(hypothetical.messages).toEqual([])
    const reflection = score(text, rubricFor('reflection')).criteria[0]!
    expect(reflection.status).toBe('met')
  })
})
