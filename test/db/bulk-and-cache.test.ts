// Bulk inserts match single inserts, and cached aggregates follow every write, from this connection or another.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  closeDb,
  createDb,
  type Db,
  deleteAttempt,
  findAttempt,
  insertAttempt,
  insertAttempts,
  type NewAttempt,
  practiceByArea,
  trends,
} from '../../db/index'
import { sameScoreEveryArea } from './helpers'

const MON = Date.parse('2025-03-03T09:00:00Z')

function attempt(score: number, createdAt = MON): NewAttempt {
  const tags = ['ownership', 'conflict', 'ownership']
  const report: NewAttempt['report'] = {
    rubricId: 'ownership',
    rubricHash: 'h',
    engineVersion: '1',
    score,
    band: { id: 'weak', label: 'Needs work' },
    criteria: [{ id: 'star-structure', score: score / 5, max: 20, status: 'partial' }],
  }
  return {
    promptId: 'ownership-outside-scope',
    answer: `An answer scoring ${score}.`,
    durationMs: 1000,
    tags,
    createdAt,
    report,
    areaScores: sameScoreEveryArea(report, tags),
  }
}

let dir: string
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-db-bulk-'))
  db = createDb(join(dir, 'starboard.db'))
})
afterEach(() => {
  closeDb(db)
  rmSync(dir, { recursive: true, force: true })
})

test('insertAttempts stores the same rows as insertAttempt, in one transaction', () => {
  const one = insertAttempt(db, attempt(40))
  const [two, three] = insertAttempts(db, [attempt(40), attempt(70)])
  const strip = (id: number) => {
    const { id: _id, ...rest } = findAttempt(db, id)!
    return rest
  }
  expect(strip(two!)).toEqual(strip(one))
  expect(findAttempt(db, three!)?.tags).toEqual(['conflict', 'ownership'])
  expect(practiceByArea(db).map((p) => [p.tag, p.attempts])).toEqual([
    ['conflict', 3],
    ['ownership', 3],
  ])
  // A failing row rolls the whole batch back.
  const bad = { ...attempt(50), promptId: null as unknown as string }
  expect(() => insertAttempts(db, [attempt(50), bad])).toThrow()
  expect(trends(db, {}, 'day').overall[0]?.attempts).toBe(3)
})

test('cached trends and coverage change as soon as attempts are written or deleted', () => {
  const id = insertAttempt(db, attempt(40))
  expect(trends(db, {}, 'day').overall).toEqual([{ period: '2025-03-03', attempts: 1, average: 40 }])
  expect(trends(db, {}, 'week').criteria[0]?.average).toBe(40)
  expect(practiceByArea(db)[0]?.best).toBe(40)

  insertAttempt(db, attempt(80))
  expect(trends(db, {}, 'day').overall).toEqual([{ period: '2025-03-03', attempts: 2, average: 60 }])
  expect(trends(db, {}, 'week').criteria[0]?.average).toBe(60)
  expect(practiceByArea(db)[0]?.best).toBe(80)

  deleteAttempt(db, id)
  expect(trends(db, {}, 'day').overall).toEqual([{ period: '2025-03-03', attempts: 1, average: 80 }])
  // Filters are part of what is cached.
  expect(trends(db, { minScore: 90 }, 'day').overall).toEqual([])
})

test('a commit by another connection (another process, the CLI) is seen too', () => {
  insertAttempt(db, attempt(40))
  expect(practiceByArea(db)[0]?.attempts).toBe(1)
  const other = createDb(join(dir, 'starboard.db'))
  try {
    insertAttempt(other, attempt(90))
  } finally {
    closeDb(other)
  }
  expect(practiceByArea(db)[0]).toMatchObject({ attempts: 2, best: 90 })
  expect(trends(db, {}, 'day').overall[0]).toMatchObject({ attempts: 2, average: 65 })
})
