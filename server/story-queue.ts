// Fitting stories for requests without holding the event loop: one story is scored under every area rubric (about
// 28 rubrics of checks over one analysis), so a short story is fitted on this thread, one per turn of the event
// loop, and a longer one on a worker thread, as long answers are (see score-queue.ts).

import { Worker } from 'node:worker_threads'
import { type Rubric, type StoryFit, storyFit } from '../engine/index'
import type { StoryJob, StoryReply, StoryRubricRef } from './story-worker'

/** Stories longer than this (in UTF-16 units) are fitted on the worker thread: a few milliseconds of work here. */
const LONG_STORY = 1_000

const WORKER_URL = new URL('./story-worker.ts', import.meta.url).href
const BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`

interface Pending {
  resolve(fit: StoryFit[]): void
  reject(err: Error): void
}

class StoryWorker {
  private worker: Worker | undefined
  private sent = new Set<string>()
  private pending = new Map<number, Pending>()
  private next = 1

  fit(text: string, rubrics: readonly Rubric[]): Promise<StoryFit[]> {
    const worker = this.start()
    const id = this.next++
    const job: StoryJob = { id, text, rubrics: rubrics.map((r) => this.ref(r)) }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.ref()
      worker.postMessage(job)
    })
  }

  private ref(rubric: Rubric): StoryRubricRef {
    const key = `${rubric.id}@${rubric.hash}@${rubric.file}`
    if (this.sent.has(key)) return { key }
    this.sent.add(key)
    return { key, rubric }
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker
    const worker = new Worker(BOOTSTRAP, { eval: true })
    worker.unref()
    worker.on('message', (m: StoryReply) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (this.pending.size === 0) worker.unref()
      if ('fit' in m) p?.resolve(m.fit)
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
    worker.on('exit', (code) => fail(new Error(`The story worker stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }
}

const worker = new StoryWorker()

interface Job extends Pending {
  text: string
  rubrics: readonly Rubric[]
}

const queue: Job[] = []
let scheduled = false

function runOne(): void {
  scheduled = false
  const job = queue.shift()
  if (job === undefined) return
  try {
    job.resolve(storyFit(job.text, job.rubrics))
  } catch (err) {
    job.reject(err as Error)
  }
  if (queue.length > 0) schedule()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  setImmediate(runOne)
}

/**
 * The story's fit with every area rubric among `rubrics` (pass every rubric in service: the areas' parents tell
 * which criteria are their own), without holding the event loop.
 */
export function fitSoon(text: string, rubrics: readonly Rubric[]): Promise<StoryFit[]> {
  if (text.length > LONG_STORY) return worker.fit(text, rubrics)
  return new Promise((resolve, reject) => {
    queue.push({ text, rubrics, resolve, reject })
    schedule()
  })
}
