// PostgreSQL queries of db/attempt-list.ts: the same functions, on a PgDb, answering promises.

import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import {
  type AttemptPosition,
  type AttemptSort,
  type AttemptSummary,
  EXCERPT_LENGTH,
  type SortOrder,
  type StoredAttempt,
} from '../attempt-list'
import type { AttemptRecord } from '../attempt-model'
import type { AttemptFilters } from '../filter-source'
import { type FilterSource, filterSource } from './attempt-filters'
import type { PgDb } from './client'
import { attempts, attemptTags } from './schema'

/**
 * Rows strictly after `position` in the list's order, as a row-value comparison the sort's index answers. The
 * position's numbers are compared as bigint: a cursor's id may be larger than any integer id (SQLite then answers
 * an empty page, and so does this, rather than failing on an out-of-range integer).
 */
function after(
  src: FilterSource,
  position: AttemptPosition | undefined,
  sort: AttemptSort,
  order: SortOrder,
): SQL | undefined {
  if (position === undefined) return undefined
  const op = sql.raw(order === 'desc' ? '<' : '>')
  const big = (n: number) => sql`${n}::bigint`
  return sort === 'score'
    ? sql`(${src.score}, ${src.createdAt}, ${src.id}) ${op} (${big(position.score ?? 0)}, ${big(position.createdAt)}, ${big(position.id)})`
    : sql`(${src.createdAt}, ${src.id}) ${op} (${big(position.createdAt)}, ${big(position.id)})`
}

function ordering(src: FilterSource, sort: AttemptSort, order: SortOrder): SQL[] {
  const dir = order === 'desc' ? desc : asc
  return sort === 'score'
    ? [dir(src.score), dir(src.createdAt), dir(src.id)]
    : [dir(src.createdAt), dir(src.id)]
}

/** `SELECT fields FROM attempts`, or with a tag filter from attempt_tags joined to attempts on the id. */
function selectAttempts<F extends SelectedFields>(db: PgDb, src: FilterSource, fields: F) {
  const plain = db.select(fields).from(attempts).$dynamic()
  if (!src.byTag) return plain
  // The same builder type either way: the selected fields, not the FROM clause, decide the rows' shape.
  return db
    .select(fields)
    .from(attemptTags)
    .$dynamic()
    .innerJoin(attempts, eq(attempts.id, attemptTags.attemptId)) as unknown as typeof plain
}

/** As db/attempt-list.ts's listAttempts: one page of summaries after `position`, and whether more follow. */
export async function listAttempts(
  db: PgDb,
  filters: AttemptFilters,
  page: {
    limit: number
    after?: AttemptPosition | undefined
    sort?: AttemptSort | undefined
    order?: SortOrder | undefined
  },
): Promise<{ attempts: AttemptSummary[]; more: boolean }> {
  const sort = page.sort ?? 'createdAt'
  const order = page.order ?? 'desc'
  const src = filterSource(filters)
  const rows = await selectAttempts(db, src, {
    id: attempts.id,
    promptId: attempts.promptId,
    rubricId: attempts.rubricId,
    score: attempts.score,
    bandId: attempts.bandId,
    bandLabel: attempts.bandLabel,
    durationMs: attempts.durationMs,
    createdAt: attempts.createdAt,
    scoredAt: attempts.scoredAt,
    // Both count characters (code points), as SQLite's substr and length do on text.
    excerpt: sql<string>`substr(${attempts.answer}, 1, ${sql.raw(String(EXCERPT_LENGTH))})`,
    answerLength: sql<number>`length(${attempts.answer})`,
  })
    .where(and(...src.where, after(src, page.after, sort, order)))
    .orderBy(...ordering(src, sort, order))
    .limit(page.limit + 1)
  return { attempts: rows.slice(0, page.limit), more: rows.length > page.limit }
}

/** As db/attempt-list.ts's listStoredAttempts: full attempts, reports as stored JSON text, newest first. */
export async function listStoredAttempts(
  db: PgDb,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): Promise<StoredAttempt[]> {
  const src = filterSource(filters)
  return await selectAttempts(db, src, getTableColumns(attempts))
    .where(and(...src.where, after(src, page.after, 'createdAt', 'desc')))
    .orderBy(...ordering(src, 'createdAt', 'desc'))
    .limit(page.limit)
}

/** As listStoredAttempts, with each report parsed. */
export async function listAttemptsInFull(
  db: PgDb,
  filters: AttemptFilters,
  page: { limit: number; after?: AttemptPosition | undefined },
): Promise<Omit<AttemptRecord, 'tags'>[]> {
  const rows = await listStoredAttempts(db, filters, page)
  return rows.map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}
