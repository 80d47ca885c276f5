// PostgreSQL's answers about the database itself.

import { sql } from 'drizzle-orm'
import type { PgDb } from './client'

/** Whether the database answers SELECT 1 (a lost connection or a stopped server answers false). */
export async function databaseAnswers(db: PgDb): Promise<boolean> {
  try {
    const result = await db.execute(sql`SELECT 1 AS one`)
    return result.rows[0]?.one === 1
  } catch {
    return false
  }
}
