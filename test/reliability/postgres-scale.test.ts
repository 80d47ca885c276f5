// Scale and faults on PostgreSQL: 20,000 attempts over 50 connections spread across 4 app processes on one
// PostgreSQL, one process killed with SIGKILL mid-burst, then a rubric change seen by every process; and the same
// load on SQLite with one process, for comparison. Each case prints one line of figures ("[scale] …") for the log.

import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { freshDatabaseOn, startPostgres, type TestPostgres } from '../support/postgres'
import type { ServerProcessOptions } from '../support/server-process'
import {
  ATTEMPTS,
  type Burst,
  burst,
  CONNECTIONS,
  cleanUp,
  cleanups,
  folders,
  lostAndExtra,
  measured,
  report,
  rubricReload,
  type Stored,
  started,
  warmUp,
} from './postgres-scale-support'

/** App processes sharing the one PostgreSQL database. */
const PROCESSES = 4
/** Every process serves a changed rubric file within this long of its writing. */
const RELOAD_WITHIN_MS = 2_000
/**
 * Bound on the PostgreSQL case, above the suite's 4 minutes. Measured on the shared 2-core machine (other work
 * keeping its load near 15), the 4 processes stored 28 to 60 attempts/s, so the burst alone takes 6 to 12
 * minutes there: each attempt is a transaction of its own (a statement per table, then a commit that waits for
 * the disk), and every one of them updates the same rows of today's trend rollup (trend_days), so the writers
 * queue on those rows' locks until each commit. A bound, not an expectation: the figures line says how long it
 * took.
 */
const POSTGRES_TIMEOUT_MS = 20 * 60_000

function expectSound(b: Burst, stored: Stored, lost: number, extra: number): void {
  expect({ errors: b.errors, samples: b.errorSamples }).toEqual({ errors: 0, samples: [] })
  expect(b.acknowledged.length).toBe(ATTEMPTS)
  expect(new Set(b.acknowledged.map((a) => a.id)).size).toBe(ATTEMPTS)
  expect(lost).toBe(0)
  // A request cut by the kill may have committed before the process died: stored, never acknowledged.
  expect(extra).toBeGreaterThanOrEqual(0)
  expect(extra).toBeLessThanOrEqual(b.cutByKill)
  expect(stored.partial).toBe(0)
}

describe('PostgreSQL, 4 processes', () => {
  afterAll(cleanUp)
  test(
    `${ATTEMPTS.toLocaleString('en-US')} attempts over ${CONNECTIONS} connections across ${PROCESSES} processes, one killed mid-burst: 0 errors, 0 lost; a rubric change reaches all ${PROCESSES} within ${RELOAD_WITHIN_MS} ms`,
    async () => {
      const postgres: TestPostgres = await startPostgres()
      cleanups.push(() => postgres.stop())
      const databaseUrl = await freshDatabaseOn(postgres.url)
      const { dir, rubricsDir } = folders('starboard-pg-scale-')
      // STARBOARD_DB names a file of each process's own: were the URL ignored, the check below fails at once
      // instead of the processes sharing one SQLite file.
      const options = (k: number): ServerProcessOptions => ({
        dbPath: join(dir, `unused-${k}.db`),
        rubricsDir,
        env: { STARBOARD_DATABASE_URL: databaseUrl },
      })
      // Started together: their migrations take turns on the advisory lock.
      const servers = await Promise.all(Array.from({ length: PROCESSES }, (_, k) => started(options(k))))

      const sql = new pg.Client({ connectionString: databaseUrl })
      await sql.connect()
      cleanups.push(() => sql.end())
      const count = async () =>
        (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM attempts')).rows[0]!.n
      const warm = await warmUp(servers)
      expect(await count(), 'the processes write to PostgreSQL').toBe(PROCESSES)

      const b = await burst(servers, 0)
      expect(b.kill, 'the kill happened mid-burst').toBeDefined()
      const killed = b.kill!.index
      expect(await servers[killed]!.exited).toBe('SIGKILL')

      const rows = await sql.query<{ id: number; answer: string }>('SELECT id, answer FROM attempts')
      const partial = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM attempts a
       WHERE (SELECT count(*) FROM attempt_criteria c WHERE c.attempt_id = a.id)
         <> json_array_length((a.report::json) -> 'criteria')`,
      )
      const stored: Stored = {
        answers: new Map(rows.rows.map((r) => [r.id, r.answer])),
        partial: partial.rows[0]!.n,
      }
      const { lost, extra } = lostAndExtra(b, warm, stored)

      // The killed process comes back on the same database, so that all 4 take part in the rubric change; it also
      // shows that a restarted process reads what the others wrote, and what it acknowledged before dying.
      servers[killed] = await started(options(killed))
      const { reloadMs, reloadError } = await measured(rubricReload(servers, rubricsDir))
      report(`postgres, ${PROCESSES} processes`, b, lost, extra, reloadMs)
      if (reloadError !== undefined) throw reloadError

      expectSound(b, stored, lost, extra)
      expect(await count()).toBe(stored.answers.size)
      const byKilled = b.acknowledged.filter((a) => a.by === killed)
      expect(byKilled.length, 'the killed process had acknowledged attempts').toBeGreaterThan(0)
      // Every attempt the killed process acknowledged reads back through the API, from each process.
      for (const [n, a] of byKilled.entries()) {
        const from = servers[n % servers.length]!
        const res = await fetch(`${from.url}/api/attempts/${a.id}`)
        expect(res.status).toBe(200)
        expect(((await res.json()) as { answer: string }).answer).toBe(a.answer)
      }
      expect(b.cutByKill).toBeLessThanOrEqual(Math.ceil(CONNECTIONS / PROCESSES))
      expect(reloadMs).toHaveLength(PROCESSES)
      for (const [k, ms] of reloadMs.entries())
        expect(ms, `process ${k}`).toBeLessThanOrEqual(RELOAD_WITHIN_MS)
    },
    POSTGRES_TIMEOUT_MS,
  )
})

describe('SQLite, 1 process', () => {
  afterAll(cleanUp)
  test(`${ATTEMPTS.toLocaleString('en-US')} attempts over ${CONNECTIONS} connections on one process: 0 errors, 0 lost; a rubric change within ${RELOAD_WITHIN_MS} ms`, async () => {
    const { dir, rubricsDir } = folders('starboard-sqlite-scale-')
    const dbPath = join(dir, 'starboard.db')
    const server = await started({ dbPath, rubricsDir })
    // No kill here: with one process there is nothing to move to (crash.test.ts kills and restarts one).
    const warm = await warmUp([server])
    const b = await burst([server])
    const { reloadMs, reloadError } = await measured(rubricReload([server], rubricsDir))
    await server.stop()

    const sqlite = new Database(dbPath, { readonly: true })
    let stored: Stored
    try {
      const rows = sqlite.prepare('SELECT id, answer FROM attempts').all() as { id: number; answer: string }[]
      const partial = sqlite
        .prepare(
          `SELECT count(*) FROM attempts a
           WHERE (SELECT count(*) FROM attempt_criteria c WHERE c.attempt_id = a.id)
             <> json_array_length(a.report, '$.criteria')`,
        )
        .pluck()
        .get() as number
      stored = { answers: new Map(rows.map((r) => [r.id, r.answer])), partial }
    } finally {
      sqlite.close()
    }
    const { lost, extra } = lostAndExtra(b, warm, stored)
    report('sqlite, 1 process', b, lost, extra, reloadMs)
    if (reloadError !== undefined) throw reloadError

    expectSound(b, stored, lost, extra)
    expect(extra).toBe(0)
    expect(reloadMs).toHaveLength(1)
    expect(reloadMs[0]).toBeLessThanOrEqual(RELOAD_WITHIN_MS)
  })
})
