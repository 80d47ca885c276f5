// Opens the SQLite database (WAL, foreign keys, busy timeout) and brings its schema up to date with the committed migrations.

import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { DatabaseOpenError, openFailure } from './open-error'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

interface OpenedFile {
  path: string
  dev: bigint
  ino: bigint
}

const openedFiles = new WeakMap<Db, OpenedFile>()

/**
 * The file `db` was opened on (its path, device and inode), so a later check can tell it was replaced or
 * removed; undefined for an in-memory database.
 */
export function openedFile(db: Db): OpenedFile | undefined {
  return openedFiles.get(db)
}

function rememberFile(db: Db, path: string): void {
  const stats = statSync(path, { bigint: true })
  openedFiles.set(db, { path: resolve(path), dev: stats.dev, ino: stats.ino })
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** How long a statement waits for another connection's lock (another process, a backup) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000

/** Bytes of WAL file kept after a checkpoint lets it start again: 8 MB. */
const JOURNAL_SIZE_LIMIT = 8 * 1024 * 1024

/**
 * Opens (creating if needed) the database at `path`, or an in-memory one for `:memory:`,
 * and applies any migrations it has not seen. Close it with `closeDb`.
 * Throws DatabaseOpenError, with a one-line message, when the path is a folder, the file is not a
 * SQLite database, or the file or its folder cannot be written.
 */
/** Runs `fn`, trying again for up to the busy timeout while SQLite answers SQLITE_BUSY without waiting. */
function whileBusy<T>(fn: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      return fn()
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err
      Atomics.wait(pause, 0, 0, 25)
    }
  }
}

export function createDb(path: string): Db {
  const onDisk = path !== ':memory:' && !path.startsWith('file:')
  let sqlite: Database.Database | undefined
  try {
    if (onDisk) {
      mkdirSync(dirname(path), { recursive: true })
      // SQLite's own answer for a folder is "unable to open database file"; say what is wrong instead.
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        throw new DatabaseOpenError(path, 'it is a folder, not a database file')
      }
    }
    sqlite = new Database(path, { timeout: BUSY_TIMEOUT_MS })
    // The busy timeout comes first: the statements below may meet another process opening the same file.
    // WAL lets readers go on while one writer commits; the busy timeout waits out a concurrent writer
    // (another process, a backup) instead of failing at once with SQLITE_BUSY.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const open = sqlite
    // Switching a new file to WAL needs it to itself: SQLite answers SQLITE_BUSY at once, without waiting,
    // when another process is opening the same new file. So does the first read of a schema being written.
    whileBusy(() => open.pragma('journal_mode = WAL'))
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('synchronous = NORMAL')
    // A WAL that grew past this (a long reader held it, or checkpoints fell behind) is cut back to it once it
    // starts again from the beginning, instead of keeping its largest size on disk.
    sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
    whileBusy(() => migrate(open))
    const db = drizzle({ client: sqlite, schema })
    optimizeDb(db)
    if (onDisk) rememberFile(db, path)
    return db
  } catch (err) {
    if (sqlite?.open) sqlite.close()
    throw err instanceof DatabaseOpenError ? err : openFailure(path, err)
  }
}

/** The table drizzle-kit's migrator keeps, so databases migrated before this function stay compatible. */
const MIGRATIONS_TABLE = '"__drizzle_migrations"'

/**
 * Applies the migrations this database has not seen, in one IMMEDIATE transaction: the write lock is taken
 * before the applied ones are read, so processes opening a fresh file at the same moment take turns (the
 * busy timeout waits) and only the first creates the tables. The transaction also proves at start that the
 * database can be written.
 */
function migrate(sqlite: Database.Database): void {
  const migrations = readMigrationFiles({ migrationsFolder })
  sqlite
    .transaction(() => {
      sqlite.exec(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
      )
      const last = sqlite
        .prepare(`SELECT created_at FROM ${MIGRATIONS_TABLE} ORDER BY created_at DESC LIMIT 1`)
        .pluck()
        .get() as number | string | undefined
      const record = sqlite.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (hash, created_at) VALUES (?, ?)`)
      for (const migration of migrations) {
        if (last !== undefined && Number(last) >= migration.folderMillis) continue
        for (const statement of migration.sql) if (statement.trim() !== '') sqlite.exec(statement)
        record.run(migration.hash, migration.folderMillis)
      }
    })
    .immediate()
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
