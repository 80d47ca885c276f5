// Per-criterion results by area: stored with the attempt's per-area scores, replaced by a re-score, seeded and
// queued by migration 0008 for attempts stored before them, back-filled, and read by per-criterion trends by area.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { type AreaScore, createDb } from '../../db/index'
import { type Store, sqliteStore } from '../../db/store'
import { onPostgres } from '../support/postgres'
import { openTestStore } from '../support/store'
import { DAY, databaseAtMigration, MON, report, useTempDb } from './helpers'
import { readOf } from './query-plan-reads'
import { rowsOf, runOn, useTestStore } from './store-helpers'

const t = useTestStore()

const weak = { id: 'weak', label: 'Needs work' }

const criteriaOf = (store: Store) =>
  rowsOf(
    store,
    sql`SELECT attempt_id, rubric_id, criterion_id, score, max, status FROM attempt_area_criteria
      ORDER BY attempt_id, rubric_id, criterion_id`,
  )

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
  test('written with the attempt, replaced by a re-score, deleted with it', async () => {
    const first = ownershipAnswer(80, 30)
    const id = await t.store.insertAttempt({
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      ...first,
      createdAt: MON,
    })
    expect(await criteriaOf(t.store)).toEqual([
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
    await t.store.replaceAttemptReport(id, { ...next, tags: ['ownership', 'conflict'], scoredAt: MON + DAY })
    expect(await criteriaOf(t.store)).toEqual([
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
    expect(await t.store.deleteAttempt(id)).toBe(true)
    expect(await criteriaOf(t.store)).toEqual([])
  })
})

describe('per-criterion trends by area', () => {
  test("by area, the criteria are the area's rubric's with each attempt's results under it", async () => {
    for (const [i, [own, other]] of [
      [80, 30],
      [40, 70],
    ].entries()) {
      await t.store.insertAttempt({
        promptId: 'ownership-outside-scope',
        answer: `a${i}`,
        tags: ['ownership', 'conflict'],
        ...ownershipAnswer(own!, other!),
        createdAt: MON + i * 3_600_000,
      })
    }
    const day = '2025-03-03'
    // Conflict: its own criterion only, at the results under its rubric (30% and 70%), and its own totals.
    expect(await t.store.trends({ tag: 'conflict' }, 'day')).toEqual({
      overall: [{ period: day, attempts: 2, average: 50 }],
      criteria: [{ criterionId: 'disagree-and-commit', period: day, attempts: 2, average: 50 }],
    })
    // Ownership: the report's criteria, as the report came from that rubric.
    expect((await t.store.trends({ tag: 'ownership' }, 'day')).criteria).toEqual([
      { criterionId: 'measurable-result', period: day, attempts: 2, average: 50 },
      { criterionId: 'star-structure', period: day, attempts: 2, average: 60 },
    ])
    // Without an area, each attempt's own report as before.
    expect((await t.store.trends({}, 'day')).criteria.map((c) => c.criterionId)).toEqual([
      'measurable-result',
      'star-structure',
    ])
    // A score bound applies to the score under the area's rubric: only the 70 under Conflict.
    expect((await t.store.trends({ tag: 'conflict', minScore: 60 }, 'day')).criteria).toEqual([
      { criterionId: 'disagree-and-commit', period: day, attempts: 1, average: 70 },
    ])
  })
})

describe('migration 0008 and the back-fill', () => {
  /**
   * A database with `count` Ownership attempts as the code of schema 0007 wrote them: scores by area, no criteria.
   * On SQLite: at schema 0007, then migrated. On PostgreSQL, whose schema starts with per-area criteria: the
   * attempts stored with their scores by area and no criteria, then seeded and queued as migration 0008 does.
   */
  async function migratedWith(count: number): Promise<Store> {
    if (onPostgres()) {
      const store = await openTestStore()
      for (let i = 0; i < count; i++) {
        const at = MON + i * 60_000
        await store.insertAttempt({
          promptId: 'ownership-outside-scope',
          answer: `answer ${i}`,
          tags: ['ownership', 'conflict'],
          report: {
            rubricId: 'ownership',
            rubricHash: 'h',
            engineVersion: '1',
            score: 60,
            band: weak,
            criteria: [{ id: 'star-structure', score: 12, max: 20, status: 'partial' }],
          },
          // As 0005-0007 stored them: a score per area, the other area's from an older rubric.
          areaScores: [
            { rubricId: 'ownership', score: 60, band: weak },
            { rubricId: 'conflict', score: 11, band: weak },
          ],
          createdAt: at,
        })
      }
      await runOn(
        store,
        sql`INSERT INTO attempt_area_criteria (attempt_id, rubric_id, criterion_id, score, max, status)
          SELECT c.attempt_id, a.rubric_id, c.criterion_id, c.score, c.max, c.status
          FROM attempt_criteria c JOIN attempts a ON a.id = c.attempt_id
          JOIN attempt_tags t ON t.attempt_id = a.id AND t.tag = a.rubric_id
          ON CONFLICT DO NOTHING`,
      )
      await runOn(
        store,
        sql`INSERT INTO area_score_backfill (attempt_id) SELECT id FROM attempts ON CONFLICT DO NOTHING`,
      )
      return store
    }
    const dir = mkdtempSync(join(tmpdir(), 'starboard-db-'))
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
    const store = sqliteStore(createDb(file))
    return {
      ...store,
      async close() {
        await store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }

  test("the own rubric's criteria are copied at once; the other areas' are back-filled, resumably", async () => {
    const migrated = await migratedWith(30)
    try {
      expect(await migrated.pendingAreaScoreBackfill()).toBe(30)
      // Before any back-fill: the own area's criteria are the report's, so trends by that area are right.
      expect(await criteriaOf(migrated)).toHaveLength(30)
      expect((await migrated.trends({ tag: 'ownership' }, 'day')).criteria).toEqual([
        { criterionId: 'star-structure', period: '2025-03-03', attempts: 30, average: 60 },
      ])
      expect((await migrated.trends({ tag: 'conflict' }, 'day')).criteria).toEqual([])
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
      await migrated.replaceAttemptReport(30, {
        ...rescored,
        tags: ['ownership', 'conflict'],
        scoredAt: MON + DAY,
      })
      expect(await migrated.pendingAreaScoreBackfill()).toBe(29)
      // Two batches, as a restart between them would leave it: the queue says where to resume.
      expect(await migrated.backfillAreaScores(scorer, 20)).toBe(20)
      expect(await migrated.pendingAreaScoreBackfill()).toBe(9)
      expect(await migrated.backfillAreaScores(scorer, 20)).toBe(9)
      expect(await migrated.pendingAreaScoreBackfill()).toBe(0)
      const conflict = await migrated.trends({ tag: 'conflict' }, 'day')
      // 29 back-filled at 45% and the re-scored one at 77%, all under Conflict's criterion.
      expect(conflict.criteria).toEqual([
        { criterionId: 'disagree-and-commit', period: '2025-03-03', attempts: 30, average: 46.07 },
      ])
      // The back-filled scores replaced the older ones (11); the re-scored attempt kept its 77.
      expect(conflict.overall).toEqual([{ period: '2025-03-03', attempts: 30, average: 46.07 }])
    } finally {
      await migrated.close()
    }
  })
})

// SQLite's query planner.
describe.skipIf(onPostgres())('query plans', () => {
  const temp = useTempDb()
  test("a re-score, a delete and the back-fill reach an attempt's per-area criteria by the primary key", () => {
    const plan = (q: string) =>
      (temp.db.$client.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[])
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
