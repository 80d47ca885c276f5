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
import { type Analysis, analyze, type Rubric, type ScoreReport, scoreAnalysis } from '../engine/index'

/**
 * The score of one answer under the rubric of every area in `tags`. The rubric that made `report` gives the
 * report's own score and band, so an attempt's main score and its score for its prompt's area agree; every
 * other rubric scores the same analysis (`analysis` is asked for it once, and only when some rubric needs it).
 * A tag whose rubric is not in service has no score: the answer is not judged by a rubric that cannot be read.
 */
export function areaScoresOf(
  analysis: () => Analysis,
  report: Pick<ScoreReport, 'rubricId' | 'score' | 'band'>,
  tags: readonly string[],
  rubricFor: (id: string) => Rubric | undefined,
): AreaScore[] {
  const scores: AreaScore[] = []
  let read: Analysis | undefined
  for (const tag of new Set(tags)) {
    if (tag === report.rubricId) {
      scores.push({ rubricId: tag, score: report.score, band: report.band })
      continue
    }
    const rubric = rubricFor(tag)
    if (rubric === undefined) continue
    read ??= analysis()
    const { score, band } = scoreAnalysis(read, rubric)
    scores.push({ rubricId: tag, score, band })
  }
  return scores
}

/** Per-area scores of a stored attempt that has none yet: its own report's score for its rubric, the rest now. */
export function backfilledAreaScores(
  attempt: AttemptToBackfill,
  rubricFor: (id: string) => Rubric | undefined,
): AreaScore[] {
  return areaScoresOf(() => analyze(attempt.answer), attempt, attempt.tags, rubricFor)
}

/** Attempts scored per transaction by the back-fill: each batch holds the write lock for a fraction of a second. */
export const BACKFILL_BATCH = 100

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
