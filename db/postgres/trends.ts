// PostgreSQL queries of db/trends.ts: the same functions, on a PgDb, answering promises. No answer is cached here,
// unlike SQLite's: other processes write the same database.

import { and, eq, gte, lte, max, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import { DAY_MS } from '../attempt-model'
import { type AttemptFilters, areaFilterSourceOn } from '../filter-source'
import { rollupAnswers, splitTrendRows, type TrendInterval, type Trends, windowed } from '../trends'
import { filterSource, roundLikeSqlite } from './attempt-filters'
import type { PgDb } from './client'
import { attemptAreaCriteria, attemptAreaScores, attemptCriteria, attempts, trendDays } from './schema'

/** As db/trends.ts's trendWindow: without `from`, the 90 days (26 weeks) up to `to` or the latest attempt. */
export async function trendWindow(
  db: PgDb,
  filters: AttemptFilters,
  interval: TrendInterval,
): Promise<AttemptFilters> {
  if (filters.from !== undefined) return filters
  if (filters.to !== undefined) return windowed(filters, filters.to, interval)
  const [latest] = await db
    .select({ end: max(attempts.createdAt) })
    .from(attempts)
    .where(filters.ownerId === undefined ? undefined : eq(attempts.ownerId, filters.ownerId))
  return windowed(filters, latest?.end, interval)
}

/**
 * An attempt's period as a day number: its UTC day, or the Monday that starts its UTC week. `day` is a whole number
 * of days; PostgreSQL's integer `/` and `%` truncate toward zero as SQLite's do, so the periods are the same ones,
 * before 1970 too. Written without parameters: the expression is grouped by and selected, and PostgreSQL matches
 * the two only when they are the same text.
 */
function periodDay(day: SQL, interval: TrendInterval): SQL<number> {
  return interval === 'day' ? sql<number>`${day}` : sql<number>`(${day} - ((${day} + 3) % 7))`
}

/** `YYYY-MM-DD` of a day number, as SQLite's strftime('%Y-%m-%d', day * 86400, 'unixepoch'). */
const periodText = (p: SQL) =>
  sql<string>`to_char((date '1970-01-01' + (${p})::integer)::timestamp, 'YYYY-MM-DD')`

/** Text bytewise, as SQLite orders it, whatever the database's collation. */
const bytewise = (column: SQLWrapper) => sql`${column} collate "C"`

/** A row with its average a double, rounded as SQLite's round(x, 2) rounds it. */
function rounded<R extends { average: number }>(rows: R[]): R[] {
  return rows.map((r) => ({ ...r, average: roundLikeSqlite(r.average) }))
}

/**
 * As db/trends.ts's trends: average total score per day or week and per criterion the average percentage of its
 * maximum, oldest period first, criteria bytewise; by area (a `tag`) under the area's own rubric. From the daily
 * rollup when the filters are whole days only, else from the attempts. Pass the filters through trendWindow first.
 */
export async function trends(db: PgDb, filters: AttemptFilters, interval: TrendInterval): Promise<Trends> {
  return rollupAnswers(filters)
    ? await trendsFromRollup(db, filters, interval)
    : await trendsFromAttempts(db, filters, interval)
}

async function trendsFromRollup(db: PgDb, filters: AttemptFilters, interval: TrendInterval): Promise<Trends> {
  const p = periodDay(sql`${trendDays.day}`, interval)
  const bounds: SQL[] = []
  if (filters.from !== undefined) bounds.push(gte(trendDays.day, Math.floor(filters.from / DAY_MS)))
  if (filters.to !== undefined) bounds.push(lte(trendDays.day, Math.floor(filters.to / DAY_MS)))
  const rows = await db
    .select({
      criterionId: trendDays.criterionId,
      period: periodText(p),
      attempts: sql<number>`sum(${trendDays.attempts})`,
      // A double divided by a whole number, as SQLite divides them.
      average: sql<number>`sum(${trendDays.total}) / sum(${trendDays.measured})`,
    })
    .from(trendDays)
    .where(and(...bounds))
    .groupBy(trendDays.criterionId, p)
    // A criterion worth no points in every attempt of a period has no percentage to average.
    .having(sql`sum(${trendDays.measured}) > 0`)
    .orderBy(bytewise(trendDays.criterionId), p)
  return splitTrendRows(rounded(rows))
}

/**
 * Where trends read an attempt's id, time and total score: from attempts unfiltered by area; by area from
 * attempt_area_scores, joined to attempts only for a prompt, rubric or owner filter.
 */
function trendSource(filters: AttemptFilters) {
  if (filters.tag === undefined) {
    return {
      byArea: false,
      needsAttempts: true,
      id: attempts.id,
      createdAt: attempts.createdAt,
      score: attempts.score,
      where: filterSource(filters).where,
    }
  }
  const { needsAttempts, id, createdAt, score, where } = areaFilterSourceOn(
    { ...filters, tag: filters.tag },
    attempts,
    attemptAreaScores,
  )
  return { byArea: true, needsAttempts, id, createdAt, score, where }
}

async function trendsFromAttempts(
  db: PgDb,
  filters: AttemptFilters,
  interval: TrendInterval,
): Promise<Trends> {
  const src = trendSource(filters)
  const p = periodDay(sql`(${src.createdAt} / 86400000)`, interval)
  const joinAttempts = src.byArea && src.needsAttempts
  const base = <F extends SelectedFields>(fields: F) => {
    if (!src.byArea) return db.select(fields).from(attempts).$dynamic()
    const areas = db.select(fields).from(attemptAreaScores).$dynamic()
    return joinAttempts
      ? (db
          .select(fields)
          .from(attemptAreaScores)
          .$dynamic()
          .innerJoin(attempts, eq(attempts.id, attemptAreaScores.attemptId)) as unknown as typeof areas)
      : areas
  }
  const overall = await base({
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    // The same double as SQLite's avg of whole numbers: their exact sum divided by the count.
    average: sql<number>`sum(${src.score})::double precision / count(*)`,
  })
    .where(and(...src.where))
    .groupBy(p)
    .orderBy(p)
  // By area, each attempt's results under the area's rubric; otherwise those of its own report.
  const c = src.byArea ? attemptAreaCriteria : attemptCriteria
  const on = src.byArea
    ? and(eq(src.id, attemptAreaCriteria.attemptId), eq(attemptAreaCriteria.rubricId, filters.tag ?? ''))
    : eq(src.id, attemptCriteria.attemptId)
  const criteria = await base({
    criterionId: c.criterionId,
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    average: sql<number>`avg(100 * ${c.score} / nullif(${c.max}, 0))`,
  })
    .innerJoin(c, on as SQL)
    .where(and(...src.where))
    .groupBy(c.criterionId, p)
    .having(sql`count(nullif(${c.max}, 0)) > 0`)
    .orderBy(bytewise(c.criterionId), p)
  return { overall: rounded(overall), criteria: rounded(criteria) }
}
