// Cheap checks of the database for health reports.

import { sql } from 'drizzle-orm'
import type { Db } from './client'

/** Whether the database answers at all: a cheap query for health checks. */
export function databaseAnswers(db: Db): boolean {
  return db.get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1
}
