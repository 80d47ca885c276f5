// For the suites that check text comes back in bytewise order (as SQLite compares it): on PostgreSQL, the columns
// such orders read are switched to a locale's collation, under which 'alpha' sorts before 'Zeta', so a query
// that leaves the order to the column's collation is caught even on a test server created with locale C.

import { sql } from 'drizzle-orm'
import type { Store } from '../../db/store'
import { runOn } from './store-helpers'

/** Text columns whose order queries answer in: ids, tags and criterion ids. */
const ORDERED_TEXT = [
  ['attempts', 'prompt_id'],
  ['attempts', 'rubric_id'],
  ['attempt_tags', 'tag'],
  ['attempt_area_scores', 'rubric_id'],
  ['attempt_criteria', 'criterion_id'],
  ['attempt_area_criteria', 'rubric_id'],
  ['attempt_area_criteria', 'criterion_id'],
  ['trend_days', 'criterion_id'],
] as const

/** On PostgreSQL, gives every ordered text column a locale (ICU) collation; on SQLite, nothing to do. */
export async function collateByLocale(store: Store): Promise<void> {
  if (store.dialect !== 'postgres') return
  for (const [table, column] of ORDERED_TEXT) {
    await runOn(
      store,
      sql`ALTER TABLE ${sql.identifier(table)} ALTER COLUMN ${sql.identifier(column)} TYPE text COLLATE "und-x-icu"`,
    )
  }
}
