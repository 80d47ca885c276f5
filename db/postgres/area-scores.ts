// PostgreSQL queries of db/area-scores.ts: the back-fill of per-area scores, on a PgDb, answering promises. The
// per-area rows written with each attempt are in attempt-rows.ts.

import { asc, sql } from 'drizzle-orm'
import type { AreaCriterion, AreaScore, AttemptToBackfill } from '../area-scores'
import { type AreaRows, areaRows, idArray, insertAreaRows } from './attempt-rows'
import type { PgDb } from './client'
import { areaScoreBackfill, attemptCriteria, attemptTags } from './schema'

/** Whether any attempt waits for its per-area scores: cheaper than counting them. */
export async function areaScoreBackfillQueued(db: PgDb): Promise<boolean> {
  const result = await db.execute<{ queued: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM area_score_backfill) AS queued`,
  )
  return result.rows[0]?.queued === true
}

/** How many attempts still wait for their per-area scores and criteria. */
export async function pendingAreaScoreBackfill(db: PgDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(areaScoreBackfill)
  return row?.n ?? 0
}

type BatchRow = {
  id: number
  promptId: string
  answer: string
  rubricId: string
  score: number
  bandId: string
  bandLabel: string
  createdAt: number
}

/**
 * Scores the next `size` queued attempts with `scoreAttempt` and stores their per-area scores, taking them off
 * the queue, in one transaction: a batch is stored whole or not at all. Returns how many attempts the batch held;
 * 0 when the queue is empty. The batch's queue rows are locked, and rows another process is back-filling at the
 * same moment are skipped (it takes them off the queue, or leaves them for the next start if it fails), so
 * processes starting together share the queue instead of scoring the same attempts. `scoreAttempt` runs inside
 * the transaction.
 */
export async function backfillAreaScores(
  db: PgDb,
  scoreAttempt: (attempt: AttemptToBackfill) => readonly AreaScore[],
  size = 100,
): Promise<number> {
  return await db.transaction(async (tx) => {
    const batch = await tx.execute<BatchRow>(sql`
      SELECT a.id, a.prompt_id AS "promptId", a.answer, a.rubric_id AS "rubricId", a.score, a.band_id AS "bandId",
        a.band_label AS "bandLabel", a.created_at AS "createdAt"
      FROM area_score_backfill q JOIN attempts a ON a.id = q.attempt_id
      ORDER BY q.attempt_id LIMIT ${size}
      FOR UPDATE OF q SKIP LOCKED`)
    const rows = batch.rows
    if (rows.length === 0) return 0
    const ids = rows.map((r) => r.id)
    const tags = new Map<number, string[]>()
    for (const t of await tx
      .select({ attemptId: attemptTags.attemptId, tag: attemptTags.tag })
      .from(attemptTags)
      .where(sql`${attemptTags.attemptId} = ANY(${idArray(ids)})`)
      .orderBy(asc(attemptTags.attemptId), sql`${attemptTags.tag} COLLATE "C"`)) {
      tags.set(t.attemptId, [...(tags.get(t.attemptId) ?? []), t.tag])
    }
    const criteria = new Map<number, AreaCriterion[]>()
    for (const c of await tx
      .select({
        attemptId: attemptCriteria.attemptId,
        id: attemptCriteria.criterionId,
        score: attemptCriteria.score,
        max: attemptCriteria.max,
        status: attemptCriteria.status,
      })
      .from(attemptCriteria)
      .where(sql`${attemptCriteria.attemptId} = ANY(${idArray(ids)})`)
      .orderBy(asc(attemptCriteria.attemptId), sql`${attemptCriteria.criterionId} COLLATE "C"`)) {
      const { attemptId, ...criterion } = c
      criteria.set(attemptId, [...(criteria.get(attemptId) ?? []), criterion])
    }
    const written: AreaRows = { areas: [], criteria: [] }
    for (const row of rows) {
      const { bandId, bandLabel, createdAt, ...rest } = row
      const scores = scoreAttempt({
        ...rest,
        tags: tags.get(row.id) ?? [],
        band: { id: bandId, label: bandLabel },
        criteria: criteria.get(row.id) ?? [],
      })
      const area = areaRows(row.id, scores, Number(createdAt))
      written.areas.push(...area.areas)
      written.criteria.push(...area.criteria)
    }
    // An attempt still queued was not re-scored since the queue was filled (a re-score takes it off the queue):
    // the rows computed now replace what it had for the same area. An area whose rubric is not in service keeps
    // its row, as the attempt cannot be scored there now.
    if (written.areas.length > 0) {
      await tx.execute(sql`
        DELETE FROM attempt_area_criteria c
        USING unnest(${idArray(written.areas.map((a) => a.attemptId))},
          ${sql.param(written.areas.map((a) => a.rubricId))}::text[]) AS u(attempt_id, rubric_id)
        WHERE c.attempt_id = u.attempt_id AND c.rubric_id = u.rubric_id`)
    }
    await insertAreaRows(tx, written, true)
    await tx.delete(areaScoreBackfill).where(sql`${areaScoreBackfill.attemptId} = ANY(${idArray(ids)})`)
    return rows.length
  })
}
