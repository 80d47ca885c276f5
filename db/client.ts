// Opens the SQLite database (WAL, foreign keys, busy timeout) and brings its schema up to date with the committed migrations.

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/**
 * Opens (creating if needed) the database at `path`, or an in-memory one for `:memory:`,
 * and applies any migrations it has not seen. Close it with `closeDb`.
 */
export function createDb(path: string): Db {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  // WAL lets readers go on while one writer commits; the busy timeout waits out a concurrent writer
  // (another process, a backup) instead of failing at once with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = drizzle({ client: sqlite, schema })
  migrate(db, { migrationsFolder })
  optimizeDb(db)
  return db
}

/**
 * Brings the query planner's statistics up to date where they are missing or stale (every table, 0x10002):
 * without them SQLite picks poor plans for filtered lists on a large database. `analysis_limit` keeps each
 * ANALYZE to a sample, so this costs milliseconds even at 100,000 attempts. Run at open and after bulk inserts.
 */
export function optimizeDb(db: Db): void {
  db.$client.pragma('analysis_limit = 1000')
  db.$client.pragma('optimize = 0x10002')
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close()
}
