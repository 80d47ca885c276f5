// Follow-up probes: which criteria get one, in what order, how many, and how a rubric file declares them.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECK_NAMES } from '../../engine/checks/runners'
import { compileRubrics } from '../../engine/parse'
import { combineAnswer, MAX_PROBES, probeCriterionId, probeId, probeReason } from '../../engine/probes'
import { checkRubrics } from '../../engine/rubric-check'
import { score } from '../../engine/score'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

const rubrics = shippedRubrics()
const corpus = loadCorpus(CORPUS_DIR)
const STAR_CORE = readFileSync(new URL('../../rubrics/star-core.yaml', import.meta.url), 'utf8')

describe('probes in reports', () => {
  it('are at most three, only for missed or partial criteria, in the order of the suggestions', () => {
    let withProbes = 0
    for (const rubric of rubrics.values()) {
      for (const item of corpus.slice(0, 12)) {
        const report = score(item.answer, rubric)
        expect(report.probes.length).toBeLessThanOrEqual(MAX_PROBES)
        const status = new Map(report.criteria.map((c) => [c.id, c.status]))
        for (const p of report.probes) {
          expect(status.get(p.criterionId), p.id).not.toBe('met')
          expect(p.id).toBe(probeId(p.criterionId))
          expect(p.question).toBe(rubric.criteria.find((c) => c.id === p.criterionId)!.probe)
          expect(p.reason).toBe(probeReason(report.criteria.find((c) => c.id === p.criterionId)!))
          expect(p.reason).toMatch(/ \(\d+ of \d+ points\)\.$/)
        }
        // Probes for criteria the suggestions lead with come first, in the suggestions' order.
        const leads = report.suggestions.map((s) => s.criterionId)
        const ranks = report.probes.map((p) => leads.indexOf(p.criterionId)).map((r) => (r < 0 ? 1e9 : r))
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
        // Three are shown whenever three not-met criteria carry a probe.
        const askable = report.criteria.filter((c) => c.status !== 'met').length
        expect(report.probes.length).toBe(Math.min(MAX_PROBES, askable))
        if (report.probes.length > 0) withProbes++
      }
    }
    expect(withProbes).toBeGreaterThan(100)
  })

  it('asks nothing of an empty answer, and nothing of a criterion that is met', () => {
    const ownership = rubrics.get('ownership')!
    expect(score('', ownership).probes).toEqual([])
    const strong = ownership.examples.find((e) => e.expect.band === 'strong')!
    const report = score(strong.answer, ownership)
    const met = new Set(report.criteria.filter((c) => c.status === 'met').map((c) => c.id))
    expect(report.probes.every((p) => !met.has(p.criterionId))).toBe(true)
  })

  it('asks "What did you do yourself" of a story told as the team\'s', () => {
    const item = corpus.find((c) => c.variant === 'we')!
    const report = score(item.answer, rubrics.get('star-core')!)
    expect(report.probes.map((p) => p.id)).toContain('probe-ownership')
  })

  it('gives every weighted criterion of every shipped rubric a probe that is a question', () => {
    for (const rubric of rubrics.values()) {
      for (const c of rubric.criteria.filter((c) => c.weight > 0)) {
        expect(c.probe, `${rubric.id}/${c.id}`).toMatch(/\?$/)
        expect(c.probe!.length).toBeLessThanOrEqual(200)
      }
    }
    // A Leadership Principle asks its own questions, not only star-core's.
    const own = rubrics.get('dive-deep')!.criteria.find((c) => c.id === 'proven-cause')!
    expect(own.probe).toContain('root cause')
  })
})

describe('probe reasons', () => {
  // Every label a shipped rubric gives a criterion of each kind, and one a rubric author might write.
  const labels = new Map<string, Set<string>>(
    CHECK_NAMES.map((k) => [k, new Set(['Something the rubric names'])]),
  )
  for (const rubric of rubrics.values()) for (const c of rubric.criteria) labels.get(c.check)?.add(c.label)
  const ids = new Set([...rubrics.values()].flatMap((r) => r.criteria.map((c) => c.id)))

  it('reads, for every kind, status and label, as one sentence about the answer with its points', () => {
    let walked = 0
    for (const check of CHECK_NAMES) {
      for (const label of labels.get(check)!) {
        for (const [status, score, max] of [
          ['missed', 0, 8],
          ['missed', 2.4, 8],
          ['partial', 4.49, 8.33],
        ] as const) {
          const reason = probeReason({ check, label, status, score, max })
          const where = `${check} ${status} ${label}: ${reason}`
          // A sentence: a capital first, one full stop at the end, and none before it.
          expect(reason, where).toMatch(/^\p{Lu}/u)
          expect(reason, where).toMatch(/[^.]\.$/)
          expect(reason.slice(0, -1), where).not.toMatch(/[.!?](\s|$)/)
          // About the answer, in the candidate's words: no status word, no kind or criterion id.
          expect(reason, where).toMatch(/\b(your|you)\b/i)
          expect(reason, where).not.toMatch(/\b(is|are) (partial|missed|missing|met)\b/i)
          expect(reason, where).not.toContain(check.includes('-') ? check : ` ${check} `)
          for (const id of ids) if (id.includes('-')) expect(reason, where).not.toContain(id)
          // Whole points, as the candidate reads them everywhere.
          expect(reason, where).toContain(`(${Math.round(score)} of ${Math.round(max)} points)`)
          walked++
        }
      }
    }
    expect(walked).toBeGreaterThan(CHECK_NAMES.length * 3)
  })

  it('says something different when a criterion is missed and when it is partly met, for every kind', () => {
    for (const check of CHECK_NAMES) {
      const of = (status: 'missed' | 'partial') =>
        probeReason({ check, label: 'X', status, score: 1, max: 8 })
      expect(of('missed'), check).not.toBe(of('partial'))
    }
  })

  it('quotes the label of a criterion that names its own evidence, and reads on a kind it does not know', () => {
    const label = 'Owned the mistake'
    expect(probeReason({ check: 'keywords', label, status: 'partial', score: 3, max: 9 })).toContain(
      `“${label}”`,
    )
    expect(probeReason({ check: 'some-new-kind', label, status: 'missed', score: 0, max: 9 })).toBe(
      probeReason({ check: 'keywords', label, status: 'missed', score: 0, max: 9 }),
    )
  })
})

describe('probe ids and the combined answer', () => {
  it('round-trips a probe id to its criterion and refuses other ids', () => {
    expect(probeCriterionId(probeId('measurable-result'))).toBe('measurable-result')
    expect(probeCriterionId('measurable-result')).toBeUndefined()
    expect(probeCriterionId('probe-')).toBeUndefined()
  })

  it('joins the answer and each follow-up as paragraphs, and leaves an answer without follow-ups alone', () => {
    expect(combineAnswer('I led it. ', [])).toBe('I led it. ')
    expect(combineAnswer('I led it.\n', [{ answer: ' It cut costs 20%. ' }, { answer: '  ' }])).toBe(
      'I led it.\n\nIt cut costs 20%.',
    )
  })

  it('scores a follow-up together with the answer, so a measured result lifts the total', () => {
    const rubric = rubrics.get('star-core')!
    const item = corpus.find((c) => c.variant === 'no-numbers')!
    const before = score(item.answer, rubric)
    expect(before.probes.map((p) => p.id)).toContain('probe-measurable-result')
    const after = score(
      combineAnswer(item.answer, [
        { answer: 'As a result, p99 latency fell from 900 ms to 120 ms and errors dropped by 85%.' },
      ]),
      rubric,
    )
    expect(after.score).toBeGreaterThan(before.score)
  })
})

describe('probe in rubric files', () => {
  const file = (probe: string) => [
    {
      file: 'rubrics/star-core.yaml',
      text: STAR_CORE.replace(/probe: "What did you do yourself[^"]*"/, `probe: ${JSON.stringify(probe)}`),
    },
  ]

  it('is inherited by a child rubric and overridden by its own', () => {
    const child = `id: child\ntitle: Child\nkind: theme\nextends: star-core\nsummary: A child.\ncriteria:\n  - id: reflection\n    probe: "What would you change?"\n`
    const { rubrics: compiled, errors } = compileRubrics([
      { file: 'rubrics/star-core.yaml', text: STAR_CORE },
      { file: 'rubrics/child.yaml', text: child },
    ])
    expect(errors).toEqual([])
    const c = compiled.find((r) => r.id === 'child')!
    expect(c.criteria.find((x) => x.id === 'reflection')!.probe).toBe('What would you change?')
    expect(c.criteria.find((x) => x.id === 'ownership')!.probe).toBe(
      'What did you do yourself, as opposed to the team?',
    )
  })

  it('must be a question: rubrics check says where and how to fix it', () => {
    const sources = file('Tell me what you did yourself.')
    const { rubrics: compiled, errors } = compileRubrics(sources)
    expect(errors).toEqual([])
    const problems = checkRubrics(compiled, sources).problems.filter((p) => p.ruleId === 'probe-question')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toContain("The probe of 'ownership' is not a question")
    expect(STAR_CORE.split('\n')[problems[0]!.line - 1]).toContain('probe:')
    const fine = file('And what did you do yourself?')
    expect(
      checkRubrics(compileRubrics(fine).rubrics, fine).problems.filter((p) => p.ruleId === 'probe-question'),
    ).toEqual([])
  })

  it('has at most 200 characters: a longer one is an error at its line', () => {
    const { rubrics: compiled, errors } = compileRubrics(file(`${'Why '.repeat(60)}?`))
    expect(compiled).toEqual([])
    expect(errors.map((e) => e.message).join('\n')).toContain('at most 200 characters')
  })
})
