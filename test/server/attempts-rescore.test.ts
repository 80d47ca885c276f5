// POST /api/attempts/:id/rescore: a new report under today's rubric, the history it keeps, and when it refuses.

import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, postJson, startApp, storeAttempt, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())
const post = (url: string, payload?: unknown) => postJson(t.app, url, payload)
const store = (promptId: string, answer: string, durationMs?: number) =>
  storeAttempt(t.app, promptId, answer, durationMs)

describe('POST /api/attempts/:id/rescore', () => {
  test('after a rubric change: a new report, the old one kept, and the per-criterion difference', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    const before = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(before.report.criteria.find((c: { id: string }) => c.id === 'ownership-signals').status).toBe(
      'met',
    )

    // The instructor drops the keyword criterion and adds a length override.
    writeFileSync(
      join(t.rubricsDir, 'ownership.yaml'),
      OWNERSHIP_RUBRIC.replace('weight: 20', 'weight: 0').concat('  - id: reflection\n    weight: 30\n'),
    )
    t.app.rubrics.reload()
    expect(t.app.rubrics.errors()).toEqual([])

    t.clock.now += 3_600_000
    const res = await post(`/api/attempts/${id}/rescore`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.report.rubricHash).not.toBe(before.rubricHash)
    expect(body.previous).toEqual({
      rubricId: 'ownership',
      rubricHash: before.rubricHash,
      engineVersion: before.engineVersion,
      score: before.score,
      band: before.band,
      scoredAt: '2025-03-03T10:00:00.000Z',
      replacedAt: '2025-03-03T11:00:00.000Z',
    })
    expect(body.difference.rubricChanged).toBe(true)
    expect(body.difference.score).toBe(body.report.score - before.score)
    const byId = new Map(body.difference.criteria.map((d: { criterionId: string }) => [d.criterionId, d]))
    const oldPoints = (cid: string) => before.report.criteria.find((c: { id: string }) => c.id === cid).score
    const newPoints = (cid: string) => body.report.criteria.find((c: { id: string }) => c.id === cid).score
    expect(byId.get('ownership-signals')).toEqual({
      criterionId: 'ownership-signals',
      label: 'Took ownership',
      before: oldPoints('ownership-signals'),
      after: null,
      change: -oldPoints('ownership-signals'),
      statusBefore: 'met',
      statusAfter: null,
    })
    expect(byId.get('reflection')).toMatchObject({
      before: oldPoints('reflection'),
      after: newPoints('reflection'),
      change: Math.round((newPoints('reflection') - oldPoints('reflection')) * 100) / 100,
    })

    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.score).toBe(body.report.score)
    expect(after.scoredAt).toBe('2025-03-03T11:00:00.000Z')
    expect(after.createdAt).toBe('2025-03-03T10:00:00.000Z')
    expect(after.history).toHaveLength(1)
    expect(after.history[0].report).toEqual(before.report)
  })

  test('unchanged rubric: same score, zero differences; unknown attempt 404; rubric gone 409', async () => {
    t = await startApp()
    const id = await store('pressure-deadline', GOOD_ANSWER)
    const same = (await post(`/api/attempts/${id}/rescore`)).json()
    expect(same.difference.score).toBe(0)
    expect(same.difference.rubricChanged).toBe(false)
    expect(same.difference.criteria.every((d: { change: number }) => d.change === 0)).toBe(true)
    expect(same.unchanged).toBe(true)

    expect((await post('/api/attempts/404/rescore')).statusCode).toBe(404)

    writeFileSync(join(t.rubricsDir, 'pressure.yaml'), '')
    t.app.rubrics.reload()
    // A broken file keeps its last good version, so re-scoring still works...
    expect((await post(`/api/attempts/${id}/rescore`)).statusCode).toBe(200)
    rmSync(join(t.rubricsDir, 'pressure.yaml'))
    t.app.rubrics.reload()
    // ...but a deleted one takes the rubric away.
    const gone = await post(`/api/attempts/${id}/rescore`)
    expect(gone.statusCode).toBe(409)
    expect(gone.json().message).toContain(
      "Neither prompt 'pressure-deadline' nor rubric 'pressure' is in service",
    )
    // Both re-scores gave the very same report, so neither added to the history.
    expect((await t.app.inject(`/api/attempts/${id}`)).json().history).toHaveLength(0)
  })

  test('a re-score that gives a byte-identical report adds no history entry and keeps scoredAt', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    const before = (await t.app.inject(`/api/attempts/${id}`)).json()
    for (let i = 0; i < 5; i++) {
      t.clock.now += 60_000
      const res = await post(`/api/attempts/${id}/rescore`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ unchanged: true, previous: { scoredAt: before.scoredAt } })
      expect(res.json().report).toEqual(before.report)
    }
    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.history).toEqual([])
    expect(after.scoredAt).toBe(before.scoredAt)
    expect(after.report).toEqual(before.report)
  })

  test('the history keeps the latest 20 earlier reports, oldest dropped', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    // Two versions of the rubric, taken in turn: each re-score changes the report.
    const versions = [OWNERSHIP_RUBRIC.replace('weight: 20', 'weight: 5'), OWNERSHIP_RUBRIC]
    const scores: number[] = [(await t.app.inject(`/api/attempts/${id}`)).json().score]
    for (let i = 0; i < 25; i++) {
      writeFileSync(join(t.rubricsDir, 'ownership.yaml'), versions[i % 2]!)
      t.app.rubrics.reload()
      t.clock.now += 60_000
      const res = await post(`/api/attempts/${id}/rescore`)
      expect(res.json().unchanged).toBe(false)
      scores.push(res.json().report.score)
    }
    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.history).toHaveLength(20)
    // The 25 replaced reports were made at minutes 0..24; the first five went.
    const minute = (iso: string) => (Date.parse(iso) - Date.parse('2025-03-03T10:00:00Z')) / 60_000
    expect(after.history.map((h: { scoredAt: string }) => minute(h.scoredAt))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 5),
    )
    expect(after.history.map((h: { score: number }) => h.score)).toEqual(scores.slice(5, 25))
    expect(after.score).toBe(scores[25])
  })

  test('the OpenAPI document gives the re-score a JSON body of {}, so Try it out sends one', async () => {
    t = await startApp()
    const doc = (await t.app.inject('/docs/json')).json()
    const body = doc.paths['/api/attempts/{id}/rescore'].post.requestBody
    expect(body.required).toBe(true)
    expect(Object.keys(body.content)).toEqual(['application/json'])
    expect(body.content['application/json'].schema).toMatchObject({ type: 'object' })
  })
})
