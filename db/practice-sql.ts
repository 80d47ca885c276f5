// The practice queries' SQL, written once for both dialects: db/practice.ts (SQLite) and db/postgres/practice.ts
// (PostgreSQL) run it on their own tables, with the few words that differ between the dialects.

import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'

/** An area's practice: what practiceByArea answers, in either dialect. */
export interface AreaPractice {
  /** A tag: the id of the rubric that names the area. */
  tag: string
  attempts: number
  /** The best score under the area's own rubric. */
  best: number
  bestAttemptId: number
  /** The band the area's rubric gave that best score. */
  bestBandId: string
  bestBandLabel: string
  /** The best attempt as stored: its prompt, and the rubric, score and time of its own report. */
  bestAttempt: { promptId: string; rubricId: string; score: number; createdAt: number }
  /** Average score under the area's rubric of its most recent `recent` attempts, two decimals. */
  recentAverage: number
  lastPractisedAt: number
}

/** A row of the practice queries, before its best attempt's columns are gathered into `bestAttempt`. */
export type AreaPracticeRow = Omit<AreaPractice, 'bestAttempt'> & {
  bestPromptId: string
  bestRubricId: string
  bestReportScore: number
  bestCreatedAt: number
}

/** What the dialects say differently in these queries. */
export interface PracticeDialect {
  /** The average of integer scores as the answer carries it (SQLite rounds in SQL; PostgreSQL's round differs). */
  average(scores: SQL): SQL
  /** The join: SQLite's CROSS JOIN keeps the written order of the tables, which its plans rely on. */
  join: SQL
  /** Text in bytewise order, as SQLite compares it. */
  bytewise(text: SQL): SQL
}

export const SQLITE_PRACTICE: PracticeDialect = {
  average: (scores) => sql`round(avg(${scores}), 2)`,
  join: sql.raw('CROSS JOIN'),
  bytewise: (text) => text,
}

export const POSTGRES_PRACTICE: PracticeDialect = {
  average: (scores) => sql`avg(${scores}::double precision)`,
  join: sql.raw('JOIN'),
  bytewise: (text) => sql`${text} COLLATE "C"`,
}

interface PracticeTables {
  attempts: SQLWrapper
  attemptAreaScores: SQLWrapper
}

/**
 * Every area with attempts, judged by each attempt's score under the area's own rubric: its count, best attempt
 * (earliest wins a tie), the average of its latest `recent`, its last time; by area. Every figure is an index seek or
 * a range of one area in attempt_area_scores: the distinct areas are found by skipping from one to the next rather
 * than reading every row, and only each area's best attempt is looked up.
 */
export function areaPracticeSql(
  { attempts, attemptAreaScores }: PracticeTables,
  recent: number,
  d: PracticeDialect,
): SQL {
  return sql`
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
      (SELECT ${d.average(sql`r.score`)} FROM (
        SELECT s.score FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area
        ORDER BY s.created_at DESC, s.attempt_id DESC LIMIT ${recent}) r) AS "recentAverage",
      (SELECT max(s.created_at) FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area) AS "lastPractisedAt",
      a.prompt_id AS "bestPromptId",
      a.rubric_id AS "bestRubricId",
      a.score AS "bestReportScore",
      a.created_at AS "bestCreatedAt"
    FROM chosen c
    ${d.join} ${attemptAreaScores} b ON b.attempt_id = c.attempt_id AND b.rubric_id = c.area
    ${d.join} ${attempts} a ON a.id = c.attempt_id
    ORDER BY ${d.bytewise(sql`c.area`)}`
}

/** The same figures from one account's attempts only, found through its owner index and their area scores. */
export function ownerPracticeSql(
  { attempts, attemptAreaScores }: PracticeTables,
  ownerId: string,
  recent: number,
  d: PracticeDialect,
): SQL {
  return sql`
    WITH mine AS (
      SELECT s.rubric_id AS area, s.attempt_id, s.score, s.band_id, s.band_label, s.created_at
      FROM ${attempts} a ${d.join} ${attemptAreaScores} s ON s.attempt_id = a.id
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
      (SELECT ${d.average(sql`r.score`)} FROM ranked r WHERE r.area = b.area AND r.recent_rank <= ${recent})
        AS "recentAverage",
      b.last AS "lastPractisedAt",
      a.prompt_id AS "bestPromptId", a.rubric_id AS "bestRubricId", a.score AS "bestReportScore",
      a.created_at AS "bestCreatedAt"
    FROM ranked b ${d.join} ${attempts} a ON a.id = b.attempt_id
    WHERE b.best_rank = 1
    ORDER BY ${d.bytewise(sql`b.area`)}`
}

/** A row with its best attempt's columns gathered into `bestAttempt`, the other fields in their order. */
export function withBestAttempt({
  bestPromptId,
  bestRubricId,
  bestReportScore,
  bestCreatedAt,
  ...area
}: AreaPracticeRow): AreaPractice {
  return {
    ...area,
    bestAttempt: {
      promptId: bestPromptId,
      rubricId: bestRubricId,
      score: bestReportScore,
      createdAt: bestCreatedAt,
    },
  }
}
