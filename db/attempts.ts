// Query functions for attempts, named for what they answer; every aggregate is computed by SQL.

import type { Statement } from 'better-sqlite3'
import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import { attemptCriteria, attemptReports, attempts, attemptTags } from './schema'

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
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface AttemptFilters {
  promptId?: string | undefined
  rubricId?: string | undefined
  tag?: string | undefined
  /** Inclusive bounds, milliseconds since the epoch. */
  from?: number | undefined
  to?: number | undefined
  /** Inclusive bounds on the total score. */
  minScore?: number | undefined
  maxScore?: number | undefined
}

/** Where a newest-first page ended: the next page starts strictly after this attempt. */
export interface AttemptPosition {
  createdAt: number
  id: number
}

export interface AttemptSummary {
  id: number
  promptId: string
  rubricId: string
  score: number
  bandId: string
  bandLabel: string
  durationMs: number | null
  createdAt: number
  scoredAt: number
  /** The first characters of the answer, for a list row. */
  excerpt: string
  answerLength: number
}

export interface AttemptRecord {
  id: number
  promptId: string
  rubricId: string
  rubricHash: string
  engineVersion: string
  answer: string
  score: number
  bandId: string
  bandLabel: string
  durationMs: number | null
  createdAt: number
  scoredAt: number
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

export const EXCERPT_LENGTH = 160

function criterionRows(attemptId: number, report: StorableReport) {
  return report.criteria.map((c) => ({
    attemptId,
    criterionId: c.id,
    score: c.score,
    max: c.max,
    status: c.status,
  }))
}

function tagRows(attemptId: number, tags: readonly string[]) {
  return [...new Set(tags)].map((tag) => ({ attemptId, tag }))
}

/** Stores an attempt, its per-criterion scores and its tags in one transaction; returns the new id. */
export function insertAttempt(db: Db, attempt: NewAttempt): number {
  return insertAttempts(db, [attempt])[0]!
}

interface InsertStatements {
  attempt: Statement
  criterion: Statement
  tag: Statement
}

/** Prepared once per connection: building and preparing the three inserts cost more than running them. */
const insertStatements = new WeakMap<Db, InsertStatements>()

function statementsFor(db: Db): InsertStatements {
  let statements = insertStatements.get(db)
  if (statements === undefined) {
    const client = db.$client
    statements = {
      attempt: client.prepare(
        `INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer, score, band_id,
           band_label, report, duration_ms, created_at, scored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      criterion: client.prepare(
        'INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status) VALUES (?, ?, ?, ?, ?)',
      ),
      tag: client.prepare('INSERT INTO attempt_tags (attempt_id, tag) VALUES (?, ?)'),
    }
    insertStatements.set(db, statements)
  }
  return statements
}

/**
 * Stores many attempts in one transaction with prepared statements: for imports and for seeding
 * benchmarks. Same rows as `insertAttempt`, without building a query per row. Returns the new ids in order.
 */
export function insertAttempts(db: Db, batch: readonly NewAttempt[]): number[] {
  const { attempt, criterion, tag } = statementsFor(db)
  // Identical reports (a seeded corpus repeats them) are serialized once.
  const json = new Map<StorableReport, string>()
  // better-sqlite3 transactions are synchronous: the callback must not await anything.
  return db.$client.transaction(() => {
    const ids: number[] = []
    for (const a of batch) {
      const { report } = a
      let text = json.get(report)
      if (text === undefined) {
        text = JSON.stringify(report)
        json.set(report, text)
      }
      const id = Number(
        attempt.run(
          a.promptId,
          report.rubricId,
          report.rubricHash,
          report.engineVersion,
          a.answer,
          report.score,
          report.band.id,
          report.band.label,
          text,
          a.durationMs ?? null,
          a.createdAt,
          a.createdAt,
        ).lastInsertRowid,
      )
      for (const c of criterionRows(id, report)) criterion.run(id, c.criterionId, c.score, c.max, c.status)
      for (const t of tagRows(id, a.tags)) tag.run(id, t.tag)
      ids.push(id)
    }
    return ids
  })()
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

/** Reports this attempt had before it was re-scored, oldest first. */
export function listReplacedReports(db: Db, attemptId: number): ReplacedReport[] {
  return db
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
    .orderBy(asc(attemptReports.scoredAt), asc(attemptReports.id))
    .all()
    .map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}

/** Deletes an attempt with its criteria, tags and old reports; false when there was none. */
export function deleteAttempt(db: Db, id: number): boolean {
  // Foreign keys cascade to the child tables.
  return db.delete(attempts).where(eq(attempts.id, id)).run().changes > 0
}

/**
 * Gives an attempt a new current report: the old one moves to the history, per-criterion rows and
 * tags are replaced, all in one transaction. Returns the report that was replaced, or undefined
 * when there is no such attempt.
 */
export function replaceAttemptReport(
  db: Db,
  id: number,
  next: { report: StorableReport; tags: readonly string[]; scoredAt: number },
): ReplacedReport | undefined {
  return db.transaction((tx) => {
    const current = tx.select().from(attempts).where(eq(attempts.id, id)).get()
    if (current === undefined) return undefined
    const kept = tx
      .insert(attemptReports)
      .values({
        attemptId: id,
        rubricId: current.rubricId,
        rubricHash: current.rubricHash,
        engineVersion: current.engineVersion,
        score: current.score,
        bandId: current.bandId,
        bandLabel: current.bandLabel,
        report: current.report,
        scoredAt: current.scoredAt,
        replacedAt: next.scoredAt,
      })
      .returning({ id: attemptReports.id })
      .get()
    const { report } = next
    tx.update(attempts)
      .set({
        rubricId: report.rubricId,
        rubricHash: report.rubricHash,
        engineVersion: report.engineVersion,
        score: report.score,
        bandId: report.band.id,
        bandLabel: report.band.label,
        report: JSON.stringify(report),
        scoredAt: next.scoredAt,
      })
      .where(eq(attempts.id, id))
      .run()
    tx.delete(attemptCriteria).where(eq(attemptCriteria.attemptId, id)).run()
    const criteria = criterionRows(id, report)
    if (criteria.length > 0) tx.insert(attemptCriteria).values(criteria).run()
    tx.delete(attemptTags).where(eq(attemptTags.attemptId, id)).run()
    const tags = tagRows(id, next.tags)
    if (tags.length > 0) tx.insert(attemptTags).values(tags).run()
    return {
      id: kept.id,
      rubricId: current.rubricId,
      rubricHash: current.rubricHash,
      engineVersion: current.engineVersion,
      score: current.score,
      bandId: current.bandId,
      bandLabel: current.bandLabel,
      scoredAt: current.scoredAt,
      replacedAt: next.scoredAt,
      report: JSON.parse(current.report) as unknown,
    }
  })
}

function filterConditions(db: Db, filters: AttemptFilters): SQL[] {
  const where: SQL[] = []
  if (filters.promptId !== undefined) where.push(eq(attempts.promptId, filters.promptId))
  if (filters.rubricId !== undefined) where.push(eq(attempts.rubricId, filters.rubricId))
  if (filters.tag !== undefined) {
    where.push(
      inArray(
        attempts.id,
        db.select({ id: attemptTags.attemptId }).from(attemptTags).where(eq(attemptTags.tag, filters.tag)),
      ),
    )
  }
  if (filters.from !== undefined) where.push(gte(attempts.createdAt, filters.from))
  if (filters.to !== undefined) where.push(lte(attempts.createdAt, filters.to))
  if (filters.minScore !== undefined) where.push(gte(attempts.score, filters.minScore))
  if (filters.maxScore !== undefined) where.push(lte(attempts.score, filters.maxScore))
  return where
}

function after(position: AttemptPosition | undefined): SQL | undefined {
  if (position === undefined) return undefined
  return or(
    lt(attempts.createdAt, position.createdAt),
    and(eq(attempts.createdAt, position.createdAt), lt(attempts.id, position.id)),
  )
}

/**
 * One page of attempt summaries matching the filters, newest first, starting after `position`.
 * Fetches one row more than `limit` to tell whether another page follows.
 */
export function listAttempts(
  db: Db,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): { attempts: AttemptSummary[]; more: boolean } {
  const rows = db
    .select({
      id: attempts.id,
      promptId: attempts.promptId,
      rubricId: attempts.rubricId,
      score: attempts.score,
      bandId: attempts.bandId,
      bandLabel: attempts.bandLabel,
      durationMs: attempts.durationMs,
      createdAt: attempts.createdAt,
      scoredAt: attempts.scoredAt,
      excerpt: sql<string>`substr(${attempts.answer}, 1, ${EXCERPT_LENGTH})`,
      answerLength: sql<number>`length(${attempts.answer})`,
    })
    .from(attempts)
    .where(and(...filterConditions(db, filters), after(page.after)))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(page.limit + 1)
    .all()
  return { attempts: rows.slice(0, page.limit), more: rows.length > page.limit }
}

/** Full attempts (answer and report) matching the filters, newest first, in pages for streaming exports. */
export function listAttemptsInFull(
  db: Db,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): Omit<AttemptRecord, 'tags'>[] {
  return db
    .select()
    .from(attempts)
    .where(and(...filterConditions(db, filters), after(page.after)))
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(page.limit)
    .all()
    .map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}

interface AggregateCache {
  version: string
  results: Map<string, unknown>
}

const aggregateCaches = new WeakMap<Db, AggregateCache>()
/** Distinct aggregate queries kept per database: filters vary, but not by much in one session. */
const MAX_CACHED_AGGREGATES = 64

/**
 * Aggregates over every attempt (trends, coverage) cost hundreds of milliseconds at 100,000 attempts and are
 * read far more often than attempts are written. Their results are kept until the data changes: this
 * connection's total_changes() moves with every row it writes, and PRAGMA data_version moves when another
 * connection (another process, the CLI) commits. Either one changing drops every cached result.
 */
function cachedAggregate<T>(db: Db, key: string, compute: () => T): T {
  const client = db.$client
  const version = `${client.prepare('SELECT total_changes() AS n').pluck().get()}:${client.pragma('data_version', { simple: true })}`
  let cache = aggregateCaches.get(db)
  if (cache === undefined || cache.version !== version) {
    cache = { version, results: new Map() }
    aggregateCaches.set(db, cache)
  }
  if (cache.results.has(key)) return cache.results.get(key) as T
  const value = compute()
  if (cache.results.size >= MAX_CACHED_AGGREGATES) cache.results.clear()
  cache.results.set(key, value)
  return value
}

export type TrendInterval = 'day' | 'week'

/** The SQL for an attempt's period: its UTC day, or the Monday that starts its UTC week. */
function period(interval: TrendInterval): SQL<string> {
  return interval === 'day'
    ? sql<string>`strftime('%Y-%m-%d', ${attempts.createdAt} / 1000, 'unixepoch')`
    : // 'weekday 0' moves forward to Sunday (staying put on a Sunday); six days back is that week's Monday.
      sql<string>`strftime('%Y-%m-%d', ${attempts.createdAt} / 1000, 'unixepoch', 'weekday 0', '-6 days')`
}

export interface TrendPoint {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  period: string
  attempts: number
  /** Average total score, two decimals. */
  average: number
}

/** Average total score per day or week for the matching attempts, oldest period first. */
export function scoreTrends(db: Db, filters: AttemptFilters, interval: TrendInterval): TrendPoint[] {
  return cachedAggregate(db, `scoreTrends ${interval} ${JSON.stringify(filters)}`, () =>
    computeScoreTrends(db, filters, interval),
  )
}

function computeScoreTrends(db: Db, filters: AttemptFilters, interval: TrendInterval): TrendPoint[] {
  const p = period(interval)
  return db
    .select({
      period: p,
      attempts: sql<number>`count(*)`,
      average: sql<number>`round(avg(${attempts.score}), 2)`,
    })
    .from(attempts)
    .where(and(...filterConditions(db, filters)))
    .groupBy(p)
    .orderBy(p)
    .all()
}

export interface CriterionTrendPoint extends TrendPoint {
  criterionId: string
}

/**
 * Average per criterion per day or week, as a percentage of the criterion's maximum points (the
 * maximum differs between rubrics, so percentages are what can be averaged). Ordered by criterion, then period.
 */
export function criterionTrends(
  db: Db,
  filters: AttemptFilters,
  interval: TrendInterval,
): CriterionTrendPoint[] {
  return cachedAggregate(db, `criterionTrends ${interval} ${JSON.stringify(filters)}`, () =>
    computeCriterionTrends(db, filters, interval),
  )
}

function computeCriterionTrends(
  db: Db,
  filters: AttemptFilters,
  interval: TrendInterval,
): CriterionTrendPoint[] {
  const p = period(interval)
  return (
    db
      .select({
        criterionId: attemptCriteria.criterionId,
        period: p,
        attempts: sql<number>`count(*)`,
        average: sql<number>`round(avg(100.0 * ${attemptCriteria.score} / nullif(${attemptCriteria.max}, 0)), 2)`,
      })
      // CROSS JOIN fixes SQLite's join order: walk attempts by a covering index, then each attempt's criteria
      // (attempt_criteria_scores_idx). Left to itself the planner walks criteria and looks every attempt up in
      // the table, which at 100,000 attempts is several times slower.
      .from(attempts)
      .crossJoin(attemptCriteria)
      .where(and(eq(attempts.id, attemptCriteria.attemptId), ...filterConditions(db, filters)))
      .groupBy(attemptCriteria.criterionId, p)
      .orderBy(attemptCriteria.criterionId, p)
      .all()
  )
}

export interface AreaPractice {
  /** A tag: the id of the rubric that names the area. */
  tag: string
  attempts: number
  best: number
  bestAttemptId: number
  bestBandLabel: string
  /** Average of the area's most recent `recent` attempts, two decimals. */
  recentAverage: number
  lastPractisedAt: number
}

/**
 * For every tag that has attempts: how often it was practised, the best attempt so far (earliest
 * wins a tie) and the average of its latest attempts. Tags with no attempts do not appear.
 */
export function practiceByArea(db: Db, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent}`, () => computePracticeByArea(db, recent))
}

function computePracticeByArea(db: Db, recent: number): AreaPractice[] {
  return db.all<AreaPractice>(sql`
    WITH ranked AS (
      SELECT t.tag, a.id, a.score, a.band_label, a.created_at,
        row_number() OVER (PARTITION BY t.tag ORDER BY a.created_at DESC, a.id DESC) AS recent_rank,
        row_number() OVER (PARTITION BY t.tag ORDER BY a.score DESC, a.created_at ASC, a.id ASC) AS best_rank
      FROM ${attemptTags} t JOIN ${attempts} a ON a.id = t.attempt_id
    )
    SELECT tag,
      count(*) AS "attempts",
      max(score) AS "best",
      max(CASE WHEN best_rank = 1 THEN id END) AS "bestAttemptId",
      max(CASE WHEN best_rank = 1 THEN band_label END) AS "bestBandLabel",
      round(avg(CASE WHEN recent_rank <= ${recent} THEN score END), 2) AS "recentAverage",
      max(created_at) AS "lastPractisedAt"
    FROM ranked
    GROUP BY tag
    ORDER BY tag`)
}

/** How many attempts each prompt has, for prompts with at least one. */
export function attemptCountsByPrompt(db: Db): Map<string, number> {
  const rows = db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .groupBy(attempts.promptId)
    .all()
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}

/** Whether the database answers at all: a cheap query for health checks. */
export function databaseAnswers(db: Db): boolean {
  return db.get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1
}
