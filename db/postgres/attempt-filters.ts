// PostgreSQL's side of db/attempt-list.ts's filters, shared by the list and trend queries (not a query module: the
// store does not spread it), and the rounding those queries share.

import { type AttemptFilters, type FilterSourceOf, filterSourceOn } from '../filter-source'
import { attempts, attemptTags } from './schema'

/** The filters on PostgreSQL's tables (see db/filter-source.ts). */
export type FilterSource = FilterSourceOf<typeof attempts, typeof attemptTags>

export function filterSource(filters: AttemptFilters): FilterSource {
  return filterSourceOn(filters, attempts, attemptTags)
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
