// Worker thread: scores long answers off the main thread. Keeps the rubrics it was sent by id and hash, so a
// rubric crosses the thread boundary once, not with every answer.

import { parentPort } from 'node:worker_threads'
import { type Rubric, score } from '../engine/index'

export interface ScoreJob {
  id: number
  answer: string
  rubricKey: string
  /** Sent only when the worker has not seen `rubricKey` yet. */
  rubric?: Rubric
}

/** The report as JSON: one string crosses the thread boundary, not an object graph of thousands of sentences. */
export type ScoreReply = { id: number; json: string } | { id: number; failed: string }

const port = parentPort
if (port === null) throw new Error('score-worker.ts runs as a worker thread')

const rubrics = new Map<string, Rubric>()

port.on('message', (job: ScoreJob) => {
  try {
    if (job.rubric !== undefined) rubrics.set(job.rubricKey, job.rubric)
    const rubric = rubrics.get(job.rubricKey)
    if (rubric === undefined) throw new Error(`Rubric ${job.rubricKey} was never sent`)
    port.postMessage({ id: job.id, json: JSON.stringify(score(job.answer, rubric)) } satisfies ScoreReply)
  } catch (err) {
    port.postMessage({ id: job.id, failed: (err as Error).message ?? String(err) } satisfies ScoreReply)
  }
})
