// Practice per area (tag) and per prompt: how often, how well and how recently each was practised.

import { sql } from 'drizzle-orm'
import { cachedAggregate } from './cache'
import type { Db } from './client'
import { attempts, attemptTags } from './schema'

export interface AreaPractice {
  /** A tag: the id of the rubric that names the area. */
  tag: string
  attempts: number
  best: number
  bestAttemptId: number
  bestBandId: string
  bestBandLabel: string
  /** Average of the area's most recent `recent` attempts, two decimals. */
  recentAverage: number
  lastPractisedAt: number
}

/**
 * For every tag that has attempts: how often it was practised, the best attempt so far (earliest
 * wins a tie) and the average of its latest attempts. Tags with no attempts do not appear.
 */
export function practiceByArea(db: Db, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent}`, () => computePracticeByArea(db, recent))
}

function computePracticeByArea(db: Db, recent: number): AreaPractice[] {
  // Every figure is an index seek or a range of one tag in attempt_tags (score and time are copied there):
  // the distinct tags are found by skipping from one tag to the next rather than reading every row.
  return db.all<AreaPractice>(sql`
    WITH RECURSIVE tags(tag) AS (
      SELECT min(tag) FROM ${attemptTags}
      UNION ALL
      SELECT (SELECT min(t.tag) FROM ${attemptTags} t WHERE t.tag > tags.tag) FROM tags WHERE tags.tag IS NOT NULL
    ),
    best AS (
      SELECT tag, (SELECT max(t.score) FROM ${attemptTags} t WHERE t.tag = tags.tag) AS best
      FROM tags WHERE tag IS NOT NULL
    ),
    chosen AS (
      SELECT tag, best,
        (SELECT t.attempt_id FROM ${attemptTags} t WHERE t.tag = best.tag AND t.score = best.best
          ORDER BY t.created_at, t.attempt_id LIMIT 1) AS attempt_id
      FROM best
    )
    SELECT c.tag,
      (SELECT count(*) FROM ${attemptTags} t WHERE t.tag = c.tag) AS "attempts",
      c.best AS "best",
      c.attempt_id AS "bestAttemptId",
      a.band_id AS "bestBandId",
      a.band_label AS "bestBandLabel",
      (SELECT round(avg(r.score), 2) FROM (
        SELECT t.score FROM ${attemptTags} t WHERE t.tag = c.tag
        ORDER BY t.created_at DESC, t.attempt_id DESC LIMIT ${recent}) r) AS "recentAverage",
      (SELECT max(t.created_at) FROM ${attemptTags} t WHERE t.tag = c.tag) AS "lastPractisedAt"
    FROM chosen c JOIN ${attempts} a ON a.id = c.attempt_id
    ORDER BY c.tag`)
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
