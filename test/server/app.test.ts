// The app around the routes: security headers, rate limits, error shapes, OpenAPI docs, the client and its fallback.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp } from './helpers'

let t: TestApp
let clientDir: string | undefined
afterEach(async () => {
  await t?.close()
  if (clientDir !== undefined) rmSync(clientDir, { recursive: true, force: true })
  clientDir = undefined
})

function makeClient(): string {
  clientDir = mkdtempSync(join(tmpdir(), 'starboard-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(
    join(clientDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="app"></div></body></html>',
  )
  writeFileSync(join(clientDir, 'assets', 'index-abc.js'), 'console.log("starboard")')
  return clientDir
}

describe('security headers', () => {
  test('a CSP that allows the same-origin Vite bundle and nothing from elsewhere', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/health')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  test('worked out once, the same full set is on every response: a read, a refused write, an unknown path', async () => {
    t = await startApp()
    const expected = {
      'content-security-policy':
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
        "img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';" +
        "style-src 'self' 'unsafe-inline';connect-src 'self';worker-src 'self' blob:",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    }
    const responses = [
      await t.app.inject('/api/health'),
      await t.app.inject({ method: 'POST', url: '/api/attempts', payload: { promptId: 'no-such-prompt' } }),
      await t.app.inject('/api/no-such-route'),
      await t.app.inject('/api/health'),
    ]
    expect(responses.map((r) => r.statusCode)).toEqual([200, 400, 404, 200])
    for (const res of responses) {
      expect(res.headers).toMatchObject(expected)
      expect(res.headers['x-powered-by']).toBeUndefined()
    }
  })
})

describe('rate limit on write routes', () => {
  test('configurable: the limit applies to writes, reads are not limited, and 429 says when to retry', async () => {
    t = await startApp({ rateLimit: { max: 2, timeWindow: '1 minute' } })
    const write = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/attempts',
        payload: { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
      })
    expect((await write()).statusCode).toBe(201)
    expect((await write()).statusCode).toBe(201)
    const limited = await write()
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(
        /^Too many changes from your address: the limit is 2 per 1 minute\. Try again in /,
      ),
    })
    expect(limited.headers['retry-after']).toBeDefined()
    // Reads and scoring are never limited.
    for (let i = 0; i < 5; i++) expect((await t.app.inject('/api/attempts')).statusCode).toBe(200)
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/score', payload: { answer: 'x' } })
      expect(res.statusCode).toBe(200)
    }
  })

  test('off (rateLimit: false) lets volume through', async () => {
    t = await startApp({ rateLimit: false })
    for (let i = 0; i < 70; i++) {
      const res = await t.app.inject({ method: 'DELETE', url: '/api/attempts/1' })
      expect(res.statusCode).toBe(404)
    }
  })
})

describe('errors', () => {
  test('a 5xx is logged in full and answered without internals', async () => {
    const lines: string[] = []
    t = await startApp({
      logger: { level: 'error', stream: { write: (line: string) => void lines.push(line) } },
    })
    // Pull the database out from under the app: every query now throws (inside better-sqlite3, or the ended pool).
    if (t.app.sqlite !== undefined) t.app.sqlite.$client.close()
    else await t.app.store.close()
    const res = await t.app.inject('/api/attempts')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message:
        'Something went wrong on the server. The details are in the server log; try again, and report it if it persists.',
    })
    expect(res.body).not.toMatch(/sqlite|database connection|at .*\.ts/i)
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'Request failed')
    // What the driver said: better-sqlite3's closed connection, or drizzle's failed query on the ended pool.
    expect(logged.err.message).toMatch(
      t.app.sqlite !== undefined ? /database connection is not open/ : /^Failed query: /,
    )
    expect(logged.err.stack).toBeDefined()
  })

  test('unknown API routes are JSON 404s', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route GET /api/nothing-here; the API is listed at /docs',
    })
    const post = await t.app.inject({ method: 'PUT', url: '/api/attempts/1' })
    expect(post.statusCode).toBe(404)
  })
})

describe('OpenAPI', () => {
  test('/docs serves Swagger UI and /docs/json documents every endpoint from the zod schemas', async () => {
    t = await startApp()
    const ui = await t.app.inject('/docs/')
    expect(ui.statusCode).toBe(200)
    expect(ui.headers['content-type']).toContain('text/html')
    const spec = (await t.app.inject('/docs/json')).json()
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/attempts',
      '/api/attempts/export',
      '/api/attempts/{id}',
      '/api/attempts/{id}/follow-ups',
      '/api/attempts/{id}/rescore',
      '/api/coverage',
      '/api/events',
      '/api/health',
      '/api/loops',
      '/api/loops/{id}',
      '/api/loops/{id}/answers',
      '/api/loops/{id}/debrief.md',
      '/api/prompts',
      '/api/prompts/next',
      '/api/prompts/{id}',
      '/api/rubrics',
      '/api/rubrics/errors',
      '/api/rubrics/preview',
      '/api/rubrics/studio',
      '/api/rubrics/{id}',
      '/api/rubrics/{id}/source',
      '/api/score',
      '/api/stories',
      '/api/stories/plan',
      '/api/stories/{id}',
      '/api/trends',
    ])
    const create = spec.paths['/api/attempts'].post
    const body = create.requestBody.content['application/json'].schema
    expect(body.required).toEqual(expect.arrayContaining(['promptId', 'answer']))
    expect(body.properties.answer.maxLength).toBe(20_000)
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '413']))
    const list = spec.paths['/api/attempts'].get.parameters.map((p: { name: string }) => p.name)
    expect(list).toEqual(
      expect.arrayContaining([
        'promptId',
        'rubricId',
        'tag',
        'from',
        'to',
        'minScore',
        'maxScore',
        'limit',
        'cursor',
      ]),
    )
  })
})

describe('the client', () => {
  test('built: static files, and app paths fall back to index.html; API and missing files do not', async () => {
    t = await startApp({ clientDir: makeClient() })
    const index = await t.app.inject('/')
    expect(index.statusCode).toBe(200)
    expect(index.body).toContain('<div id="app">')
    const asset = await t.app.inject('/assets/index-abc.js')
    expect(asset.body).toBe('console.log("starboard")')
    expect(asset.headers['cache-control']).toContain('immutable')
    const deep = await t.app.inject('/history/12?compare=3')
    expect(deep.statusCode).toBe(200)
    expect(deep.headers['content-type']).toContain('text/html')
    expect(deep.body).toContain('<div id="app">')
    expect((await t.app.inject('/api/nope')).json().statusCode).toBe(404)
    expect((await t.app.inject('/assets/missing-123.js')).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: '/history' })).statusCode).toBe(404)
  })

  test('not built: / answers a page saying to run npm run build, and the API still works', async () => {
    t = await startApp()
    for (const url of ['/', '/practice/pressure-deadline']) {
      const res = await t.app.inject(url)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/html')
      expect(res.body).toContain('npm run build')
    }
    expect((await t.app.inject('/api/health')).json().status).toBe('ok')
  })
})
