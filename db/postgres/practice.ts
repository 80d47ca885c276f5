// PostgreSQL queries of db/practice.ts: the same functions, on a PgDb, answering promises. No answer is cached here,
// unlike SQLite's: other processes write the same database.

import { eq, sql } from 'drizzle-orm'
import type { AreaPractice } from '../practice'
import { roundLikeSqlite } from './attempt-filters'
import type { PgDb } from './client'
import { attemptAreaScores, attempts } from './schema'

/** A row of the practice queries, before its best attempt's columns are gathered into `bestAttempt`. */
interface AreaPracticeRow {
  tag: string
  attempts: number
  best: number
  bestAttemptId: number
  bestBandId: string
  bestBandLabel: string
  /** The average as a double, rounded in JS as SQLite rounds it. */
  recentAverage: number
  lastPractisedAt: number
  bestPromptId: string
  bestRubricId: string
  bestReportScore: number
  bestCreatedAt: number
}

function areaPractice({
  bestPromptId,
  bestRubricId,
  bestReportScore,
  bestCreatedAt,
  ...area
}: AreaPracticeRow): AreaPractice {
  // The fields in SQLite's order (recentAverage keeps its place), so the two serialize to the same JSON.
  return {
    ...area,
    recentAverage: roundLikeSqlite(area.recentAverage),
    bestAttempt: {
      promptId: bestPromptId,
      rubricId: bestRubricId,
      score: bestReportScore,
      createdAt: bestCreatedAt,
    },
  }
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
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    WITH RECURSIVE areas(area) AS (
      SELECT min(rubric_id) FROM ${attemptAreaScores}
      UNION ALL
      SELECT (SELECT min(s.rubric_id) FROM ${attemptAreaScores} s WHERE s.rubric_id > areas.area)
      FROM areas WHERE areas.area IS NOT NULL
    ),
    best AS (
      SELECT area, (SELECT max(s.score) FROM ${attemptAreaScores} s WHERE s.rubric_id = areas.area) AS best
      FROM areas WHERE area IS NOT NULL
    ),
    chosen AS (
      SELECT area, best,
        (SELECT s.attempt_id FROM ${attemptAreaScores} s WHERE s.rubric_id = best.area AND s.score = best.best
          ORDER BY s.created_at, s.attempt_id LIMIT 1) AS attempt_id
      FROM best
    )
    SELECT c.area AS "tag",
      (SELECT count(*) FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area) AS "attempts",
      c.best AS "best",
      c.attempt_id AS "bestAttemptId",
      b.band_id AS "bestBandId",
      b.band_label AS "bestBandLabel",
      (SELECT avg(r.score::double precision) FROM (
        SELECT s.score FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area
        ORDER BY s.created_at DESC, s.attempt_id DESC LIMIT ${recent}) r) AS "recentAverage",
      (SELECT max(s.created_at) FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area) AS "lastPractisedAt",
      a.prompt_id AS "bestPromptId",
      a.rubric_id AS "bestRubricId",
      a.score AS "bestReportScore",
      a.created_at AS "bestCreatedAt"
    FROM chosen c
    JOIN ${attemptAreaScores} b ON b.attempt_id = c.attempt_id AND b.rubric_id = c.area
    JOIN ${attempts} a ON a.id = c.attempt_id
    ORDER BY c.area COLLATE "C"`)
  return (rows as unknown as AreaPracticeRow[]).map(areaPractice)
}

/** As db/practice.ts's practiceByAreaOf: practiceByArea from one account's attempts only. */
export async function practiceByAreaOf(db: PgDb, ownerId: string, recent = 5): Promise<AreaPractice[]> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    WITH mine AS (
      SELECT s.rubric_id AS area, s.attempt_id, s.score, s.band_id, s.band_label, s.created_at
      FROM ${attempts} a JOIN ${attemptAreaScores} s ON s.attempt_id = a.id
      WHERE a.owner_id = ${ownerId}
    ),
    ranked AS (
      SELECT *,
        row_number() OVER (PARTITION BY area ORDER BY score DESC, created_at, attempt_id) AS best_rank,
        row_number() OVER (PARTITION BY area ORDER BY created_at DESC, attempt_id DESC) AS recent_rank,
        count(*) OVER (PARTITION BY area) AS n,
        max(created_at) OVER (PARTITION BY area) AS last
      FROM mine
    )
    SELECT b.area AS "tag", b.n AS "attempts", b.score AS "best", b.attempt_id AS "bestAttemptId",
      b.band_id AS "bestBandId", b.band_label AS "bestBandLabel",
      (SELECT avg(r.score::double precision) FROM ranked r WHERE r.area = b.area AND r.recent_rank <= ${recent})
        AS "recentAverage",
      b.last AS "lastPractisedAt",
      a.prompt_id AS "bestPromptId", a.rubric_id AS "bestRubricId", a.score AS "bestReportScore",
      a.created_at AS "bestCreatedAt"
    FROM ranked b JOIN ${attempts} a ON a.id = b.attempt_id
    WHERE b.best_rank = 1
    ORDER BY b.area COLLATE "C"`)
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
