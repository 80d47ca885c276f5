// Practice per area and attempt counts per prompt.

import { describe, expect, test } from 'vitest'
import { attemptCountsByPrompt, insertAttempt, practiceByArea } from '../../db/index'
import { DAY, MON, report, useTempDb } from './helpers'

const temp = useTempDb()
const add = temp.add

describe('aggregates', () => {
  test('practice per area: attempts, best (earliest wins a tie), average of the latest five', () => {
    const scores = [50, 80, 80, 10, 20, 30, 40, 60]
    const ids = scores.map((s, i) =>
      add(s, MON + i * 1000, 'ownership-outside-scope', ['ownership', 'conflict']),
    )
    add(95, MON, 'conflict-disagreement', ['conflict'])
    const practice = practiceByArea(temp.db)
    expect(practice).toEqual([
      {
        tag: 'conflict',
        attempts: 9,
        best: 95,
        bestAttemptId: ids.length + 1,
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        bestAttempt: { promptId: 'conflict-disagreement', rubricId: 'conflict', score: 95, createdAt: MON },
        recentAverage: 32, // 10, 20, 30, 40, 60
        lastPractisedAt: MON + 7000,
      },
      {
        tag: 'ownership',
        attempts: 8,
        best: 80,
        bestAttemptId: ids[1],
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        bestAttempt: {
          promptId: 'ownership-outside-scope',
          rubricId: 'ownership',
          score: 80,
          createdAt: MON + 1000,
        },
        recentAverage: 32,
        lastPractisedAt: MON + 7000,
      },
    ])
    expect(attemptCountsByPrompt(temp.db)).toEqual(
      new Map([
        ['conflict-disagreement', 1],
        ['ownership-outside-scope', 8],
      ]),
    )
  })
})

describe("judged by each area's own rubric", () => {
  test("an attempt counts for each area at its score there, not at its own report's score", () => {
    // A Deliver Results answer: 90 under its own rubric, 35 under Ownership's, which its prompt is tagged with.
    const delivered = insertAttempt(temp.db, {
      promptId: 'deliver-results-tight-deadline',
      answer: 'We shipped on time.',
      tags: ['deliver-results', 'ownership'],
      report: report(90, 'deliver-results'),
      areaScores: [
        { rubricId: 'deliver-results', score: 90, band: { id: 'strong', label: 'Strong' } },
        { rubricId: 'ownership', score: 35, band: { id: 'weak', label: 'Needs work' } },
      ],
      createdAt: MON,
    })
    const owned = add(60, MON + DAY, 'ownership-outside-scope', ['ownership'])
    const byArea = new Map(practiceByArea(temp.db).map((p) => [p.tag, p]))
    expect(byArea.get('deliver-results')).toMatchObject({ attempts: 1, best: 90, bestAttemptId: delivered })
    expect(byArea.get('ownership')).toMatchObject({
      attempts: 2,
      best: 60,
      bestAttemptId: owned,
      bestBandLabel: 'Needs work',
      recentAverage: 47.5, // 35 and 60
      bestAttempt: { promptId: 'ownership-outside-scope', rubricId: 'ownership', score: 60 },
    })
  })

  test('an attempt stored without per-area scores counts for no area', () => {
    insertAttempt(temp.db, {
      promptId: 'p',
      answer: 'a',
      tags: ['ownership'],
      report: report(80),
      createdAt: MON,
    })
    expect(practiceByArea(temp.db)).toEqual([])
  })
})
