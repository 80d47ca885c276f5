// Reading EXPLAIN QUERY PLAN output: which table each step reads, and through which index, if any.

import { expect } from 'vitest'

/** How a query plan reads one table: a seek or a walk, through which index, or by rowid. */
interface TableRead {
  /** The table, or its alias in the query. */
  table: string
  /** SEARCH (a range or point of an index) rather than SCAN (every entry). */
  seek: boolean
  index: string | undefined
  /** The index alone answers: the table's rows are not read. */
  covering: boolean
  byRowid: boolean
}

/**
 * The table reads of an EXPLAIN QUERY PLAN, from the parts of its wording every SQLite release since 3.8 shares
 * (SEARCH or SCAN, the table, USING [COVERING] INDEX name, PRIMARY KEY), so the assertions name indexes rather
 * than pin whole lines whose details (constraint text, "TABLE", aliases) change between releases.
 */
export function tableReads(plan: string): TableRead[] {
  return plan.split('\n').flatMap((line) => {
    const m = /^\s*(SEARCH|SCAN)\s+(?:TABLE\s+)?(\w+)(?:\s+AS\s+(\w+))?/.exec(line)
    if (m === null) return []
    const index = /\bUSING\s+(COVERING\s+)?INDEX\s+(\w+)/.exec(line)
    return [
      {
        table: m[3] ?? m[2]!,
        seek: m[1] === 'SEARCH',
        index: index?.[2],
        covering: index?.[1] !== undefined,
        byRowid: /\bPRIMARY KEY\b|\bROWID\b/i.test(line) && index === null,
      },
    ]
  })
}

/** How `plan` reads `table`; fails when the plan does not read it exactly once. */
export function readOf(plan: string, table: string): TableRead {
  const reads = tableReads(plan).filter((r) => r.table === table)
  expect(reads, `${table} in\n${plan}`).toHaveLength(1)
  return reads[0]!
}

const STORED_TABLES = new Set([
  'attempts',
  'attempt_tags',
  'attempt_criteria',
  'attempt_reports',
  'attempt_area_scores',
  'attempt_area_criteria',
  'area_score_backfill',
  'trend_days',
  'stories',
  'story_versions',
])

/** The aliases the aggregates give stored tables: a (attempts), t (attempt_tags), s and b (attempt_area_scores). */
const ALIASES = new Set(['a', 't', 's', 'b'])

/** Reads of a stored table (or an alias the aggregates give one) through no index at all. */
export function tableScans(plan: string): TableRead[] {
  return tableReads(plan).filter(
    (r) => (STORED_TABLES.has(r.table) || ALIASES.has(r.table)) && !r.index && !r.byRowid,
  )
}
