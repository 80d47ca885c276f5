// Cheap checks of the database for health reports: does it answer, is its file still there, can it be written.

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
