// GET /api/trends and GET /api/coverage against hand-computed expectations.

import { afterEach, describe, expect, test } from 'vitest'
import { unpractisedArea } from '../support/coverage'
import { GOOD_ANSWER, scoreUnder, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const DAY = 86_400_000
const round2 = (n: number) => Math.round(n * 100) / 100

interface Stored {
  score: number
  criteria: { id: string; score: number; max: number }[]
}

async function practise(promptId: string, answer: string, at: string): Promise<Stored> {
  t.clock.now = Date.parse(at)
  const res = await t.app.inject({ method: 'POST', url: '/api/attempts', payload: { promptId, answer } })
  expect(res.statusCode).toBe(201)
  return res.json().report
}

describe('GET /api/trends', () => {
  test('a repeated request answers the same JSON until an attempt is stored, then the new figures', async () => {
    t = await startApp()
    await practise('pressure-deadline', GOOD_ANSWER, '2025-03-03T08:00:00Z')
    const first = await t.app.inject('/api/trends')
    const again = await t.app.inject('/api/trends')
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(again.body).toBe(first.body)
    expect(first.json().overall).toEqual([expect.objectContaining({ period: '2025-03-03', attempts: 1 })])
    await practise('pressure-deadline', WEAK_ANSWER, '2025-03-03T09:00:00Z')
    const after = (await t.app.inject('/api/trends')).json()
    expect(after.overall).toEqual([expect.objectContaining({ period: '2025-03-03', attempts: 2 })])
    expect(after.criteria[0].points[0].attempts).toBe(2)
  })

  test('overall and per-criterion averages per day and per week, filtered by rubric or tag', async () => {
    t = await startApp()
    // Mon 3 Mar: two attempts; Sun 9 Mar (same week); Tue 11 Mar (next week).
    const a = await practise('pressure-deadline', GOOD_ANSWER, '2025-03-03T08:00:00Z')
    const b = await practise('pressure-deadline', WEAK_ANSWER, '2025-03-03T21:00:00Z')
    const c = await practise('ownership-outside-scope', GOOD_ANSWER, '2025-03-09T12:00:00Z')
    const d = await practise('conflict-disagreement', WEAK_ANSWER, '2025-03-11T12:00:00Z')

    const daily = (await t.app.inject('/api/trends')).json()
    expect(daily.interval).toBe('day')
    expect(daily.timezone).toBe('UTC')
    expect(daily.overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: round2((a.score + b.score) / 2) },
      { period: '2025-03-09', attempts: 1, average: c.score },
      { period: '2025-03-11', attempts: 1, average: d.score },
    ])

    const weekly = (await t.app.inject('/api/trends?interval=week')).json()
    expect(weekly.overall).toEqual([
      { period: '2025-03-03', attempts: 3, average: round2((a.score + b.score + c.score) / 3) },
      { period: '2025-03-10', attempts: 1, average: d.score },
    ])

    // Per criterion: average percentage of the criterion's maximum (maxima differ between rubrics).
    const pct = (r: Stored, id: string) => {
      const x = r.criteria.find((k) => k.id === id)!
      return (100 * x.score) / x.max
    }
    const structure = weekly.criteria.find((k: { criterionId: string }) => k.criterionId === 'star-structure')
    expect(structure.label).toBe('STAR structure')
    // star-core defines it and has prompts: its first prompt trains it.
    expect(structure.promptId).toBe('star-core-proud-project')
    expect(structure.points).toEqual([
      {
        period: '2025-03-03',
        attempts: 3,
        average: round2((pct(a, 'star-structure') + pct(b, 'star-structure') + pct(c, 'star-structure')) / 3),
      },
      { period: '2025-03-10', attempts: 1, average: round2(pct(d, 'star-structure')) },
    ])
    // A criterion only the ownership rubric has appears once, for the week of that attempt.
    const signals = weekly.criteria.find(
      (k: { criterionId: string }) => k.criterionId === 'ownership-signals',
    )
    expect(signals).toEqual({
      criterionId: 'ownership-signals',
      label: 'Took ownership',
      promptId: 'ownership-outside-scope',
      points: [{ period: '2025-03-03', attempts: 1, average: round2(pct(c, 'ownership-signals')) }],
    })

    const byRubric = (await t.app.inject('/api/trends?rubricId=pressure')).json()
    expect(byRubric.overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: round2((a.score + b.score) / 2) },
    ])
    // The ownership prompt is tagged conflict, so the conflict tag sees c and d, each at its score under the
    // conflict rubric: c's own report is the ownership rubric's, d's is conflict's.
    const cUnderConflict = (await scoreUnder(t.app, 'conflict', GOOD_ANSWER)).score
    expect(cUnderConflict).not.toBe(c.score)
    const byTag = (await t.app.inject('/api/trends?tag=conflict&interval=week')).json()
    expect(byTag.overall).toEqual([
      { period: '2025-03-03', attempts: 1, average: cUnderConflict },
      { period: '2025-03-10', attempts: 1, average: d.score },
    ])
    // Score bounds by area bound the score under the area's rubric.
    const bounded = (
      await t.app.inject(
        `/api/trends?tag=conflict&interval=week&minScore=${cUnderConflict}&maxScore=${cUnderConflict}`,
      )
    ).json()
    expect(bounded.overall).toEqual([{ period: '2025-03-03', attempts: 1, average: cUnderConflict }])
    const ranged = (await t.app.inject('/api/trends?from=2025-03-04&to=2025-03-10')).json()
    expect(ranged.overall).toEqual([{ period: '2025-03-09', attempts: 1, average: c.score }])
  })

  test('no attempts: empty series; a bad interval is 400', async () => {
    t = await startApp()
    expect((await t.app.inject('/api/trends')).json()).toEqual({
      interval: 'day',
      timezone: 'UTC',
      from: null,
      to: null,
      overall: [],
      criteria: [],
    })
    const bad = await t.app.inject('/api/trends?interval=month')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toBe('interval must be day or week')
  })
})

describe('GET /api/trends: the window', () => {
  test('without from: the 90 days (26 weeks) up to the latest attempt; from and to widen or move it', async () => {
    t = await startApp()
    const old = await practise('pressure-deadline', WEAK_ANSWER, '2024-11-20T12:00:00Z') // 103 days before
    const edge = await practise('pressure-deadline', GOOD_ANSWER, '2024-12-04T00:00:00Z') // day 1 of 90
    const last = await practise('pressure-deadline', WEAK_ANSWER, '2025-03-03T09:00:00Z')
    const daily = (await t.app.inject('/api/trends')).json()
    expect(daily.from).toBe('2024-12-04T00:00:00.000Z')
    expect(daily.to).toBeNull()
    expect(daily.overall).toEqual([
      { period: '2024-12-04', attempts: 1, average: edge.score },
      { period: '2025-03-03', attempts: 1, average: last.score },
    ])
    // 26 weeks back from the week of Mon 3 Mar 2025 starts Mon 9 Sep 2024: every attempt is inside.
    const weekly = (await t.app.inject('/api/trends?interval=week')).json()
    expect(weekly.from).toBe('2024-09-09T00:00:00.000Z')
    expect(weekly.overall).toEqual([
      { period: '2024-11-18', attempts: 1, average: old.score },
      { period: '2024-12-02', attempts: 1, average: edge.score },
      { period: '2025-03-03', attempts: 1, average: last.score },
    ])
    const widened = (await t.app.inject('/api/trends?from=2024-01-01')).json()
    expect(widened.from).toBe('2024-01-01T00:00:00.000Z')
    expect(widened.overall.map((p: { period: string }) => p.period)).toEqual([
      '2024-11-20',
      '2024-12-04',
      '2025-03-03',
    ])
    // to alone moves the 90-day window back: it ends on 1 Dec 2024.
    const moved = (await t.app.inject('/api/trends?to=2024-12-01')).json()
    expect(moved.from).toBe('2024-09-03T00:00:00.000Z')
    expect(moved.to).toBe('2024-12-01T23:59:59.999Z')
    expect(moved.overall).toEqual([{ period: '2024-11-20', attempts: 1, average: old.score }])
    // The same window through a filter the daily rollup cannot answer gives the same points.
    const filtered = (await t.app.inject('/api/trends?rubricId=pressure')).json()
    expect(filtered.overall).toEqual(daily.overall)
    expect(filtered.criteria).toEqual(daily.criteria)
  })

  test('after a delete and a re-score the trends follow at once', async () => {
    t = await startApp()
    await practise('pressure-deadline', GOOD_ANSWER, '2025-03-03T08:00:00Z')
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'pressure-deadline', answer: WEAK_ANSWER },
    })
    const weak = res.json()
    expect((await t.app.inject('/api/trends')).json().overall[0].attempts).toBe(2)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/attempts/${weak.id}` })).statusCode).toBe(204)
    const after = (await t.app.inject('/api/trends')).json()
    expect(after.overall).toEqual([{ period: '2025-03-03', attempts: 1, average: expect.any(Number) }])
    expect(after.criteria.every((c: { points: { attempts: number }[] }) => c.points[0]!.attempts === 1)).toBe(
      true,
    )
  })
})

describe('GET /api/coverage', () => {
  test('best score so far per area, every tag of the prompt counting, "none yet" said explicitly', async () => {
    t = await startApp()
    const empty = (await t.app.inject('/api/coverage')).json()
    expect(empty).toEqual({
      practised: 0,
      total: 3,
      areas: [
        unpractisedArea('ownership', 'Ownership', 'leadership-principle'),
        expect.objectContaining({ id: 'conflict', kind: 'competency', best: null, status: 'none yet' }),
        expect.objectContaining({ id: 'pressure', kind: 'theme', best: null, status: 'none yet' }),
      ],
    })

    const weak = await practise('conflict-disagreement', WEAK_ANSWER, '2025-03-03T08:00:00Z')
    t.clock.now += DAY
    const strong = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'ownership-outside-scope', answer: GOOD_ANSWER },
    })
    const strongReport = strong.json().report
    const coverage = (await t.app.inject('/api/coverage')).json()
    expect(coverage.practised).toBe(2)
    const byId = Object.fromEntries(coverage.areas.map((a: { id: string }) => [a.id, a]))
    expect(byId.ownership).toMatchObject({
      attempts: 1,
      best: strongReport.score,
      bestAttemptId: strong.json().id,
      bestBandId: strongReport.band.id,
      bestBand: strongReport.band.label,
      bestAttempt: {
        id: strong.json().id,
        promptId: 'ownership-outside-scope',
        rubricId: 'ownership',
        score: strongReport.score,
        createdAt: new Date(t.clock.now).toISOString(),
      },
      status: strongReport.band.label,
    })
    // The ownership prompt also trains conflict: its strong attempt counts there at the conflict rubric's score.
    const underConflict = await scoreUnder(t.app, 'conflict', GOOD_ANSWER)
    expect(underConflict.score).toBeGreaterThan(weak.score)
    expect(byId.conflict).toMatchObject({
      attempts: 2,
      best: underConflict.score,
      bestAttemptId: strong.json().id,
      bestBand: underConflict.band.label,
      bestAttempt: { rubricId: 'ownership', score: strongReport.score },
    })
    expect(byId.pressure).toMatchObject({ attempts: 0, best: null, status: 'none yet' })
    // star-core is general, not an area.
    expect(byId['star-core']).toBeUndefined()
  })
})
