// Practice per area and per prompt: how often, how well and how recently each was practised.

import { sql } from 'drizzle-orm'
import { cachedAggregate } from './cache'
import type { Db } from './client'
import { attemptAreaScores, attempts } from './schema'

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

type AreaPracticeRow = Omit<AreaPractice, 'bestAttempt'> & {
  bestPromptId: string
  bestRubricId: string
  bestReportScore: number
  bestCreatedAt: number
}

/**
 * For every area (tag) that has attempts, judged by each attempt's score under the area's own rubric
 * (attempt_area_scores): how often it was practised, the best attempt so far (earliest wins a tie) and the
 * average of its latest attempts. Areas with no attempts do not appear.
 */
export function practiceByArea(db: Db, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent}`, () => computePracticeByArea(db, recent))
}

function computePracticeByArea(db: Db, recent: number): AreaPractice[] {
  // Every figure is an index seek or a range of one area in attempt_area_scores: the distinct areas are found by
  // skipping from one to the next rather than reading every row; only each area's best attempt is looked up.
  const rows = db.all<AreaPracticeRow>(sql`
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
      (SELECT round(avg(r.score), 2) FROM (
        SELECT s.score FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area
        ORDER BY s.created_at DESC, s.attempt_id DESC LIMIT ${recent}) r) AS "recentAverage",
      (SELECT max(s.created_at) FROM ${attemptAreaScores} s WHERE s.rubric_id = c.area) AS "lastPractisedAt",
      a.prompt_id AS "bestPromptId",
      a.rubric_id AS "bestRubricId",
      a.score AS "bestReportScore",
      a.created_at AS "bestCreatedAt"
    FROM chosen c
    CROSS JOIN ${attemptAreaScores} b ON b.attempt_id = c.attempt_id AND b.rubric_id = c.area
    CROSS JOIN ${attempts} a ON a.id = c.attempt_id
    ORDER BY c.area`)
  return rows.map(({ bestPromptId, bestRubricId, bestReportScore, bestCreatedAt, ...area }) => ({
    ...area,
    bestAttempt: {
      promptId: bestPromptId,
      rubricId: bestRubricId,
      score: bestReportScore,
      createdAt: bestCreatedAt,
    },
  }))
}

/** How many attempts each prompt has, for prompts with at least one. */
export function attemptCountsByPrompt(db: Db): Map<string, number> {
  const rows = db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .groupBy(attempts.promptId)
    .all()
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}

/**
 * practiceByArea for one account (team mode): the same figures from that account's attempts only, found through
 * its owner index and each attempt's area scores.
 */
export function practiceByAreaOf(db: Db, ownerId: string, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent} ${ownerId}`, () => {
    const rows = db.all<AreaPracticeRow>(sql`
      WITH mine AS (
        SELECT s.rubric_id AS area, s.attempt_id, s.score, s.band_id, s.band_label, s.created_at
        FROM ${attempts} a CROSS JOIN ${attemptAreaScores} s ON s.attempt_id = a.id
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
        (SELECT round(avg(r.score), 2) FROM ranked r WHERE r.area = b.area AND r.recent_rank <= ${recent})
          AS "recentAverage",
        b.last AS "lastPractisedAt",
        a.prompt_id AS "bestPromptId", a.rubric_id AS "bestRubricId", a.score AS "bestReportScore",
        a.created_at AS "bestCreatedAt"
      FROM ranked b CROSS JOIN ${attempts} a ON a.id = b.attempt_id
      WHERE b.best_rank = 1
      ORDER BY b.area`)
    return rows.map(({ bestPromptId, bestRubricId, bestReportScore, bestCreatedAt, ...area }) => ({
      ...area,
      bestAttempt: {
        promptId: bestPromptId,
        rubricId: bestRubricId,
        score: bestReportScore,
        createdAt: bestCreatedAt,
      },
    }))
  })
}

/** attemptCountsByPrompt for one account (team mode). */
export function attemptCountsByPromptOf(db: Db, ownerId: string): Map<string, number> {
  const rows = db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .where(sql`${attempts.ownerId} = ${ownerId}`)
    .groupBy(attempts.promptId)
    .all()
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}
