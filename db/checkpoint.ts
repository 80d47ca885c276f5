// Checkpoints off the main thread: a worker thread with its own connection copies the WAL into the database file,
// so the request thread does not stop to write and sync the database file every thousand pages.

import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { type Db, openedFile } from './client'

/**
 * WAL frames (pages) after which the committing connection checkpoints by itself, as SQLite does by default after
 * 1,000: only when the background checkpoints fall behind (or have stopped), so the WAL stays bounded at about
 * this many pages (16 MB at 4 KB a page).
 */
export const FALLBACK_CHECKPOINT_PAGES = 4000

/** How often the worker checkpoints: a PASSIVE checkpoint of nothing new costs a few microseconds. */
const INTERVAL_MS = 50

/**
 * WAL frames beyond which the writing connection makes the WAL start again. Under steady writes a PASSIVE checkpoint
 * may never catch up with the writer, and the WAL only starts again from its beginning once every frame is copied.
 */
const RESTART_AFTER_PAGES = 1000

/**
 * The worker's code, as a CommonJS script: open the file (never create it), then every INTERVAL_MS copy what the WAL
 * holds into the database file without waiting for readers or the writer (PASSIVE). Once every frame is copied, the
 * next transaction starts the WAL again from its beginning. When the WAL holds more than RESTART_AFTER_PAGES frames
 * the worker says so, and the writing connection finishes the job itself (see startCheckpointer). The worker never
 * waits on the writer: while it waited it would hold the checkpoint lock, and no one else could checkpoint. A failed
 * checkpoint (disk full, file gone) is tried at the next tick.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
let db
try {
  db = new Database(workerData.path, { fileMustExist: true, timeout: 0 })
} catch {}
const timer = setInterval(() => {
  try {
    const [passive] = db?.pragma('wal_checkpoint(PASSIVE)') ?? []
    if (passive !== undefined && passive.log > workerData.restartAfter) parentPort.postMessage('restart')
  } catch {}
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  try {
    db?.close()
  } catch {}
  parentPort.close()
})
`

export interface Checkpointer {
  /** Stops the worker and closes its connection; resolves when the thread has exited. */
  stop(): Promise<void>
}

/**
 * Starts checkpointing `db`'s file on a worker thread, and raises the point at which `db`'s own commits
 * checkpoint to FALLBACK_CHECKPOINT_PAGES. An in-memory database has no WAL: nothing is started. Stop it before
 * closing `db`, so that closing `db`, as the file's last connection, checkpoints and removes the WAL.
 */
export function startCheckpointer(db: Db): Checkpointer {
  const file = openedFile(db)
  if (file === undefined) return { stop: async () => {} }
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      path: file.path,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      intervalMs: INTERVAL_MS,
      restartAfter: RESTART_AFTER_PAGES,
    },
  })
  // The timer alone must not keep the process alive.
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  // Without the worker the writing connection checkpoints as before, past the fallback size.
  worker.on('error', () => {})
  // The WAL did not start again: copy the frames the worker has not (between two requests, no transaction is open
  // here), so the next commit starts it from its beginning. It waits for the worker's checkpoint with the busy
  // timeout; a failure (disk full, file gone) leaves it to the next notice or the fallback.
  worker.on('message', () => {
    try {
      if (db.$client.open) db.$client.pragma('wal_checkpoint(RESTART)')
    } catch {}
  })
  db.$client.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`)
  return {
    async stop() {
      worker.postMessage('stop')
      await exited
      if (db.$client.open) db.$client.pragma('wal_autocheckpoint = 1000')
    },
  }
}
