// Scoring and storing attempts: score without storing, and store.

import { afterEach, describe, expect, test } from 'vitest'
import { attemptRequests } from './attempt-requests'
import { GOOD_ANSWER, startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const { post } = attemptRequests(() => t)

describe('POST /api/score', () => {
  test('scores with star-core by default, the prompt’s rubric, or a named rubric; stores nothing', async () => {
    t = await startApp()
    const general = (await post('/api/score', { answer: GOOD_ANSWER })).json()
    expect(general.rubricId).toBe('star-core')
    const byPrompt = (
      await post('/api/score', { answer: GOOD_ANSWER, promptId: 'ownership-outside-scope' })
    ).json()
    expect(byPrompt.rubricId).toBe('ownership')
    expect(byPrompt.criteria.map((c: { id: string }) => c.id)).toContain('ownership-signals')
    const byRubric = (
      await post('/api/score', {
        answer: GOOD_ANSWER,
        rubricId: 'conflict',
        promptId: 'ownership-outside-scope',
      })
    ).json()
    expect(byRubric.rubricId).toBe('conflict')
    expect(byRubric.sentences.length).toBeGreaterThan(3)
    expect(byRubric.sentences[0].star).toBe('situation')
    expect((await t.app.inject('/api/attempts')).json().attempts).toEqual([])
  })

  test('the same answer always gets the same report', async () => {
    t = await startApp()
    const a = await post('/api/score', { answer: GOOD_ANSWER })
    const b = await post('/api/score', { answer: GOOD_ANSWER })
    expect(a.body).toBe(b.body)
  })

  test('unknown rubric or prompt is 404; a missing answer is 400', async () => {
    t = await startApp()
    const rubric = await post('/api/score', { answer: 'x', rubricId: 'nope' })
    expect(rubric.statusCode).toBe(404)
    expect(rubric.json().message).toBe("No rubric 'nope' is in service; GET /api/rubrics lists them")
    const prompt = await post('/api/score', { answer: 'x', promptId: 'nope' })
    expect(prompt.statusCode).toBe(404)
    expect(prompt.json().message).toContain("No prompt 'nope'")
    const missing = await post('/api/score', {})
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'body.answer: answer must be a string of text',
      field: 'answer',
    })
  })

  test('answers over 20,000 characters get a 400 naming the limit; bodies over 125 KB a 413', async () => {
    t = await startApp()
    const atLimit = await post('/api/score', { answer: 'word '.repeat(4000) })
    expect(atLimit.statusCode).toBe(200)
    const over = await post('/api/score', { answer: 'x'.repeat(20_001) })
    expect(over.statusCode).toBe(400)
    expect(over.json().message).toBe(
      'body.answer: answer is longer than the limit of 20,000 characters; shorten it',
    )
    const huge = await post('/api/score', { answer: 'x'.repeat(130_000) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
    expect(huge.json().message).toContain('125 KB')
  })

  test('a body that is not JSON gets a 400 saying so; a body of another type a 415', async () => {
    t = await startApp()
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'application/json' },
      payload: '{"answer": "unterminated',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe('The body is not valid JSON; check quotes, commas and escapes.')
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    })
    expect(text.statusCode).toBe(415)
    expect(text.json().message).toBe('Send the body as JSON with the header Content-Type: application/json.')
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'answer=hello',
    })
    expect(form.statusCode).toBe(415)
    expect(form.json().message).toBe('Send the body as JSON with the header Content-Type: application/json.')
  })
})

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
    const unknown = await post('/api/attempts', { promptId: 'nope', answer: 'x' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toBe("No prompt 'nope' is in service; GET /api/prompts lists them")
    const empty = await post('/api/attempts', { promptId: 'pressure-deadline', answer: '   ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().message).toBe(
      'body.answer: answer is empty; write an answer before saving the attempt',
    )
    const duration = await post('/api/attempts', {
      promptId: 'pressure-deadline',
      answer: 'x',
      durationMs: 'soon',
    })
    expect(duration.json().message).toBe('body.durationMs: durationMs must be a number of milliseconds')
    const noPrompt = await post('/api/attempts', { answer: 'x' })
    expect(noPrompt.json().message).toBe(
      'body.promptId: promptId is required: the id of the prompt this answers',
    )
    const long = await post('/api/attempts', { promptId: 'pressure-deadline', answer: 'y'.repeat(20_001) })
    expect(long.statusCode).toBe(400)
    expect(long.json().message).toContain('20,000 characters')
    expect((await t.app.inject('/api/attempts')).json().attempts).toEqual([])
  })
})
