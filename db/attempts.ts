// One attempt at a time: storing attempts (one or a batch), reading one, re-scoring one, deleting one. Each write
// is one IMMEDIATE transaction over statements prepared once per connection (db/attempt-statements.ts); the
// re-score's rows are written by db/attempt-rescore.ts.

import { asc, desc, eq } from 'drizzle-orm'
import { writeAreaScores } from './area-scores'
import {
  type AttemptRecord,
  HISTORY_LIMIT,
  type NewAttempt,
  type ReplacedReport,
  type ReportReplacement,
  type StorableReport,
} from './attempt-model'
import { type NextReport, replaceRows } from './attempt-rescore'
import {
  prepareWriteStatements,
  reportValues,
  type WriteStatements,
  writeReportRows,
} from './attempt-statements'
import { type Db, optimizeDb } from './client'
import { attemptReports, attempts, attemptTags } from './schema'
import { noteWrite } from './status'

/** The writes of one connection, each one IMMEDIATE transaction function, built once rather than per call. */
interface AttemptWrites {
  /** The batch insert. */
  insertBatch: (batch: readonly NewAttempt[]) => number[]
  /** The re-score. */
  replace: (id: number, next: NextReport) => ReportReplacement | undefined
  /** The delete. */
  remove: (id: number) => boolean
}

/** Runs a write and notes how it went, so health can say when the disk was found full (see db/status.ts). */
function write<T>(db: Db, run: () => T): T {
  let result: T
  try {
    result = run()
  } catch (err) {
    noteWrite(db, err)
    throw err
  }
  noteWrite(db)
  return result
}

/** Prepared once per connection: building and preparing the statements cost more than running them. */
const attemptWrites = new WeakMap<Db, AttemptWrites>()

function writesFor(db: Db): AttemptWrites {
  const known = attemptWrites.get(db)
  if (known !== undefined) return known
  const client = db.$client
  const statements = prepareWriteStatements(client)
  // better-sqlite3 transactions are synchronous: the callbacks must not await anything. IMMEDIATE takes the
  // write lock at BEGIN, waiting out another process's writer with the busy timeout. A deferred transaction
  // would read first and then fail at once with SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT) when it came to write
  // while another process held or had just released the lock: the busy timeout cannot help a stale read.
  const writes: AttemptWrites = {
    insertBatch: client.transaction((batch: readonly NewAttempt[]) => insertRows(statements, batch))
      .immediate,
    replace: client.transaction((id: number, next: NextReport) => replaceRows(statements, id, next))
      .immediate,
    remove: client.transaction((id: number) => removeRows(statements, id)).immediate,
  }
  attemptWrites.set(db, writes)
  return writes
}

function insertRows(statements: WriteStatements, batch: readonly NewAttempt[]): number[] {
  // Identical reports (a seeded corpus repeats them) are serialized once.
  const json = new Map<StorableReport, string>()
  const ids: number[] = []
  for (const a of batch) {
    const { report, createdAt } = a
    let text = a.reportJson ?? json.get(report)
    if (text === undefined) {
      text = JSON.stringify(report)
      json.set(report, text)
    }
    const values = reportValues(report, text)
    const row = statements.attempt.run(
      a.promptId,
      a.answer,
      a.durationMs ?? null,
      createdAt,
      createdAt,
      a.ownerId ?? null,
      ...values,
    )
    const id = Number(row.lastInsertRowid)
    writeReportRows(statements, id, report, a.tags, createdAt)
    statements.rollupAdd.run(id, id)
    writeAreaScores(statements.areaScores, id, a.areaScores, createdAt, false)
    ids.push(id)
  }
  return ids
}

/** Stores an attempt, its per-criterion scores and its tags in one transaction; returns the new id. */
export function insertAttempt(db: Db, attempt: NewAttempt): number {
  return insertAttempts(db, [attempt])[0]!
}

/** Batches at least this large refresh the query planner's statistics afterwards (PRAGMA optimize). */
const OPTIMIZE_AFTER_ROWS = 1000

/**
 * Stores many attempts in one transaction with prepared statements: for imports and for seeding
 * benchmarks. Same rows as `insertAttempt`, without building a query per row. Returns the new ids in order.
 */
export function insertAttempts(db: Db, batch: readonly NewAttempt[]): number[] {
  const ids = write(db, () => writesFor(db).insertBatch(batch))
  // A bulk load changes the shape of the data the planner's statistics describe (a filtered list was 150× slower
  // on 100,000 attempts without them); optimize re-analyses only the tables that need it.
  if (batch.length >= OPTIMIZE_AFTER_ROWS) optimizeDb(db)
  return ids
}

/** The attempt with its current report and tags, or undefined when there is no such attempt. */
export function findAttempt(db: Db, id: number): AttemptRecord | undefined {
  const row = db.select().from(attempts).where(eq(attempts.id, id)).get()
  if (row === undefined) return undefined
  const tags = db
    .select({ tag: attemptTags.tag })
    .from(attemptTags)
    .where(eq(attemptTags.attemptId, id))
    .orderBy(asc(attemptTags.tag))
    .all()
    .map((t) => t.tag)
  return { ...row, report: JSON.parse(row.report) as unknown, tags }
}

/** Reports this attempt had before it was re-scored, oldest first: at most the latest HISTORY_LIMIT. */
export function listReplacedReports(db: Db, attemptId: number): ReplacedReport[] {
  // The newest first, limited, then reversed: a database from before the limit may hold more.
  const newest = db
    .select({
      id: attemptReports.id,
      rubricId: attemptReports.rubricId,
      rubricHash: attemptReports.rubricHash,
      engineVersion: attemptReports.engineVersion,
      score: attemptReports.score,
      bandId: attemptReports.bandId,
      bandLabel: attemptReports.bandLabel,
      scoredAt: attemptReports.scoredAt,
      replacedAt: attemptReports.replacedAt,
      report: attemptReports.report,
    })
    .from(attemptReports)
    .where(eq(attemptReports.attemptId, attemptId))
    .orderBy(desc(attemptReports.scoredAt), desc(attemptReports.id))
    .limit(HISTORY_LIMIT)
    .all()
  return newest.reverse().map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}

/** Deletes an attempt with its criteria, tags and old reports; false when there was none. */
export function deleteAttempt(db: Db, id: number): boolean {
  return write(db, () => writesFor(db).remove(id))
}

/** Takes the attempt out of the trend rollup, then deletes it; foreign keys cascade to the child tables. */
function removeRows(statements: WriteStatements, id: number): boolean {
  const day = statements.dayOf.get(id) as number | undefined
  if (day === undefined) return false
  statements.rollupRemove.run(id, id)
  statements.rollupPrune.run(day)
  return statements.removeAttempt.run(id).changes > 0
}

/**
 * Gives an attempt a new current report: the old one moves to the history (which keeps the latest
 * HISTORY_LIMIT), per-criterion rows and tags are replaced, all in one transaction. A report byte-identical
 * to the current one changes nothing but the tags. Returns the report that was replaced, or undefined when
 * there is no such attempt.
 */
export function replaceAttemptReport(db: Db, id: number, next: NextReport): ReportReplacement | undefined {
  return write(db, () => writesFor(db).replace(id, next))
}
