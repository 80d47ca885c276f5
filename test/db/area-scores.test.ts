// Per-area scores: stored with the attempt, replaced by a re-score, deleted with it; and the one-time back-fill
// of attempts stored before them, in batches.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { type AreaScore, type AttemptToBackfill, createDb } from '../../db/index'
import { type Store, sqliteStore } from '../../db/store'
import { onPostgres } from '../support/postgres'
import { openTestStore } from '../support/store'
import { DAY, databaseAtMigration, MON, report } from './helpers'
import { rowsOf, runOn, useTestStore } from './store-helpers'

const t = useTestStore()

const strong = { id: 'strong', label: 'Strong' }
const weak = { id: 'weak', label: 'Needs work' }

const areaRows = (store: Store) =>
  rowsOf<{ attempt_id: number; rubric_id: string; score: number }>(
    store,
    sql`SELECT attempt_id, rubric_id, score, band_id, band_label, created_at FROM attempt_area_scores
      ORDER BY attempt_id, rubric_id`,
  )

describe('stored with the attempt', () => {
  test("one row per area, in the attempt's transaction; an area given twice is stored once", async () => {
    const areaScores: AreaScore[] = [
      { rubricId: 'ownership', score: 82, band: strong },
      { rubricId: 'conflict', score: 41, band: weak },
      { rubricId: 'ownership', score: 10, band: weak },
    ]
    const id = await t.store.insertAttempt({
      promptId: 'ownership-outside-scope',
      answer: 'a',
      tags: ['ownership', 'conflict'],
      report: report(82),
      areaScores,
      createdAt: MON,
    })
    expect(await areaRows(t.store)).toEqual([
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
    await expect(
      t.store.insertAttempts([
        { promptId: 'p', answer: 'c', tags: ['ownership'], report: report(5), areaScores, createdAt: MON },
        bad,
      ]),
    ).rejects.toThrow()
    expect(await areaRows(t.store)).toHaveLength(2)
  })

  test("a re-score replaces them (keeping the attempt's time); without new ones they stay; a delete removes them", async () => {
    const id = await t.store.insertAttempt({
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
    await t.store.replaceAttemptReport(id, {
      report: report(85),
      tags: ['ownership', 'conflict'],
      areaScores: [
        { rubricId: 'ownership', score: 85, band: strong },
        { rubricId: 'conflict', score: 70, band: weak },
      ],
      scoredAt: MON + DAY,
    })
    expect(await areaRows(t.store)).toEqual([
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
    await t.store.replaceAttemptReport(id, {
      report: report(20),
      tags: ['ownership'],
      scoredAt: MON + 2 * DAY,
    })
    expect(await areaRows(t.store)).toHaveLength(2)
    // A re-score whose areas shrank drops the area no longer scored.
    await t.store.replaceAttemptReport(id, {
      report: report(20),
      tags: ['ownership'],
      areaScores: [{ rubricId: 'ownership', score: 20, band: weak }],
      scoredAt: MON + 3 * DAY,
    })
    expect(await areaRows(t.store)).toEqual([
      {
        attempt_id: id,
        rubric_id: 'ownership',
        score: 20,
        band_id: 'weak',
        band_label: 'Needs work',
        created_at: MON,
      },
    ])
    expect(await t.store.deleteAttempt(id)).toBe(true)
    expect(await areaRows(t.store)).toEqual([])
  })
})

describe('the back-fill', () => {
  /**
   * A database holding `count` attempts from before per-area scores, queued for the back-fill. On SQLite: at
   * schema 0004, the attempts written as that schema's code wrote them, then migrated. On PostgreSQL, whose schema
   * starts with per-area scores: the attempts stored without them, then queued as SQLite's migrations 0006 and
   * 0008 queue them (every attempt, and the row of its own rubric copied from its report).
   */
  async function migratedWith(count: number): Promise<Store> {
    const attempts = Array.from({ length: count }, (_, i) => {
      const score = i % 101
      return { score, band: score >= 80 ? strong : weak, at: MON + i * 60_000, answer: `answer ${i}` }
    })
    if (onPostgres()) {
      const store = await openTestStore()
      await store.insertAttempts(
        attempts.map((a) => ({
          promptId: 'ownership-outside-scope',
          answer: a.answer,
          tags: ['ownership', 'conflict'],
          report: { ...report(a.score), rubricHash: 'h', engineVersion: '1', band: a.band, criteria: [] },
          createdAt: a.at,
        })),
      )
      await runOn(
        store,
        sql`INSERT INTO attempt_area_scores (attempt_id, rubric_id, score, band_id, band_label, created_at)
          SELECT a.id, a.rubric_id, a.score, a.band_id, a.band_label, a.created_at
          FROM attempts a JOIN attempt_tags t ON t.attempt_id = a.id AND t.tag = a.rubric_id`,
      )
      await runOn(store, sql`INSERT INTO area_score_backfill (attempt_id) SELECT id FROM attempts`)
      return store
    }
    const dir = mkdtempSync(join(tmpdir(), 'starboard-db-'))
    const file = join(dir, 'at-0004.db')
    const old = databaseAtMigration(file, 5)
    const attempt =
      old.prepare(`INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer,
      score, band_id, band_label, report, created_at, scored_at) VALUES (?, 'ownership', 'h', '1', ?, ?, ?, ?, '{}', ?, ?)`)
    const tag = old.prepare(
      'INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)',
    )
    old.transaction(() => {
      for (const a of attempts) {
        const id = Number(
          attempt.run('ownership-outside-scope', a.answer, a.score, a.band.id, a.band.label, a.at, a.at)
            .lastInsertRowid,
        )
        for (const t of ['ownership', 'conflict']) tag.run(id, t, a.score, a.at)
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

  test('scores every queued attempt once, in batches, each batch stored whole with its queue rows removed', async () => {
    const migrated = await migratedWith(250)
    try {
      expect(await migrated.pendingAreaScoreBackfill()).toBe(250)
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
      expect(await migrated.backfillAreaScores(scorer, 100)).toBe(100)
      expect(await migrated.pendingAreaScoreBackfill()).toBe(150)
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
      await expect(
        migrated.backfillAreaScores((a) => {
          if (a.id === 150) throw new Error('no rubric')
          return scorer(a)
        }),
      ).rejects.toThrow('no rubric')
      expect(await migrated.pendingAreaScoreBackfill()).toBe(150)
      // Migration 0008 gave all 250 their own rubric's row; the first batch added the other area for 100.
      expect(await areaRows(migrated)).toHaveLength(350)
      expect(await migrated.backfillAreaScores(scorer, 100)).toBe(100)
      expect(await migrated.backfillAreaScores(scorer, 100)).toBe(50)
      expect(await migrated.backfillAreaScores(scorer, 100)).toBe(0)
      expect(await migrated.pendingAreaScoreBackfill()).toBe(0)
      expect(await areaRows(migrated)).toHaveLength(500)
      expect((await areaRows(migrated)).filter((r) => r.attempt_id === 101)).toEqual([
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
      await migrated.close()
    }
  })

  test('an attempt re-scored before the back-fill reached it keeps its newer per-area scores', async () => {
    const migrated = await migratedWith(2)
    try {
      await migrated.replaceAttemptReport(2, {
        report: report(90),
        tags: ['ownership', 'conflict'],
        areaScores: [
          { rubricId: 'ownership', score: 90, band: strong },
          { rubricId: 'conflict', score: 77, band: weak },
        ],
        scoredAt: MON + DAY,
      })
      await migrated.backfillAreaScores((a) => a.tags.map((rubricId) => ({ rubricId, score: 0, band: weak })))
      expect(await migrated.pendingAreaScoreBackfill()).toBe(0)
      expect(
        (await areaRows(migrated)).map((r) => {
          const { attempt_id, rubric_id, score } = r
          return [attempt_id, rubric_id, score]
        }),
      ).toEqual([
        [1, 'conflict', 0],
        [1, 'ownership', 0],
        [2, 'conflict', 77],
        [2, 'ownership', 90],
      ])
    } finally {
      await migrated.close()
    }
  })
})
