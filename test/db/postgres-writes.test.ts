// PostgreSQL's writes with several processes on one database: two Stores (two pools, as two server processes
// have) storing, re-scoring and deleting attempts at once, and the trend rollup they keep together.

import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { isDuplicateFollowUp, type NewAttempt, type StorableReport } from '../../db/index'
import { postgresStore } from '../../db/postgres/store'
import type { Store } from '../../db/store'
import { freshPostgresUrl, onPostgres } from '../support/postgres'
import { DAY, MON } from './helpers'
import { rowsOf } from './store-helpers'

interface RollupRow {
  day: number
  criterion_id: string
  attempts: number
  measured: number
  total: number
}

const rollup = (store: Store) =>
  rowsOf<RollupRow>(
    store,
    sql`SELECT day, criterion_id, attempts, measured, total FROM trend_days ORDER BY day, criterion_id`,
  )

/** What the rollup must hold, recounted from every stored attempt and criterion row. */
const recount = (store: Store) =>
  rowsOf<RollupRow>(
    store,
    sql`SELECT day, criterion_id, attempts, measured, total FROM (
         SELECT (created_at / 86400000)::int AS day, '' AS criterion_id, count(*) AS attempts,
           count(*) AS measured, sum(score)::double precision AS total
         FROM attempts GROUP BY 1
         UNION ALL
         SELECT (created_at / 86400000)::int, criterion_id, count(*), count(*) FILTER (WHERE max > 0),
           coalesce(sum(100.0 * score / nullif(max, 0)), 0)
         FROM attempt_criteria GROUP BY 1, 2) AS r
       ORDER BY day, criterion_id`,
  )

const CRITERIA = ['star-structure', 'measurable-result', 'ownership-signals', 'reflection', 'Zeta', 'alpha']

/** A varied attempt: `i` picks its day (four of them), score, criteria (some with a maximum of 0) and tags. */
function attemptNumber(i: number, owner: string): NewAttempt {
  const score = (i * 37) % 101
  const criteria = CRITERIA.filter((_, c) => (i + c) % 3 !== 0).map((id, c) => ({
    id,
    // Whole points of maxima dividing 100: every percentage is whole, so sums are exact in any order.
    score: (i + c) % 5,
    max: [0, 4, 5, 10, 20][(i * 7 + c) % 5]!,
    status: 'partial' as const,
  }))
  const report: StorableReport = {
    rubricId: 'ownership',
    rubricHash: 'h',
    engineVersion: '1.0.0',
    score,
    band: { id: 'b', label: 'B' },
    criteria: criteria.map((c) => ({ ...c, score: Math.min(c.score, c.max) })),
  }
  return {
    promptId: `prompt-${i % 7}`,
    answer: `answer ${i} of ${owner}`,
    tags: i % 2 === 0 ? ['ownership', 'conflict'] : ['ownership'],
    report,
    areaScores: [{ rubricId: 'ownership', score, band: report.band, criteria: report.criteria }],
    createdAt: MON + (i % 4) * DAY + i * 1000,
    ownerId: owner,
  }
}

describe.skipIf(!onPostgres())('PostgreSQL writes from two processes', () => {
  let one: Store
  let two: Store
  beforeEach(async () => {
    const url = await freshPostgresUrl()
    one = await postgresStore(url, { poolSize: 5 })
    two = await postgresStore(url, { poolSize: 5 })
  })
  afterEach(async () => {
    await one.close()
    await two.close()
  })

  test('200 attempts stored at once through two pools: every id found, none lost, the rollup equal to a recount', async () => {
    const stored = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const [store, owner] = i % 2 === 0 ? [one, 'one'] : [two, 'two']
        return store.storeAttempt(attemptNumber(i, owner)).then((id) => ({ id, i, owner }))
      }),
    )
    expect(new Set(stored.map((s) => s.id)).size).toBe(200)
    for (const { id, i, owner } of stored) {
      const found = await (i % 3 === 0 ? one : two).findAttempt(id)
      expect(found).toMatchObject({ answer: `answer ${i} of ${owner}`, ownerId: owner })
      expect(found?.tags).toEqual(i % 2 === 0 ? ['conflict', 'ownership'] : ['ownership'])
    }
    expect((await rowsOf<{ n: number }>(one, sql`SELECT count(*) AS n FROM attempts`))[0]?.n).toBe(200)
    const kept = await rollup(one)
    expect(kept.filter((r) => r.criterion_id === '').map((r) => r.attempts)).toEqual([50, 50, 50, 50])
    expect(kept).toEqual(await recount(one))
  })

  test('inserts, batches, re-scores and deletes at once through two pools keep the rollup equal to a recount', async () => {
    const first = await one.insertAttempts(Array.from({ length: 40 }, (_, i) => attemptNumber(i, 'one')))
    const work: Promise<unknown>[] = []
    for (let i = 0; i < 40; i++) {
      const store = i % 2 === 0 ? one : two
      const id = first[i]!
      if (i % 4 === 0) work.push(store.deleteAttempt(id))
      else if (i % 4 === 1) {
        const next = attemptNumber(i + 1, 'one')
        work.push(
          store.replaceAttemptReport(id, { report: next.report, tags: next.tags, scoredAt: MON + 9 * DAY }),
        )
      } else if (i % 4 === 2) work.push(store.storeAttempt(attemptNumber(100 + i, 'two')))
      else work.push(store.insertAttempts([attemptNumber(200 + i, 'one'), attemptNumber(300 + i, 'two')]))
      // The same attempt deleted by both processes at once: one of them deletes it.
      if (i % 8 === 0) work.push(two.deleteAttempt(id))
    }
    const results = await Promise.all(work)
    const deletes = results.filter((r) => typeof r === 'boolean')
    expect(deletes.filter((d) => d === true)).toHaveLength(10)
    expect(deletes.filter((d) => d === false)).toHaveLength(5)
    expect((await rowsOf<{ n: number }>(one, sql`SELECT count(*) AS n FROM attempts`))[0]?.n).toBe(
      40 - 10 + 10 + 20,
    )
    expect(await rollup(two)).toEqual(await recount(two))
  })

  test('concurrent re-scores of one attempt each keep the report before them in the history', async () => {
    const [id] = await one.insertAttempts([attemptNumber(1, 'one')])
    await Promise.all(
      Array.from({ length: 10 }, (_, k) => {
        const next = attemptNumber(10 + k, 'one')
        return (k % 2 === 0 ? one : two).replaceAttemptReport(id!, {
          report: next.report,
          tags: next.tags,
          scoredAt: MON + DAY + k,
        })
      }),
    )
    const history = await one.listReplacedReports(id!)
    expect(history).toHaveLength(10)
    // Each re-score replaced the report current when it ran: no report was kept twice, none skipped.
    const current = await one.findAttempt(id!)
    const scores = [...history.map((h) => h.score), current!.score].sort((a, b) => a - b)
    const expected = [1, ...Array.from({ length: 10 }, (_, k) => 10 + k)]
      .map((i) => (i * 37) % 101)
      .sort((a, b) => a - b)
    expect(scores).toEqual(expected)
    expect(await rollup(one)).toEqual(await recount(one))
  })

  test('each stored attempt is answered after its commit: the other pool reads it at once', async () => {
    const seen = await Promise.all(
      [20, 40, 60].map((i) =>
        one.storeAttempt(attemptNumber(i, 'one')).then(async (id) => (await two.findAttempt(id))?.answer),
      ),
    )
    expect(seen).toEqual(['answer 20 of one', 'answer 40 of one', 'answer 60 of one'])
  })

  test('the same probe answered through both pools at once: one is stored, the other is a duplicate', async () => {
    const [id] = await one.insertAttempts([attemptNumber(1, 'one')])
    const next = attemptNumber(2, 'one')
    const followUp = { probeId: 'p1', criterionId: 'reflection', question: 'And then?', answer: 'Then.' }
    const results = await Promise.allSettled(
      [one, two].map((store) =>
        store.addFollowUp(id!, followUp, { report: next.report, tags: next.tags, at: MON + DAY }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected')
    expect(isDuplicateFollowUp(refused?.reason)).toBe(true)
    expect(await two.listFollowUps(id!)).toMatchObject([{ probeId: 'p1', attemptId: id }])
    expect(await one.listReplacedReports(id!)).toHaveLength(1)
  })

  test('a batch of 1,000 in one call: all stored with ascending ids, the rollup counted, statistics refreshed', async () => {
    const ids = await one.insertAttempts(Array.from({ length: 1000 }, (_, i) => attemptNumber(i, 'one')))
    expect(ids).toHaveLength(1000)
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true)
    expect((await two.findAttempt(ids[999]!))?.answer).toBe('answer 999 of one')
    expect(await rollup(two)).toEqual(await recount(two))
    const analyzed = await rowsOf<{ relname: string }>(
      one,
      sql`SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname`,
    )
    expect(analyzed.map((r) => r.relname)).toEqual(
      expect.arrayContaining(['attempt_tags', 'attempts', 'trend_days']),
    )
  })
})
