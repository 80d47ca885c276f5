// Score trends per day or week, overall and per criterion: from the daily rollup when it can answer, else from attempts.

import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/sqlite-core'
import { filterSource } from './attempt-list'
import { DAY_MS } from './attempt-model'
import { cachedAggregate } from './cache'
import type { Db } from './client'
import { type AttemptFilters, areaFilterSourceOn } from './filter-source'
import { attemptAreaCriteria, attemptAreaScores, attemptCriteria, attempts, trendDays } from './schema'

export type TrendInterval = 'day' | 'week'

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
    (filters.ownerId === undefined
      ? (db.$client.prepare('SELECT max(created_at) FROM attempts').pluck().get() as
          | number
          | null
          | undefined)
      : (db.$client
          .prepare('SELECT max(created_at) FROM attempts WHERE owner_id = ?')
          .pluck()
          .get(filters.ownerId) as number | null | undefined))
  return windowed(filters, end, interval)
}

/**
 * trendWindow's answer once the window's end is known (`to`, or the latest attempt's time; none when there are no
 * attempts): the filters with `from` at the start of the window. Shared with PostgreSQL's trendWindow.
 */
export function windowed(
  filters: AttemptFilters,
  end: number | null | undefined,
  interval: TrendInterval,
): AttemptFilters {
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
 * By area (a `tag` filter), the total is each attempt's score under the area's own rubric, and `minScore` and
 * `maxScore` bound that score; the criteria are the area's rubric's, with each attempt's results under it
 * (attempt_area_criteria), not those of the attempt's own report.
 * Pass the filters through `trendWindow` first to bound the answer.
 */
export function trends(db: Db, filters: AttemptFilters, interval: TrendInterval): Trends {
  return cachedAggregate(db, `trends ${interval} ${JSON.stringify(filters)}`, () =>
    rollupAnswers(filters)
      ? trendsFromRollup(db, filters, interval)
      : trendsFromAttempts(db, filters, interval),
  )
}

/** The daily rollup answers when the only filters are whole UTC days (on PostgreSQL too). */
export function rollupAnswers(f: AttemptFilters): boolean {
  return (
    f.promptId === undefined &&
    f.rubricId === undefined &&
    f.tag === undefined &&
    f.minScore === undefined &&
    f.maxScore === undefined &&
    // The rollup counts every account's attempts together.
    f.ownerId === undefined &&
    (f.from === undefined || f.from % DAY_MS === 0) &&
    (f.to === undefined || (f.to + 1) % DAY_MS === 0)
  )
}

/** Trend rows of every criterion split into the total score's points ('') and the criteria's. */
export function splitTrendRows(rows: readonly CriterionTrendPoint[]): Trends {
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

/**
 * Where trends read an attempt's id, time and total score. Unfiltered by area, from attempts (through the filter's
 * index); by area, from attempt_area_scores, whose (rubric_id, created_at, attempt_id, score) index answers the
 * area, the time and score bounds and the order, with attempts looked up by id only for a prompt or rubric filter.
 */
function trendSource(filters: AttemptFilters) {
  if (filters.tag === undefined) {
    const src = filterSource(filters)
    return {
      byArea: false,
      id: attempts.id,
      createdAt: attempts.createdAt,
      score: attempts.score,
      where: src.where,
    }
  }
  const { needsAttempts, id, createdAt, score, where } = areaFilterSourceOn(
    { ...filters, tag: filters.tag },
    attempts,
    attemptAreaScores,
  )
  return { byArea: true, needsAttempts, id, createdAt, score, where }
}

function trendsFromAttempts(db: Db, filters: AttemptFilters, interval: TrendInterval): Trends {
  const src = trendSource(filters)
  const p = periodDay(sql`(${src.createdAt} / 86400000)`, interval)
  // By area without a prompt or rubric filter, attempt_area_scores alone holds every figure (time and score are
  // there), so attempts is not read at all. CROSS JOIN keeps SQLite's join order as written.
  const joinAttempts = src.byArea && src.needsAttempts === true
  const base = <F extends SelectedFields>(fields: F) => {
    if (!src.byArea) return db.select(fields).from(attempts).$dynamic()
    const areas = db.select(fields).from(attemptAreaScores).$dynamic()
    return joinAttempts
      ? (db.select(fields).from(attemptAreaScores).$dynamic().crossJoin(attempts) as unknown as typeof areas)
      : areas
  }
  const where = (...more: SQL[]) =>
    and(...(joinAttempts ? [eq(attempts.id, attemptAreaScores.attemptId)] : []), ...src.where, ...more)
  const overall = base({
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    average: sql<number>`round(avg(${src.score}), 2)`,
  })
    .where(where())
    .groupBy(p)
    .orderBy(p)
    .all()
  // By area, each attempt's results under the area's rubric; otherwise those of its own report.
  const c = src.byArea ? attemptAreaCriteria : attemptCriteria
  const joined = src.byArea
    ? and(eq(src.id, attemptAreaCriteria.attemptId), eq(attemptAreaCriteria.rubricId, filters.tag ?? ''))
    : eq(src.id, attemptCriteria.attemptId)
  const criteria = base({
    criterionId: c.criterionId,
    period: periodText(p),
    attempts: sql<number>`count(*)`,
    average: sql<number>`round(avg(100.0 * ${c.score} / nullif(${c.max}, 0)), 2)`,
  })
    // CROSS JOIN fixes SQLite's join order: walk the filter's index (attempts' or the area's), then each attempt's
    // criteria (attempt_criteria_scores_idx, or attempt_area_criteria_scores_idx by area). Left to itself the
    // planner walks criteria and looks every attempt up in the table, which at 100,000 attempts is several times
    // slower.
    .crossJoin(c)
    .where(where(joined as SQL))
    .groupBy(c.criterionId, p)
    .having(sql`count(nullif(${c.max}, 0)) > 0`)
    .orderBy(c.criterionId, p)
    .all()
  return { overall, criteria }
}
