// storeAttempt: on SQLite, attempts stored in the same turn share one transaction; on either dialect, one that
// cannot be stored fails alone and each promise settles after its commit.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { type Db, type NewAttempt, storeAttempt } from '../../db/index'
import { sqliteStore } from '../../db/store'
import { onPostgres } from '../support/postgres'
import { DAY, MON, report, sameScoreEveryArea, useTempDb } from './helpers'
import { rowsOf, useTestStore } from './store-helpers'

function attempt(score: number, createdAt = MON): NewAttempt {
  const r = report(score)
  return {
    promptId: 'ownership-outside-scope',
    answer: `answer scoring ${score}`,
    tags: ['ownership', 'dive-deep'],
    report: r,
    areaScores: sameScoreEveryArea(r, ['ownership', 'dive-deep']),
    createdAt,
  }
}

/** A report whose criterion appears twice: its second criterion row breaks the primary key, so it cannot be stored. */
function unstorable(): NewAttempt {
  const a = attempt(50)
  const c = a.report.criteria[0]!
  return { ...a, answer: 'unstorable', report: { ...a.report, criteria: [c, c] } }
}

/** The error a primary-key violation rejects with: SQLite's own, or PostgreSQL's 23505 under drizzle's. */
const duplicateKey = () =>
  onPostgres() ? { cause: { code: '23505' } } : { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }

/** WAL frames written since the last checkpoint, after truncating the WAL first. */
function walFrames(db: Db, write: () => Promise<unknown>): Promise<number> {
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  return write().then(() => {
    const [row] = db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    return row!.log
  })
}

// SQLite's group commit itself: its pages in the WAL and the size at which a group closes.
describe.skipIf(onPostgres())('storeAttempt on SQLite', () => {
  const temp = useTempDb()
  const store = () => sqliteStore(temp.db)

  test('attempts stored in the same turn are all stored, in order, in fewer pages than one by one', async () => {
    const scores = [40, 55, 70, 85, 90]
    const grouped: number[] = []
    const together = await walFrames(temp.db, async () => {
      grouped.push(...(await Promise.all(scores.map((s) => storeAttempt(temp.db, attempt(s))))))
    })
    expect(grouped).toEqual([1, 2, 3, 4, 5])
    const alone = await walFrames(temp.db, async () => {
      for (const s of scores) await storeAttempt(temp.db, attempt(s, MON + DAY))
    })
    // One commit writes each shared page (index leaves, the rollup) once; five commits write them five times.
    expect(together).toBeLessThan(alone)
    expect((await store().findAttempt(3))?.tags).toEqual(['dive-deep', 'ownership'])
  })

  test('attempts of long answers are committed a few at a time, one group per turn', async () => {
    // About 300,000 characters of report each: two would pass the size at which a group closes.
    const long = (score: number): NewAttempt => {
      const a = attempt(score)
      return { ...a, reportJson: JSON.stringify({ ...a.report, notes: 'x'.repeat(300_000) }) }
    }
    const count = () => temp.db.$client.prepare('SELECT count(*) FROM attempts').pluck().get()
    const storedWhenAnswered = await Promise.all(
      [20, 40, 60].map((s) => storeAttempt(temp.db, long(s)).then((id) => ({ id, stored: count() }))),
    )
    // Each was answered right after its own commit, before the next group was written.
    expect(storedWhenAnswered.map((a) => a.stored)).toEqual([1, 2, 3])
    expect(
      await Promise.all(storedWhenAnswered.map(async (a) => (await store().findAttempt(a.id))?.score)),
    ).toEqual([20, 40, 60])
  })
})

describe('storeAttempt', () => {
  const t = useTestStore()
  const count = async () =>
    (await rowsOf<{ n: number }>(t.store, sql`SELECT count(*) AS n FROM attempts`))[0]?.n
  const scoresOf = (ids: number[]) =>
    Promise.all(ids.map(async (id) => (await t.store.findAttempt(id))?.score))

  test('attempts stored at once are all stored, each with its own rows, and counted in the rollup', async () => {
    const scores = [40, 55, 70, 85, 90]
    const together = await Promise.all(scores.map((s) => t.store.storeAttempt(attempt(s))))
    expect(await scoresOf(together)).toEqual(scores)
    expect((await t.store.findAttempt(together[2]!))?.tags).toEqual(['dive-deep', 'ownership'])
    for (const s of scores) await t.store.storeAttempt(attempt(s, MON + DAY))
    // Where the dialect has trends (PostgreSQL's read queries are written apart from its writes).
    expect((await t.store.trends({ from: MON, to: MON + 2 * DAY }, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 5, average: 68 },
      { period: '2025-03-04', attempts: 5, average: 68 },
    ])
  })

  test('an attempt that cannot be stored fails alone: its neighbours are stored', async () => {
    const results = await Promise.allSettled([
      t.store.storeAttempt(attempt(60)),
      t.store.storeAttempt(unstorable()),
      t.store.storeAttempt(attempt(80)),
    ])
    expect(results[0]).toEqual({ status: 'fulfilled', value: expect.any(Number) })
    expect(results[1]).toMatchObject({ status: 'rejected', reason: duplicateKey() })
    expect(results[2]).toEqual({ status: 'fulfilled', value: expect.any(Number) })
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    expect(await scoresOf(ids)).toEqual([60, 80])
    // Nothing of the failed attempt stayed behind, and the rollup counts the two that were stored.
    expect(await count()).toBe(2)
    expect(await rowsOf(t.store, sql`SELECT answer FROM attempts WHERE answer = 'unstorable'`)).toEqual([])
    expect((await t.store.trends({ from: MON, to: MON + DAY }, 'day')).overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: 70 },
    ])
  })

  test('a lone attempt that cannot be stored is refused, and the next ones are stored', async () => {
    await expect(t.store.storeAttempt(unstorable())).rejects.toMatchObject(duplicateKey())
    const ids = await Promise.all([t.store.storeAttempt(attempt(30)), t.store.storeAttempt(attempt(90))])
    expect(await scoresOf(ids)).toEqual([30, 90])
  })
})
