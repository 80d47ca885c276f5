// Group commit: attempts stored in the same turn of the event loop are written together, in one transaction.

import type { NewAttempt } from './attempt-model'
import { insertAttempt, insertAttempts } from './attempts'
import type { Db } from './client'

interface Waiting {
  attempt: NewAttempt
  resolve(id: number): void
  reject(err: unknown): void
}

interface Group {
  members: Waiting[]
  /** Characters of answer and report JSON in the group: what its commit writes, roughly. */
  size: number
}

/** The groups waiting to be committed, oldest first, per database; one commit per turn of the event loop. */
const waiting = new WeakMap<Db, Group[]>()

/**
 * A group closes at about this many characters of answers and reports: attempts of long answers (a report of a
 * 20,000-character answer is several hundred KB) then commit over several turns of the event loop, as they would
 * one by one, instead of holding it for one long write.
 */
const GROUP_CHARS = 512 * 1024

/**
 * Stores an attempt as `insertAttempt` does, together with every other attempt stored before the next turn of the
 * event loop (requests whose scoring finished meanwhile): one IMMEDIATE transaction for all of them, so the pages
 * they share (index leaves, the trend rollup) are written and committed once instead of once per attempt. Each
 * promise settles only after the commit that holds its attempt. When the group's transaction fails, nothing of it
 * was stored, and each attempt is tried again alone: a row that cannot be written fails its own request only.
 */
export function storeAttempt(db: Db, attempt: NewAttempt): Promise<number> {
  return new Promise((resolve, reject) => {
    let groups = waiting.get(db)
    if (groups === undefined) {
      groups = []
      waiting.set(db, groups)
      // After this turn's I/O: replies from the scoring worker and other requests' scores land in the same group.
      setImmediate(() => commitNext(db))
    }
    const size = attempt.answer.length + (attempt.reportJson?.length ?? 0)
    let group = groups.at(-1)
    if (group === undefined || (group.members.length > 0 && group.size + size > GROUP_CHARS)) {
      group = { members: [], size: 0 }
      groups.push(group)
    }
    group.members.push({ attempt, resolve, reject })
    group.size += size
  })
}

/** Commits the oldest waiting group; the next one, if any, in the next turn. */
function commitNext(db: Db): void {
  const groups = waiting.get(db) ?? []
  const group = groups.shift()
  if (groups.length === 0) waiting.delete(db)
  else setImmediate(() => commitNext(db))
  if (group !== undefined) commitGroup(db, group.members)
}

function commitGroup(db: Db, group: Waiting[]): void {
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
