// Group commit: attempts stored in the same turn share one transaction; one that cannot be stored fails alone.

import { describe, expect, test } from 'vitest'
import { type Db, findAttempt, type NewAttempt, storeAttempt, trends } from '../../db/index'
import { DAY, MON, report, sameScoreEveryArea, useTempDb } from './helpers'

const temp = useTempDb()

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

/** WAL frames written since the last checkpoint, after truncating the WAL first. */
function walFrames(db: Db, write: () => Promise<unknown>): Promise<number> {
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  return write().then(() => {
    const [row] = db.$client.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    return row!.log
  })
}

describe('storeAttempt', () => {
  test('attempts stored in the same turn are all stored, in order, in fewer pages than one by one', async () => {
    const scores = [40, 55, 70, 85, 90]
    const grouped: number[] = []
    const together = await walFrames(temp.db, async () => {
      grouped.push(...(await Promise.all(scores.map((s) => storeAttempt(temp.db, attempt(s))))))
    })
    expect(grouped).toEqual([1, 2, 3, 4, 5])
    expect(grouped.map((id) => findAttempt(temp.db, id)?.score)).toEqual(scores)
    expect(findAttempt(temp.db, 3)?.tags).toEqual(['dive-deep', 'ownership'])

    const alone = await walFrames(temp.db, async () => {
      for (const s of scores) await storeAttempt(temp.db, attempt(s, MON + DAY))
    })
    // One commit writes each shared page (index leaves, the rollup) once; five commits write them five times.
    expect(together).toBeLessThan(alone)
    expect(trends(temp.db, { from: MON, to: MON + 2 * DAY }, 'day').overall).toEqual([
      { period: '2025-03-03', attempts: 5, average: 68 },
      { period: '2025-03-04', attempts: 5, average: 68 },
    ])
  })

  test('an attempt that cannot be stored fails alone: its neighbours in the group are stored', async () => {
    const results = await Promise.allSettled([
      storeAttempt(temp.db, attempt(60)),
      storeAttempt(temp.db, unstorable()),
      storeAttempt(temp.db, attempt(80)),
    ])
    expect(results[0]).toEqual({ status: 'fulfilled', value: expect.any(Number) })
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
    })
    expect(results[2]).toEqual({ status: 'fulfilled', value: expect.any(Number) })
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    expect(ids.map((id) => findAttempt(temp.db, id)?.score)).toEqual([60, 80])
    // Nothing of the failed attempt stayed behind, and the rollup counts the two that were stored.
    expect(temp.db.$client.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(2)
    expect(temp.db.$client.prepare("SELECT answer FROM attempts WHERE answer = 'unstorable'").all()).toEqual(
      [],
    )
    expect(trends(temp.db, { from: MON, to: MON + DAY }, 'day').overall).toEqual([
      { period: '2025-03-03', attempts: 2, average: 70 },
    ])
  })

  test('a lone attempt that cannot be stored is refused, and the next group is stored', async () => {
    await expect(storeAttempt(temp.db, unstorable())).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    })
    const ids = await Promise.all([storeAttempt(temp.db, attempt(30)), storeAttempt(temp.db, attempt(90))])
    expect(ids.map((id) => findAttempt(temp.db, id)?.score)).toEqual([30, 90])
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
    expect(storedWhenAnswered.map((a) => findAttempt(temp.db, a.id)?.score)).toEqual([20, 40, 60])
  })
})
