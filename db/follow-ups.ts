// Follow-up answers to an attempt's probes: stored with the attempt, together with the report that scores both.

import { asc, eq } from 'drizzle-orm'
import type { AreaScore } from './area-scores'
import { type ReportReplacement, replaceAttemptReport, type StorableReport } from './attempts'
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

/** The SQLite error for a second follow-up to the same probe of an attempt. */
export function isDuplicateFollowUp(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    err.message.includes('attempt_follow_ups')
  )
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
