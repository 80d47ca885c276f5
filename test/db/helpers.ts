// Shared by the database suites: a fresh database file per test, a report builder and a one-line attempt writer.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDb, createDb, type Db, insertAttempt, type StorableReport } from '../../db/index'

export const DAY = 86_400_000
export const MON = Date.parse('2025-03-03T09:00:00Z') // a Monday

export function report(
  score: number,
  rubricId = 'ownership',
  criteria?: StorableReport['criteria'],
): StorableReport {
  return {
    rubricId,
    rubricHash: `hash-${rubricId}`,
    engineVersion: '1.0.0',
    score,
    band: score >= 80 ? { id: 'strong', label: 'Strong' } : { id: 'weak', label: 'Needs work' },
    criteria: criteria ?? [
      { id: 'star-structure', score: score / 5, max: 20, status: 'partial' },
      {
        id: 'measurable-result',
        score: score >= 50 ? 10 : 0,
        max: 10,
        status: score >= 50 ? 'met' : 'missed',
      },
    ],
  }
}

/** A new database in a new temporary folder, one level down so createDb has a folder to create. */
export function openTempDb(): { dir: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-db-'))
  return { dir, db: createDb(join(dir, 'nested', 'starboard.db')) }
}

export function removeTempDb(dir: string, db: Db): void {
  closeDb(db)
  rmSync(dir, { recursive: true, force: true })
}

export type AddArgs = [score: number, createdAt: number, promptId?: string, tags?: string[]]

/** Stores an attempt scoring `score` whose report is rubric `tags[0]`; returns its id. */
export function addAttempt(
  db: Db,
  score: number,
  createdAt: number,
  promptId = 'ownership-outside-scope',
  tags = ['ownership'],
): number {
  return insertAttempt(db, {
    promptId,
    answer: `answer scoring ${score}`,
    tags,
    report: report(score, tags[0]),
    createdAt,
  })
}
