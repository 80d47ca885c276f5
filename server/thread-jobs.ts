// What the scoring and story queues share: a worker thread that runs jobs naming rubrics (each rubric crosses the
// thread boundary once, then is named by its key), and a queue that runs short jobs on this thread, one per turn
// of the event loop, so that many at once never add up into one long block.

import { Worker } from 'node:worker_threads'
import type { Rubric } from '../engine/index'

/** A rubric by key (id, hash and file); the rubric itself only when the worker has not seen the key yet. */
export interface RubricRef {
  key: string
  rubric?: Rubric
}

/** A worker's side of RubricRef: the rubrics it was sent, by key. */
export function rubricsByKey(): (ref: RubricRef) => Rubric {
  const known = new Map<string, Rubric>()
  return (ref) => {
    if (ref.rubric !== undefined) known.set(ref.key, ref.rubric)
    const rubric = known.get(ref.key)
    if (rubric === undefined) throw new Error(`Rubric ${ref.key} was never sent`)
    return rubric
  }
}

interface Pending<T> {
  resolve(value: T): void
  reject(err: Error): void
}

/** Every reply names its job; a failed job says why. */
type Reply = { id: number } & object

/**
 * One worker thread, started when first needed and again after it stops (the jobs it held fail). `file` is a
 * TypeScript worker module: it registers the same loader as the server (tsx) before importing it.
 */
export class RubricThread<R extends Reply, T> {
  private worker: Worker | undefined
  private sent = new Set<string>()
  private pending = new Map<number, Pending<T>>()
  private next = 1

  constructor(
    private readonly file: URL,
    /** The worker's name in the error when it stops, e.g. "scoring worker". */
    private readonly name: string,
    /** The job's result from its reply, or the Error a failed job reports. */
    private readonly read: (reply: R) => T | Error,
  ) {}

  /** Jobs sent and not yet answered. */
  get waiting(): number {
    return this.pending.size
  }

  /** Sends the job `build` makes from a fresh id, naming each rubric through `ref`. */
  run(build: (id: number, ref: (rubric: Rubric) => RubricRef) => { id: number }): Promise<T> {
    const worker = this.start()
    const job = build(this.next++, (rubric) => this.ref(rubric))
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject })
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
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(this.file.href)}) })`
    const worker = new Worker(bootstrap, { eval: true })
    worker.unref()
    worker.on('message', (m: R) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (this.pending.size === 0) worker.unref()
      const out = this.read(m)
      if (out instanceof Error) p?.reject(out)
      else p?.resolve(out)
    })
    const fail = (err: Error) => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.sent.clear()
      for (const p of this.pending.values()) p.reject(err)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`The ${this.name} stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }
}

/** Jobs run on this thread, one per turn of the event loop: other requests are read and answered between two. */
export class TurnQueue {
  private jobs: (() => void)[] = []
  private scheduled = false

  /** Jobs waiting. */
  get length(): number {
    return this.jobs.length
  }

  /** `work`'s result, computed in a later turn. */
  push<T>(work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(work())
        } catch (err) {
          reject(err as Error)
        }
      })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // After this turn's I/O.
    setImmediate(() => this.runOne())
  }

  private runOne(): void {
    this.scheduled = false
    this.jobs.shift()?.()
    if (this.jobs.length > 0) this.schedule()
  }
}
