// Background checkpoints: the WAL reaches the database file from another thread, and the WAL file stays bounded.

import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { FALLBACK_CHECKPOINT_PAGES } from '../../db/checkpoint'
import {
  closeDb,
  createDb,
  type Db,
  insertAttempts,
  type NewAttempt,
  startCheckpointer,
} from '../../db/index'
import { MON, openTempDb, removeTempDb, report } from './helpers'

let opened: { dir: string; db: Db } | undefined
afterEach(() => {
  if (opened !== undefined) removeTempDb(opened.dir, opened.db)
  opened = undefined
})

/** Attempts with a report of about 8 KB each, as real reports are: a few pages apiece. */
function attempts(count: number): NewAttempt[] {
  const r = { ...report(70), notes: 'x'.repeat(8000) }
  return Array.from({ length: count }, (_, i) => ({
    promptId: 'ownership-outside-scope',
    answer: `answer ${i}`,
    tags: ['ownership'],
    report: r,
    createdAt: MON + i,
  }))
}

async function waitFor(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

describe('startCheckpointer', () => {
  test('copies committed pages into the database file while the writer does not checkpoint', async () => {
    opened = openTempDb()
    const { db } = opened
    const file = join(opened.dir, 'nested', 'starboard.db')
    const checkpointer = startCheckpointer(db)
    try {
      expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_CHECKPOINT_PAGES)
      const before = statSync(file).size
      // About 300 pages: well below the point at which the writing connection would checkpoint by itself.
      insertAttempts(db, attempts(100))
      expect(await waitFor(() => statSync(file).size > before + 100 * 8000)).toBe(true)
    } finally {
      await checkpointer.stop()
    }
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    // Stopped first, the worker's connection is closed: closing this one, the last, removes the WAL.
    closeDb(db)
    expect(existsSync(`${file}-wal`)).toBe(false)
    expect(createDb(file).$client.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(100)
  })

  test('the WAL starts again from its beginning under steady writes: its file stays bounded', async () => {
    opened = openTempDb()
    const { db } = opened
    const wal = join(opened.dir, 'nested', 'starboard.db-wal')
    const checkpointer = startCheckpointer(db)
    let largest = 0
    try {
      // About 10,000 pages (40 MB) written as a busy server writes them: commits of three attempts, each in its own
      // turn of the event loop, and between some of them a pause.
      for (let i = 0; i < 1000; i++) {
        insertAttempts(db, attempts(3))
        largest = Math.max(largest, statSync(wal).size)
        await new Promise((resolve) => (i % 4 === 0 ? setTimeout(resolve, 1) : setImmediate(resolve)))
      }
    } finally {
      await checkpointer.stop()
    }
    expect(db.$client.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(3000)
    // About 40 MB were written. Left to PASSIVE checkpoints alone, the WAL never starts again and its file holds
    // all of it; here it starts again every few MB, and the file keeps at most the size it reached before.
    expect(largest).toBeLessThan(32 * 1024 * 1024)
  })

  test('an in-memory database has no WAL: nothing to start, and stopping is immediate', async () => {
    const db = createDb(':memory:')
    try {
      await startCheckpointer(db).stop()
      expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    } finally {
      closeDb(db)
    }
  })
})
