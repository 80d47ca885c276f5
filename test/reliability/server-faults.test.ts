// Storage faults on a running server: its data folder deleted, or its disk full. No write is acknowledged that
// would be lost, health says what is wrong, and the server recovers when the fault is gone.

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp } from '../server/helpers'

const PROMPT = 'ownership-outside-scope'
let dir: string
let t: TestApp | undefined

afterEach(async () => {
  await t?.close()
  t = undefined
  rmSync(dir, { recursive: true, force: true })
})

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t!.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) })
const store = () => inject('POST', '/api/attempts', { promptId: PROMPT, answer: GOOD_ANSWER })
const health = async () => (await inject('GET', '/api/health')).json()

test('the data folder deleted while running: every write is 503, health is degraded; after a restart all is well', async () => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-faults-'))
  const dbPath = join(dir, 'data', 'starboard.db')
  t = await startApp({ dbPath })
  const kept = await store()
  expect(kept.statusCode).toBe(201)
  const id = kept.json().id as number
  expect(await health()).toMatchObject({ status: 'ok', database: 'ok', reasons: [] })

  rmSync(join(dir, 'data'), { recursive: true, force: true })
  const gone = /The database file is gone: .*Restart the server/
  const writes = [
    await store(),
    await inject('POST', `/api/attempts/${id}/rescore`, {}),
    await inject('DELETE', `/api/attempts/${id}`),
  ]
  for (const res of writes) {
    expect(res.statusCode).toBe(503)
    expect(res.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(gone),
    })
  }
  expect(await health()).toMatchObject({
    status: 'degraded',
    database: 'degraded',
    reasons: [expect.objectContaining({ code: 'database-file-gone' })],
  })
  // Reads still answer from the open database; scoring without storing still works.
  expect((await inject('GET', `/api/attempts/${id}`)).statusCode).toBe(200)
  expect((await inject('POST', '/api/score', { answer: GOOD_ANSWER })).statusCode).toBe(200)
  expect(existsSync(dbPath)).toBe(false)

  // A restart creates the file again and writes go through.
  await t.close()
  t = await startApp({ dbPath })
  expect(await health()).toMatchObject({ status: 'ok', reasons: [] })
  expect((await store()).statusCode).toBe(201)
  expect((await inject('GET', '/api/attempts')).json().attempts).toHaveLength(1)
})

test('a full disk: writes answer 507 saying so, health says "disk full", and both recover once there is room', async () => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-faults-'))
  t = await startApp({ dbPath: join(dir, 'starboard.db') })
  expect((await store()).statusCode).toBe(201)
  const id = (await inject('GET', '/api/attempts')).json().attempts[0].id as number
  // The database may not grow by a single page: what SQLite meets on a full disk (SQLITE_FULL).
  const sqlite = t.app.sqlite!.$client
  const pages = sqlite.pragma('page_count', { simple: true }) as number
  sqlite.pragma(`max_page_count = ${pages}`)

  let full: Awaited<ReturnType<typeof store>> | undefined
  // Free pages left in the file may take a few attempts before the next one needs a new page.
  for (let i = 0; i < 50 && full === undefined; i++) {
    const res = await store()
    if (res.statusCode !== 201) full = res
  }
  expect(full?.statusCode).toBe(507)
  expect(full?.json()).toEqual({
    statusCode: 507,
    error: 'Insufficient Storage',
    message:
      'The disk holding the database is full, so this change was not saved. Free some space and try again.',
  })
  expect(await health()).toMatchObject({
    status: 'degraded',
    database: 'degraded',
    reasons: [expect.objectContaining({ code: 'disk-full' })],
  })
  expect((await inject('GET', `/api/attempts/${id}`)).statusCode).toBe(200)

  // Room again: the next write goes through and health is ok at once.
  sqlite.pragma('max_page_count = 1073741823')
  expect((await store()).statusCode).toBe(201)
  expect(await health()).toMatchObject({ status: 'ok', database: 'ok', reasons: [] })
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
})
