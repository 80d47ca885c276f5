// POST /api/score: scores an answer without storing it; what it refuses and why.

import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, postJson, postRaw, refusedPost, startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())
const post = (url: string, payload?: unknown) => postJson(t.app, url, payload)

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
    const refused = (payload: object, status: number) => refusedPost(t.app, '/api/score', payload, status)
    expect((await refused({ answer: 'x', rubricId: 'nope' }, 404)).message).toBe(
      "No rubric 'nope' is in service; GET /api/rubrics lists them",
    )
    expect((await refused({ answer: 'x', promptId: 'nope' }, 404)).message).toContain("No prompt 'nope'")
    expect(await refused({}, 400)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'answer must be a string of text',
      field: 'answer',
    })
  })

  test('answers over 20,000 characters get a 400 naming the limit; bodies over 125 KB a 413', async () => {
    t = await startApp()
    const atLimit = await post('/api/score', { answer: 'word '.repeat(4000) })
    expect(atLimit.statusCode).toBe(200)
    const over = await post('/api/score', { answer: 'x'.repeat(20_001) })
    expect(over.statusCode).toBe(400)
    expect(over.json().message).toBe('answer is longer than the limit of 20,000 characters; shorten it')
    const huge = await post('/api/score', { answer: 'x'.repeat(130_000) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
    expect(huge.json().message).toContain('125 KB')
  })

  test('a body that is not JSON gets a 400 saying so; a body of another type a 415', async () => {
    t = await startApp()
    const send = (contentType: string, payload: string) =>
      postRaw(t.app, '/api/score', payload, { 'content-type': contentType })
    const res = await send('application/json', '{"answer": "unterminated')
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe('The body is not valid JSON; check quotes, commas and escapes.')
    for (const [type, payload] of [
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'answer=hello'],
    ] as const) {
      const other = await send(type, payload)
      expect(other.statusCode, type).toBe(415)
      expect(other.json().message).toBe(
        'Send the body as JSON with the header Content-Type: application/json.',
      )
    }
  })
})
