// Follow-up answers to an attempt's probes: stored with the attempt, together with the report that scores both.

import { asc, eq } from 'drizzle-orm'
import type { AreaScore } from './area-scores'
import type { ReportReplacement, StorableReport } from './attempt-model'
import { replaceAttemptReport } from './attempts'
import type { Db } from './client'
import { attemptFollowUps, attempts } from './schema'

export interface NewFollowUp {
  probeId: string
  criterionId: string
  question: string
  answer: string
}

export interface FollowUpRecord extends NewFollowUp {
  id: number
  attemptId: number
  createdAt: number
}

/** An attempt's follow-ups, in the order they were given. */
export function listFollowUps(db: Db, attemptId: number): FollowUpRecord[] {
  return db
    .select()
    .from(attemptFollowUps)
    .where(eq(attemptFollowUps.attemptId, attemptId))
    .orderBy(asc(attemptFollowUps.id))
    .all()
}

/**
 * The error for a second follow-up to the same probe of an attempt: SQLite's unique constraint on
 * attempt_follow_ups, or PostgreSQL's unique violation (23505) of its index (the driver's error, or the cause of
 * the query error drizzle wraps it in).
 */
export function isDuplicateFollowUp(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const { code, constraint } = err as { code?: string; constraint?: string }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return err.message.includes('attempt_follow_ups')
  if (code === '23505') return constraint?.startsWith('attempt_follow_ups') === true
  return err.cause !== undefined && isDuplicateFollowUp(err.cause)
}

/**
 * Stores a follow-up and the attempt's new report (answer and follow-ups scored together) in one transaction:
 * the report it replaces moves to the attempt's history. Undefined when there is no such attempt; throws a
 * unique-constraint error (see isDuplicateFollowUp) when the probe was answered already.
 */
export function addFollowUp(
  db: Db,
  attemptId: number,
  followUp: NewFollowUp,
  next: { report: StorableReport; tags: readonly string[]; areaScores?: readonly AreaScore[]; at: number },
): { followUpId: number; replaced: ReportReplacement } | undefined {
  return db.$client
    .transaction(() => {
      const exists = db.select({ id: attempts.id }).from(attempts).where(eq(attempts.id, attemptId)).get()
      if (exists === undefined) return undefined
      const row = db
        .insert(attemptFollowUps)
        .values({ attemptId, ...followUp, createdAt: next.at })
        .returning({ id: attemptFollowUps.id })
        .get()
      const replaced = replaceAttemptReport(db, attemptId, {
        report: next.report,
        tags: next.tags,
        areaScores: next.areaScores,
        scoredAt: next.at,
      })
      return replaced === undefined ? undefined : { followUpId: row.id, replaced }
    })
    .immediate()
}

/** Stores follow-ups of a new attempt (inside the caller's transaction): the loop's answer with its probe round. */
export function insertFollowUps(
  db: Db,
  attemptId: number,
  followUps: readonly NewFollowUp[],
  at: number,
): void {
  for (const f of followUps)
    db.insert(attemptFollowUps)
      .values({ attemptId, ...f, createdAt: at })
      .run()
}
