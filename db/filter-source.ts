// The filters of attempt lists and trends as SQL conditions, for either dialect's tables: written once, used by
// db/attempt-list.ts (SQLite) and db/postgres/attempt-filters.ts (PostgreSQL) with their own schema's columns.

import { type Column, eq, gte, lte, type SQL } from 'drizzle-orm'

/** What lists, exports and trends of attempts can be narrowed by; every bound is optional. */
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
  /** Team mode: only this account's attempts. Undefined (local mode) reads every attempt. */
  ownerId?: string | undefined
}

/** The columns of `attempts` the filters read. */
interface AttemptColumns {
  id: Column
  promptId: Column
  rubricId: Column
  createdAt: Column
  score: Column
  ownerId: Column
}

/** The columns of `attempt_tags` the filters read (time and score are copies of the attempt's). */
interface TagColumns {
  attemptId: Column
  tag: Column
  createdAt: Column
  score: Column
}

/**
 * Where a filtered query reads an attempt's id, time and score. With a tag filter the query is driven from
 * attempt_tags, whose rows carry copies of the attempt's time and score: the tag's index on (tag, created_at,
 * attempt_id, score) or (tag, score, created_at, attempt_id) then answers the tag, the time and score bounds,
 * the order and the cursor at once, and only the rows of the page are looked up in attempts.
 */
export interface FilterSourceOf<A extends AttemptColumns, T extends TagColumns> {
  /** Whether the query must read attempt_tags first (CROSS JOIN fixes that order in SQLite). */
  byTag: boolean
  /** Whether columns of attempts itself are filtered on (prompt, rubric or owner). */
  needsAttempts: boolean
  id: A['id'] | T['attemptId']
  createdAt: A['createdAt'] | T['createdAt']
  score: A['score'] | T['score']
  where: SQL[]
}

export function filterSourceOn<A extends AttemptColumns, T extends TagColumns>(
  filters: AttemptFilters,
  attempts: A,
  attemptTags: T,
): FilterSourceOf<A, T> {
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
  if (filters.ownerId !== undefined) where.push(eq(attempts.ownerId, filters.ownerId))
  const needsAttempts =
    filters.promptId !== undefined || filters.rubricId !== undefined || filters.ownerId !== undefined
  return { byTag, needsAttempts, id, createdAt, score, where }
}

/** The columns of `attempt_area_scores` the area filters read: an area is a tag, and its rows copy time and score. */
interface AreaColumns {
  attemptId: Column
  rubricId: Column
  createdAt: Column
  score: Column
}

/**
 * The filters of trends by area (`filters.tag` set): driven from attempt_area_scores, whose rows carry each
 * attempt's time and score under the area's own rubric, with attempts joined only for a prompt, rubric or owner.
 */
export function areaFilterSourceOn<A extends AttemptColumns, S extends AreaColumns>(
  filters: AttemptFilters & { tag: string },
  attempts: A,
  areaScores: S,
) {
  const { attemptId, rubricId, createdAt, score } = areaScores
  return filterSourceOn(filters, attempts, { attemptId, tag: rubricId, createdAt, score })
}
