// One attempt at a time: storing attempts (one or a batch), reading one, re-scoring one, deleting one.

import type { Statement } from 'better-sqlite3'
import { asc, desc, eq } from 'drizzle-orm'
import { type AreaScore, type AreaScoreStatements, areaScoreStatements, writeAreaScores } from './area-scores'
import { type Db, optimizeDb } from './client'
import { attemptReports, attempts, attemptTags } from './schema'
import { noteWrite } from './status'

/**
 * The parts of a score report the database indexes. Structural on purpose: db/ does not import
 * the engine, and any report with these fields (the engine's ScoreReport has them) can be stored.
 */
export interface StorableReport {
  rubricId: string
  rubricHash: string
  engineVersion: string
  score: number
  band: { id: string; label: string }
  criteria: readonly { id: string; score: number; max: number; status: 'met' | 'partial' | 'missed' }[]
}

export interface NewAttempt {
  promptId: string
  answer: string
  durationMs?: number | null
  /** Every tag of the prompt: the areas this attempt counts for. */
  tags: readonly string[]
  report: StorableReport
  /** Its score under the rubric of each area (tag), stored with it; see db/area-scores.ts. */
  areaScores?: readonly AreaScore[]
  /** The report as JSON, when the caller has serialized it already (to answer with the same text). */
  reportJson?: string
  /** Milliseconds since the epoch. */
  createdAt: number
  /** In team mode, the account it belongs to (set in the same transaction); none in local mode. */
  ownerId?: string | null
}

/** What every view of an attempt shows. */
export interface AttemptFacts {
  id: number
  promptId: string
  rubricId: string
  score: number
  bandId: string
  bandLabel: string
  durationMs: number | null
  createdAt: number
  scoredAt: number
}

export interface AttemptRecord extends AttemptFacts {
  rubricHash: string
  engineVersion: string
  answer: string
  /** The stored report, parsed from JSON. */
  report: unknown
  tags: string[]
}

export interface ReplacedReport {
  id: number
  rubricId: string
  rubricHash: string
  engineVersion: string
  score: number
  bandId: string
  bandLabel: string
  scoredAt: number
  replacedAt: number
  report: unknown
}

/** created_at / DAY_MS, truncated as SQLite divides integers, is the day trend_days keys on. */
const DAY_MS = 86_400_000

/**
 * How many earlier reports an attempt keeps: a re-score that adds one beyond this drops the oldest, so an
 * attempt's history (and its GET) stays bounded however often it is re-scored.
 */
export const HISTORY_LIMIT = 20

/** What a re-score did: the report the attempt had, and whether the new one differs from it. */
export interface ReportReplacement extends Omit<ReplacedReport, 'id'> {
  /**
   * The new report is byte-identical to the one the attempt had: that one stays current (with its scoredAt),
   * and nothing is added to the history. Only the attempt's tags are brought up to date.
   */
  unchanged: boolean
}

/** The columns of `attempts` that describe its current report, in the order every write statement binds them. */
const REPORT_COLUMNS = 'rubric_id, rubric_hash, engine_version, score, band_id, band_label, report'

function reportValues(report: StorableReport, json: string) {
  return [
    report.rubricId,
    report.rubricHash,
    report.engineVersion,
    report.score,
    report.band.id,
    report.band.label,
    json,
  ] as const
}

interface WriteStatements {
  attempt: Statement
  criterion: Statement
  tag: Statement
  current: Statement
  keep: Statement
  prune: Statement
  currentTags: Statement
  update: Statement
  deleteCriteria: Statement
  deleteTags: Statement
  /** Adds an attempt's rows (total and criteria, as stored now) to the daily trend rollup. */
  rollupAdd: Statement
  /** Takes an attempt's rows (as stored now) out of the daily trend rollup. */
  rollupRemove: Statement
  /** Drops the rollup rows of a day that no attempt counts for any more. */
  rollupPrune: Statement
  /** The UTC day of an attempt, for rollupPrune. */
  dayOf: Statement
  removeAttempt: Statement
  areaScores: AreaScoreStatements
  /** The batch insert as one IMMEDIATE transaction function, built once rather than per call. */
  insertBatch: (batch: readonly NewAttempt[]) => number[]
  /** The re-score as one IMMEDIATE transaction function. */
  replace: (id: number, next: NextReport) => ReportReplacement | undefined
  /** The delete as one IMMEDIATE transaction function. */
  remove: (id: number) => boolean
}

/**
 * An attempt's contributions to trend_days, one row per (day, criterion_id): its total score under '' and each
 * criterion's percentage of its maximum, read from the rows just written (or about to be deleted); bind the id twice. One row per
 * criterion (the primary key), so each key gets exactly the value a per-row update would add or take away.
 */
const ROLLUP_ROWS = `
  SELECT created_at / 86400000 AS day, '' AS criterion_id, 1 AS attempts, 1 AS measured, score AS total
    FROM attempts WHERE id = ?
  UNION ALL
  SELECT created_at / 86400000, criterion_id, count(*), sum(max > 0), coalesce(sum(100.0 * score / nullif(max, 0)), 0)
    FROM attempt_criteria WHERE attempt_id = ? GROUP BY criterion_id`

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
const writeStatements = new WeakMap<Db, WriteStatements>()

function statementsFor(db: Db): WriteStatements {
  const known = writeStatements.get(db)
  if (known !== undefined) return known
  const client = db.$client
  const statements: WriteStatements = {
    attempt: client.prepare(
      `INSERT INTO attempts (prompt_id, answer, duration_ms, created_at, scored_at, owner_id, ${REPORT_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    criterion: client.prepare(
      `INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    tag: client.prepare('INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)'),
    current: client.prepare(
      `SELECT rubric_id AS rubricId, rubric_hash AS rubricHash, engine_version AS engineVersion, score,
         band_id AS bandId, band_label AS bandLabel, report, scored_at AS scoredAt, created_at AS createdAt
       FROM attempts WHERE id = ?`,
    ),
    keep: client.prepare(
      `INSERT INTO attempt_reports (attempt_id, scored_at, replaced_at, ${REPORT_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The index on (attempt_id, scored_at) orders an attempt's reports; all but the newest HISTORY_LIMIT go.
    prune: client.prepare(
      `DELETE FROM attempt_reports WHERE id IN (
         SELECT id FROM attempt_reports WHERE attempt_id = ?
         ORDER BY scored_at DESC, id DESC LIMIT -1 OFFSET ${HISTORY_LIMIT})`,
    ),
    currentTags: client.prepare('SELECT tag FROM attempt_tags WHERE attempt_id = ? ORDER BY tag').pluck(),
    update: client.prepare(
      `UPDATE attempts SET scored_at = ?, (${REPORT_COLUMNS}) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?`,
    ),
    deleteCriteria: client.prepare('DELETE FROM attempt_criteria WHERE attempt_id = ?'),
    deleteTags: client.prepare('DELETE FROM attempt_tags WHERE attempt_id = ?'),
    // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT.
    rollupAdd: client.prepare(
      `INSERT INTO trend_days (day, criterion_id, attempts, measured, total)
       SELECT day, criterion_id, attempts, measured, total FROM (${ROLLUP_ROWS}) WHERE true
       ON CONFLICT (day, criterion_id) DO UPDATE SET attempts = attempts + excluded.attempts,
         measured = measured + excluded.measured, total = total + excluded.total`,
    ),
    rollupRemove: client.prepare(
      `UPDATE trend_days SET attempts = trend_days.attempts - o.attempts, measured = trend_days.measured - o.measured,
         total = trend_days.total - o.total
       FROM (${ROLLUP_ROWS}) AS o WHERE trend_days.day = o.day AND trend_days.criterion_id = o.criterion_id`,
    ),
    rollupPrune: client.prepare('DELETE FROM trend_days WHERE day = ? AND attempts <= 0'),
    dayOf: client.prepare('SELECT created_at / 86400000 FROM attempts WHERE id = ?').pluck(),
    removeAttempt: client.prepare('DELETE FROM attempts WHERE id = ?'),
    areaScores: areaScoreStatements(client),
    insertBatch: () => [],
    replace: () => undefined,
    remove: () => false,
  }
  // better-sqlite3 transactions are synchronous: the callbacks must not await anything. IMMEDIATE takes the
  // write lock at BEGIN, waiting out another process's writer with the busy timeout. A deferred transaction
  // would read first and then fail at once with SQLITE_BUSY (or SQLITE_BUSY_SNAPSHOT) when it came to write
  // while another process held or had just released the lock: the busy timeout cannot help a stale read.
  statements.insertBatch = client.transaction((batch: readonly NewAttempt[]) =>
    insertRows(statements, batch),
  ).immediate
  statements.replace = client.transaction((id: number, next: NextReport) =>
    replaceRows(statements, id, next),
  ).immediate
  statements.remove = client.transaction((id: number) => removeRows(statements, id)).immediate
  writeStatements.set(db, statements)
  return statements
}

/** One tag row per distinct tag, with the attempt's time and total score copied in. */
function writeTagRows(
  { tag }: WriteStatements,
  id: number,
  score: number,
  tags: readonly string[],
  createdAt: number,
): void {
  for (let i = 0; i < tags.length; i++) {
    // A prompt's tags are unique as compiled; the check keeps a repeated tag from breaking the primary key.
    if (tags.indexOf(tags[i]!) === i) tag.run(id, tags[i], score, createdAt)
  }
}

/**
 * The child rows of an attempt's current report: one per criterion and one per distinct tag, with the
 * attempt's time (and for tags its total score) copied in. Inserting and re-scoring both write them here.
 */
function writeReportRows(
  statements: WriteStatements,
  id: number,
  report: StorableReport,
  tags: readonly string[],
  createdAt: number,
): void {
  for (const c of report.criteria) statements.criterion.run(id, c.id, c.score, c.max, c.status, createdAt)
  writeTagRows(statements, id, report.score, tags, createdAt)
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
  const ids = write(db, () => statementsFor(db).insertBatch(batch))
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
  return write(db, () => statementsFor(db).remove(id))
}

/** Takes the attempt out of the trend rollup, then deletes it; foreign keys cascade to the child tables. */
function removeRows(statements: WriteStatements, id: number): boolean {
  const day = statements.dayOf.get(id) as number | undefined
  if (day === undefined) return false
  statements.rollupRemove.run(id, id)
  statements.rollupPrune.run(day)
  return statements.removeAttempt.run(id).changes > 0
}

interface NextReport {
  report: StorableReport
  tags: readonly string[]
  /** The new per-area scores, replacing the old ones; undefined keeps them. */
  areaScores?: readonly AreaScore[]
  scoredAt: number
}

type CurrentRow = Omit<ReplacedReport, 'id' | 'replacedAt' | 'report'> & { report: string; createdAt: number }

/** The distinct tags, sorted: how attempt_tags holds them. */
const tagSet = (tags: readonly string[]) => [...new Set(tags)].sort()

function sameTags(current: readonly string[], next: readonly string[]): boolean {
  const wanted = tagSet(next)
  return current.length === wanted.length && current.every((t, i) => t === wanted[i])
}

function replaceRows(
  statements: WriteStatements,
  id: number,
  next: NextReport,
): ReportReplacement | undefined {
  const current = statements.current.get(id) as CurrentRow | undefined
  if (current === undefined) return undefined
  const { createdAt, report: oldJson, ...old } = current
  const { report } = next
  const json = JSON.stringify(report)
  const previous = { ...old, replacedAt: next.scoredAt, report: JSON.parse(oldJson) as unknown }
  if (json === oldJson) {
    // Nothing to keep: the same report again would only grow the history. The prompt's tags may have changed.
    if (!sameTags(statements.currentTags.all(id) as string[], next.tags)) {
      statements.deleteTags.run(id)
      writeTagRows(statements, id, report.score, next.tags, createdAt)
    }
    // The areas' own rubrics may have changed although the prompt's did not.
    writeAreaScores(statements.areaScores, id, next.areaScores, createdAt, true)
    return { ...previous, unchanged: true }
  }
  statements.keep.run(
    id,
    old.scoredAt,
    next.scoredAt,
    old.rubricId,
    old.rubricHash,
    old.engineVersion,
    old.score,
    old.bandId,
    old.bandLabel,
    oldJson,
  )
  statements.prune.run(id)
  // The old report leaves the trend rollup before its rows change and the new one joins it after, so every
  // (day, criterion) moves by exactly the old and the new values; a row no attempt counts for any more goes.
  statements.rollupRemove.run(id, id)
  statements.rollupPrune.run(Math.trunc(createdAt / DAY_MS))
  statements.update.run(next.scoredAt, ...reportValues(report, json), id)
  statements.deleteCriteria.run(id)
  statements.deleteTags.run(id)
  writeReportRows(statements, id, report, next.tags, createdAt)
  statements.rollupAdd.run(id, id)
  writeAreaScores(statements.areaScores, id, next.areaScores, createdAt, true)
  return { ...previous, unchanged: false }
}

/**
 * Gives an attempt a new current report: the old one moves to the history (which keeps the latest
 * HISTORY_LIMIT), per-criterion rows and tags are replaced, all in one transaction. A report byte-identical
 * to the current one changes nothing but the tags. Returns the report that was replaced, or undefined when
 * there is no such attempt.
 */
export function replaceAttemptReport(db: Db, id: number, next: NextReport): ReportReplacement | undefined {
  return write(db, () => statementsFor(db).replace(id, next))
}
