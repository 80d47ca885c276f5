// PostgreSQL's side of db/attempt-list.ts's filters, shared by the list and trend queries (not a query module: the
// store does not spread it), and the rounding those queries share.

import { eq, gte, lte, type SQL } from 'drizzle-orm'
import type { AttemptFilters } from '../attempt-list'
import { attempts, attemptTags } from './schema'

/**
 * Where a filtered query reads an attempt's id, time and score: from attempts, or with a tag filter from
 * attempt_tags, whose rows carry copies of the attempt's time and score (see db/attempt-list.ts's FilterSource).
 */
export interface FilterSource {
  byTag: boolean
  id: typeof attempts.id | typeof attemptTags.attemptId
  createdAt: typeof attempts.createdAt | typeof attemptTags.createdAt
  score: typeof attempts.score | typeof attemptTags.score
  where: SQL[]
}

export function filterSource(filters: AttemptFilters): FilterSource {
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
  return { byTag, id, createdAt, score, where }
}

/**
 * SQLite's round(x, 2) of a double: to the nearest hundredth of x's exact binary value, a tie away from zero, which
 * is what toFixed does. PostgreSQL has round() only for numeric, and its cast of a double to numeric keeps 15
 * significant digits, so round(2.675::float8::numeric, 2) is 2.68 where SQLite answers 2.67. The queries therefore
 * compute each average as the same double SQLite computes, and round it here.
 */
export function roundLikeSqlite(x: number): number {
  return Number(x.toFixed(2))
}
