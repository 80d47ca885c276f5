// Shared by the database suites: a fresh database file per test, a report builder and a one-line attempt writer.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, beforeEach } from 'vitest'
import {
  type AreaScore,
  closeDb,
  createDb,
  type Db,
  insertAttempt,
  type StorableReport,
} from '../../db/index'

export const DAY = 86_400_000
export const MON = Date.parse('2025-03-03T09:00:00Z') // a Monday

export function report(
  score: number,
  rubricId = 'ownership',
  criteria?: StorableReport['criteria'],
): StorableReport {
  return {
    rubricId,
    rubricHash: `hash-${rubricId}`,
    engineVersion: '1.0.0',
    score,
    band: score >= 80 ? { id: 'strong', label: 'Strong' } : { id: 'weak', label: 'Needs work' },
    criteria: criteria ?? [
      { id: 'star-structure', score: score / 5, max: 20, status: 'partial' },
      {
        id: 'measurable-result',
        score: score >= 50 ? 10 : 0,
        max: 10,
        status: score >= 50 ? 'met' : 'missed',
      },
    ],
  }
}

/**
 * Per-area scores for `tags` that all equal the report's score and band: for suites that test aggregates over
 * given scores (the server computes real ones under each area's rubric; see test/server).
 */
export function sameScoreEveryArea(r: StorableReport, tags: readonly string[]): AreaScore[] {
  return tags.map((rubricId) => ({ rubricId, score: r.score, band: r.band }))
}

/** A new database in a new temporary folder, one level down so createDb has a folder to create. */
export function openTempDb(): { dir: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-db-'))
  return { dir, db: createDb(join(dir, 'nested', 'starboard.db')) }
}

export function removeTempDb(dir: string, db: Db): void {
  closeDb(db)
  rmSync(dir, { recursive: true, force: true })
}

/** A suite's database: a new file for each of its tests, closed and removed after the test. */
export interface TempDb {
  readonly db: Db
  readonly dir: string
  /** Stores an attempt in this test's database (see addAttempt); returns its id. */
  add(...args: AddArgs): number
  /** Closes the database and opens the same file again, as a restart would; returns the new connection. */
  reopen(): Db
}

/** Opens a fresh database before each test of the calling suite and removes it after. */
export function useTempDb(): TempDb {
  let current: { dir: string; db: Db } | undefined
  const now = () => {
    if (current === undefined) throw new Error('the database is open only while a test runs')
    return current
  }
  beforeEach(() => {
    current = openTempDb()
  })
  afterEach(() => {
    if (current !== undefined) removeTempDb(current.dir, current.db)
    current = undefined
  })
  return {
    get db() {
      return now().db
    },
    get dir() {
      return now().dir
    },
    add: (...args) => addAttempt(now().db, ...args),
    reopen() {
      const opened = now()
      closeDb(opened.db)
      opened.db = createDb(join(opened.dir, 'nested', 'starboard.db'))
      return opened.db
    },
  }
}

type AddArgs = [score: number, createdAt: number, promptId?: string, tags?: string[]]

/** An attempt scoring `score` in each of `tags`, whose report is rubric `tags[0]`. */
export function scoredAttempt(
  score: number,
  createdAt: number,
  promptId = 'ownership-outside-scope',
  tags = ['ownership'],
) {
  const r = report(score, tags[0])
  return {
    promptId,
    answer: `answer scoring ${score}`,
    tags,
    report: r,
    areaScores: sameScoreEveryArea(r, tags),
    createdAt,
  }
}

/** Stores an attempt scoring `score` whose report is rubric `tags[0]`; returns its id. */
function addAttempt(db: Db, ...args: AddArgs): number {
  return insertAttempt(db, scoredAttempt(...args))
}

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations/', import.meta.url))

/**
 * A database file at an older schema: the first `count` committed migrations applied, and recorded as drizzle's
 * migrator records them, so createDb applies only the later ones. Returned open, to write rows the old way.
 */
export function databaseAtMigration(file: string, count: number): Database.Database {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[]
  }
  const applied = journal.entries.slice(0, count)
  const old = new Database(file)
  for (const { tag } of applied) {
    for (const statement of readFileSync(join(MIGRATIONS, `${tag}.sql`), 'utf8').split(
      '--> statement-breakpoint',
    )) {
      if (statement.trim() !== '') old.exec(statement)
    }
  }
  old.exec(
    'CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
  )
  const record = old.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)')
  for (const { tag, when } of applied) record.run(tag, when)
  return old
}
