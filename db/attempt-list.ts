// Lists of attempts: the filters on SQLite's tables, the list builder (driven from attempts or from a tag's rows)
// and cursor paging.

import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/sqlite-core'
import type { AttemptFacts, AttemptRecord } from './attempt-model'
import type { Db } from './client'
import { type AttemptFilters, type FilterSourceOf, filterSourceOn } from './filter-source'
import { attempts, attemptTags } from './schema'

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

export interface AttemptSummary extends AttemptFacts {
  /** The first characters of the answer, for a list row. */
  excerpt: string
  answerLength: number
}

export const EXCERPT_LENGTH = 160

/** The filters on SQLite's tables (see db/filter-source.ts). */
export type FilterSource = FilterSourceOf<typeof attempts, typeof attemptTags>

export function filterSource(filters: AttemptFilters): FilterSource {
  return filterSourceOn(filters, attempts, attemptTags)
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

/** An attempt row as stored, with its report still the JSON text the engine made: what an export copies out. */
export type StoredAttempt = Omit<AttemptRecord, 'tags' | 'report'> & { report: string }

/**
 * Full attempts (answer and report) matching the filters, newest first, in pages for streaming exports; each
 * report is left as its stored JSON text, so a page costs no parsing.
 */
export function listStoredAttempts(
  db: Db,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): StoredAttempt[] {
  const src = filterSource(filters)
  return selectAttempts(db, src, getTableColumns(attempts))
    .where(joined(src, after(src, page.after, 'createdAt', 'desc')))
    .orderBy(...ordering(src, 'createdAt', 'desc'))
    .limit(page.limit)
    .all()
}

/** As listStoredAttempts, with each report parsed. */
export function listAttemptsInFull(
  db: Db,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): Omit<AttemptRecord, 'tags'>[] {
  return listStoredAttempts(db, filters, page).map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}
