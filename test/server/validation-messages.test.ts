// The words of a 400 for a request that fails validation: no "body." or "query." prefix, the field named once.

import { afterEach, describe, expect, test } from 'vitest'
import { startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const PREFIX = /(^|; )(body|query|querystring|params|headers|request)[.:]/

describe('validation messages', () => {
  test('never start with where the field sits; the body carries the field instead', async () => {
    t = await startApp()
    const cases: { method: 'GET' | 'POST'; url: string; payload?: unknown; field?: string }[] = [
      { method: 'POST', url: '/api/attempts', payload: { promptId: 'x', answer: 7 }, field: 'answer' },
      { method: 'POST', url: '/api/attempts', payload: { answer: 'Situation: x.' }, field: 'promptId' },
      { method: 'POST', url: '/api/score', payload: { answer: 'x', rubricId: 5 }, field: 'rubricId' },
      { method: 'POST', url: '/api/score', payload: [1] },
      { method: 'GET', url: '/api/attempts?minScore=abc', field: 'minScore' },
      { method: 'GET', url: '/api/attempts?minScore=90&maxScore=10', field: 'minScore' },
      { method: 'GET', url: '/api/trends?interval=hour', field: 'interval' },
      { method: 'GET', url: '/api/attempts/export?format=xml', field: 'format' },
    ]
    for (const c of cases) {
      const res = await t.app.inject({ method: c.method, url: c.url, payload: c.payload as object })
      expect(res.statusCode, c.url).toBe(400)
      const body = res.json() as { message: string; field?: string }
      expect(body.message, c.url).not.toMatch(PREFIX)
      expect(body.field, c.url).toBe(c.field)
    }
  })

  test('name the field once: as the message says it, or in front when the message does not', async () => {
    t = await startApp()
    const message = async (payload: object) =>
      (await t.app.inject({ method: 'POST', url: '/api/score', payload })).json().message as string
    // The contract's own words start with the field's name: it is not repeated.
    expect(await message({ answer: 7 })).toBe('answer must be a string of text')
    // A message that does not name the field gets it in front.
    expect(await message({ answer: 'x', rubricId: 5 })).toMatch(/^rubricId: /)
    expect(await message({ answer: 'x', rubricId: 5 })).not.toMatch(/rubricId: rubricId/)
    const list = await t.app.inject('/api/attempts?minScore=abc')
    expect(list.json().message).toBe('minScore must be a whole number from 0 to 100')
    // A body that is not a JSON object names no field and says what to send.
    const notObject = await t.app.inject({ method: 'POST', url: '/api/score', payload: [1] })
    expect(notObject.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Send a JSON object with the header Content-Type: application/json.',
    })
  })
})
