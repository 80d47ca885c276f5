// Storing an attempt (POST /api/attempts), reading one and deleting one.

import { afterEach, describe, expect, test } from 'vitest'
import {
  GOOD_ANSWER,
  postJson,
  refusedPost,
  startApp,
  storeAttempt,
  type TestApp,
  WEAK_ANSWER,
} from './helpers'

let t: TestApp
afterEach(async () => t?.close())
const post = (url: string, payload?: unknown) => postJson(t.app, url, payload)
const store = (promptId: string, answer: string, durationMs?: number) =>
  storeAttempt(t.app, promptId, answer, durationMs)

describe('POST /api/attempts', () => {
  test('stores the scored attempt and answers 201 with its id, report and location', async () => {
    t = await startApp()
    const res = await post('/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
      durationMs: 95_000,
    })
    expect(res.statusCode).toBe(201)
    const { id, report } = res.json()
    expect(res.headers.location).toBe(`/api/attempts/${id}`)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    // The body is the report exactly as the engine made it, and exactly what is stored.
    const scored = (
      await post('/api/score', { answer: GOOD_ANSWER, promptId: 'ownership-outside-scope' })
    ).json()
    expect(report).toEqual(scored)
    expect(report.rubricId).toBe('ownership')
    const stored = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(stored).toMatchObject({
      id,
      promptId: 'ownership-outside-scope',
      promptText: 'Tell me about a time you took on something outside your area of responsibility.',
      rubricId: 'ownership',
      rubricHash: report.rubricHash,
      answer: GOOD_ANSWER,
      score: report.score,
      band: report.band,
      durationMs: 95_000,
      createdAt: '2025-03-03T10:00:00.000Z',
      scoredAt: '2025-03-03T10:00:00.000Z',
      tags: ['conflict', 'ownership'],
      history: [],
    })
    expect(stored.report).toEqual(report)
  })

  test('says what to fix: unknown prompt 404, empty answer, bad duration and missing prompt 400', async () => {
    t = await startApp()
    const message = async (payload: object, status = 400) =>
      (await refusedPost(t.app, '/api/attempts', payload, status)).message
    expect(await message({ promptId: 'nope', answer: 'x' }, 404)).toBe(
      "No prompt 'nope' is in service; GET /api/prompts lists them",
    )
    expect(await message({ promptId: 'pressure-deadline', answer: '   ' })).toBe(
      'answer is empty; write an answer before saving the attempt',
    )
    expect(await message({ promptId: 'pressure-deadline', answer: 'x', durationMs: 'soon' })).toBe(
      'durationMs must be a number of milliseconds',
    )
    expect(await message({ answer: 'x' })).toBe('promptId is required: the id of the prompt this answers')
    expect(await message({ promptId: 'pressure-deadline', answer: 'y'.repeat(20_001) })).toContain(
      '20,000 characters',
    )
    expect((await t.app.inject('/api/attempts')).json().attempts).toEqual([])
  })
})

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
