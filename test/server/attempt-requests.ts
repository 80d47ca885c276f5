// Requests shared by the attempts suites: JSON writes, and storing an attempt that must be created.

import { expect } from 'vitest'
import type { TestApp } from './helpers'

/** `post` and `store` against the app that `app()` returns when they are called. */
export function attemptRequests(app: () => TestApp) {
  // Every write is JSON: a re-score, which takes no fields, sends {}.
  const post = (url: string, payload: unknown = {}) =>
    app().app.inject({ method: 'POST', url, payload: payload as object })

  async function store(promptId: string, answer: string, durationMs?: number): Promise<number> {
    const res = await post('/api/attempts', {
      promptId,
      answer,
      ...(durationMs === undefined ? {} : { durationMs }),
    })
    expect(res.statusCode).toBe(201)
    return res.json().id
  }

  return { post, store }
}
