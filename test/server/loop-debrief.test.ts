// The debrief's verdicts follow the rubric's bands, and its STAR balance counts every word, "other" included.

import { describe, expect, test } from 'vitest'
import { type Rubric, type ScoreReport, score } from '../../engine/index'
import {
  type AnsweredQuestion,
  buildDebrief,
  debriefMarkdown,
  starBalance,
  verdictFor,
} from '../../server/loop-debrief'
import { shippedRubrics } from '../engine/helpers'

const rubrics = shippedRubrics()
const ownership = rubrics.get('ownership')!

/** A report as scored, with its total set to `total` and the band the rubric gives that total. */
function reportAt(rubric: Rubric, answer: string, total: number): ScoreReport {
  const report = score(answer, rubric)
  const band = [...rubric.bands].sort((a, b) => b.min - a.min).find((b) => total >= b.min)!
  return { ...report, score: total, band: { id: band.id, label: band.label } }
}

const STORY = `Situation: Last spring our checkout service failed during peak sales.
Task: I volunteered to restore it because customers could not pay.
Action: I traced the errors to a connection pool limit and raised it.
Result: Checkout errors fell from 9% to 0.2% within an hour.`

function answered(rubric: Rubric, total: number, answer = STORY, i = 0): AnsweredQuestion {
  const report = reportAt(rubric, answer, total)
  return {
    promptId: rubric.prompts[0]!.id,
    rubricId: rubric.id,
    principle: rubric.title,
    text: rubric.prompts[0]!.text,
    attemptId: i + 1,
    answer,
    durationMs: null,
    report,
    rubric,
    followUps: [],
    beforeFollowUps: undefined,
  }
}

describe('verdicts', () => {
  test('follow the band of the principle’s score: a Developing 75 is not yet at the bar', () => {
    const d = buildDebrief([answered(ownership, 75)])
    expect(d.principles[0]).toMatchObject({
      score: 75,
      band: { id: 'developing', label: 'Developing' },
      verdict: 'not-yet-at-the-bar',
      verdictLabel: 'Not yet at the bar',
    })
    expect(d.questions[0]!.band).toEqual(d.principles[0]!.band)
  })

  test('Strong meets the bar and Needs work is below it, at the band edges the rubric sets', () => {
    const byScore = (total: number) => buildDebrief([answered(ownership, total)]).principles[0]!
    expect(byScore(85)).toMatchObject({ band: { id: 'strong' }, verdict: 'meets-the-bar' })
    expect(byScore(84)).toMatchObject({ band: { id: 'developing' }, verdict: 'not-yet-at-the-bar' })
    expect(byScore(60)).toMatchObject({ band: { id: 'developing' }, verdict: 'not-yet-at-the-bar' })
    expect(byScore(59)).toMatchObject({ band: { id: 'weak' }, verdict: 'below-the-bar' })
  })

  test('a principle asked twice is judged by the band of its mean under its rubric', () => {
    const d = buildDebrief([answered(ownership, 90), answered(ownership, 50, STORY, 1)])
    expect(d.principles).toHaveLength(1)
    expect(d.principles[0]).toMatchObject({
      score: 70,
      band: { id: 'developing' },
      verdict: 'not-yet-at-the-bar',
    })
  })

  test('without its rubric (it left service), a principle keeps the band its answer got', () => {
    const d = buildDebrief([{ ...answered(ownership, 88), rubric: undefined }])
    expect(d.principles[0]).toMatchObject({
      band: { id: 'strong', label: 'Strong' },
      verdict: 'meets-the-bar',
    })
  })

  test('the rule in words names the bands a rubric gone from service gave, with their verdicts', () => {
    const gone = { ...answered(ownership, 88), rubric: undefined }
    expect(buildDebrief([gone]).verdictRule).toBe(
      'Each verdict follows the band of the principle’s score under its rubric: Strong meets the bar.',
    )
  })

  test('a band named otherwise, of a rubric gone from service, has no verdict, and the rule says so', () => {
    // A principle rubric with bands of its own names, scored while in service.
    const ranked: Rubric = {
      ...ownership,
      bands: [
        { id: 'excellent', label: 'Excellent', min: 90 },
        { id: 'good', label: 'Good', min: 70 },
        { id: 'poor', label: 'Poor', min: 0 },
      ],
    }
    const inService = buildDebrief([answered(ranked, 95)])
    expect(inService.principles[0]).toMatchObject({ band: { id: 'excellent' }, verdict: 'meets-the-bar' })
    // Gone from service, only the band its answer got is known: neither its place nor its meaning is.
    for (const total of [95, 75, 20]) {
      const gone = buildDebrief([{ ...answered(ranked, total), rubric: undefined }])
      expect(gone.principles[0], String(total)).toMatchObject({
        score: total,
        verdict: 'no-verdict',
        verdictLabel: 'No verdict: rubric not in service',
      })
    }
    expect(verdictFor({ id: 'poor' }, []).verdict).toBe('no-verdict')
    // A band named strong, developing or weak keeps its verdict without the rubric.
    expect(verdictFor({ id: 'weak' }, []).verdict).toBe('below-the-bar')

    const mixed = buildDebrief([
      { ...answered(ranked, 75), rubric: undefined },
      answered(rubrics.get('customer-obsession')!, 88, STORY, 1),
    ])
    expect(mixed.principles.map((p) => p.verdict)).toEqual(['no-verdict', 'meets-the-bar'])
    expect(mixed.verdictRule).toBe(
      'Each verdict follows the band of the principle’s score under its rubric: Strong meets the bar, Developing ' +
        'is not yet at the bar, Needs work is below the bar, Good has no verdict (its rubric is no longer in service).',
    )
    const loop = {
      id: 8,
      seed: 's',
      principles: [],
      createdAt: '2026-11-28T12:00:00.000Z',
      status: 'complete' as const,
      questions: [],
      debrief: mixed,
    }
    expect(debriefMarkdown(loop, mixed)).toContain(
      `| ${ownership.title} | 75 | Good | No verdict: rubric not in service |`,
    )
  })

  test('bands named otherwise are judged by their place among the rubric’s bands', () => {
    const bands = [
      { id: 'excellent', min: 90 },
      { id: 'good', min: 70 },
      { id: 'fair', min: 40 },
      { id: 'poor', min: 0 },
    ]
    expect(verdictFor({ id: 'excellent' }, bands).verdict).toBe('meets-the-bar')
    expect(verdictFor({ id: 'good' }, bands).verdict).toBe('not-yet-at-the-bar')
    expect(verdictFor({ id: 'fair' }, bands).verdict).toBe('not-yet-at-the-bar')
    expect(verdictFor({ id: 'poor' }, bands).verdict).toBe('below-the-bar')
  })
})

describe('STAR balance', () => {
  test('counts the words in no section as other, so the shares add up to 100%', () => {
    // A story with an opening that is no part of it.
    const answer = `Hello! Great question, thanks for asking. Let me think for a moment about which one fits best.\n${STORY}`
    const report = score(answer, ownership)
    const sections = report.sections
    const inSections =
      sections.situation.share + sections.task.share + sections.action.share + sections.result.share
    expect(inSections).toBeLessThan(0.9)
    const star = starBalance(report)
    expect(star.other).toBeGreaterThan(0.1)
    const shares = [star.situation, star.task, star.action, star.result, star.other]
    expect(shares.reduce((a, b) => a + Math.round(b * 100), 0)).toBe(100)
    // Each share is the section's words over all the words, to the nearest hundredth or one off by rounding.
    const words = report.stats.words
    const exact = [
      sections.situation.words,
      sections.task.words,
      sections.action.words,
      sections.result.words,
      words - sections.situation.words - sections.task.words - sections.action.words - sections.result.words,
    ].map((w) => (w * 100) / words)
    for (const [i, s] of shares.entries()) expect(Math.abs(s * 100 - exact[i]!)).toBeLessThan(1)
  })

  test('rounds so that three thirds still make 100%', () => {
    const report = {
      stats: { words: 3 },
      sections: {
        situation: { words: 1, share: 0.33 },
        task: { words: 1, share: 0.33 },
        action: { words: 1, share: 0.33 },
        result: { words: 0, share: 0 },
      },
    } as unknown as ScoreReport
    expect(starBalance(report)).toEqual({ situation: 0.34, task: 0.33, action: 0.33, result: 0, other: 0 })
  })

  test('is all zero for an answer without words', () => {
    const star = starBalance(score('', ownership))
    expect(star).toEqual({ situation: 0, task: 0, action: 0, result: 0, other: 0 })
  })
})

describe('the Markdown export', () => {
  test('gives each principle its band beside the verdict, the rule they follow, and other in the balance', () => {
    const d = buildDebrief([answered(ownership, 75), answered(rubrics.get('dive-deep')!, 92, STORY, 1)])
    const loop = {
      id: 7,
      seed: 's',
      principles: [],
      createdAt: '2026-11-28T12:00:00.000Z',
      status: 'complete' as const,
      questions: [],
      debrief: d,
    }
    const md = debriefMarkdown(loop, d)
    expect(md).toContain(`| ${ownership.title} | 75 | Developing | Not yet at the bar |`)
    expect(md).toContain(`| ${rubrics.get('dive-deep')!.title} | 92 | Strong | Meets the bar |`)
    expect(d.verdictRule).toBe(
      'Each verdict follows the band of the principle’s score under its rubric: Strong meets the bar, Developing ' +
        'is not yet at the bar, Needs work is below the bar.',
    )
    expect(md).toContain(`\n${d.verdictRule}\n`)
    expect(md).toContain('| S / T / A / R / other |')
    const q = d.questions[0]!.star
    const row = [q.situation, q.task, q.action, q.result, q.other]
      .map((s) => `${Math.round(s * 100)}%`)
      .join(' / ')
    expect(md).toContain(row)
  })
})
