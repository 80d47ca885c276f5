// One attempt: read, delete and re-score.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { attemptRequests } from './attempt-requests'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const { post, store } = attemptRequests(() => t)

describe('GET and DELETE /api/attempts/:id', () => {
  test('unknown and malformed ids are 404', async () => {
    t = await startApp()
    for (const id of ['999', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await t.app.inject(`/api/attempts/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `No attempt with id '${id}'; GET /api/attempts lists the stored attempts`,
      })
    }
  })

  test('delete answers 204, then the attempt is gone (404 on read and on a second delete)', async () => {
    t = await startApp()
    const id = await store('pressure-deadline', GOOD_ANSWER)
    const keep = await store('pressure-deadline', WEAK_ANSWER)
    const res = await t.app.inject({ method: 'DELETE', url: `/api/attempts/${id}` })
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    expect((await t.app.inject(`/api/attempts/${id}`)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/attempts/${id}` })).statusCode).toBe(404)
    expect((await t.app.inject('/api/attempts')).json().attempts.map((a: { id: number }) => a.id)).toEqual([
      keep,
    ])
  })
})

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

    expect((await post('/api/attempts/404/rescore')).statusCode).toBe(404)

    writeFileSync(join(t.rubricsDir, 'pressure.yaml'), '')
    t.app.rubrics.reload()
    // A broken file keeps its last good version, so re-scoring still works...
    expect((await post(`/api/attempts/${id}/rescore`)).statusCode).toBe(200)
    const { rmSync } = await import('node:fs')
    rmSync(join(t.rubricsDir, 'pressure.yaml'))
    t.app.rubrics.reload()
    // ...but a deleted one takes the rubric away.
    const gone = await post(`/api/attempts/${id}/rescore`)
    expect(gone.statusCode).toBe(409)
    expect(gone.json().message).toContain(
      "Neither prompt 'pressure-deadline' nor rubric 'pressure' is in service",
    )
    expect((await t.app.inject(`/api/attempts/${id}`)).json().history).toHaveLength(2)
  })
})
