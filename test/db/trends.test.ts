// Score and criterion trends, the daily rollup the write paths keep and the default window.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { deleteAttempt, replaceAttemptReport, trends, trendWindow } from '../../db/index'
import { DAY, MON, report, useTempDb } from './helpers'

const temp = useTempDb()
const add = temp.add

describe('aggregates', () => {
  test('score trends per day and per week (weeks start on Monday, UTC)', () => {
    add(40, MON) // Mon 3 Mar
    add(60, MON + 3600_000) // Mon 3 Mar
    add(90, MON + 6 * DAY) // Sun 9 Mar: same week
    add(20, MON + 7 * DAY) // Mon 10 Mar: next week
    expect(trends(temp.db, {}, 'day').overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: 50 },
      { period: '2025-03-09', attempts: 1, average: 90 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
    expect(trends(temp.db, {}, 'week').overall).toEqual([
      { period: '2025-03-03', attempts: 3, average: 63.33 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
  })

  test('criterion trends average the percentage of each criterion’s maximum', () => {
    add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10
    add(70, MON + 1000) // star-structure 14/20 = 70%, measurable-result 10/10
    expect(trends(temp.db, {}, 'day').criteria).toEqual([
      { criterionId: 'measurable-result', period: '2025-03-03', attempts: 2, average: 50 },
      { criterionId: 'star-structure', period: '2025-03-03', attempts: 2, average: 55 },
    ])
  })
})

describe('trend rollup', () => {
  const rollup = () =>
    temp.db.all<{ day: number; criterion_id: string; attempts: number; measured: number; total: number }>(
      sql`SELECT day, criterion_id, attempts, measured, total FROM trend_days ORDER BY day, criterion_id`,
    )
  const monDay = Math.floor(MON / DAY)

  test('insert, re-score and delete keep the daily rollup equal to the attempts, in the same transaction', () => {
    const x = add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10 = 0%
    const y = add(60, MON + 1000) // 12/20 = 60%, 10/10 = 100%
    add(80, MON + DAY) // next day: 16/20 = 80%, 100%
    expect(rollup()).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 100 },
      { day: monDay + 1, criterion_id: '', attempts: 1, measured: 1, total: 80 },
      { day: monDay + 1, criterion_id: 'measurable-result', attempts: 1, measured: 1, total: 100 },
      { day: monDay + 1, criterion_id: 'star-structure', attempts: 1, measured: 1, total: 80 },
    ])
    // Re-scoring x to 90: 18/20 = 90%, 10/10.
    replaceAttemptReport(temp.db, x, { report: report(90), tags: ['ownership'], scoredAt: MON + 5 * DAY })
    expect(rollup().filter((r) => r.day === monDay)).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 150 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 200 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 150 },
    ])
    // Deleting both Monday attempts empties that day; the rows go rather than staying at zero.
    deleteAttempt(temp.db, x)
    deleteAttempt(temp.db, y)
    expect(rollup().map((r) => r.day)).toEqual([monDay + 1, monDay + 1, monDay + 1])
    expect(trends(temp.db, {}, 'day').overall).toEqual([{ period: '2025-03-04', attempts: 1, average: 80 }])
  })

  test('the rollup and the per-attempt path give the same trends', () => {
    for (let i = 0; i < 30; i++)
      add((i * 37) % 101, MON + i * 7 * 3600_000, 'p', i % 3 ? ['ownership'] : ['conflict'])
    for (const interval of ['day', 'week'] as const) {
      const fromRollup = {
        overall: trends(temp.db, {}, interval).overall,
        criteria: trends(temp.db, {}, interval).criteria,
      }
      // A from that is not a whole day cannot be answered by the rollup: the attempts are read instead.
      const raw = { from: MON - 1 }
      expect({
        overall: trends(temp.db, raw, interval).overall,
        criteria: trends(temp.db, raw, interval).criteria,
      }).toEqual(fromRollup)
      expect(fromRollup.overall.reduce((n, p) => n + p.attempts, 0)).toBe(30)
    }
  })

  test('without from, the window is the 90 days (26 whole weeks) up to the latest attempt, or up to `to`', () => {
    add(50, MON) // latest attempt: Mon 3 Mar 2025, 09:00
    // 90 days ending 3 Mar 2025 start on 4 Dec 2024.
    expect(trendWindow(temp.db, {}, 'day')).toEqual({ from: Date.parse('2024-12-04T00:00:00Z') })
    // 26 weeks ending in the week of Mon 3 Mar start on Monday 9 Sep 2024.
    expect(trendWindow(temp.db, {}, 'week')).toEqual({ from: Date.parse('2024-09-09T00:00:00Z') })
    const to = Date.parse('2025-01-31T23:59:59.999Z')
    expect(trendWindow(temp.db, { to }, 'day')).toEqual({ to, from: Date.parse('2024-11-03T00:00:00Z') })
    expect(trendWindow(temp.db, { from: 5 }, 'day')).toEqual({ from: 5 })
  })

  test('an empty database has no window', () => {
    expect(trendWindow(temp.db, { tag: 'x' }, 'day')).toEqual({ tag: 'x' })
  })
})
