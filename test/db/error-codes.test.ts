// The errors the server tells apart, as either dialect raises them: a full disk, a probe answered twice.

import { describe, expect, test } from 'vitest'
import { isDiskFull, isDuplicateFollowUp } from '../../db/index'

/** An Error with a driver's fields, as better-sqlite3 and node-postgres raise them. */
const driverError = (message: string, fields: Record<string, string>) =>
  Object.assign(new Error(message), fields)

/** A driver's error as drizzle rethrows it: a query error whose cause it is. */
const wrapped = (cause: Error) => new Error('Failed query: INSERT ...', { cause })

describe('error codes', () => {
  test("a full disk: SQLite's SQLITE_FULL or PostgreSQL's 53100, directly or as the cause", () => {
    const sqlite = driverError('database or disk is full', { code: 'SQLITE_FULL' })
    const postgres = driverError('could not extend file', { code: '53100' })
    for (const err of [sqlite, postgres, wrapped(sqlite), wrapped(postgres)])
      expect(isDiskFull(err)).toBe(true)
    for (const err of [
      driverError('x', { code: '23505' }),
      wrapped(new Error('x')),
      new Error('x'),
      'x',
      null,
    ]) {
      expect(isDiskFull(err)).toBe(false)
    }
  })

  test('a second answer to a probe: the unique index of attempt_follow_ups on either dialect, and no other', () => {
    const sqlite = driverError(
      'UNIQUE constraint failed: attempt_follow_ups.attempt_id, attempt_follow_ups.probe_id',
      {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      },
    )
    const postgres = driverError('duplicate key value violates unique constraint', {
      code: '23505',
      constraint: 'attempt_follow_ups_attempt_probe_idx',
    })
    for (const err of [sqlite, postgres, wrapped(postgres)]) expect(isDuplicateFollowUp(err)).toBe(true)
    const otherIndex = driverError('duplicate key value violates unique constraint', {
      code: '23505',
      constraint: 'loop_questions_loop_prompt_idx',
    })
    const otherTable = driverError('UNIQUE constraint failed: loop_questions.loop_id', {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    })
    for (const err of [otherIndex, wrapped(otherIndex), otherTable, new Error('x'), undefined]) {
      expect(isDuplicateFollowUp(err)).toBe(false)
    }
  })
})
