// Group commit: attempts stored in the same turn of the event loop are written together, in one transaction.

import { insertAttempt, insertAttempts, type NewAttempt } from './attempts'
import type { Db } from './client'

interface Waiting {
  attempt: NewAttempt
  resolve(id: number): void
  reject(err: unknown): void
}

/** The attempts waiting for the next commit, per database. */
const waiting = new WeakMap<Db, Waiting[]>()

/**
 * Stores an attempt as `insertAttempt` does, together with every other attempt stored before the next turn of the
 * event loop (requests whose scoring finished meanwhile): one IMMEDIATE transaction for all of them, so the pages
 * they share (index leaves, the trend rollup) are written and committed once instead of once per attempt. Each
 * promise settles only after the commit that holds its attempt. When the group's transaction fails, nothing of it
 * was stored, and each attempt is tried again alone: a row that cannot be written fails its own request only.
 */
export function storeAttempt(db: Db, attempt: NewAttempt): Promise<number> {
  return new Promise((resolve, reject) => {
    let group = waiting.get(db)
    if (group === undefined) {
      group = []
      waiting.set(db, group)
      // After this turn's I/O: replies from the scoring worker and other requests' scores land in the same group.
      setImmediate(() => commitGroup(db))
    }
    group.push({ attempt, resolve, reject })
  })
}

function commitGroup(db: Db): void {
  const group = waiting.get(db) ?? []
  waiting.delete(db)
  if (group.length === 1) {
    const [only] = group as [Waiting]
    settle(only, () => insertAttempt(db, only.attempt))
    return
  }
  let ids: number[]
  try {
    ids = insertAttempts(
      db,
      group.map((w) => w.attempt),
    )
  } catch {
    // Rolled back as a whole: each alone, so a neighbour's failure does not become this one's.
    for (const w of group) settle(w, () => insertAttempt(db, w.attempt))
    return
  }
  group.forEach((w, i) => {
    w.resolve(ids[i]!)
  })
}

function settle(w: Waiting, store: () => number): void {
  let id: number
  try {
    id = store()
  } catch (err) {
    w.reject(err)
    return
  }
  w.resolve(id)
}
