// Worker thread: scores long answers off the main thread. Keeps the rubrics it was sent by id and hash, so a
// rubric crosses the thread boundary once, not with every answer.

import { parentPort } from 'node:worker_threads'
import type { AreaScore, StorableReport } from '../db/index'
import { analyzeFollowUps, type FollowUpText, scoreFollowUpAnalysis } from '../engine/index'
import { areaScoresOf, storableReport } from './area-scoring'
import { type RubricRef, rubricsByKey } from './thread-jobs'

export interface ScoreJob {
  id: number
  answer: string
  /** Follow-up answers scored with the answer (empty for an answer on its own), each placed as followUpTexts says. */
  followUps: FollowUpText[]
  rubric: RubricRef
  /** The prompt's tags, and the rubrics of the areas among them (for per-area scores from the same analysis). */
  tags: string[]
  areas: RubricRef[]
}

/**
 * The report as JSON: one string crosses the thread boundary, not an object graph of thousands of sentences; with
 * the few fields the database indexes, so storing it needs no parse.
 */
export type ScoreReply =
  | { id: number; json: string; stored: StorableReport; areaScores: AreaScore[] }
  | { id: number; failed: string }

const port = parentPort
if (port === null) throw new Error('score-worker.ts runs as a worker thread')

const known = rubricsByKey()

port.on('message', (job: ScoreJob) => {
  try {
    const rubric = known(job.rubric)
    const byId = new Map(job.areas.map((a) => [known(a).id, known(a)]))
    const analysis = analyzeFollowUps(job.answer, job.followUps)
    const report = scoreFollowUpAnalysis(analysis, rubric)
    const areaScores = areaScoresOf(
      (r) => scoreFollowUpAnalysis(analysis, r),
      report,
      job.tags,
      (id) => byId.get(id),
    )
    port.postMessage({
      id: job.id,
      json: JSON.stringify(report),
      stored: storableReport(report),
      areaScores,
    } satisfies ScoreReply)
  } catch (err) {
    port.postMessage({ id: job.id, failed: (err as Error).message ?? String(err) } satisfies ScoreReply)
  }
})
