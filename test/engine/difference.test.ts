// The one report difference: what the re-score response carries and what the Compare page shows.
import { describe, expect, it } from 'vitest'
import { reportDifference } from '../../engine/difference'
import { score } from '../../engine/score'
import type { CriterionStatus, ScoreReport } from '../../engine/types'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { starCore } from './helpers'

function report(total: number, hash: string, criteria: [string, number, CriterionStatus][]): ScoreReport {
  return {
    score: total,
    rubricHash: hash,
    criteria: criteria.map(([id, points, status]) => ({
      id,
      label: id.toUpperCase(),
      check: 'x',
      weight: 1,
      score: points,
      max: 10,
      status,
      messages: [],
    })),
  } as unknown as ScoreReport
}

describe('reportDifference', () => {
  it("lists the later report's criteria in its order, then those only the earlier one has", () => {
    const d = reportDifference(
      report(60, 'h1', [
        ['a', 4, 'partial'],
        ['b', 5, 'partial'],
        ['gone', 4, 'partial'],
      ]),
      report(75, 'h2', [
        ['new', 1, 'missed'],
        ['a', 10, 'met'],
        ['b', 5, 'partial'],
      ]),
    )
    expect(d.score).toBe(15)
    expect(d.rubricChanged).toBe(true)
    expect(d.criteria).toEqual([
      {
        criterionId: 'new',
        label: 'NEW',
        before: null,
        after: 1,
        change: 1,
        statusBefore: null,
        statusAfter: 'missed',
      },
      {
        criterionId: 'a',
        label: 'A',
        before: 4,
        after: 10,
        change: 6,
        statusBefore: 'partial',
        statusAfter: 'met',
      },
      {
        criterionId: 'b',
        label: 'B',
        before: 5,
        after: 5,
        change: 0,
        statusBefore: 'partial',
        statusAfter: 'partial',
      },
      {
        criterionId: 'gone',
        label: 'GONE',
        before: 4,
        after: null,
        change: -4,
        statusBefore: 'partial',
        statusAfter: null,
      },
    ])
  })

  it('rounds each change to two decimals, so float noise never shows', () => {
    const d = reportDifference(report(0, 'h', [['a', 0.1, 'missed']]), report(0, 'h', [['a', 0.3, 'missed']]))
    expect(d.criteria[0]!.change).toBe(0.2)
    expect(d.rubricChanged).toBe(false)
  })

  it('is zero everywhere between two reports of the same answer and rubric', () => {
    const answer = loadCorpus(CORPUS_DIR)[0]!.answer
    const rubric = starCore()
    const d = reportDifference(score(answer, rubric), score(answer, rubric))
    expect(d.score).toBe(0)
    expect(d.rubricChanged).toBe(false)
    expect(d.criteria.map((c) => c.criterionId)).toEqual(rubric.criteria.map((c) => c.id))
    expect(d.criteria.every((c) => c.change === 0 && c.before === c.after)).toBe(true)
  })
})
