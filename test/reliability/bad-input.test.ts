// Bad input across the API: each malformed request gets a 4xx that says what is wrong, and nothing stored changes.

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp, WEAK_ANSWER } from '../server/helpers'

interface BadRequest {
  name: string
  method: 'GET' | 'POST' | 'DELETE' | 'PUT'
  url: string
  /** A raw body (sent as is) or a value sent as JSON. */
  body?: string | { json: unknown }
  contentType?: string
  status: number
  /** What the message must say. */
  message: RegExp
}

const PROMPT = 'ownership-outside-scope'
const json = (value: unknown) => ({ json: value })
const attempt = (fields: Record<string, unknown>) =>
  json({ promptId: PROMPT, answer: GOOD_ANSWER, ...fields })

const CASES: BadRequest[] = [
  // Bodies that are not a JSON object.
  {
    name: 'empty body',
    method: 'POST',
    url: '/api/attempts',
    body: '',
    contentType: 'application/json',
    status: 400,
    message: /body is empty/,
  },
  {
    name: 'no content type',
    method: 'POST',
    url: '/api/attempts',
    body: 'hello',
    contentType: '',
    status: 415,
    message: /Content-Type: application\/json/,
  },
  // Every write is JSON: a text/plain body is what a form on another site can send.
  {
    name: 'text/plain body',
    method: 'POST',
    url: '/api/attempts',
    body: '{"promptId":"x"}',
    contentType: 'text/plain',
    status: 415,
    message: /Content-Type: application\/json/,
  },
  {
    name: 'form-encoded body',
    method: 'POST',
    url: '/api/score',
    body: 'answer=hi',
    contentType: 'application/x-www-form-urlencoded',
    status: 415,
    message: /JSON/,
  },
  {
    name: 'invalid JSON',
    method: 'POST',
    url: '/api/attempts',
    body: '{"promptId": "ownership-outside-scope", "answer": ',
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: 'trailing comma JSON',
    method: 'POST',
    url: '/api/score',
    body: '{"answer": "hi",}',
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: 'JSON array',
    method: 'POST',
    url: '/api/attempts',
    body: json([1, 2]),
    status: 400,
    message: /JSON object/,
  },
  {
    name: 'JSON null',
    method: 'POST',
    url: '/api/attempts',
    body: 'null',
    status: 400,
    message: /JSON object/,
  },
  {
    name: 'JSON string',
    method: 'POST',
    url: '/api/score',
    body: '"an answer"',
    status: 400,
    message: /JSON object/,
  },
  {
    name: 'prototype pollution',
    method: 'POST',
    url: '/api/attempts',
    body: `{"promptId":"${PROMPT}","answer":"x","__proto__":{"admin":true}}`,
    status: 400,
    message: /key named "__proto__", which is not allowed/,
  },
  {
    name: 'oversized body',
    method: 'POST',
    url: '/api/attempts',
    body: json({ promptId: PROMPT, answer: 'word '.repeat(30_000) }),
    status: 413,
    message: /larger than 125 KB/,
  },
  // Fields of the wrong kind.
  {
    name: '20,001-character answer',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ answer: 'a'.repeat(20_001) }),
    status: 400,
    message: /answer is longer than the limit of 20,000 characters/,
  },
  {
    name: '20,001-character answer to score',
    method: 'POST',
    url: '/api/score',
    body: json({ answer: 'a '.repeat(10_000).concat('b') }),
    status: 400,
    message: /20,000 characters/,
  },
  {
    name: 'answer is a number',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ answer: 42 }),
    status: 400,
    message: /answer must be a string/,
  },
  {
    name: 'answer is an array',
    method: 'POST',
    url: '/api/score',
    body: json({ answer: ['a', 'b'] }),
    status: 400,
    message: /answer must be a string/,
  },
  {
    name: 'answer only whitespace',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ answer: ' \n\t ' }),
    status: 400,
    message: /answer is empty/,
  },
  {
    name: 'promptId missing',
    method: 'POST',
    url: '/api/attempts',
    body: json({ answer: GOOD_ANSWER }),
    status: 400,
    message: /promptId is required/,
  },
  {
    name: 'promptId is a number',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ promptId: 7 }),
    status: 400,
    message: /promptId/,
  },
  {
    name: 'durationMs negative',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ durationMs: -5 }),
    status: 400,
    message: /durationMs/,
  },
  {
    name: 'durationMs text',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ durationMs: 'fast' }),
    status: 400,
    message: /durationMs must be a number/,
  },
  {
    name: 'durationMs fractional',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ durationMs: 1.5 }),
    status: 400,
    message: /durationMs/,
  },
  // Text no answer should contain.
  {
    name: 'NUL and escape characters in an answer',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ answer: `${GOOD_ANSWER}\u0000\u001b[2J` }),
    status: 400,
    message: /answer contains control characters/,
  },
  {
    name: 'control character in an answer to score',
    method: 'POST',
    url: '/api/score',
    body: json({ answer: 'I led\u0007 it.' }),
    status: 400,
    message: /control characters/,
  },
  {
    name: 'lone high surrogate in an answer',
    method: 'POST',
    url: '/api/attempts',
    body: `{"promptId":"${PROMPT}","answer":"I fixed it \\ud83d and we shipped."}`,
    status: 400,
    message: /answer contains a broken character/,
  },
  {
    name: 'lone low surrogate in an answer to score',
    method: 'POST',
    url: '/api/score',
    body: '{"answer":"\\udc00 result"}',
    status: 400,
    message: /broken character/,
  },
  // Ids that name nothing, however they look.
  {
    name: 'unknown prompt',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ promptId: 'no-such-prompt' }),
    status: 404,
    message: /No prompt 'no-such-prompt'/,
  },
  {
    name: 'SQL-looking prompt id',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ promptId: "x'; DROP TABLE attempts; --" }),
    status: 404,
    message: /No prompt/,
  },
  {
    name: 'path-like prompt id',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ promptId: '../../etc/passwd' }),
    status: 404,
    message: /No prompt/,
  },
  {
    name: 'control characters in a prompt id',
    method: 'POST',
    url: '/api/attempts',
    body: attempt({ promptId: 'own\u0000ership' }),
    status: 404,
    message: /No prompt/,
  },
  {
    name: 'unknown rubric to score with',
    method: 'POST',
    url: '/api/score',
    body: json({ answer: 'x', rubricId: 'nope' }),
    status: 404,
    message: /nope/,
  },
  {
    name: 'unknown attempt id',
    method: 'GET',
    url: '/api/attempts/999999',
    status: 404,
    message: /No attempt with id '999999'/,
  },
  {
    name: 'non-numeric attempt id',
    method: 'GET',
    url: '/api/attempts/abc',
    status: 404,
    message: /No attempt with id 'abc'/,
  },
  {
    name: 'SQL-looking attempt id',
    method: 'GET',
    url: `/api/attempts/${encodeURIComponent('1 OR 1=1')}`,
    status: 404,
    message: /No attempt with id '1 OR 1=1'/,
  },
  {
    name: 'path-like attempt id',
    method: 'GET',
    url: `/api/attempts/${encodeURIComponent('../../etc/passwd')}`,
    status: 404,
    message: /No attempt/,
  },
  {
    name: 'huge attempt id',
    method: 'GET',
    url: '/api/attempts/99999999999999999999999',
    status: 404,
    message: /No attempt/,
  },
  {
    name: 'delete attempt 0',
    method: 'DELETE',
    url: '/api/attempts/0',
    status: 404,
    message: /No attempt with id '0'/,
  },
  {
    name: 'delete a negative id',
    method: 'DELETE',
    url: '/api/attempts/-1',
    status: 404,
    message: /No attempt/,
  },
  {
    name: 're-score an unknown attempt',
    method: 'POST',
    url: '/api/attempts/424242/rescore',
    body: json({}),
    status: 404,
    message: /No attempt/,
  },
  {
    name: 'path-like rubric id',
    method: 'GET',
    url: `/api/rubrics/${encodeURIComponent('../star-core')}`,
    status: 404,
    message: /\.\.\/star-core/,
  },
  {
    name: 'unknown prompt by id',
    method: 'GET',
    url: `/api/prompts/${encodeURIComponent("' OR '1'='1")}`,
    status: 404,
    message: /OR/,
  },
  {
    name: 'unknown route',
    method: 'GET',
    url: '/api/nothing-here',
    status: 404,
    message: /No route GET \/api\/nothing-here/,
  },
  {
    name: 'wrong method',
    method: 'PUT',
    url: '/api/attempts',
    body: attempt({}),
    status: 404,
    message: /No route PUT/,
  },
  // Queries.
  {
    name: 'negative limit',
    method: 'GET',
    url: '/api/attempts?limit=-1',
    status: 400,
    message: /limit must be a whole number from 1 to 100/,
  },
  {
    name: 'non-numeric limit',
    method: 'GET',
    url: '/api/attempts?limit=ten',
    status: 400,
    message: /limit must be a whole number/,
  },
  {
    name: 'fractional limit',
    method: 'GET',
    url: '/api/attempts?limit=2.5',
    status: 400,
    message: /limit must be a whole number/,
  },
  {
    name: 'huge limit',
    method: 'GET',
    url: '/api/attempts?limit=1e9',
    status: 400,
    message: /limit must be a whole number from 1 to 100/,
  },
  {
    name: 'limit given twice',
    method: 'GET',
    url: '/api/attempts?limit=5&limit=6',
    status: 400,
    message: /limit/,
  },
  {
    name: 'forged cursor',
    method: 'GET',
    url: '/api/attempts?cursor=Jyk7RFJPUCBUQUJMRSBhdHRlbXB0cw',
    status: 400,
    message: /cursor is not one this server gave out/,
  },
  {
    name: 'date that is not one',
    method: 'GET',
    url: '/api/attempts?from=yesterday',
    status: 400,
    message: /from must be a date/,
  },
  {
    name: 'upside-down score range',
    method: 'GET',
    url: '/api/attempts?minScore=80&maxScore=10',
    status: 400,
    message: /minScore is above maxScore; swap them/,
  },
  {
    name: 'score above 100',
    method: 'GET',
    url: '/api/trends?minScore=101',
    status: 400,
    message: /minScore must be a whole number from 0 to 100/,
  },
  {
    name: 'unknown trend interval',
    method: 'GET',
    url: '/api/trends?interval=month',
    status: 400,
    message: /interval must be day or week/,
  },
  {
    name: 'export as xml',
    method: 'GET',
    url: '/api/attempts/export?format=xml',
    status: 400,
    message: /format must be json, csv or md/,
  },
  {
    name: 'export format in capitals',
    method: 'GET',
    url: '/api/attempts/export?format=CSV',
    status: 400,
    message: /format must be json, csv or md/,
  },
  {
    name: 'export format path-like',
    method: 'GET',
    url: `/api/attempts/export?format=${encodeURIComponent('../../json')}`,
    status: 400,
    message: /format must be/,
  },
  {
    name: 'empty export format',
    method: 'GET',
    url: '/api/attempts/export?format=',
    status: 400,
    message: /format must be/,
  },
  {
    name: 'overlong prompt search',
    method: 'GET',
    url: `/api/prompts?q=${'x'.repeat(201)}`,
    status: 400,
    message: /q/,
  },
]

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
