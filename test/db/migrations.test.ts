// Migrations bring a database written by an older schema up to date, filling the copied columns, and queue the
// attempts stored before per-area scores for their one-time back-fill.

import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  backfillAreaScores,
  closeDb,
  createDb,
  pendingAreaScoreBackfill,
  practiceByArea,
  trends,
} from '../../db/index'
import { databaseAtMigration, MON, useTempDb } from './helpers'

const temp = useTempDb()

describe('migrations', () => {
  test('0002/0003 fill the copied columns and the rollup from attempts stored before them', () => {
    const file = join(temp.dir, 'old.db')
    // The schema as of 0001, with one attempt written the old way.
    const old = databaseAtMigration(file, 2)
    old.exec(`INSERT INTO attempts (id, prompt_id, rubric_id, rubric_hash, engine_version, answer, score, band_id,
      band_label, report, created_at, scored_at) VALUES (7, 'p', 'r', 'h', '1', 'a', 60, 'b', 'B', '{}', ${MON}, ${MON})`)
    old.exec(`INSERT INTO attempt_criteria VALUES (7, 'c', 5, 10, 'partial')`)
    old.exec(`INSERT INTO attempt_tags VALUES (7, 'ownership')`)
    old.close()

    const migrated = createDb(file)
    try {
      expect(migrated.all(sql`SELECT tag, score, created_at FROM attempt_tags`)).toEqual([
        { tag: 'ownership', score: 60, created_at: MON },
      ])
      expect(migrated.all(sql`SELECT criterion_id, created_at FROM attempt_criteria`)).toEqual([
        { criterion_id: 'c', created_at: MON },
      ])
      expect(trends(migrated, {}, 'day').overall).toEqual([
        { period: '2025-03-03', attempts: 1, average: 60 },
      ])
      expect(trends(migrated, {}, 'day').criteria).toEqual([
        { criterionId: 'c', period: '2025-03-03', attempts: 1, average: 50 },
      ])
      // Coverage reads per-area scores, which only the back-fill (with the engine, at server start) can write.
      expect(pendingAreaScoreBackfill(migrated)).toBe(1)
      backfillAreaScores(migrated, (a) =>
        a.tags.map((rubricId) => ({ rubricId, score: a.score, band: a.band })),
      )
      expect(practiceByArea(migrated)[0]).toMatchObject({ tag: 'ownership', best: 60, bestAttemptId: 7 })
    } finally {
      closeDb(migrated)
    }
  })

  test('0006 queues every attempt stored at 0004 once; attempts stored later are never queued', () => {
    const file = join(temp.dir, 'at-0004.db')
    const old = databaseAtMigration(file, 5)
    for (const id of [3, 4, 9]) {
      old.exec(`INSERT INTO attempts (id, prompt_id, rubric_id, rubric_hash, engine_version, answer, score, band_id,
        band_label, report, created_at, scored_at) VALUES (${id}, 'p', 'r', 'h', '1', 'a', 60, 'b', 'B', '{}', ${MON}, ${MON})`)
    }
    old.close()
    const migrated = createDb(file)
    try {
      expect(migrated.all(sql`SELECT attempt_id FROM area_score_backfill ORDER BY 1`)).toEqual([
        { attempt_id: 3 },
        { attempt_id: 4 },
        { attempt_id: 9 },
      ])
      // Deleting an attempt takes it off the queue (ON DELETE CASCADE), as it does its per-area scores.
      migrated.run(sql`DELETE FROM attempts WHERE id = 4`)
      expect(pendingAreaScoreBackfill(migrated)).toBe(2)
    } finally {
      closeDb(migrated)
    }
    // Opening again applies nothing more: the queue is not filled a second time.
    const reopened = createDb(file)
    try {
      expect(pendingAreaScoreBackfill(reopened)).toBe(2)
    } finally {
      closeDb(reopened)
    }
    expect(pendingAreaScoreBackfill(temp.db)).toBe(0)
  })
})
