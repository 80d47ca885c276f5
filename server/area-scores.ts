// An answer's score under the rubric of each area its prompt trains, so coverage judges it by that area's rubric;
// and the one-time back-fill of attempts stored before these scores were kept.

import type { FastifyBaseLogger } from 'fastify'
import {
  type AreaScore,
  type AttemptToBackfill,
  backfillAreaScores,
  type Db,
  pendingAreaScoreBackfill,
} from '../db/index'
import { analyze, type Rubric } from '../engine/index'
import { areaScoresOf } from './area-scoring'

/** Per-area scores of a stored attempt that has none yet: its own report's score for its rubric, the rest now. */
function backfilledAreaScores(
  attempt: AttemptToBackfill,
  rubricFor: (id: string) => Rubric | undefined,
): AreaScore[] {
  return areaScoresOf(() => analyze(attempt.answer), attempt, attempt.tags, rubricFor)
}

/** Attempts scored per transaction by the back-fill: each batch holds the write lock for a fraction of a second. */
const BACKFILL_BATCH = 100

/**
 * Gives every attempt stored before per-area scores existed its scores under its areas' rubrics (migration 0006
 * queued them), in batches of IMMEDIATE transactions, yielding to the event loop between batches. Runs to the
 * end of the queue; a queue emptied once stays empty, so later starts do nothing. Returns how many were scored.
 */
export async function backfillPendingAreaScores(
  db: Db,
  rubricFor: (id: string) => Rubric | undefined,
  log?: Pick<FastifyBaseLogger, 'info'>,
): Promise<number> {
  const pending = pendingAreaScoreBackfill(db)
  if (pending === 0) return 0
  log?.info(`Scoring ${pending} earlier attempts under the rubric of each area they train`)
  let done = 0
  for (;;) {
    const n = backfillAreaScores(db, (attempt) => backfilledAreaScores(attempt, rubricFor), BACKFILL_BATCH)
    if (n === 0) break
    done += n
    await new Promise((resolve) => setImmediate(resolve))
  }
  log?.info(`Scored ${done} earlier attempts by area`)
  return done
}
