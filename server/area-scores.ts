// An answer's score under the rubric of each area its prompt trains, so coverage judges it by that area's rubric;
// and the one-time back-fill of attempts stored before these scores were kept.

import type { FastifyBaseLogger } from 'fastify'
import type { AreaScore, AttemptToBackfill } from '../db/index'
import type { Store } from '../db/store'
import { type Analysis, analyze, type Rubric, scoreAnalysis } from '../engine/index'
import { areaScoresOf } from './area-scoring'

/** Per-area results of a stored attempt in the queue: its own report's for its rubric, the rest computed now. */
function backfilledAreaScores(
  attempt: AttemptToBackfill,
  rubricFor: (id: string) => Rubric | undefined,
): AreaScore[] {
  let analysis: Analysis | undefined
  const scoreUnder = (rubric: Rubric) => {
    analysis ??= analyze(attempt.answer)
    return scoreAnalysis(analysis, rubric)
  }
  return areaScoresOf(scoreUnder, attempt, attempt.tags, rubricFor)
}

/**
 * Attempts scored per transaction by the back-fill. Small, so each batch holds the write lock and the event loop
 * for a few tens of milliseconds at most: requests are answered between batches.
 */
const BACKFILL_BATCH = 20

/** The background back-fill of a running server (see `areaScoreBackfill`). */
export interface AreaScoreBackfill {
  /**
   * Starts scoring the queue in the background, if not started yet; the promise settles with how many attempts
   * were scored when the queue is empty or the back-fill was stopped. Calling it again returns the same promise.
   */
  start(): Promise<number>
  /** Stops after the batch in progress (a batch is one transaction, so nothing is left half-written). */
  stop(): Promise<void>
}

/**
 * The back-fill of attempts stored before per-area scores and criteria existed (queued by migrations 0006 and
 * 0008): in batches of IMMEDIATE transactions, each taking its attempts off the queue, with a turn of the event
 * loop between batches so the server keeps answering. Stopped or interrupted, it resumes at the next start where
 * it stopped; a queue emptied once stays empty, so later starts do nothing. Until it finishes, areas other than an
 * attempt's own prompt's count it only once it is scored (health says so: `area-scores-backfilling`).
 */
export function areaScoreBackfill(
  store: Pick<Store, 'pendingAreaScoreBackfill' | 'backfillAreaScores'>,
  rubricFor: (id: string) => Rubric | undefined,
  log?: Pick<FastifyBaseLogger, 'info' | 'error'>,
): AreaScoreBackfill {
  let run: Promise<number> | undefined
  let stopped = false
  const loop = async (): Promise<number> => {
    // Let the caller finish what it is doing (listening) before the first batch.
    await new Promise((resolve) => setImmediate(resolve))
    const pending = await store.pendingAreaScoreBackfill()
    if (pending === 0 || stopped) return 0
    log?.info(
      `Scoring ${pending} earlier attempts under the rubric of each area they train, in the background`,
    )
    let done = 0
    while (!stopped) {
      const n = await store.backfillAreaScores(
        (attempt) => backfilledAreaScores(attempt, rubricFor),
        BACKFILL_BATCH,
      )
      if (n === 0) break
      done += n
      await new Promise((resolve) => setImmediate(resolve))
    }
    log?.info(
      stopped
        ? `Stopped scoring earlier attempts by area after ${done}; the rest resume at the next start`
        : `Scored ${done} earlier attempts by area`,
    )
    return done
  }
  return {
    start() {
      run ??= loop().catch((err: unknown) => {
        // A failed batch rolled back and stays queued for the next start; the server goes on without it.
        log?.error({ err }, 'Scoring earlier attempts by area failed; it resumes at the next start')
        return 0
      })
      return run
    },
    async stop() {
      stopped = true
      await run
    },
  }
}
