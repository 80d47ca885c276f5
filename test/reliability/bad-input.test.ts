// Bad input across the API: each malformed request gets a 4xx that says what is wrong, and nothing stored changes.

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp, WEAK_ANSWER } from '../server/helpers'
import { type BadRequest, PROMPT } from './bad-request'
import { BODY_CASES } from './bad-request-bodies'
import { ID_AND_QUERY_CASES } from './bad-request-ids-queries'

const CASES: BadRequest[] = [...BODY_CASES, ...ID_AND_QUERY_CASES]

let t: TestApp
let stored: { id: number; body: unknown }[]
let listBefore: unknown

async function snapshot() {
  const list = (await t.app.inject('/api/attempts?limit=100')).json()
  const bodies = []
  for (const id of stored.map((s) => s.id)) bodies.push((await t.app.inject(`/api/attempts/${id}`)).json())
  return { list, bodies }
}

beforeAll(async () => {
  t = await startApp()
  stored = []
  for (const answer of [
    GOOD_ANSWER,
    WEAK_ANSWER,
    'Situation: 😀 مرحبا e\u0301 — a test.\nResult: 40% faster.',
  ]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: PROMPT, answer },
    })
    expect(res.statusCode).toBe(201)
    stored.push({ id: res.json().id, body: res.json() })
  }
  listBefore = await snapshot()
})
afterAll(async () => t?.close())

test('the table is broad: at least 30 malformed requests', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30)
})

describe.each(CASES)('$name: $method $url', (c) => {
  test(`answers ${c.status} with a message that says what is wrong`, async () => {
    const headers: Record<string, string> = {}
    let payload: string | undefined
    if (c.body !== undefined) {
      payload = typeof c.body === 'string' ? c.body : JSON.stringify(c.body.json)
      headers['content-type'] = c.contentType ?? 'application/json'
      if (headers['content-type'] === '') delete headers['content-type']
    }
    const res = await t.app.inject({
      method: c.method,
      url: c.url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    })
    const body = res.json()
    expect({ status: res.statusCode, body }).toMatchObject({
      status: c.status,
      body: { statusCode: c.status, error: expect.any(String), message: expect.stringMatching(c.message) },
    })
  })
})

test('afterwards health answers, and every stored attempt is exactly as before', async () => {
  const health = await t.app.inject('/api/health')
  expect(health.statusCode).toBe(200)
  expect(health.json().status).toBe('ok')
  expect(await snapshot()).toEqual(listBefore)
})
