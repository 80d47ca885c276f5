// Storing, reading, re-scoring and deleting one attempt against a real SQLite file; what createDb sets up.

import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  closeDb,
  createDb,
  type Db,
  deleteAttempt,
  findAttempt,
  insertAttempt,
  listReplacedReports,
  replaceAttemptReport,
  type StorableReport,
  trends,
} from '../../db/index'
import { type AddArgs, addAttempt, DAY, MON, openTempDb, removeTempDb, report } from './helpers'

let dir: string
let db: Db
beforeEach(() => {
  ;({ dir, db } = openTempDb())
})
afterEach(() => removeTempDb(dir, db))
const add = (...args: AddArgs) => addAttempt(db, ...args)

describe('createDb', () => {
  test('creates the folder, applies the migrations and sets WAL, foreign keys and a busy timeout', () => {
    const tables = db
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining(['attempts', 'attempt_criteria', 'attempt_tags', 'attempt_reports']),
    )
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  test('opening the same file again keeps the data and does not re-run migrations', () => {
    const id = add(70, MON)
    closeDb(db)
    db = createDb(join(dir, 'nested', 'starboard.db'))
    expect(findAttempt(db, id)?.score).toBe(70)
  })
})

describe('storing attempts', () => {
  test('writes the attempt, its per-criterion rows and its tags together', () => {
    const id = insertAttempt(db, {
      promptId: 'ownership-outside-scope',
      answer: 'It, "quoted", went\nwell.',
      durationMs: 61_000,
      tags: ['ownership', 'conflict', 'ownership'],
      report: report(84),
      createdAt: MON,
    })
    const attempt = findAttempt(db, id)!
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
    const criteria = db.all<{ criterion_id: string }>(
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
      insertAttempt(db, {
        promptId: 'p',
        answer: 'a',
        tags: ['ownership'],
        report: duplicate,
        createdAt: MON,
      }),
    ).toThrow()
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempts`)?.n).toBe(0)
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempt_tags`)?.n).toBe(0)
  })

  test('deleting an attempt removes its criteria, tags and old reports', () => {
    const id = add(40, MON)
    replaceAttemptReport(db, id, { report: report(60), tags: ['ownership'], scoredAt: MON + DAY })
    expect(deleteAttempt(db, id)).toBe(true)
    expect(deleteAttempt(db, id)).toBe(false)
    for (const table of ['attempt_criteria', 'attempt_tags', 'attempt_reports']) {
      expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)?.n).toBe(0)
    }
  })
})

describe('re-scoring', () => {
  test('the new report becomes current and the old one is kept with when it was made and replaced', () => {
    const id = add(40, MON)
    const replaced = replaceAttemptReport(db, id, {
      report: report(75),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(replaced).toMatchObject({ score: 40, scoredAt: MON, replacedAt: MON + DAY })
    const attempt = findAttempt(db, id)!
    expect(attempt).toMatchObject({
      score: 75,
      scoredAt: MON + DAY,
      createdAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const history = listReplacedReports(db, id)
    expect(history.map((h) => h.score)).toEqual([40])
    expect((history[0]!.report as StorableReport).score).toBe(40)
    // Trends read the criteria of the current report.
    const [point] = trends(db, { rubricId: 'ownership' }, 'day').criteria.filter(
      (p) => p.criterionId === 'star-structure',
    )
    expect(point?.average).toBe(75) // 15 of 20 points
    expect(replaceAttemptReport(db, 999, { report: report(1), tags: [], scoredAt: MON })).toBeUndefined()
  })
})
