// The main thread's side of rubric-worker.ts: sends it a folder to compile, and gives up on a file that takes
// too long to parse, naming it.

import { Worker } from 'node:worker_threads'
import type { Rubric } from '../engine/index'
import type { RubricFolder } from './rubric-files'
import type { CompiledFolder } from './rubric-set'
import type { WorkerJob, WorkerMessage } from './rubric-worker'

/** A file whose parse took longer than allowed; the worker was stopped. */
export class ParseTimeout extends Error {
  constructor(readonly file: string | undefined) {
    super(file === undefined ? 'Compiling rubrics took too long' : `Parsing ${file} took too long`)
  }
}

// The worker is TypeScript: it registers the same loader as the server (tsx) before importing it.
const WORKER_URL = new URL('./rubric-worker.ts', import.meta.url).href
const BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`

interface Pending {
  resolve(result: CompiledFolder): void
  reject(err: Error): void
}

export class RubricThread {
  private worker: Worker | undefined
  private pending: Pending | undefined
  private timer: NodeJS.Timeout | undefined
  private parsing: string | undefined
  private ready = false

  /** `timeoutMs`: the longest one file may take to parse (and the worker to start). */
  constructor(private readonly timeoutMs: number) {}

  /** Compiles `read` in the worker. Rejects with ParseTimeout when one file takes longer than allowed. */
  compile(read: RubricFolder, previous: readonly Rubric[]): Promise<CompiledFolder> {
    if (this.pending !== undefined) return Promise.reject(new Error('A compile is already running'))
    const worker = this.start()
    return new Promise<CompiledFolder>((resolve, reject) => {
      this.pending = { resolve, reject }
      this.parsing = undefined
      this.arm()
      const job: WorkerJob = { read, previous: [...previous] }
      worker.postMessage(job)
    })
  }

  private start(): Worker {
    if (this.worker !== undefined) return this.worker
    const worker = new Worker(BOOTSTRAP, { eval: true })
    worker.unref()
    // A worker stopped for taking too long may still report; only the current one is listened to.
    worker.on('message', (m: WorkerMessage) => {
      if (this.worker === worker) this.onMessage(m)
    })
    worker.on('error', (err) => {
      if (this.worker === worker) this.fail(err)
    })
    worker.on('exit', (code) => {
      if (this.worker !== worker) return
      this.worker = undefined
      this.fail(new Error(`The rubric worker stopped (exit code ${code})`))
    })
    this.worker = worker
    this.ready = false
    return worker
  }

  private onMessage(m: WorkerMessage): void {
    if ('ready' in m) {
      this.ready = true
      this.arm()
    } else if ('parsing' in m) {
      this.parsing = m.parsing
      this.arm()
    } else if ('result' in m) this.settle()?.resolve(m.result)
    else this.settle()?.reject(new Error(m.failed))
  }

  /** (Re)starts the clock: each file gets `timeoutMs`; starting the worker gets a few times that. */
  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    if (this.pending === undefined) return
    const ms = this.ready ? this.timeoutMs : Math.max(this.timeoutMs * 3, 30_000)
    this.timer = setTimeout(() => {
      const file = this.ready ? this.parsing : undefined
      void this.close()
      this.settle()?.reject(new ParseTimeout(file))
    }, ms)
    this.timer.unref()
  }

  private settle(): Pending | undefined {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    const p = this.pending
    this.pending = undefined
    return p
  }

  private fail(err: Error): void {
    this.settle()?.reject(err)
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.ready = false
    if (worker !== undefined) await worker.terminate()
  }
}
