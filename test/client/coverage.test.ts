// Trends helpers: the coverage grid always shows the 16 principles; weakest criteria; which prompt trains one.
import { describe, expect, it } from 'vitest'
import {
  bandClass,
  bestSource,
  coverageGroups,
  promptForCriterion,
  weakestCriteria,
} from '../../client/coverage'
import type { Coverage, Trends } from '../../contract/progress'
import type { Rubric } from '../../engine/types'
import { unpractisedArea } from '../support/coverage'

describe('coverageGroups', () => {
  it('lists all 16 Leadership Principles, marking those without a rubric, plus competencies and themes', () => {
    const coverage: Coverage = {
      practised: 1,
      total: 3,
      areas: [
        {
          id: 'ownership',
          title: 'Ownership',
          kind: 'leadership-principle',
          attempts: 2,
          best: 81,
          bestAttemptId: 7,
          bestBandId: null,
          bestBand: 'Strong',
          bestAttempt: {
            id: 7,
            promptId: 'ownership-outside-scope',
            rubricId: 'ownership',
            score: 81,
            createdAt: '2025-03-03T09:00:00.000Z',
          },
          status: 'Strong',
        },
        unpractisedArea('dive-deep', 'Dive Deep', 'leadership-principle'),
        unpractisedArea('mentorship', 'Mentorship', 'competency'),
      ],
    }
    const [lps, competencies, themes] = coverageGroups(coverage)
    expect(lps!.cells).toHaveLength(16)
    expect(lps!.cells[0]!.id).toBe('customer-obsession')
    expect(lps!.cells.find((c) => c.id === 'ownership')!.best).toBe(81)
    expect(lps!.cells.find((c) => c.id === 'dive-deep')!.noRubric).toBeUndefined()
    expect(lps!.cells.find((c) => c.id === 'frugality')!.noRubric).toBe(true)
    expect(competencies!.cells.map((c) => c.id)).toEqual(['mentorship'])
    expect(themes!.cells).toEqual([])
  })
})

describe('bestSource', () => {
  const area = {
    id: 'bias-for-action',
    title: 'Bias for Action',
    kind: 'leadership-principle' as const,
    attempts: 1,
    best: 41,
    bestAttemptId: 3,
    bestBandId: 'weak',
    bestBand: 'Needs work',
    bestAttempt: {
      id: 3,
      promptId: 'deliver-results-deadline',
      rubricId: 'deliver-results',
      score: 88,
      createdAt: '2025-03-03T09:00:00.000Z',
    },
    status: 'Needs work',
  }
  const titles = new Map([['deliver-results', 'Deliver Results']])
  it('names the area whose prompt the best answer was written for, when it is another area', () => {
    expect(bestSource(area, (id) => titles.get(id))).toBe('from a Deliver Results answer')
    expect(bestSource(area, () => undefined)).toBe('from a deliver-results answer')
  })
  it('says nothing for an answer to the area’s own prompt, or no answer', () => {
    expect(
      bestSource({ ...area, bestAttempt: { ...area.bestAttempt, rubricId: 'bias-for-action' } }, () => 'x'),
    ).toBeNull()
    expect(bestSource({ ...area, bestAttempt: null }, () => 'x')).toBeNull()
  })
})

describe('weakestCriteria', () => {
  it('ranks criteria by their recent average, weighted by attempts, and drops full marks', () => {
    const p = (period: string, average: number, attempts = 1) => ({ period, average, attempts })
    const trends: Trends = {
      interval: 'day',
      timezone: 'UTC',
      from: null,
      to: null,
      overall: [],
      criteria: [
        {
          criterionId: 'a',
          label: 'A',
          promptId: null,
          points: [p('2025-01-01', 10), p('2025-01-02', 90, 3)],
        },
        { criterionId: 'b', label: 'B', promptId: null, points: [p('2025-01-02', 40)] },
        { criterionId: 'c', label: 'C', promptId: null, points: [p('2025-01-02', 100)] },
        { criterionId: 'd', label: 'D', promptId: null, points: [] },
      ],
    }
    expect(weakestCriteria(trends)).toEqual([
      { criterionId: 'b', label: 'B', average: 40 },
      { criterionId: 'a', label: 'A', average: 70 },
    ])
  })
})

describe('promptForCriterion', () => {
  const rubric = (id: string, ext: string[], criteria: string[]): Rubric =>
    ({
      id,
      extends: ext,
      criteria: criteria.map((c) => ({ id: c })),
      prompts: [{ id: `${id}-p`, text: id, tips: [], tags: [id] }],
    }) as unknown as Rubric
  const rubrics = [
    rubric('ownership', ['star-core'], ['structure', 'ownership-signals']),
    rubric('star-core', [], ['structure']),
  ]
  it('picks a prompt of the rubric that defines the criterion, not one that inherits it', () => {
    expect(promptForCriterion('structure', rubrics)!.id).toBe('star-core-p')
    expect(promptForCriterion('ownership-signals', rubrics)!.id).toBe('ownership-p')
    expect(promptForCriterion('unknown', rubrics)).toBeUndefined()
  })
})

describe('bandClass', () => {
  it('colours a cell from its band label', () => {
    expect(bandClass('Strong')).toBe('strong')
    expect(bandClass('Developing')).toBe('developing')
    expect(bandClass('Needs work')).toBe('weak')
    expect(bandClass(null)).toBe('other')
  })
})
