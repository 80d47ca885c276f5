// Every write transaction takes the write lock when it begins (IMMEDIATE), so another process committing
// between its read and its write cannot make it fail with SQLITE_BUSY_SNAPSHOT.

import { join } from 'node:path'
import Database, { type Statement } from 'better-sqlite3'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  backfillAreaScores,
  type Db,
  findAttempt,
  insertAttempt,
  insertAttempts,
  listReplacedReports,
  replaceAttemptReport,
} from '../../db/index'
import { MON, openTempDb, removeTempDb, report } from './helpers'

let dir: string
let db: Db
/** Another connection to the same file, as another process would have: it never waits for a lock. */
let other: Database.Database
/** Whether the next statement run inside a transaction should be preceded by the other connection's write. */
let armed: boolean
/** What the other connection's write met, each time. */
let otherWrites: string[]

/** Runs one write function; answers what the other connection's write met before its first statement. */
function racing(write: () => unknown): string[] {
  armed = true
  otherWrites = []
  write()
  return otherWrites
}

beforeEach(() => {
  ;({ dir, db } = openTempDb())
  other = new Database(join(dir, 'nested', 'starboard.db'), { timeout: 0 })
  other.exec('CREATE TABLE probe (x INTEGER)')
  armed = false
  otherWrites = []
  // At the first statement inside a transaction, the other connection tries to commit a write.
  const client = db.$client
  const prepare = client.prepare.bind(client)
  const interleave = () => {
    if (!armed || !client.inTransaction) return
    armed = false
    try {
      other.exec('INSERT INTO probe VALUES (1)')
      otherWrites.push('committed')
    } catch (err) {
      otherWrites.push((err as { code?: string }).code ?? String(err))
    }
  }
  client.prepare = ((text: string) => {
    const statement = prepare(text)
    return new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown
        if (typeof value !== 'function') return value
        if (key === 'run' || key === 'get' || key === 'all' || key === 'iterate') {
          // A write meets the other connection's commit before it runs; a read right after it has read, which
          // is where a deferred transaction's snapshot goes stale.
          return (...args: unknown[]) => {
            if (key === 'run') interleave()
            const result = value.apply(target, args)
            if (key !== 'run') interleave()
            return result
          }
        }
        return value.bind(target)
      },
    }) as Statement
  }) as typeof client.prepare
})

afterEach(() => {
  other.close()
  removeTempDb(dir, db)
})

const attempt = (score: number) => ({
  promptId: 'p',
  answer: `answer ${score}`,
  tags: ['ownership'],
  report: report(score),
  createdAt: MON,
})

test('a re-score holds the write lock from its first read: a commit in between is refused, not fatal', () => {
  const id = insertAttempt(db, attempt(40))
  let replaced: unknown
  const met = racing(() => {
    replaced = replaceAttemptReport(db, id, { report: report(70), tags: ['ownership'], scoredAt: MON + 1 })
  })
  expect(met).toEqual(['SQLITE_BUSY'])
  expect(replaced).toMatchObject({ score: 40 })
  expect(findAttempt(db, id)?.score).toBe(70)
  expect(listReplacedReports(db, id).map((r) => r.score)).toEqual([40])
  // Once the transaction has committed, the other connection writes as usual.
  other.exec('INSERT INTO probe VALUES (2)')
})

test('inserting one attempt or a batch takes the write lock before the first row', () => {
  expect(racing(() => insertAttempt(db, attempt(40)))).toEqual(['SQLITE_BUSY'])
  expect(racing(() => insertAttempts(db, [attempt(50), attempt(60)]))).toEqual(['SQLITE_BUSY'])
  expect(other.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(3)
})

test('a back-fill batch takes the write lock before it reads the queue', () => {
  const id = insertAttempt(db, attempt(40))
  db.$client.prepare('INSERT INTO area_score_backfill (attempt_id) VALUES (?)').run(id)
  const met = racing(() =>
    backfillAreaScores(db, (a) => [{ rubricId: 'ownership', score: a.score, band: a.band }]),
  )
  expect(met).toEqual(['SQLITE_BUSY'])
  expect(db.$client.prepare('SELECT count(*) FROM area_score_backfill').pluck().get()).toBe(0)
  expect(db.$client.prepare('SELECT score FROM attempt_area_scores').pluck().all()).toEqual([40])
})
