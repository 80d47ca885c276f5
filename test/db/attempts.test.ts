// Storing, reading, re-scoring and deleting one attempt against a real SQLite file; what createDb sets up.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  deleteAttempt,
  findAttempt,
  HISTORY_LIMIT,
  insertAttempt,
  listReplacedReports,
  replaceAttemptReport,
  type StorableReport,
  trends,
} from '../../db/index'
import { DAY, MON, report, useTempDb } from './helpers'

const temp = useTempDb()
const add = temp.add

describe('createDb', () => {
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
    const id = add(70, MON)
    temp.reopen()
    expect(findAttempt(temp.db, id)?.score).toBe(70)
  })
})

describe('storing attempts', () => {
  test('writes the attempt, its per-criterion rows and its tags together', () => {
    const id = insertAttempt(temp.db, {
      promptId: 'ownership-outside-scope',
      answer: 'It, "quoted", went\nwell.',
      durationMs: 61_000,
      tags: ['ownership', 'conflict', 'ownership'],
      report: report(84),
      createdAt: MON,
    })
    const attempt = findAttempt(temp.db, id)!
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
    const criteria = temp.db.all<{ criterion_id: string }>(
      sql`SELECT criterion_id FROM attempt_criteria WHERE attempt_id = ${id} ORDER BY criterion_id`,
    )
    expect(criteria.map((c) => c.criterion_id)).toEqual(['measurable-result', 'star-structure'])
  })

  test('a failure part-way stores nothing: the transaction rolls back', () => {
    const duplicate = report(50, 'ownership', [
      { id: 'same', score: 1, max: 2, status: 'partial' },
      { id: 'same', score: 1, max: 2, status: 'partial' },
    ])
    expect(() =>
      insertAttempt(temp.db, {
        promptId: 'p',
        answer: 'a',
        tags: ['ownership'],
        report: duplicate,
        createdAt: MON,
      }),
    ).toThrow()
    expect(temp.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempts`)?.n).toBe(0)
    expect(temp.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempt_tags`)?.n).toBe(0)
  })

  test('deleting an attempt removes its criteria, tags and old reports', () => {
    const id = add(40, MON)
    replaceAttemptReport(temp.db, id, { report: report(60), tags: ['ownership'], scoredAt: MON + DAY })
    expect(deleteAttempt(temp.db, id)).toBe(true)
    expect(deleteAttempt(temp.db, id)).toBe(false)
    for (const table of ['attempt_criteria', 'attempt_tags', 'attempt_reports']) {
      expect(temp.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)?.n).toBe(0)
    }
  })
})

describe('re-scoring', () => {
  test('the new report becomes current and the old one is kept with when it was made and replaced', () => {
    const id = add(40, MON)
    const replaced = replaceAttemptReport(temp.db, id, {
      report: report(75),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(replaced).toMatchObject({ score: 40, scoredAt: MON, replacedAt: MON + DAY })
    const attempt = findAttempt(temp.db, id)!
    expect(attempt).toMatchObject({
      score: 75,
      scoredAt: MON + DAY,
      createdAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const history = listReplacedReports(temp.db, id)
    expect(history.map((h) => h.score)).toEqual([40])
    expect((history[0]!.report as StorableReport).score).toBe(40)
    // Trends read the criteria of the current report.
    const [point] = trends(temp.db, { rubricId: 'ownership' }, 'day').criteria.filter(
      (p) => p.criterionId === 'star-structure',
    )
    expect(point?.average).toBe(75) // 15 of 20 points
    expect(replaceAttemptReport(temp.db, 999, { report: report(1), tags: [], scoredAt: MON })).toBeUndefined()
  })

  test('a byte-identical report adds no history entry, keeps scoredAt, and only brings the tags up to date', () => {
    const id = add(40, MON)
    const same = replaceAttemptReport(temp.db, id, {
      report: report(40),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(same).toMatchObject({ unchanged: true, score: 40, scoredAt: MON })
    expect(listReplacedReports(temp.db, id)).toEqual([])
    expect(findAttempt(temp.db, id)).toMatchObject({
      score: 40,
      scoredAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const changed = replaceAttemptReport(temp.db, id, {
      report: report(41),
      tags: ['ownership'],
      scoredAt: MON + 2 * DAY,
    })
    expect(changed).toMatchObject({ unchanged: false, score: 40 })
    expect(listReplacedReports(temp.db, id).map((h) => h.score)).toEqual([40])
  })

  test(`the history keeps the latest ${HISTORY_LIMIT} reports; a database holding more lists only those`, () => {
    const id = add(0, MON)
    for (let i = 1; i <= 30; i++) {
      replaceAttemptReport(temp.db, id, { report: report(i), tags: ['ownership'], scoredAt: MON + i * 1000 })
    }
    const kept = listReplacedReports(temp.db, id)
    expect(kept.map((h) => h.score)).toEqual(Array.from({ length: HISTORY_LIMIT }, (_, i) => i + 10))
    expect(temp.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempt_reports`)?.n).toBe(HISTORY_LIMIT)
    // Older rows, as a database from before the limit may hold, are not listed, and go at the next re-score.
    temp.db.run(sql`INSERT INTO attempt_reports (attempt_id, rubric_id, rubric_hash, engine_version, score, band_id,
      band_label, report, scored_at, replaced_at)
      SELECT attempt_id, rubric_id, rubric_hash, engine_version, score - 50, band_id, band_label, report,
        scored_at - 100000, replaced_at - 100000 FROM attempt_reports`)
    expect(listReplacedReports(temp.db, id).map((h) => h.score)).toEqual(kept.map((h) => h.score))
    replaceAttemptReport(temp.db, id, { report: report(31), tags: ['ownership'], scoredAt: MON + 31_000 })
    expect(temp.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempt_reports`)?.n).toBe(HISTORY_LIMIT)
    expect(listReplacedReports(temp.db, id).map((h) => h.score)).toEqual(
      Array.from({ length: HISTORY_LIMIT }, (_, i) => i + 11),
    )
  })
})
