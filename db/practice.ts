// Practice per area and per prompt: how often, how well and how recently each was practised.

import { sql } from 'drizzle-orm'
import { cachedAggregate } from './cache'
import type { Db } from './client'
import {
  type AreaPractice,
  type AreaPracticeRow,
  areaPracticeSql,
  ownerPracticeSql,
  SQLITE_PRACTICE,
  withBestAttempt,
} from './practice-sql'
import { attemptAreaScores, attempts } from './schema'

/**
 * For every area (tag) that has attempts, judged by each attempt's score under the area's own rubric
 * (attempt_area_scores): how often it was practised, the best attempt so far (earliest wins a tie) and the
 * average of its latest attempts. Areas with no attempts do not appear.
 */
export function practiceByArea(db: Db, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent}`, () => computePracticeByArea(db, recent))
}

function computePracticeByArea(db: Db, recent: number): AreaPractice[] {
  return db
    .all<AreaPracticeRow>(areaPracticeSql({ attempts, attemptAreaScores }, recent, SQLITE_PRACTICE))
    .map(withBestAttempt)
}

/** How many attempts each prompt has, for prompts with at least one. */
export function attemptCountsByPrompt(db: Db): Map<string, number> {
  const rows = db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .groupBy(attempts.promptId)
    .all()
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}

/**
 * practiceByArea for one account (team mode): the same figures from that account's attempts only, found through
 * its owner index and each attempt's area scores.
 */
export function practiceByAreaOf(db: Db, ownerId: string, recent = 5): AreaPractice[] {
  return cachedAggregate(db, `practiceByArea ${recent} ${ownerId}`, () =>
    db
      .all<AreaPracticeRow>(
        ownerPracticeSql({ attempts, attemptAreaScores }, ownerId, recent, SQLITE_PRACTICE),
      )
      .map(withBestAttempt),
  )
}

/** attemptCountsByPrompt for one account (team mode). */
export function attemptCountsByPromptOf(db: Db, ownerId: string): Map<string, number> {
  const rows = db
    .select({ promptId: attempts.promptId, attempts: sql<number>`count(*)` })
    .from(attempts)
    .where(sql`${attempts.ownerId} = ${ownerId}`)
    .groupBy(attempts.promptId)
    .all()
  return new Map(rows.map((r) => [r.promptId, r.attempts]))
}
