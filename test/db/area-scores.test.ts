// Per-area scores: stored with the attempt, replaced by a re-score, deleted with it; and the one-time back-fill
// of attempts stored before them, in batches.

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  type AreaScore,
  type AttemptToBackfill,
  backfillAreaScores,
  closeDb,
  createDb,
  type Db,
  deleteAttempt,
  insertAttempt,
  insertAttempts,
  pendingAreaScoreBackfill,
  replaceAttemptReport,
} from '../../db/index'
import { DAY, databaseAtMigration, MON, report, useTempDb } from './helpers'

const temp = useTempDb()

const strong = { id: 'strong', label: 'Strong' }
const weak = { id: 'weak', label: 'Needs work' }

const rowsOf = (d: Db) =>
  d.$client
    .prepare(
      'SELECT attempt_id, rubric_id, score, band_id, band_label, created_at FROM attempt_area_scores ORDER BY 1, 2',
    )
    .all()

describe('stored with the attempt', () => {
  test("one row per area, in the attempt's transaction; an area given twice is stored once", () => {
    const areaScores: AreaScore[] = [
      { rubricId: 'ownership', score: 82, band: strong },
      { rubricId: 'conflict', score: 41, band: weak },
      { rubricId: 'ownership', score: 10, band: weak },
    ]
    const id = insertAttempt(temp.db, {
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      report: report(82),
      areaScores,
      createdAt: MON,
    })
    expect(rowsOf(temp.db)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'conflict',
        score: 41,
        band_id: 'weak',
        band_label: 'Needs work',
        created_at: MON,
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        score: 82,
        band_id: 'strong',
        band_label: 'Strong',
        created_at: MON,
      },
    ])
    // A batch that fails part-way stores no area rows either.
    const bad = {
      promptId: null as unknown as string,
      answer: 'b',
      tags: [],
      report: report(1),
      createdAt: MON,
    }
    expect(() =>
      insertAttempts(temp.db, [
        { promptId: 'p', answer: 'c', tags: ['ownership'], report: report(5), areaScores, createdAt: MON },
        bad,
      ]),
    ).toThrow()
    expect(rowsOf(temp.db)).toHaveLength(2)
  })

  test("a re-score replaces them (keeping the attempt's time); without new ones they stay; a delete removes them", () => {
    const id = insertAttempt(temp.db, {
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      report: report(50),
      areaScores: [
        { rubricId: 'ownership', score: 50, band: weak },
        { rubricId: 'conflict', score: 30, band: weak },
      ],
      createdAt: MON,
    })
    replaceAttemptReport(temp.db, id, {
      report: report(85),
      tags: ['ownership', 'conflict'],
      areaScores: [
        { rubricId: 'ownership', score: 85, band: strong },
        { rubricId: 'conflict', score: 70, band: weak },
      ],
      scoredAt: MON + DAY,
    })
    expect(rowsOf(temp.db)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'conflict',
        score: 70,
        band_id: 'weak',
        band_label: 'Needs work',
        created_at: MON,
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        score: 85,
        band_id: 'strong',
        band_label: 'Strong',
        created_at: MON,
      },
    ])
    replaceAttemptReport(temp.db, id, { report: report(20), tags: ['ownership'], scoredAt: MON + 2 * DAY })
    expect(rowsOf(temp.db)).toHaveLength(2)
    // A re-score whose areas shrank drops the area no longer scored.
    replaceAttemptReport(temp.db, id, {
      report: report(20),
      tags: ['ownership'],
      areaScores: [{ rubricId: 'ownership', score: 20, band: weak }],
      scoredAt: MON + 3 * DAY,
    })
    expect(rowsOf(temp.db)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'ownership',
        score: 20,
        band_id: 'weak',
        band_label: 'Needs work',
        created_at: MON,
      },
    ])
    expect(deleteAttempt(temp.db, id)).toBe(true)
    expect(rowsOf(temp.db)).toEqual([])
  })
})

describe('the back-fill', () => {
  /** A database at schema 0004 with `count` attempts written as that schema's code wrote them, then migrated. */
  function migratedWith(count: number): Db {
    const file = join(temp.dir, 'at-0004.db')
    const old = databaseAtMigration(file, 5)
    const attempt =
      old.prepare(`INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer,
      score, band_id, band_label, report, created_at, scored_at) VALUES (?, 'ownership', 'h', '1', ?, ?, ?, ?, '{}', ?, ?)`)
    const tag = old.prepare(
      'INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)',
    )
    old.transaction(() => {
      for (let i = 0; i < count; i++) {
        const score = i % 101
        const band = score >= 80 ? strong : weak
        const at = MON + i * 60_000
        const id = Number(
          attempt.run('ownership-outside-scope', `answer ${i}`, score, band.id, band.label, at, at)
            .lastInsertRowid,
        )
        for (const t of ['ownership', 'conflict']) tag.run(id, t, score, at)
      }
    })()
    old.close()
    return createDb(file)
  }

  test('scores every queued attempt once, in batches, each batch stored whole with its queue rows removed', () => {
    const migrated = migratedWith(250)
    try {
      expect(pendingAreaScoreBackfill(migrated)).toBe(250)
      const seen: AttemptToBackfill[] = []
      // The attempt's own rubric keeps its stored score; the other area gets a score of its own (here: half).
      const scorer = (a: AttemptToBackfill): AreaScore[] => {
        seen.push(a)
        return a.tags.map((rubricId) =>
          rubricId === a.rubricId
            ? { rubricId, score: a.score, band: a.band }
            : { rubricId, score: Math.floor(a.score / 2), band: weak },
        )
      }
      expect(backfillAreaScores(migrated, scorer, 100)).toBe(100)
      expect(pendingAreaScoreBackfill(migrated)).toBe(150)
      expect(seen[0]).toEqual({
        id: 1,
        promptId: 'ownership-outside-scope',
        answer: 'answer 0',
        tags: ['conflict', 'ownership'],
        rubricId: 'ownership',
        score: 0,
        band: weak,
        criteria: [],
      })
      // A batch whose scoring fails is rolled back whole and stays queued.
      expect(() =>
        backfillAreaScores(migrated, (a) => {
          if (a.id === 150) throw new Error('no rubric')
          return scorer(a)
        }),
      ).toThrow('no rubric')
      expect(pendingAreaScoreBackfill(migrated)).toBe(150)
      // Migration 0008 gave all 250 their own rubric's row; the first batch added the other area for 100.
      expect(rowsOf(migrated)).toHaveLength(350)
      expect(backfillAreaScores(migrated, scorer, 100)).toBe(100)
      expect(backfillAreaScores(migrated, scorer, 100)).toBe(50)
      expect(backfillAreaScores(migrated, scorer, 100)).toBe(0)
      expect(pendingAreaScoreBackfill(migrated)).toBe(0)
      expect(rowsOf(migrated)).toHaveLength(500)
      expect(rowsOf(migrated).filter((r) => (r as { attempt_id: number }).attempt_id === 101)).toEqual([
        {
          attempt_id: 101,
          rubric_id: 'conflict',
          score: 50,
          band_id: 'weak',
          band_label: 'Needs work',
          created_at: MON + 100 * 60_000,
        },
        {
          attempt_id: 101,
          rubric_id: 'ownership',
          score: 100,
          band_id: 'strong',
          band_label: 'Strong',
          created_at: MON + 100 * 60_000,
        },
      ])
      // Each attempt was scored once, except the batch that was rolled back and scored again.
      expect(new Set(seen.map((a) => a.id)).size).toBe(250)
    } finally {
      closeDb(migrated)
    }
  })

  test('an attempt re-scored before the back-fill reached it keeps its newer per-area scores', () => {
    const migrated = migratedWith(2)
    try {
      replaceAttemptReport(migrated, 2, {
        report: report(90),
        tags: ['ownership', 'conflict'],
        areaScores: [
          { rubricId: 'ownership', score: 90, band: strong },
          { rubricId: 'conflict', score: 77, band: weak },
        ],
        scoredAt: MON + DAY,
      })
      backfillAreaScores(migrated, (a) => a.tags.map((rubricId) => ({ rubricId, score: 0, band: weak })))
      expect(pendingAreaScoreBackfill(migrated)).toBe(0)
      expect(
        rowsOf(migrated).map((r) => {
          const { attempt_id, rubric_id, score } = r as {
            attempt_id: number
            rubric_id: string
            score: number
          }
          return [attempt_id, rubric_id, score]
        }),
      ).toEqual([
        [1, 'conflict', 0],
        [1, 'ownership', 0],
        [2, 'conflict', 77],
        [2, 'ownership', 90],
      ])
    } finally {
      closeDb(migrated)
    }
  })
})
