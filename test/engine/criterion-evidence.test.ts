// Why a criterion earned what it did, for every check kind: the spans its check counted toward it (the STAR
// sentences, the steps told with "I", the details, the measured outcome, the lesson, the hedges…), read without
// changing the score report.
import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../engine/analysis-types'
import { analyze } from '../../engine/analyze'
import { criterionEvidence } from '../../engine/criterion-evidence'
import { score, scoreAnalysis } from '../../engine/score'
import type { Criterion, Rubric } from '../../engine/types'
import { FULL_STORY, MIXED_ACTION, rubricFor, WE_ACTION } from './check-table'
import { starCore } from './helpers'

/** The spans `criterion` counted, given its result in the report scored from the same analysis. */
function evidenceOf(analysis: Analysis, rubric: Rubric, criterion: Criterion) {
  const result = scoreAnalysis(analysis, rubric).criteria.find((c) => c.id === criterion.id)!
  return criterionEvidence(analysis, criterion, result)
}

/** Each span of `answer` the one criterion of `rubric` counted, as [text, reason]. */
function spans(rubric: Rubric, answer: string): [string, string][] {
  return evidenceOf(analyze(answer), rubric, rubric.criteria[0]!).map((e) => [
    answer.slice(e.start, e.end),
    e.reason,
  ])
}

const [SITUATION, TASK, , RESULT] = FULL_STORY.split('\n') as [string, string, string, string]

describe('criterionEvidence', () => {
  it('star-sections: every sentence of a required section, named by the section it counts as', () => {
    expect(spans(rubricFor('star-sections'), FULL_STORY)).toEqual([
      [SITUATION, 'Counted as Situation'],
      [TASK, 'Counted as Task'],
      [
        'Action: I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log.',
        'Counted as Action',
      ],
      [
        'I noticed that every timeout started within a minute of a reporting job that someone had moved to six in the evening.',
        'Counted as Action',
      ],
      [
        'I rewrote the export to read from the replica in batches of 5,000 rows and added an index on the orders table.',
        'Counted as Action',
      ],
      [RESULT, 'Counted as Result'],
    ])
    // Only the sections the criterion requires.
    const actionOnly = rubricFor('star-sections', { required: ['action'] })
    expect(spans(actionOnly, FULL_STORY).map(([, why]) => why)).toEqual([
      'Counted as Action',
      'Counted as Action',
      'Counted as Action',
    ])
  })

  it('star-sections: a closing outcome and a stated Task count where the check moves them, and say so', () => {
    const outcome =
      'Action: I rewrote the export to read from the replica in batches, and I added an index. After that, the error rate dropped from 4% to 0.3%.'
    expect(analyze(outcome).sentences.map((s) => s.star)).toEqual(['action', 'action'])
    expect(spans(rubricFor('star-sections'), outcome)).toEqual([
      [
        'Action: I rewrote the export to read from the replica in batches, and I added an index.',
        'Counted as Action',
      ],
      [
        'After that, the error rate dropped from 4% to 0.3%.',
        'Counted as Result: an outcome after your last step',
      ],
    ])
    const scene =
      'In 2022 our team ran the checkout service on an old cluster, and the platform group planned to retire it.'
    const duty = "Once it did, my responsibility was to move my team's services first."
    const step = 'I rewrote the deploy scripts for the new cluster and moved the first service in March.'
    const task = `${scene} ${duty}\n${step}`
    expect(analyze(task).sentences.map((s) => s.star)).toEqual(['situation', 'situation', 'action'])
    expect(spans(rubricFor('star-sections'), task)).toEqual([
      [scene, 'Counted as Situation'],
      [duty, 'Counted as Task: says what you were responsible for'],
      [step, 'Counted as Action'],
    ])
  })

  it('ownership: the steps told with "I", not the ones told with "we"', () => {
    expect(spans(rubricFor('ownership'), MIXED_ACTION)).toEqual([
      [
        'Action: I pulled three weeks of traces from Datadog and lined them up against the slow-query log.',
        'Told with "I": a step of your own',
      ],
      [
        'I rewrote the export to read from the replica in batches, and we added an index on the created_at column.',
        'Told with "I": a step of your own',
      ],
    ])
    // All "we": the criterion earns nothing, so nothing is shown as earning it.
    expect(score(WE_ACTION, rubricFor('ownership')).criteria[0]!.status).toBe('missed')
    expect(spans(rubricFor('ownership'), WE_ACTION)).toEqual([])
  })

  it("ownership: a sentence naming the speaker's own share says so", () => {
    const answer = `${WE_ACTION} My part was the index: I wrote it myself and tested it against a copy of production.`
    expect(spans(rubricFor('ownership'), answer)).toContainEqual([
      'My part was the index: I wrote it myself and tested it against a copy of production.',
      'Names your own share of the work',
    ])
  })

  it('hypothetical: the steps told as they happened, not what the speaker would do', () => {
    const answer = `${I_STEPS} Usually I would write a design document first.`
    const got = spans(rubricFor('hypothetical'), answer)
    expect(got.map(([text]) => text)).toEqual(I_STEPS.split(/(?<=\.) /))
    expect(new Set(got.map(([, why]) => why))).toEqual(
      new Set(['A step of a real story, told as it happened']),
    )
  })

  it('specificity: each detail where it is first named, once', () => {
    const answer =
      'In March 2023 I moved the Kafka consumers to Kubernetes. I tuned Kafka for two days and cut lag to 40 seconds.'
    const got = spans(rubricFor('specificity'), answer)
    expect(got.every(([, why]) => why === 'Specific detail')).toBe(true)
    const texts = got.map(([text]) => text)
    expect(texts).toEqual(expect.arrayContaining(['March', '2023', 'Kafka', 'Kubernetes']))
    expect(texts.filter((t) => t === 'Kafka')).toHaveLength(1)
    expect(score(answer, rubricFor('specificity', { min: texts.length })).criteria[0]!.status).toBe('met')
    expect(
      score(answer, rubricFor('specificity', { min: texts.length + 1 })).criteria[0]!.score,
    ).toBeLessThan(100)
  })

  it('length and hedging: the story as a whole, with its measure; the hedges themselves', () => {
    const answer = `${FULL_STORY} I think it basically worked.`
    const story = answer.slice(answer.indexOf('Situation'))
    expect(spans(rubricFor('length'), answer)).toEqual([
      [story, '120 words, 48 seconds spoken; full credit for 200–450 words'],
    ])
    expect(spans(rubricFor('hedging'), answer)).toEqual([
      [story, '2 hedges in 120 words (1.7 per 100; full credit up to 0.5)'],
      ['I think', 'Hedge or filler word'],
      ['basically', 'Hedge or filler word'],
    ])
  })

  it('quantified-result, reflection and keywords: the measures, the lesson and the hits their checks found', () => {
    expect(spans(rubricFor('quantified-result'), FULL_STORY)).toEqual([
      ['2.4 seconds', 'Measured outcome'],
      ['310 ms', 'Measured outcome'],
    ])
    const lesson = 'Since then I always check the replica lag before I move a reporting job.'
    expect(spans(rubricFor('reflection'), `${FULL_STORY}\n${lesson}`)).toEqual([
      [lesson, 'Reflection on what you learned'],
    ])
    const keywords = rubricFor('keywords', {
      section: 'action',
      groups: [{ label: 'tracing', any: ['pulled … traces'] }],
    })
    expect(spans(keywords, FULL_STORY)).toEqual([['pulled three weeks of traces', 'Shows tracing']])
  })

  it('leaves the report as it was, and says nothing of an empty answer', () => {
    const core = starCore()
    const before = JSON.stringify(score(FULL_STORY, core))
    const analysis = analyze(FULL_STORY)
    for (const c of core.criteria) evidenceOf(analysis, core, c)
    expect(JSON.stringify(score(FULL_STORY, core))).toBe(before)
    const empty = analyze('   ')
    for (const c of core.criteria) expect(evidenceOf(empty, core, c)).toEqual([])
  })
})

const I_STEPS =
  'I pulled three weeks of traces from Datadog. I found a reporting export that scanned the orders table. I rewrote the export to read from the replica.'
