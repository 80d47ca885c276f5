// Score and criterion trends, the daily rollup the write paths keep and the default window.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { AttemptFilters, StorableReport } from '../../db/index'
import { DAY, MON, report } from './helpers'
import { collateByLocale } from './locale-collation'
import { rowsOf, useTestStore } from './store-helpers'

const temp = useTestStore()
const add = temp.add

/** Both halves of a trend answer, so each is compared whole. */
const both = async (filters: AttemptFilters, interval: 'day' | 'week') => {
  const { overall, criteria } = await temp.store.trends(filters, interval)
  return { overall, criteria }
}

describe('aggregates', () => {
  test('score trends per day and per week (weeks start on Monday, UTC)', async () => {
    await add(40, MON) // Mon 3 Mar
    await add(60, MON + 3600_000) // Mon 3 Mar
    await add(90, MON + 6 * DAY) // Sun 9 Mar: same week
    await add(20, MON + 7 * DAY) // Mon 10 Mar: next week
    expect((await temp.store.trends({}, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: 50 },
      { period: '2025-03-09', attempts: 1, average: 90 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
    expect((await temp.store.trends({}, 'week')).overall).toEqual([
      { period: '2025-03-03', attempts: 3, average: 63.33 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
  })

  test('criterion trends average the percentage of each criterion’s maximum', async () => {
    await add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10
    await add(70, MON + 1000) // star-structure 14/20 = 70%, measurable-result 10/10
    expect((await temp.store.trends({}, 'day')).criteria).toEqual([
      { criterionId: 'measurable-result', period: '2025-03-03', attempts: 2, average: 50 },
      { criterionId: 'star-structure', period: '2025-03-03', attempts: 2, average: 55 },
    ])
  })

  test('filters read the attempts: score bounds, prompt, owner, and by area the area’s own scores', async () => {
    const r = report(70)
    await temp.store.insertAttempt({
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      report: r,
      areaScores: [
        { rubricId: 'ownership', score: 70, band: r.band, criteria: r.criteria },
        {
          rubricId: 'conflict',
          score: 30,
          band: r.band,
          criteria: [{ id: 'disagree-and-commit', score: 3, max: 10, status: 'partial' }],
        },
      ],
      createdAt: MON,
      ownerId: 'me',
    })
    await add(50, MON + DAY, 'ownership-bias', ['ownership'])
    expect((await temp.store.trends({ minScore: 60 }, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 1, average: 70 },
    ])
    expect((await temp.store.trends({ promptId: 'ownership-bias' }, 'week')).overall).toEqual([
      { period: '2025-03-03', attempts: 1, average: 50 },
    ])
    expect((await temp.store.trends({ ownerId: 'me' }, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 1, average: 70 },
    ])
    // By area: the score and criteria under Conflict's rubric, not the report's.
    expect(await both({ tag: 'conflict' }, 'day')).toEqual({
      overall: [{ period: '2025-03-03', attempts: 1, average: 30 }],
      criteria: [{ criterionId: 'disagree-and-commit', period: '2025-03-03', attempts: 1, average: 30 }],
    })
    expect(
      await both({ tag: 'conflict', ownerId: 'me', promptId: 'ownership-outside-scope' }, 'day'),
    ).toEqual(await both({ tag: 'conflict' }, 'day'))
    expect(await both({ tag: 'conflict', ownerId: 'someone else' }, 'day')).toEqual({
      overall: [],
      criteria: [],
    })
    expect((await temp.store.trends({ tag: 'conflict', minScore: 31 }, 'day')).overall).toEqual([])
  })

  test('averages are rounded to two decimals as SQLite rounds, ties away from zero', async () => {
    // Eight attempts averaging 100.125: exactly between two hundredths.
    for (let i = 0; i < 7; i++) await add(100, MON + i)
    await add(101, MON + 7)
    expect((await temp.store.trends({ from: MON - 1 }, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 8, average: 100.13 },
    ])
    expect((await temp.store.trends({}, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 8, average: 100.13 },
    ])
  })

  test('days before 1970 are bucketed by truncating division, as SQLite divides', async () => {
    const at = (iso: string) => Date.parse(iso)
    await add(10, at('1969-12-31T12:00:00Z')) // day -0.5 truncates to day 0: 1 Jan 1970
    await add(20, at('1969-12-30T12:00:00Z')) // day -1.5 truncates to day -1: 31 Dec 1969
    await add(30, at('1970-01-01T12:00:00Z'))
    await add(40, at('1969-12-24T12:00:00Z')) // day -7.5 truncates to -7: Thu 25 Dec 1969
    const raw = { from: at('1969-01-01T00:00:00Z') + 1 }
    expect((await temp.store.trends(raw, 'day')).overall).toEqual([
      { period: '1969-12-25', attempts: 1, average: 40 },
      { period: '1969-12-31', attempts: 1, average: 20 },
      { period: '1970-01-01', attempts: 2, average: 20 },
    ])
    // Day 0 and day -1 are in the week of Mon 29 Dec 1969 (day -3). So is day -7: the truncating % gives
    // (-7 + 3) % 7 = -4, not the 3 days since Monday it counts after 1970. What matters here is that both dialects
    // give the same answer.
    expect((await temp.store.trends(raw, 'week')).overall).toEqual([
      { period: '1969-12-29', attempts: 4, average: 25 },
    ])
  })
})

describe('text order', () => {
  test('criteria come in bytewise order, capitals before small letters, from the rollup and the attempts', async () => {
    await collateByLocale(temp.store)
    const criteria: StorableReport['criteria'] = [
      { id: 'beta', score: 5, max: 10, status: 'partial' },
      { id: 'Zeta', score: 10, max: 10, status: 'met' },
      { id: 'alpha', score: 0, max: 10, status: 'missed' },
    ]
    const r = report(50, 'ownership', criteria)
    await temp.store.insertAttempt({
      promptId: 'p',
      answer: 'a',
      tags: ['ownership'],
      report: r,
      areaScores: [{ rubricId: 'ownership', score: 50, band: r.band, criteria }],
      createdAt: MON,
    })
    const bytewise = ['Zeta', 'alpha', 'beta']
    for (const filters of [{}, { from: MON - 1 }, { tag: 'ownership' }]) {
      const answer = await temp.store.trends(filters, 'week')
      expect(answer.criteria.map((c) => c.criterionId)).toEqual(bytewise)
      expect(answer.criteria.map((c) => c.average)).toEqual([100, 0, 50])
    }
  })
})

describe('trend rollup', () => {
  const rollup = () =>
    rowsOf<{ day: number; criterion_id: string; attempts: number; measured: number; total: number }>(
      temp.store,
      sql`SELECT day, criterion_id, attempts, measured, total FROM trend_days ORDER BY day, criterion_id`,
    )
  const monDay = Math.floor(MON / DAY)

  test('insert, re-score and delete keep the daily rollup equal to the attempts, in the same transaction', async () => {
    const x = await add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10 = 0%
    const y = await add(60, MON + 1000) // 12/20 = 60%, 10/10 = 100%
    await add(80, MON + DAY) // next day: 16/20 = 80%, 100%
    expect(await rollup()).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 100 },
      { day: monDay + 1, criterion_id: '', attempts: 1, measured: 1, total: 80 },
      { day: monDay + 1, criterion_id: 'measurable-result', attempts: 1, measured: 1, total: 100 },
      { day: monDay + 1, criterion_id: 'star-structure', attempts: 1, measured: 1, total: 80 },
    ])
    // Re-scoring x to 90: 18/20 = 90%, 10/10.
    await temp.store.replaceAttemptReport(x, {
      report: report(90),
      tags: ['ownership'],
      scoredAt: MON + 5 * DAY,
    })
    expect((await rollup()).filter((r) => r.day === monDay)).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 150 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 200 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 150 },
    ])
    // Deleting both Monday attempts empties that day; the rows go rather than staying at zero.
    await temp.store.deleteAttempt(x)
    await temp.store.deleteAttempt(y)
    expect((await rollup()).map((r) => r.day)).toEqual([monDay + 1, monDay + 1, monDay + 1])
    expect((await temp.store.trends({}, 'day')).overall).toEqual([
      { period: '2025-03-04', attempts: 1, average: 80 },
    ])
  })

  test('the rollup and the per-attempt path give the same trends', async () => {
    for (let i = 0; i < 30; i++)
      await add((i * 37) % 101, MON + i * 7 * 3600_000, 'p', i % 3 ? ['ownership'] : ['conflict'])
    for (const interval of ['day', 'week'] as const) {
      const fromRollup = await both({}, interval)
      // A from that is not a whole day cannot be answered by the rollup: the attempts are read instead.
      expect(await both({ from: MON - 1 }, interval)).toEqual(fromRollup)
      expect(fromRollup.overall.reduce((n, p) => n + p.attempts, 0)).toBe(30)
    }
  })

  test('without from, the window is the 90 days (26 whole weeks) up to the latest attempt, or up to `to`', async () => {
    await add(50, MON) // latest attempt: Mon 3 Mar 2025, 09:00
    // 90 days ending 3 Mar 2025 start on 4 Dec 2024.
    expect(await temp.store.trendWindow({}, 'day')).toEqual({ from: Date.parse('2024-12-04T00:00:00Z') })
    // 26 weeks ending in the week of Mon 3 Mar start on Monday 9 Sep 2024.
    expect(await temp.store.trendWindow({}, 'week')).toEqual({ from: Date.parse('2024-09-09T00:00:00Z') })
    const to = Date.parse('2025-01-31T23:59:59.999Z')
    expect(await temp.store.trendWindow({ to }, 'day')).toEqual({
      to,
      from: Date.parse('2024-11-03T00:00:00Z'),
    })
    expect(await temp.store.trendWindow({ from: 5 }, 'day')).toEqual({ from: 5 })
  })

  test("one account's window ends at that account's latest attempt", async () => {
    await add(50, MON)
    await temp.store.insertAttempt({
      promptId: 'p',
      answer: 'a',
      tags: [],
      report: report(50),
      createdAt: Date.parse('2025-01-10T10:00:00Z'),
      ownerId: 'me',
    })
    // 90 days ending 10 Jan 2025 start on 13 Oct 2024.
    expect(await temp.store.trendWindow({ ownerId: 'me' }, 'day')).toEqual({
      ownerId: 'me',
      from: Date.parse('2024-10-13T00:00:00Z'),
    })
    expect(await temp.store.trendWindow({ ownerId: 'nobody' }, 'day')).toEqual({ ownerId: 'nobody' })
  })

  test('an empty database has no window', async () => {
    expect(await temp.store.trendWindow({ tag: 'x' }, 'day')).toEqual({ tag: 'x' })
  })
})
