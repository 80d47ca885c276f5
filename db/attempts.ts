// Query functions for attempts, named for what they answer; every aggregate is computed by SQL.

import type { Statement } from 'better-sqlite3'
import { and, asc, desc, eq, getTableColumns, gte, lte, type SQL, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/sqlite-core'
import { type Db, optimizeDb } from './client'
import { attemptCriteria, attemptReports, attempts, attemptTags, trendDays } from './schema'

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
  /** The report as JSON, when the caller has serialized it already (to answer with the same text). */
  reportJson?: string
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

/** What a list is ordered by: time (the default) or total score, ties broken by time, then id. */
export type AttemptSort = 'createdAt' | 'score'
export type SortOrder = 'asc' | 'desc'

/** Where a page ended: the next page starts strictly after this attempt, in the list's order. */
export interface AttemptPosition {
  createdAt: number
  id: number
  /** Needed when the list is sorted by score. */
  score?: number
}

/** What every view of an attempt shows. */
interface AttemptFacts {
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

export interface AttemptSummary extends AttemptFacts {
  /** The first characters of the answer, for a list row. */
  excerpt: string
  answerLength: number
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

export const EXCERPT_LENGTH = 160

function criterionRows(attemptId: number, report: StorableReport, createdAt: number) {
  return report.criteria.map((c) => ({
    attemptId,
    criterionId: c.id,
    score: c.score,
    max: c.max,
    status: c.status,
    createdAt,
  }))
}

function tagRows(attemptId: number, tags: readonly string[], score: number, createdAt: number) {
  return [...new Set(tags)].map((tag) => ({ attemptId, tag, score, createdAt }))
}

/** Stores an attempt, its per-criterion scores and its tags in one transaction; returns the new id. */
export function insertAttempt(db: Db, attempt: NewAttempt): number {
  return insertAttempts(db, [attempt])[0]!
}

interface InsertStatements {
  attempt: Statement
  criterion: Statement
  tag: Statement
  /** The batch insert as one transaction function, built once rather than per call. */
  insertBatch: (batch: readonly NewAttempt[]) => number[]
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
        `INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      tag: client.prepare(
        'INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)',
      ),
      insertBatch: () => [],
    }
    const prepared = statements
    // better-sqlite3 transactions are synchronous: the callback must not await anything.
    statements.insertBatch = client.transaction((batch: readonly NewAttempt[]) => insertRows(prepared, batch))
    insertStatements.set(db, statements)
  }
  return statements
}

function insertRows({ attempt, criterion, tag }: InsertStatements, batch: readonly NewAttempt[]): number[] {
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
        createdAt,
        createdAt,
      ).lastInsertRowid,
    )
    for (const c of report.criteria) criterion.run(id, c.id, c.score, c.max, c.status, createdAt)
    const tags = a.tags
    for (let i = 0; i < tags.length; i++) {
      // A prompt's tags are unique as compiled; the check keeps a repeated tag from breaking the primary key.
      if (tags.indexOf(tags[i]!) === i) tag.run(id, tags[i], report.score, createdAt)
    }
    ids.push(id)
  }
  return ids
}

/** Batches at least this large refresh the query planner's statistics afterwards (PRAGMA optimize). */
const OPTIMIZE_AFTER_ROWS = 1000

/**
 * Stores many attempts in one transaction with prepared statements: for imports and for seeding
 * benchmarks. Same rows as `insertAttempt`, without building a query per row. Returns the new ids in order.
 */
export function insertAttempts(db: Db, batch: readonly NewAttempt[]): number[] {
  const ids = statementsFor(db).insertBatch(batch)
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
    // Deleting and inserting (not updating) the child rows lets the trend_days triggers keep the rollup right.
    tx.delete(attemptCriteria).where(eq(attemptCriteria.attemptId, id)).run()
    const criteria = criterionRows(id, report, current.createdAt)
    if (criteria.length > 0) tx.insert(attemptCriteria).values(criteria).run()
    tx.delete(attemptTags).where(eq(attemptTags.attemptId, id)).run()
    const tags = tagRows(id, next.tags, report.score, current.createdAt)
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

/**
 * Where a filtered query reads an attempt's id, time and score. With a tag filter the query is driven from
 * attempt_tags, whose rows carry copies of the attempt's time and score: the tag's index on (tag, created_at,
 * attempt_id, score) or (tag, score, created_at, attempt_id) then answers the tag, the time and score bounds,
 * the order and the cursor at once, and only the rows of the page are looked up in attempts.
 */
interface FilterSource {
  /** Whether the query must read attempt_tags first (CROSS JOIN fixes that order in SQLite). */
  byTag: boolean
  /** Whether columns of attempts itself are filtered on (prompt or rubric). */
  needsAttempts: boolean
  id: typeof attempts.id | typeof attemptTags.attemptId
  createdAt: typeof attempts.createdAt | typeof attemptTags.createdAt
  score: typeof attempts.score | typeof attemptTags.score
  where: SQL[]
}

function filterSource(filters: AttemptFilters): FilterSource {
  const byTag = filters.tag !== undefined
  const id = byTag ? attemptTags.attemptId : attempts.id
  const createdAt = byTag ? attemptTags.createdAt : attempts.createdAt
  const score = byTag ? attemptTags.score : attempts.score
  const where: SQL[] = []
  if (filters.tag !== undefined) where.push(eq(attemptTags.tag, filters.tag))
  if (filters.promptId !== undefined) where.push(eq(attempts.promptId, filters.promptId))
  if (filters.rubricId !== undefined) where.push(eq(attempts.rubricId, filters.rubricId))
  if (filters.from !== undefined) where.push(gte(createdAt, filters.from))
  if (filters.to !== undefined) where.push(lte(createdAt, filters.to))
  if (filters.minScore !== undefined) where.push(gte(score, filters.minScore))
  if (filters.maxScore !== undefined) where.push(lte(score, filters.maxScore))
  const needsAttempts = filters.promptId !== undefined || filters.rubricId !== undefined
  return { byTag, needsAttempts, id, createdAt, score, where }
}

/** Rows strictly after `position` in the list's order: a row-value comparison, which the sort's index answers. */
function after(
  src: FilterSource,
  position: AttemptPosition | undefined,
  sort: AttemptSort,
  order: SortOrder,
): SQL | undefined {
  if (position === undefined) return undefined
  const op = sql.raw(order === 'desc' ? '<' : '>')
  return sort === 'score'
    ? sql`(${src.score}, ${src.createdAt}, ${src.id}) ${op} (${position.score ?? 0}, ${position.createdAt}, ${position.id})`
    : sql`(${src.createdAt}, ${src.id}) ${op} (${position.createdAt}, ${position.id})`
}

function ordering(src: FilterSource, sort: AttemptSort, order: SortOrder): SQL[] {
  const dir = order === 'desc' ? desc : asc
  return sort === 'score'
    ? [dir(src.score), dir(src.createdAt), dir(src.id)]
    : [dir(src.createdAt), dir(src.id)]
}

/**
 * `SELECT fields FROM attempts`, or with a tag filter `FROM attempt_tags CROSS JOIN attempts` joined on the id,
 * so SQLite walks the tag's index and looks up only the attempts it keeps.
 */
function selectAttempts<F extends SelectedFields>(db: Db, src: FilterSource, fields: F) {
  const plain = db.select(fields).from(attempts).$dynamic()
  if (!src.byTag) return plain
  // The same builder type either way: the selected fields, not the FROM clause, decide the rows' shape.
  return db.select(fields).from(attemptTags).$dynamic().crossJoin(attempts) as unknown as typeof plain
}

/** The conditions of `src`, with the join condition when the query starts from attempt_tags. */
function joined(src: FilterSource, ...more: (SQL | undefined)[]): SQL | undefined {
  return and(...(src.byTag ? [eq(attempts.id, attemptTags.attemptId)] : []), ...src.where, ...more)
}

/**
 * One page of attempt summaries matching the filters, starting after `position`: newest first unless
 * `sort`/`order` say otherwise (score sorts break ties by time, then id, in the same direction).
 * Fetches one row more than `limit` to tell whether another page follows.
 */
export function listAttempts(
  db: Db,
  filters: AttemptFilters,
  page: {
    limit: number
    after?: AttemptPosition | undefined
    sort?: AttemptSort | undefined
    order?: SortOrder | undefined
  },
): { attempts: AttemptSummary[]; more: boolean } {
  const sort = page.sort ?? 'createdAt'
  const order = page.order ?? 'desc'
  const src = filterSource(filters)
  const rows = selectAttempts(db, src, {
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
    .where(joined(src, after(src, page.after, sort, order)))
    .orderBy(...ordering(src, sort, order))
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
  const src = filterSource(filters)
  return selectAttempts(db, src, getTableColumns(attempts))
    .where(joined(src, after(src, page.after, 'createdAt', 'desc')))
    .orderBy(...ordering(src, 'createdAt', 'desc'))
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

const DAY_MS = 86_400_000

/** How far back trends look when the request gives no `from`: 90 days, or 26 weeks. */
export const TREND_WINDOW = { day: 90, week: 26 } as const

/**
 * The filters with a default window filled in: without `from`, trends cover the last 90 days (26 weeks, whole
 * weeks from Monday) up to `to`, or up to the latest attempt, so a candidate back after a break still sees their
 * last stretch of practice. The window bounds what is aggregated and answered; `from` and `to` widen it.
 */
export function trendWindow(db: Db, filters: AttemptFilters, interval: TrendInterval): AttemptFilters {
  if (filters.from !== undefined) return filters
  const end =
    filters.to ??
    (db.$client.prepare('SELECT max(created_at) FROM attempts').pluck().get() as number | null | undefined)
  if (end === undefined || end === null) return filters
  const endDay = Math.floor(end / DAY_MS)
  // Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 counts days since Monday.
  const startDay =
    interval === 'day'
      ? endDay - (TREND_WINDOW.day - 1)
      : endDay - ((endDay + 3) % 7) - 7 * (TREND_WINDOW.week - 1)
  return { ...filters, from: startDay * DAY_MS }
}

/** An attempt's period as a day number: its UTC day, or the Monday that starts its UTC week. */
function periodDay(day: SQL, interval: TrendInterval): SQL<number> {
  return interval === 'day' ? sql<number>`${day}` : sql<number>`(${day} - ((${day} + 3) % 7))`
}

/** `YYYY-MM-DD` of a day number; computed once per period, not per attempt. */
const periodText = (p: SQL) => sql<string>`strftime('%Y-%m-%d', ${p} * 86400, 'unixepoch')`

export interface TrendPoint {
  /** `YYYY-MM-DD`: the day, or the Monday of the week. */
  period: string
  attempts: number
  /** Average total score, two decimals. */
  average: number
}

export interface CriterionTrendPoint extends TrendPoint {
  criterionId: string
}

export interface Trends {
  overall: TrendPoint[]
  /** Ordered by criterion, then period. */
  criteria: CriterionTrendPoint[]
}

/**
 * Average total score per day or week, and per criterion the average as a percentage of the criterion's
 * maximum points (maxima differ between rubrics, so percentages are what can be averaged); oldest period first.
 * Pass the filters through `trendWindow` first to bound the answer.
 */
export function trends(db: Db, filters: AttemptFilters, interval: TrendInterval): Trends {
  return cachedAggregate(db, `trends ${interval} ${JSON.stringify(filters)}`, () =>
    rollupAnswers(filters)
      ? trendsFromRollup(db, filters, interval)
      : trendsFromAttempts(db, filters, interval),
  )
}

/** Average total score per day or week for the matching attempts, oldest period first. */
export function scoreTrends(db: Db, filters: AttemptFilters, interval: TrendInterval): TrendPoint[] {
  return trends(db, filters, interval).overall
}

/** Per criterion per day or week, the average percentage of its maximum; ordered by criterion, then period. */
export function criterionTrends(
  db: Db,
  filters: AttemptFilters,
  interval: TrendInterval,
): CriterionTrendPoint[] {
  return trends(db, filters, interval).criteria
}

/** The daily rollup answers when the only filters are whole UTC days. */
function rollupAnswers(f: AttemptFilters): boolean {
  return (
    f.promptId === undefined &&
    f.rubricId === undefined &&
    f.tag === undefined &&
    f.minScore === undefined &&
    f.maxScore === undefined &&
    (f.from === undefined || f.from % DAY_MS === 0) &&
    (f.to === undefined || (f.to + 1) % DAY_MS === 0)
  )
}

function splitTrendRows(rows: CriterionTrendPoint[]): Trends {
  const overall: TrendPoint[] = []
  const criteria: CriterionTrendPoint[] = []
  for (const { criterionId, period, attempts, average } of rows) {
    if (criterionId === '') overall.push({ period, attempts, average })
    else criteria.push({ criterionId, period, attempts, average })
  }
  return { overall, criteria }
}

function trendsFromRollup(db: Db, filters: AttemptFilters, interval: TrendInterval): Trends {
  const p = periodDay(sql`${trendDays.day}`, interval)
  const bounds: SQL[] = []
  if (filters.from !== undefined) bounds.push(gte(trendDays.day, Math.floor(filters.from / DAY_MS)))
  if (filters.to !== undefined) bounds.push(lte(trendDays.day, Math.floor(filters.to / DAY_MS)))
  const rows = db
    .select({
      criterionId: trendDays.criterionId,
      period: periodText(p),
      attempts: sql<number>`sum(${trendDays.attempts})`,
      average: sql<number>`round(sum(${trendDays.total}) / sum(${trendDays.measured}), 2)`,
    })
    .from(trendDays)
    .where(and(...bounds))
    .groupBy(trendDays.criterionId, p)
    // A criterion worth no points in every attempt of a period has no percentage to average.
    .having(sql`sum(${trendDays.measured}) > 0`)
    .orderBy(trendDays.criterionId, p)
    .all()
  return splitTrendRows(rows)
}

function trendsFromAttempts(db: Db, filters: AttemptFilters, interval: TrendInterval): Trends {
  const src = filterSource(filters)
  const p = periodDay(sql`(${src.createdAt} / 86400000)`, interval)
  // With a tag filter and no prompt or rubric filter, attempt_tags alone holds every figure (time and score
  // are copied there), so attempts is not read at all. CROSS JOIN keeps SQLite's join order as written.
  const base = <F extends SelectedFields>(fields: F) => {
    if (!src.byTag) return db.select(fields).from(attempts).$dynamic()
    const tags = db.select(fields).from(attemptTags).$dynamic()
    return src.needsAttempts
      ? (db.select(fields).from(attemptTags).$dynamic().crossJoin(attempts) as unknown as typeof tags)
      : tags
  }
  const where = (...more: SQL[]) =>
    and(
      ...(src.byTag && src.needsAttempts ? [eq(attempts.id, attemptTags.attemptId)] : []),
      ...src.where,
      ...more,
    )
  const overall = base({
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    average: sql<number>`round(avg(${src.score}), 2)`,
  })
    .where(where())
    .groupBy(p)
    .orderBy(p)
    .all()
  const criteria = base({
    criterionId: attemptCriteria.criterionId,
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    average: sql<number>`round(avg(100.0 * ${attemptCriteria.score} / nullif(${attemptCriteria.max}, 0)), 2)`,
  })
    // CROSS JOIN fixes SQLite's join order: walk the filter's index (attempts' or the tag's), then each attempt's
    // criteria (attempt_criteria_scores_idx). Left to itself the planner walks criteria and looks every attempt
    // up in the table, which at 100,000 attempts is several times slower.
    .crossJoin(attemptCriteria)
    .where(where(eq(src.id, attemptCriteria.attemptId)))
    .groupBy(attemptCriteria.criterionId, p)
    .having(sql`count(nullif(${attemptCriteria.max}, 0)) > 0`)
    .orderBy(attemptCriteria.criterionId, p)
    .all()
  return { overall, criteria }
}

export interface AreaPractice {
  /** A tag: the id of the rubric that names the area. */
  tag: string
  attempts: number
  best: number
  bestAttemptId: number
  bestBandId: string
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
  // Every figure is an index seek or a range of one tag in attempt_tags (score and time are copied there):
  // the distinct tags are found by skipping from one tag to the next rather than reading every row.
  return db.all<AreaPractice>(sql`
    WITH RECURSIVE tags(tag) AS (
      SELECT min(tag) FROM ${attemptTags}
      UNION ALL
      SELECT (SELECT min(t.tag) FROM ${attemptTags} t WHERE t.tag > tags.tag) FROM tags WHERE tags.tag IS NOT NULL
    ),
    best AS (
      SELECT tag, (SELECT max(t.score) FROM ${attemptTags} t WHERE t.tag = tags.tag) AS best
      FROM tags WHERE tag IS NOT NULL
    ),
    chosen AS (
      SELECT tag, best,
        (SELECT t.attempt_id FROM ${attemptTags} t WHERE t.tag = best.tag AND t.score = best.best
          ORDER BY t.created_at, t.attempt_id LIMIT 1) AS attempt_id
      FROM best
    )
    SELECT c.tag,
      (SELECT count(*) FROM ${attemptTags} t WHERE t.tag = c.tag) AS "attempts",
      c.best AS "best",
      c.attempt_id AS "bestAttemptId",
      a.band_id AS "bestBandId",
      a.band_label AS "bestBandLabel",
      (SELECT round(avg(r.score), 2) FROM (
        SELECT t.score FROM ${attemptTags} t WHERE t.tag = c.tag
        ORDER BY t.created_at DESC, t.attempt_id DESC LIMIT ${recent}) r) AS "recentAverage",
      (SELECT max(t.created_at) FROM ${attemptTags} t WHERE t.tag = c.tag) AS "lastPractisedAt"
    FROM chosen c JOIN ${attempts} a ON a.id = c.attempt_id
    ORDER BY c.tag`)
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
