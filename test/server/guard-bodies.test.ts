// The request guard, what a body may be: every write is JSON, bodies are strict UTF-8, keys that could change
// object prototypes are refused, and the body limit fits the longest answer in any JSON spelling.

import { afterEach, describe, expect, test } from 'vitest'
import { BODY_LIMIT_BYTES, MAX_ANSWER_CHARACTERS } from '../../contract/common'
import {
  attemptCount,
  changeOwnershipRubric,
  GOOD_ANSWER,
  historyOf,
  postRaw,
  startApp,
  storeAttempt,
  type TestApp,
} from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const PROMPT = 'ownership-outside-scope'
const store = () => storeAttempt(t.app, PROMPT, GOOD_ANSWER)

describe('every write is JSON', () => {
  test('re-score with text/plain, an empty text/plain body or no body at all is 415; with {} it works', async () => {
    t = await startApp()
    const id = await store()
    changeOwnershipRubric(t)
    const cases: { headers: Record<string, string>; payload?: string }[] = [
      { headers: { 'content-type': 'text/plain' }, payload: '{}' },
      { headers: { 'content-type': 'text/plain' }, payload: '' },
      { headers: {} },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--' },
      { headers: { 'content-type': 'application/vnd.api+json' }, payload: '{}' },
      { headers: { 'content-type': 'application/jsonp' }, payload: '{}' },
    ]
    for (const c of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/attempts/${id}/rescore`,
        headers: c.headers,
        ...(c.payload === undefined ? {} : { payload: c.payload }),
      })
      expect(res.statusCode, JSON.stringify(c)).toBe(415)
      expect(res.json().message).toBe('Send the body as JSON with the header Content-Type: application/json.')
    }
    expect(await historyOf(t.app, id)).toEqual([])
    const ok = await postRaw(t.app, `/api/attempts/${id}/rescore`, '{}', {
      'content-type': 'Application/JSON; charset="UTF-8"',
    })
    expect(ok.statusCode).toBe(200)
    expect(await historyOf(t.app, id)).toHaveLength(1)
    // A write to a path no route answers stays a plain 404.
    for (const method of ['POST', 'PUT', 'PATCH'] as const) {
      expect((await t.app.inject({ method, url: '/history' })).statusCode, method).toBe(404)
    }
  })

  test('DELETE without a body needs no content type; with a body it must be JSON', async () => {
    t = await startApp()
    const id = await store()
    const withText = await t.app.inject({
      method: 'DELETE',
      url: `/api/attempts/${id}`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    })
    expect(withText.statusCode).toBe(415)
    expect(await attemptCount(t.app)).toBe(1)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/attempts/${id}` })).statusCode).toBe(204)
    expect(await attemptCount(t.app)).toBe(0)
  })

  test('a declared charset other than UTF-8 is 415', async () => {
    t = await startApp()
    for (const charset of ['iso-8859-1', 'utf-16', 'windows-1252', '"latin1"']) {
      const res = await postRaw(t.app, '/api/score', Buffer.from('{"answer":"caf\xe9"}', 'latin1'), {
        'content-type': `application/json; charset=${charset}`,
      })
      expect(res.statusCode, charset).toBe(415)
      expect(res.json().message).toMatch(/UTF-8/)
      expect(res.json().message).toContain(charset.replaceAll('"', '').toLowerCase())
    }
    for (const charset of ['utf-8', 'UTF-8', 'utf8']) {
      const res = await postRaw(t.app, '/api/score', Buffer.from('{"answer":"café"}', 'utf8'), {
        'content-type': `application/json; charset=${charset}`,
      })
      expect(res.statusCode, charset).toBe(200)
    }
  })
})

describe('JSON bodies are strict UTF-8', () => {
  test('invalid UTF-8 is 400 and nothing is stored; valid text, syntax errors and empty bodies as before', async () => {
    t = await startApp()
    const cases: [string, number[]][] = [
      ['a stray continuation byte', [0x80]],
      ['a byte that is never UTF-8', [0xff]],
      ['a truncated sequence', [0xe2, 0x82]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['a surrogate encoded as UTF-8', [0xed, 0xa0, 0x80]],
      ['Latin-1 "é"', [0xe9]],
    ]
    for (const [name, bytes] of cases) {
      const res = await postRaw(
        t.app,
        '/api/attempts',
        Buffer.concat([
          Buffer.from(`{"promptId":"${PROMPT}","answer":"I led it `),
          Buffer.from(bytes),
          Buffer.from(' and we shipped."}'),
        ]),
      )
      expect(res.statusCode, name).toBe(400)
      expect(res.json().message, name).toBe(
        'The body is not valid UTF-8; send the JSON encoded as UTF-8 (Content-Type: application/json).',
      )
    }
    expect(await attemptCount(t.app)).toBe(0)

    const answer = 'Situation: café 😀 مرحبا e\u0301 — 40% faster.'
    const res = await postRaw(
      t.app,
      '/api/attempts',
      Buffer.from(`\ufeff${JSON.stringify({ promptId: PROMPT, answer })}`, 'utf8'),
    )
    expect(res.statusCode).toBe(201)
    expect((await t.app.inject(`/api/attempts/${res.json().id}`)).json().answer).toBe(answer)

    const send = (payload: string) => postRaw(t.app, '/api/score', payload)
    expect((await send('{"answer": "x",}')).json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The body is not valid JSON; check quotes, commas and escapes.',
    })
    expect((await send('')).json().message).toBe('The body is empty; send a JSON object.')
  })
})

describe('keys that could change object prototypes', () => {
  test('__proto__ or constructor.prototype anywhere is a 400 that names the key', async () => {
    t = await startApp()
    const cases: [string, string, RegExp][] = [
      ['at the top', `{"promptId":"${PROMPT}","answer":"x","__proto__":{"admin":true}}`, /"__proto__"/],
      ['spelled with escapes', '{"answer":"x","\\u005f_proto__":{}}', /"__proto__"/],
      ['nested in an array', '{"answer":"x","list":[{"a":{"__proto__":null}}]}', /"__proto__"/],
      [
        'constructor.prototype',
        '{"answer":"x","constructor":{"prototype":{"admin":true}}}',
        /constructor\.prototype/,
      ],
    ]
    for (const [name, payload, key] of cases) {
      const res = await postRaw(t.app, '/api/attempts', payload)
      expect(res.statusCode, name).toBe(400)
      expect(res.json().message, name).toMatch(key)
      expect(res.json().message, name).toMatch(/not allowed/)
    }
    expect(await attemptCount(t.app)).toBe(0)
    // A plain "constructor" or "prototype" field is only an unknown field, which is ignored.
    const plain = await postRaw(t.app, '/api/score', '{"answer":"x","constructor":"y","prototype":{"a":1}}')
    expect(plain.statusCode).toBe(200)
  })
})

describe('the body limit fits the longest answer however it is escaped', () => {
  test('20,000 "é" sent as \\u00e9 and 10,000 emoji sent as surrogate escapes are scored', async () => {
    t = await startApp()
    const escaped = (answer: string) =>
      `{"answer":"${[...answer]
        .map((c) =>
          c
            .split('')
            .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .join(''),
        )
        .join('')}"}`
    for (const answer of ['é'.repeat(MAX_ANSWER_CHARACTERS), '😀'.repeat(MAX_ANSWER_CHARACTERS / 2)]) {
      const payload = escaped(answer)
      expect(payload.length).toBeGreaterThanOrEqual(MAX_ANSWER_CHARACTERS * 6)
      const res = await postRaw(t.app, '/api/score', payload)
      expect(res.statusCode).toBe(200)
      const report = res.json()
      expect(report.rubricId).toBe('star-core')
      // The whole answer arrived: its sentences run to the last of its 20,000 UTF-16 units.
      expect(Math.max(...report.sentences.map((s: { end: number }) => s.end))).toBe(MAX_ANSWER_CHARACTERS)
    }
    // One character more is the answer limit's 400, not the body limit's 413.
    const over = await postRaw(
      t.app,
      '/api/score',
      `{"answer":"${'\\u00e9'.repeat(MAX_ANSWER_CHARACTERS + 1)}"}`,
    )
    expect(over.statusCode).toBe(400)
    expect(over.json().message).toMatch(/20,000 characters/)
  })

  test('the limit is derived from the answer limit; a larger body is 413 and says the limit', async () => {
    expect(BODY_LIMIT_BYTES).toBeGreaterThanOrEqual(MAX_ANSWER_CHARACTERS * 6 + 1024)
    expect(BODY_LIMIT_BYTES).toBeLessThanOrEqual(MAX_ANSWER_CHARACTERS * 6 + 16 * 1024)
    t = await startApp()
    const res = await postRaw(t.app, '/api/score', `{"answer":"${' '.repeat(BODY_LIMIT_BYTES)}"}`)
    expect(res.statusCode).toBe(413)
    expect(res.json().message).toContain(`larger than ${Math.round(BODY_LIMIT_BYTES / 1024)} KB`)
  })
})
