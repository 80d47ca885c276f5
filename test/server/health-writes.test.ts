// Health on a database whose storage the server cannot see (PostgreSQL): a write answered 507 because the
// database's disk is full degrades the health for a minute, or until a write succeeds.

import { afterEach, describe, expect, test } from 'vitest'
import { writeOutcomeChecks } from '../../server/routes/health'
import { onPostgres } from '../support/postgres'
import { GOOD_ANSWER, postJson, startApp, type TestApp } from './helpers'

describe('disk full from the outcomes of writes', () => {
  test('a 507 is remembered for a minute; reads do not clear it, a successful write does', () => {
    let now = 1_000_000
    const writes = writeOutcomeChecks(() => now)
    expect(writes.checks.diskFull()).toBe(false)
    writes.noteResponse('POST', 507)
    expect(writes.checks.diskFull()).toBe(true)
    writes.noteResponse('GET', 200)
    writes.noteResponse('POST', 400)
    now += 59_999
    expect(writes.checks.diskFull()).toBe(true)
    now += 1
    expect(writes.checks.diskFull()).toBe(false)
    writes.noteResponse('PUT', 507)
    expect(writes.checks.diskFull()).toBe(true)
    writes.noteResponse('POST', 201)
    expect(writes.checks.diskFull()).toBe(false)
    expect(writes.checks.fileGone()).toBe(false)
    expect(writes.checks.unwritable()).toBe(false)
  })
})

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe.runIf(onPostgres())('on PostgreSQL', () => {
  test("a write that finds the database's disk full: 507, health degraded with disk-full, then well again", async () => {
    t = await startApp()
    const health = async () => (await t!.app.inject('/api/health')).json()
    expect(await health()).toMatchObject({ status: 'ok', database: 'ok' })
    const store = t.app.store
    const real = store.storeAttempt
    store.storeAttempt = async () => {
      throw Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' })
    }
    const full = await postJson(t.app, '/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
    })
    expect(full.statusCode).toBe(507)
    expect(await health()).toMatchObject({
      status: 'degraded',
      database: 'degraded',
      reasons: [expect.objectContaining({ code: 'disk-full' })],
    })
    store.storeAttempt = real
    const saved = await postJson(t.app, '/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
    })
    expect(saved.statusCode).toBe(201)
    expect(await health()).toMatchObject({ status: 'ok', database: 'ok', reasons: [] })
  })
})
