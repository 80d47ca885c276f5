// Migrations bring a database written by an older schema up to date, filling the copied columns.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { closeDb, createDb, type Db, practiceByArea, trends } from '../../db/index'
import { MON, openTempDb, removeTempDb } from './helpers'

let dir: string
let db: Db
beforeEach(() => {
  ;({ dir, db } = openTempDb())
})
afterEach(() => removeTempDb(dir, db))

describe('migrations', () => {
  test('0002/0003 fill the copied columns and the rollup from attempts stored before them', () => {
    const file = join(dir, 'old.db')
    const old = new Database(file)
    const folder = fileURLToPath(new URL('../../db/migrations/', import.meta.url))
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[]
    }
    // The schema as of 0001, with one attempt written the old way.
    for (const { tag } of journal.entries.slice(0, 2)) {
      for (const statement of readFileSync(join(folder, `${tag}.sql`), 'utf8').split(
        '--> statement-breakpoint',
      )) {
        if (statement.trim() !== '') old.exec(statement)
      }
    }
    old.exec(`INSERT INTO attempts (id, prompt_id, rubric_id, rubric_hash, engine_version, answer, score, band_id,
      band_label, report, created_at, scored_at) VALUES (7, 'p', 'r', 'h', '1', 'a', 60, 'b', 'B', '{}', ${MON}, ${MON})`)
    old.exec(`INSERT INTO attempt_criteria VALUES (7, 'c', 5, 10, 'partial')`)
    old.exec(`INSERT INTO attempt_tags VALUES (7, 'ownership')`)
    // What drizzle's migrator records, so createDb applies only the later migrations.
    old.exec(
      'CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
    )
    const whens = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')).entries.map(
      (e: { when: number }) => e.when,
    )
    old.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('0001', whens[1])
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
      expect(practiceByArea(migrated)[0]).toMatchObject({ tag: 'ownership', best: 60, bestAttemptId: 7 })
    } finally {
      closeDb(migrated)
    }
  })
})
