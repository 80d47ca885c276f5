// Scoring for requests, never holding the event loop for long. Scoring is synchronous: a short answer is scored
// on this thread, one per turn of the event loop (so many at once never add up into one long block); a long
// answer, which can take tens of milliseconds, is scored on a worker thread. Under load, when short answers are
// already waiting here, the worker takes its share of them too, so the two threads score side by side.

import { Worker } from 'node:worker_threads'
import type { AreaScore } from '../db/index'
import { analyze, type Rubric, type ScoreReport, scoreAnalysis } from '../engine/index'
import { areaScoresOf } from './area-scoring'
import type { RubricRef, ScoreJob, ScoreReply } from './score-worker'

/** Answers longer than this (in UTF-16 units) are scored on the worker thread. */
const LONG_ANSWER = 4_000

// The worker is TypeScript: it registers the same loader as the server (tsx) before importing it.
const WORKER_URL = new URL('./score-worker.ts', import.meta.url).href
const BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`

/** A report as JSON (to store or to send without serializing it again), and as an object when asked for. */
export interface Scored {
  json: string
  report(): ScoreReport
  /** The answer's score under the rubric of each area among the tags asked for. */
  areaScores: AreaScore[]
}

function scored(json: string, areaScores: AreaScore[], report?: ScoreReport): Scored {
  let parsed = report
  return { json, areaScores, report: () => (parsed ??= JSON.parse(json) as ScoreReport) }
}

/** The prompt's tags, and where their rubrics are found, for per-area scores. */
export interface Areas {
  tags: readonly string[]
  rubricFor(id: string): Rubric | undefined
}

const NO_AREAS: Areas = { tags: [], rubricFor: () => undefined }

interface Pending {
  resolve(scored: Scored): void
  reject(err: Error): void
}

class ScoreWorker {
  private worker: Worker | undefined
  private sent = new Set<string>()
  private pending = new Map<number, Pending>()
  private next = 1

  /** Answers sent and not yet scored. */
  get waiting(): number {
    return this.pending.size
  }

  score(answer: string, rubric: Rubric, areas: Areas): Promise<Scored> {
    const worker = this.start()
    const id = this.next++
    const areaRubrics = [...new Set(areas.tags)]
      .map((tag) => areas.rubricFor(tag))
      .filter((r): r is Rubric => r !== undefined)
    const job: ScoreJob = {
      id,
      answer,
      rubric: this.ref(rubric),
      tags: [...areas.tags],
      areas: areaRubrics.map((r) => this.ref(r)),
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage(job)
    })
  }

  private ref(rubric: Rubric): RubricRef {
    const key = `${rubric.id}@${rubric.hash}@${rubric.file}`
    if (this.sent.has(key)) return { key }
    this.sent.add(key)
    return { key, rubric }
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker
    const worker = new Worker(BOOTSTRAP, { eval: true })
    worker.unref()
    worker.on('message', (m: ScoreReply) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (this.pending.size === 0) worker.unref()
      if ('json' in m) p?.resolve(scored(m.json, m.areaScores))
      else p?.reject(new Error(m.failed))
    })
    const fail = (err: Error) => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.sent.clear()
      for (const p of this.pending.values()) p.reject(err)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`The scoring worker stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }
}

const worker = new ScoreWorker()

interface Job extends Pending {
  answer: string
  rubric: Rubric
  areas: Areas
}

const queue: Job[] = []
let scheduled = false

function runOne(): void {
  scheduled = false
  const job = queue.shift()
  if (job === undefined) return
  try {
    const analysis = analyze(job.answer)
    const report = scoreAnalysis(analysis, job.rubric)
    const areaScores = areaScoresOf(() => analysis, report, job.areas.tags, job.areas.rubricFor)
    job.resolve(scored(JSON.stringify(report), areaScores, report))
  } catch (err) {
    job.reject(err as Error)
  }
  if (queue.length > 0) schedule()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  // After this turn's I/O: other requests are read and answered between two scores.
  setImmediate(runOne)
}

/**
 * A short answer goes to the worker as well when answers are already waiting on this thread and the worker has
 * no more waiting than this thread: under load both threads score (and this one keeps its time for reading
 * requests and writing), while a lone request is still scored here without crossing to another thread.
 */
function shareWithWorker(): boolean {
  return queue.length > 0 && worker.waiting <= queue.length
}

/**
 * Scores `answer` with `rubric` without holding the event loop: short ones in a later turn, long ones on a worker,
 * and short ones shared with the worker while others wait. Either thread gives the same report.
 */
export function scoreSoon(answer: string, rubric: Rubric, areas: Areas = NO_AREAS): Promise<Scored> {
  if (answer.length > LONG_ANSWER || shareWithWorker()) return worker.score(answer, rubric, areas)
  return new Promise((resolve, reject) => {
    queue.push({ answer, rubric, areas, resolve, reject })
    schedule()
  })
}
