// Cheap checks of the database for health reports and before writes: does it answer, is its file still there,
// can it be written, and did a write lately find the disk full.

import { accessSync, type BigIntStats, constants, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { sql } from 'drizzle-orm'
import { type Db, openedFile } from './client'

/** Whether the database answers at all: a cheap query for health checks. */
export function databaseAnswers(db: Db): boolean {
  return db.get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1
}

function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true })
  } catch {
    return undefined
  }
}

export interface DatabaseFileState {
  /** The file the database was opened on is still at its path: not deleted, moved away or replaced. */
  present: boolean
  /** Writes can reach the disk: the file and its folder (for the WAL and shared-memory files) are writable. */
  writable: boolean
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Whether the database file is still the one `db` opened, at the path it was opened at, and whether it can be
 * written: a stat and two access checks, cheap enough for every health check or before every write. A removed
 * file keeps answering queries from the open handle, but what is written to it is lost; a server should
 * refuse writes (503) rather than acknowledge them. An in-memory database is always present and writable.
 */
export function databaseFileState(db: Db): DatabaseFileState {
  const opened = openedFile(db)
  if (opened === undefined) return { present: true, writable: !db.$client.readonly }
  const stats = statOf(opened.path)
  const present = stats !== undefined && stats.dev === opened.dev && stats.ino === opened.ino
  return {
    present,
    writable: present && !db.$client.readonly && writable(opened.path) && writable(dirname(opened.path)),
  }
}

/** Whether an error is SQLite's "database or disk is full", or PostgreSQL's disk_full (53100). */
export function isDiskFull(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return code === 'SQLITE_FULL' || code === '53100'
}

/** How long a write that found the disk full keeps "disk full" among the database's reasons, unless one succeeds. */
const DISK_FULL_REMEMBERED_MS = 60_000

const diskFullAt = new WeakMap<Db, number>()

/** Records how a write went: a full disk is remembered for DISK_FULL_REMEMBERED_MS; a success forgets it. */
export function noteWrite(db: Db, err?: unknown, now = Date.now()): void {
  if (err === undefined) diskFullAt.delete(db)
  else if (isDiskFull(err)) diskFullAt.set(db, now)
}

/**
 * Why a write must not be acknowledged now, as a message for a 503; undefined when writes can go ahead. A
 * deleted or moved file still takes writes through the open handle, but they are lost at the next start.
 */
export function writeRefusal(db: Db): string | undefined {
  const state = databaseFileState(db)
  if (!state.present) {
    return (
      'The database file is gone: it was deleted or moved while the server was running, so nothing more can be ' +
      'saved. Restart the server to open or create it again.'
    )
  }
  if (!state.writable) {
    return (
      'The database file cannot be written: the file or its folder is not writable, so nothing can be saved. ' +
      'Make them writable and restart the server.'
    )
  }
  return undefined
}

/** A write found the disk full in the last minute, and none has succeeded since. */
export function diskFullRecently(db: Db, now = Date.now()): boolean {
  const full = diskFullAt.get(db)
  return full !== undefined && now - full < DISK_FULL_REMEMBERED_MS
}
