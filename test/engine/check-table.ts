// Rule-table runner for the check kinds: a one-criterion rubric per kind, golden one-line messages,
// and the shared answers the kinds' tables score.
import { describe, expect, it } from 'vitest'
import { formatRubricError, parseRubric } from '../../engine/parse'
import { score } from '../../engine/score'
import type { CriterionStatus, Message, Rubric } from '../../engine/types'

type Options = Record<string, unknown>

/** A rubric with one criterion of `kind` (its id is the kind's name) and a single band; options as YAML flow. */
export function rubricFor(kind: string, options: Options = {}): Rubric {
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
export function golden(m: Message): string {
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

export function ruleTester(kind: string, table: Table): void {
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
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => (i % 10 === 9 || i === n - 1 ? 'word.' : 'word')).join(' ')
}

export const FULL_STORY = [
  'Situation: Last March I was the on-call lead for the order service at a grocery delivery company, and every Friday evening the service timed out for twenty minutes.',
  'Task: My manager asked me to find the cause before the Easter weekend.',
  'Action: I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a reporting job that someone had moved to six in the evening. I rewrote the export to read from the replica in batches of 5,000 rows and added an index on the orders table.',
  'Result: The Friday timeouts stopped completely, and peak latency fell from 2.4 seconds to 310 ms.',
].join('\n')

export const I_ACTION =
  'Action: I pulled three weeks of traces from Datadog and lined them up against the slow-query log. I found a reporting export that scanned the orders table every evening. I rewrote the export to read from the replica in batches, and I added an index on the created_at column.'
export const WE_ACTION =
  'Action: We pulled three weeks of traces from Datadog and lined them up against the slow-query log. We found a reporting export that scanned the orders table every evening. We rewrote the export to read from the replica in batches, and we added an index on the created_at column.'
export const MIXED_ACTION =
  'Action: I pulled three weeks of traces from Datadog and lined them up against the slow-query log. We found a reporting export that scanned the orders table every evening. I rewrote the export to read from the replica in batches, and we added an index on the created_at column.'

export const FIVE_ACTIONS =
  'I rewrote the export. I added an index. I moved the job to the replica. I wrote a runbook. I trained the team.'

export const CLEAN_75 =
  'I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a job that someone had moved to six in the evening. I traced the job to a reporting export that ran a full table scan on the orders table. I rewrote the export to read from the replica in batches and added an index on the created_at column.'
