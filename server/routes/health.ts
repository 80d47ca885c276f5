// GET /api/health: whether the server, its database and its rubrics are in working order.

import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HEALTH_NOTES, HEALTH_REASONS, type HealthReasonCode, healthSchema } from '../../contract/common'
import { type Db, databaseFileState, diskFullRecently } from '../../db/index'
import { ENGINE_VERSION } from '../../engine/index'

/**
 * Cheap checks of the database's storage, called on every health request (no query, no write). Each says
 * whether one thing is wrong now.
 */
export interface DatabaseHealthChecks {
  /** The database file is no longer at its path (deleted or moved while the server runs). */
  fileGone(): boolean
  /** Writes cannot be committed (the file or its folder became read-only). */
  unwritable(): boolean
  /** The disk holding the database is full. */
  diskFull(): boolean
}

export interface HealthRoutesOptions {
  /**
   * Replaces the built-in storage checks (`storageChecks`, of a SQLite database's file; on PostgreSQL, whose server
   * keeps its own storage, the app passes `writeOutcomeChecks`).
   */
  databaseChecks?: DatabaseHealthChecks
}

/** Below this much free space, a write of one attempt (and its WAL pages) may fail. */
const DISK_FULL_BELOW_BYTES = 1024 * 1024

/**
 * The built-in checks: the file at the path is still the one opened, the file and its folder are writable, and
 * its disk has room (no write found it full in the last minute). Each is one or two system calls. An in-memory
 * database passes all of them.
 */
export function storageChecks(db: Db): DatabaseHealthChecks {
  const client = db.$client
  const path = client.memory ? undefined : client.name
  return {
    fileGone: () => !databaseFileState(db).present,
    unwritable: () => {
      const state = databaseFileState(db)
      return state.present && !state.writable
    },
    diskFull() {
      // A write that found the disk full in the last minute, or less room left than one attempt needs.
      if (diskFullRecently(db)) return true
      if (path === undefined) return false
      try {
        const fs = statfsSync(dirname(path))
        return fs.bavail * fs.bsize < DISK_FULL_BELOW_BYTES
      } catch {
        return false
      }
    },
  }
}

/** How long a write answered 507 keeps "disk full" among the reasons, unless a write succeeds after it. */
const DISK_FULL_REMEMBERED_MS = 60_000

/**
 * The checks of a database whose storage the server cannot see (PostgreSQL's server keeps its own): only what its
 * writes met. A write answered 507 (the database's disk is full) degrades the health for a minute, or until a write
 * succeeds. `noteResponse` is given every response.
 */
export function writeOutcomeChecks(now: () => number = Date.now) {
  let fullAt: number | undefined
  return {
    noteResponse(method: string, status: number) {
      if (status === 507) fullAt = now()
      else if (method !== 'GET' && method !== 'HEAD' && status >= 200 && status < 300) fullAt = undefined
    },
    checks: {
      fileGone: () => false,
      unwritable: () => false,
      diskFull: () => fullAt !== undefined && now() - fullAt < DISK_FULL_REMEMBERED_MS,
    } satisfies DatabaseHealthChecks,
  }
}

export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, options) => {
  const sqlite = app.sqlite
  const checks = options.databaseChecks ?? (sqlite === undefined ? undefined : storageChecks(sqlite))
  const store = app.store
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health',
        description:
          '`ok` only when all is well; otherwise `degraded`, with every reason. `notes` says what is in progress ' +
          'without degrading the service (the back-fill of area scores). 500 when the database does not answer.',
        response: {
          200: healthSchema,
        },
      },
    },
    async () => {
      if (!(await store.databaseAnswers())) throw new Error('The database did not answer SELECT 1')
      const codes: HealthReasonCode[] = []
      const rubrics = app.rubrics.list().length
      const rubricErrors = app.rubrics.errorCount()
      if (rubrics === 0) codes.push('no-rubrics')
      if (rubricErrors > 0) codes.push('rubric-errors')
      const database: HealthReasonCode[] = []
      if (checks !== undefined) {
        if (checks.fileGone()) database.push('database-file-gone')
        else if (checks.unwritable()) database.push('database-unwritable')
        if (checks.diskFull()) database.push('disk-full')
      }
      codes.push(...database)
      const code = 'area-scores-backfilling' as const
      // The queue is empty nearly always: one index probe; it is counted only while it holds attempts.
      const notes = (await store.areaScoreBackfillQueued())
        ? [{ code, message: HEALTH_NOTES[code], pending: await store.pendingAreaScoreBackfill() }]
        : []
      return {
        status: codes.length === 0 ? ('ok' as const) : ('degraded' as const),
        reasons: codes.map((code) => ({ code, message: HEALTH_REASONS[code] })),
        notes,
        engineVersion: ENGINE_VERSION,
        database: database.length === 0 ? ('ok' as const) : ('degraded' as const),
        rubrics,
        rubricErrors,
      }
    },
  )
}
