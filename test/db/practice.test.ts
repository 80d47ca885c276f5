// Practice per area and attempt counts per prompt.

import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { attemptCountsByPrompt, type Db, practiceByArea } from '../../db/index'
import { type AddArgs, addAttempt, MON, openTempDb, removeTempDb } from './helpers'

let dir: string
let db: Db
beforeEach(() => {
  ;({ dir, db } = openTempDb())
})
afterEach(() => removeTempDb(dir, db))
const add = (...args: AddArgs) => addAttempt(db, ...args)

describe('aggregates', () => {
  test('practice per area: attempts, best (earliest wins a tie), average of the latest five', () => {
    const scores = [50, 80, 80, 10, 20, 30, 40, 60]
    const ids = scores.map((s, i) =>
      add(s, MON + i * 1000, 'ownership-outside-scope', ['ownership', 'conflict']),
    )
    add(95, MON, 'conflict-disagreement', ['conflict'])
    const practice = practiceByArea(db)
    expect(practice).toEqual([
      {
        tag: 'conflict',
        attempts: 9,
        best: 95,
        bestAttemptId: ids.length + 1,
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        recentAverage: 32, // 10, 20, 30, 40, 60
        lastPractisedAt: MON + 7000,
      },
      {
        tag: 'ownership',
        attempts: 8,
        best: 80,
        bestAttemptId: ids[1],
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        recentAverage: 32,
        lastPractisedAt: MON + 7000,
      },
    ])
    expect(attemptCountsByPrompt(db)).toEqual(
      new Map([
        ['conflict-disagreement', 1],
        ['ownership-outside-scope', 8],
      ]),
    )
  })
})
