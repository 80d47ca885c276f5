// Storing, reading, re-scoring and deleting one attempt, on either dialect; what createDb sets up on SQLite.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { findAttempt, HISTORY_LIMIT, type StorableReport } from '../../db/index'
import { onPostgres } from '../support/postgres'
import { DAY, MON, report, useTempDb } from './helpers'
import { rowsOf, runOn, useTestStore } from './store-helpers'

// SQLite's own file: its folder, pragmas and reopening it.
describe.skipIf(onPostgres())('createDb', () => {
  const temp = useTempDb()

  test('creates the folder, applies the migrations and sets WAL, foreign keys and a busy timeout', () => {
    const tables = temp.db
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining(['attempts', 'attempt_criteria', 'attempt_tags', 'attempt_reports']),
    )
    expect(temp.db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(temp.db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(temp.db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  test('opening the same file again keeps the data and does not re-run migrations', () => {
    const id = temp.add(70, MON)
    temp.reopen()
    expect(findAttempt(temp.db, id)?.score).toBe(70)
  })
})

const t = useTestStore()
const count = async (table: string) =>
  (await rowsOf<{ n: number }>(t.store, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]?.n

describe('storing attempts', () => {
  test('writes the attempt, its per-criterion rows and its tags together', async () => {
    const id = await t.store.insertAttempt({
      promptId: 'ownership-outside-scope',
      answer: 'It, "quoted", went\nwell.',
      durationMs: 61_000,
      tags: ['ownership', 'conflict', 'ownership'],
      report: report(84),
      createdAt: MON,
    })
    const attempt = (await t.store.findAttempt(id))!
    expect(attempt).toMatchObject({
      promptId: 'ownership-outside-scope',
      rubricId: 'ownership',
      score: 84,
      bandId: 'strong',
      durationMs: 61_000,
      answer: 'It, "quoted", went\nwell.',
      createdAt: MON,
      scoredAt: MON,
      tags: ['conflict', 'ownership'],
    })
    expect((attempt.report as StorableReport).criteria).toHaveLength(2)
    const criteria = await rowsOf<{ criterion_id: string }>(
      t.store,
      sql`SELECT criterion_id FROM attempt_criteria WHERE attempt_id = ${id} ORDER BY criterion_id`,
    )
    expect(criteria.map((c) => c.criterion_id)).toEqual(['measurable-result', 'star-structure'])
  })

  test('a failure part-way stores nothing: the transaction rolls back', async () => {
    const duplicate = report(50, 'ownership', [
      { id: 'same', score: 1, max: 2, status: 'partial' },
      { id: 'same', score: 1, max: 2, status: 'partial' },
    ])
    await expect(
      t.store.insertAttempt({
        promptId: 'p',
        answer: 'a',
        tags: ['ownership'],
        report: duplicate,
        createdAt: MON,
      }),
    ).rejects.toThrow()
    expect(await count('attempts')).toBe(0)
    expect(await count('attempt_tags')).toBe(0)
  })

  test('deleting an attempt removes its criteria, tags and old reports', async () => {
    const id = await t.add(40, MON)
    await t.store.replaceAttemptReport(id, { report: report(60), tags: ['ownership'], scoredAt: MON + DAY })
    expect(await t.store.deleteAttempt(id)).toBe(true)
    expect(await t.store.deleteAttempt(id)).toBe(false)
    for (const table of ['attempt_criteria', 'attempt_tags', 'attempt_reports']) {
      expect(await count(table)).toBe(0)
    }
  })

  test('the owner is stored with the attempt', async () => {
    const id = await t.store.insertAttempt({
      promptId: 'p',
      answer: 'a',
      tags: ['ownership'],
      report: report(50),
      createdAt: MON,
      ownerId: 'user-1',
    })
    expect(await t.store.findAttempt(id)).toMatchObject({ ownerId: 'user-1' })
    expect(await t.store.findAttempt(await t.add(50, MON))).toMatchObject({ ownerId: null })
  })
})

describe('re-scoring', () => {
  test('the new report becomes current and the old one is kept with when it was made and replaced', async () => {
    const id = await t.add(40, MON)
    const replaced = await t.store.replaceAttemptReport(id, {
      report: report(75),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(replaced).toMatchObject({ score: 40, scoredAt: MON, replacedAt: MON + DAY })
    const attempt = (await t.store.findAttempt(id))!
    expect(attempt).toMatchObject({
      score: 75,
      scoredAt: MON + DAY,
      createdAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const history = await t.store.listReplacedReports(id)
    expect(history.map((h) => h.score)).toEqual([40])
    expect((history[0]!.report as StorableReport).score).toBe(40)
    expect(
      await t.store.replaceAttemptReport(999, { report: report(1), tags: [], scoredAt: MON }),
    ).toBeUndefined()
    // Trends read the criteria of the current report (where the dialect has trends: PostgreSQL's read queries
    // are written apart from its writes).
    const [point] = (await t.store.trends({ rubricId: 'ownership' }, 'day')).criteria.filter(
      (p) => p.criterionId === 'star-structure',
    )
    expect(point?.average).toBe(75) // 15 of 20 points
  })

  test('a byte-identical report adds no history entry, keeps scoredAt, and only brings the tags up to date', async () => {
    const id = await t.add(40, MON)
    const same = await t.store.replaceAttemptReport(id, {
      report: report(40),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(same).toMatchObject({ unchanged: true, score: 40, scoredAt: MON })
    expect(await t.store.listReplacedReports(id)).toEqual([])
    expect(await t.store.findAttempt(id)).toMatchObject({
      score: 40,
      scoredAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const changed = await t.store.replaceAttemptReport(id, {
      report: report(41),
      tags: ['ownership'],
      scoredAt: MON + 2 * DAY,
    })
    expect(changed).toMatchObject({ unchanged: false, score: 40 })
    expect((await t.store.listReplacedReports(id)).map((h) => h.score)).toEqual([40])
  })

  test(`the history keeps the latest ${HISTORY_LIMIT} reports; a database holding more lists only those`, async () => {
    const id = await t.add(0, MON)
    for (let i = 1; i <= 30; i++) {
      await t.store.replaceAttemptReport(id, {
        report: report(i),
        tags: ['ownership'],
        scoredAt: MON + i * 1000,
      })
    }
    const kept = await t.store.listReplacedReports(id)
    expect(kept.map((h) => h.score)).toEqual(Array.from({ length: HISTORY_LIMIT }, (_, i) => i + 10))
    expect(await count('attempt_reports')).toBe(HISTORY_LIMIT)
    // Older rows, as a database from before the limit may hold, are not listed, and go at the next re-score.
    await runOn(
      t.store,
      sql`INSERT INTO attempt_reports (attempt_id, rubric_id, rubric_hash, engine_version, score, band_id,
      band_label, report, scored_at, replaced_at)
      SELECT attempt_id, rubric_id, rubric_hash, engine_version, score - 50, band_id, band_label, report,
        scored_at - 100000, replaced_at - 100000 FROM attempt_reports`,
    )
    expect((await t.store.listReplacedReports(id)).map((h) => h.score)).toEqual(kept.map((h) => h.score))
    await t.store.replaceAttemptReport(id, {
      report: report(31),
      tags: ['ownership'],
      scoredAt: MON + 31_000,
    })
    expect(await count('attempt_reports')).toBe(HISTORY_LIMIT)
    expect((await t.store.listReplacedReports(id)).map((h) => h.score)).toEqual(
      Array.from({ length: HISTORY_LIMIT }, (_, i) => i + 11),
    )
  })
})
