// Per-criterion results by area: stored with the attempt's per-area scores, replaced by a re-score, seeded and
// queued by migration 0008 for attempts stored before them, back-filled, and read by per-criterion trends by area.

import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  type AreaScore,
  backfillAreaScores,
  closeDb,
  createDb,
  type Db,
  deleteAttempt,
  insertAttempt,
  pendingAreaScoreBackfill,
  replaceAttemptReport,
  trends,
} from '../../db/index'
import { DAY, databaseAtMigration, MON, openTempDb, removeTempDb, report } from './helpers'
import { readOf } from './query-plan-reads'

let dir: string
let db: Db
beforeEach(() => {
  ;({ dir, db } = openTempDb())
})
afterEach(() => removeTempDb(dir, db))

const weak = { id: 'weak', label: 'Needs work' }

const criteriaOf = (d: Db) =>
  d.$client
    .prepare(
      'SELECT attempt_id, rubric_id, criterion_id, score, max, status FROM attempt_area_criteria ORDER BY 1, 2, 3',
    )
    .all()

/** An Ownership answer (its report has the Ownership rubric's two criteria) also scored under Conflict's one. */
function ownershipAnswer(
  ownership: number,
  conflict: number,
): { report: ReturnType<typeof report>; areaScores: AreaScore[] } {
  const r = report(ownership)
  return {
    report: r,
    areaScores: [
      { rubricId: 'ownership', score: r.score, band: r.band, criteria: r.criteria },
      {
        rubricId: 'conflict',
        score: conflict,
        band: weak,
        criteria: [{ id: 'disagree-and-commit', score: conflict / 10, max: 10, status: 'partial' }],
      },
    ],
  }
}

describe('stored with the per-area scores', () => {
  test('written with the attempt, replaced by a re-score, deleted with it', () => {
    const first = ownershipAnswer(80, 30)
    const id = insertAttempt(db, {
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      ...first,
      createdAt: MON,
    })
    expect(criteriaOf(db)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'conflict',
        criterion_id: 'disagree-and-commit',
        score: 3,
        max: 10,
        status: 'partial',
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        criterion_id: 'measurable-result',
        score: 10,
        max: 10,
        status: 'met',
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        criterion_id: 'star-structure',
        score: 16,
        max: 20,
        status: 'partial',
      },
    ])
    const next = ownershipAnswer(40, 70)
    replaceAttemptReport(db, id, { ...next, tags: ['ownership', 'conflict'], scoredAt: MON + DAY })
    expect(criteriaOf(db)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'conflict',
        criterion_id: 'disagree-and-commit',
        score: 7,
        max: 10,
        status: 'partial',
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        criterion_id: 'measurable-result',
        score: 0,
        max: 10,
        status: 'missed',
      },
      {
        attempt_id: id,
        rubric_id: 'ownership',
        criterion_id: 'star-structure',
        score: 8,
        max: 20,
        status: 'partial',
      },
    ])
    expect(deleteAttempt(db, id)).toBe(true)
    expect(criteriaOf(db)).toEqual([])
  })
})

describe('per-criterion trends by area', () => {
  test("by area, the criteria are the area's rubric's with each attempt's results under it", () => {
    for (const [i, [own, other]] of [
      [80, 30],
      [40, 70],
    ].entries()) {
      insertAttempt(db, {
        promptId: 'ownership-outside-scope',
        answer: `a${i}`,
        tags: ['ownership', 'conflict'],
        ...ownershipAnswer(own!, other!),
        createdAt: MON + i * 3_600_000,
      })
    }
    const day = '2025-03-03'
    // Conflict: its own criterion only, at the results under its rubric (30% and 70%), and its own totals.
    expect(trends(db, { tag: 'conflict' }, 'day')).toEqual({
      overall: [{ period: day, attempts: 2, average: 50 }],
      criteria: [{ criterionId: 'disagree-and-commit', period: day, attempts: 2, average: 50 }],
    })
    // Ownership: the report's criteria, as the report came from that rubric.
    expect(trends(db, { tag: 'ownership' }, 'day').criteria).toEqual([
      { criterionId: 'measurable-result', period: day, attempts: 2, average: 50 },
      { criterionId: 'star-structure', period: day, attempts: 2, average: 60 },
    ])
    // Without an area, each attempt's own report as before.
    expect(trends(db, {}, 'day').criteria.map((c) => c.criterionId)).toEqual([
      'measurable-result',
      'star-structure',
    ])
    // A score bound applies to the score under the area's rubric: only the 70 under Conflict.
    expect(trends(db, { tag: 'conflict', minScore: 60 }, 'day').criteria).toEqual([
      { criterionId: 'disagree-and-commit', period: day, attempts: 1, average: 70 },
    ])
  })
})

describe('migration 0008 and the back-fill', () => {
  /** A database at schema 0007 with `count` Ownership attempts as that code wrote them: scores by area, no criteria. */
  function migratedWith(count: number): Db {
    const file = join(dir, 'at-0007.db')
    const old = databaseAtMigration(file, 8)
    const attempt =
      old.prepare(`INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer,
      score, band_id, band_label, report, created_at, scored_at) VALUES (?, 'ownership', 'h', '1', ?, ?, ?, ?, '{}', ?, ?)`)
    const criterion = old.prepare(
      'INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const tag = old.prepare(
      'INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)',
    )
    const area = old.prepare(
      `INSERT INTO attempt_area_scores (attempt_id, rubric_id, score, band_id, band_label, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    old.transaction(() => {
      for (let i = 0; i < count; i++) {
        const at = MON + i * 60_000
        const id = Number(
          attempt.run('ownership-outside-scope', `answer ${i}`, 60, weak.id, weak.label, at, at)
            .lastInsertRowid,
        )
        criterion.run(id, 'star-structure', 12, 20, 'partial', at)
        for (const t of ['ownership', 'conflict']) tag.run(id, t, 60, at)
        // As 0005-0007 stored them: a score per area, the other area's from an older rubric.
        area.run(id, 'ownership', 60, weak.id, weak.label, at)
        area.run(id, 'conflict', 11, weak.id, weak.label, at)
      }
    })()
    old.close()
    return createDb(file)
  }

  test("the own rubric's criteria are copied at once; the other areas' are back-filled, resumably", () => {
    const migrated = migratedWith(30)
    try {
      expect(pendingAreaScoreBackfill(migrated)).toBe(30)
      // Before any back-fill: the own area's criteria are the report's, so trends by that area are right.
      expect(criteriaOf(migrated)).toHaveLength(30)
      expect(trends(migrated, { tag: 'ownership' }, 'day').criteria).toEqual([
        { criterionId: 'star-structure', period: '2025-03-03', attempts: 30, average: 60 },
      ])
      expect(trends(migrated, { tag: 'conflict' }, 'day').criteria).toEqual([])
      const scorer = (a: {
        rubricId: string
        score: number
        band: { id: string; label: string }
        criteria: AreaScore['criteria']
        tags: string[]
      }): AreaScore[] =>
        a.tags.map((rubricId) =>
          rubricId === a.rubricId
            ? { rubricId, score: a.score, band: a.band, criteria: a.criteria }
            : {
                rubricId,
                score: 45,
                band: weak,
                criteria: [{ id: 'disagree-and-commit', score: 4.5, max: 10, status: 'partial' }],
              },
        )
      // A re-score before the back-fill reaches attempt 30 takes it off the queue with its newer rows.
      const rescored = ownershipAnswer(90, 77)
      replaceAttemptReport(migrated, 30, {
        ...rescored,
        tags: ['ownership', 'conflict'],
        scoredAt: MON + DAY,
      })
      expect(pendingAreaScoreBackfill(migrated)).toBe(29)
      // Two batches, as a restart between them would leave it: the queue says where to resume.
      expect(backfillAreaScores(migrated, scorer, 20)).toBe(20)
      expect(pendingAreaScoreBackfill(migrated)).toBe(9)
      expect(backfillAreaScores(migrated, scorer, 20)).toBe(9)
      expect(pendingAreaScoreBackfill(migrated)).toBe(0)
      const conflict = trends(migrated, { tag: 'conflict' }, 'day')
      // 29 back-filled at 45% and the re-scored one at 77%, all under Conflict's criterion.
      expect(conflict.criteria).toEqual([
        { criterionId: 'disagree-and-commit', period: '2025-03-03', attempts: 30, average: 46.07 },
      ])
      // The back-filled scores replaced the older ones (11); the re-scored attempt kept its 77.
      expect(conflict.overall).toEqual([{ period: '2025-03-03', attempts: 30, average: 46.07 }])
    } finally {
      closeDb(migrated)
    }
  })
})

describe('query plans', () => {
  test("a re-score, a delete and the back-fill reach an attempt's per-area criteria by the primary key", () => {
    const plan = (q: string) =>
      (db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    for (const q of [
      'DELETE FROM attempt_area_criteria WHERE attempt_id = 1',
      "DELETE FROM attempt_area_criteria WHERE attempt_id = 1 AND rubric_id = 'conflict'",
    ]) {
      expect(readOf(plan(q), 'attempt_area_criteria')).toMatchObject({ seek: true })
    }
  })
})
