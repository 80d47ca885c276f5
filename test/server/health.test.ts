// GET /api/health: `ok` only when all is well, else `degraded` with every reason; the storage checks it uses.

import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterEach, describe, expect, test } from 'vitest'
import { closeDb, createDb, type Db } from '../../db/index'
import { dbPlugin } from '../../server/plugins/db'
import { rubricsPlugin } from '../../server/plugins/rubrics'
import { type DatabaseHealthChecks, healthRoutes, storageChecks } from '../../server/routes/health'
import { freshPostgresUrl, onPostgres } from '../support/postgres'
import { makeRubricsDir } from './helpers'

const cleanup: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

async function healthApp(checks: DatabaseHealthChecks, rubricsDir = makeRubricsDir()) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // The database under test (it must answer); its storage is what `checks` says.
  await app.register(dbPlugin, onPostgres() ? { url: await freshPostgresUrl() } : { path: ':memory:' })
  await app.register(rubricsPlugin, { dir: rubricsDir, watch: false })
  await app.register(healthRoutes, { databaseChecks: checks })
  cleanup.push(async () => {
    await app.close()
    rmSync(rubricsDir, { recursive: true, force: true })
  })
  return async () => (await app.inject('/api/health')).json()
}

const fine: DatabaseHealthChecks = { fileGone: () => false, unwritable: () => false, diskFull: () => false }

describe('health reasons', () => {
  test('all is well: ok, no reasons', async () => {
    const health = await healthApp(fine)
    expect(await health()).toMatchObject({ status: 'ok', reasons: [], database: 'ok', rubrics: 4 })
  })

  const yes = () => true
  const cases: [string, DatabaseHealthChecks][] = [
    ['database-file-gone', { ...fine, fileGone: yes }],
    ['database-unwritable', { ...fine, unwritable: yes }],
    ['disk-full', { ...fine, diskFull: yes }],
  ]
  test.each(cases)('%s', async (code, checks) => {
    const health = await healthApp(checks)
    const body = await health()
    expect(body).toMatchObject({ status: 'degraded', database: 'degraded' })
    expect(body.reasons).toEqual([{ code, message: expect.stringMatching(/^The .{20,}/) }])
  })

  test('every reason at once, in a fixed order', async () => {
    const health = await healthApp(
      { fileGone: () => false, unwritable: () => true, diskFull: () => true },
      join(tmpdir(), 'starboard-no-such-folder'),
    )
    const body = await health()
    expect(body.status).toBe('degraded')
    expect(body.reasons.map((r: { code: string }) => r.code)).toEqual([
      'no-rubrics',
      'rubric-errors',
      'database-unwritable',
      'disk-full',
    ])
  })
})

describe('storage checks from the file system', () => {
  function onDisk(): { db: Db; dir: string; path: string } {
    const dir = mkdtempSync(join(tmpdir(), 'starboard-health-'))
    const path = join(dir, 'starboard.db')
    const db = createDb(path)
    cleanup.push(() => {
      closeDb(db)
      rmSync(dir, { recursive: true, force: true })
    })
    return { db, dir, path }
  }

  test('a database in place passes every check; an in-memory one too', () => {
    const { db } = onDisk()
    const checks = storageChecks(db)
    expect([checks.fileGone(), checks.unwritable(), checks.diskFull()]).toEqual([false, false, false])
    const memory = createDb(':memory:')
    cleanup.push(() => closeDb(memory))
    const m = storageChecks(memory)
    expect([m.fileGone(), m.unwritable(), m.diskFull()]).toEqual([false, false, false])
  })

  test('deleted, or replaced by another file at the same path: gone', () => {
    const { db, path } = onDisk()
    const checks = storageChecks(db)
    renameSync(path, `${path}.moved`)
    expect(checks.fileGone()).toBe(true)
    renameSync(`${path}.moved`, path)
    expect(checks.fileGone()).toBe(false)
    rmSync(path)
    const other = createDb(path)
    cleanup.push(() => closeDb(other))
    expect(checks.fileGone()).toBe(true)
  })

  test.skipIf(process.getuid?.() === 0)('a read-only file: unwritable', () => {
    const { db, path } = onDisk()
    const checks = storageChecks(db)
    chmodSync(path, 0o444)
    expect(checks.unwritable()).toBe(true)
    chmodSync(path, 0o644)
    expect(checks.unwritable()).toBe(false)
  })
})
