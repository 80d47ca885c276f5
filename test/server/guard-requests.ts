// Requests shared by the request-guard suites: storing an attempt, and reading what is stored.

import { expect } from 'vitest'
import { GOOD_ANSWER, type TestApp } from './helpers'

export const PROMPT = 'ownership-outside-scope'
export const JSON_TYPE = { 'content-type': 'application/json' }

/** `store`, `historyOf` and `attemptCount` against the app that `app()` returns when they are called. */
export function guardRequests(app: () => TestApp) {
  async function store(headers: Record<string, string> = {}): Promise<number> {
    const res = await app().app.inject({
      method: 'POST',
      url: '/api/attempts',
      headers,
      payload: { promptId: PROMPT, answer: GOOD_ANSWER },
    })
    expect(res.statusCode).toBe(201)
    return res.json().id
  }

  const historyOf = async (id: number) =>
    (await app().app.inject(`/api/attempts/${id}`)).json().history as unknown[]
  const attemptCount = async () => (await app().app.inject('/api/attempts?limit=100')).json().attempts.length

  return { store, historyOf, attemptCount }
}
