// PostgreSQL queries of db/practice.ts: the same functions, on a PgDb, answering promises. No answer is cached here,
// unlike SQLite's: other processes write the same database.

import { eq, sql } from 'drizzle-orm'
import {
  type AreaPractice,
  type AreaPracticeRow,
  areaPracticeSql,
  ownerPracticeSql,
  POSTGRES_PRACTICE,
  withBestAttempt,
} from '../practice-sql'
import { roundLikeSqlite } from './attempt-filters'
import type { PgDb } from './client'
import { attemptAreaScores, attempts } from './schema'

/** A row with its average rounded in JS as SQLite's round(x, 2) rounds it (the field keeps its place). */
function areaPractice(row: AreaPracticeRow): AreaPractice {
  return withBestAttempt({ ...row, recentAverage: roundLikeSqlite(row.recentAverage) })
}

/**
 * As db/practice.ts's practiceByArea: per area with attempts, judged by each attempt's score under the area's own
 * rubric, the count, the best attempt (earliest wins a tie), the average of the latest `recent` and the last time,
 * ordered by area bytewise.
 */
export async function practiceByArea(db: PgDb, recent = 5): Promise<AreaPractice[]> {
  // As on SQLite, each figure is a seek or a range of one area's index entries, and the distinct areas are found
  // by skipping from one to the next. The skip compares in the column's collation (its index's); only the final
  // order is bytewise.
  const { rows } = await db.execute(
    areaPracticeSql({ attempts, attemptAreaScores }, recent, POSTGRES_PRACTICE),
  )
  return (rows as unknown as AreaPracticeRow[]).map(areaPractice)
}

/** As db/practice.ts's practiceByAreaOf: practiceByArea from one account's attempts only. */
export async function practiceByAreaOf(db: PgDb, ownerId: string, recent = 5): Promise<AreaPractice[]> {
  const { rows } = await db.execute(
    ownerPracticeSql({ attempts, attemptAreaScores }, ownerId, recent, POSTGRES_PRACTICE),
  )
  return (rows as unknown as AreaPracticeRow[]).map(areaPractice)
}

/** The attempt count per prompt, keyed in bytewise prompt order as SQLite's grouping leaves them. */
async function countsByPrompt(db: PgDb, ownerId: string | undefined): Promise<Map<string, number>> {
  const rows = await db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .where(ownerId === undefined ? undefined : eq(attempts.ownerId, ownerId))
    .groupBy(attempts.promptId)
    .orderBy(sql`${attempts.promptId} collate "C"`)
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}

/** As db/practice.ts's attemptCountsByPrompt: how many attempts each prompt has, for prompts with at least one. */
export async function attemptCountsByPrompt(db: PgDb): Promise<Map<string, number>> {
  return await countsByPrompt(db, undefined)
}

/** attemptCountsByPrompt for one account (team mode). */
export async function attemptCountsByPromptOf(db: PgDb, ownerId: string): Promise<Map<string, number>> {
  return await countsByPrompt(db, ownerId)
}
