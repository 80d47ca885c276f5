// PostgreSQL queries of db/follow-ups.ts: the same functions, on a PgDb, answering promises.

import { asc, eq } from 'drizzle-orm'
import type { AreaScore } from '../area-scores'
import type { ReportReplacement, StorableReport } from '../attempt-model'
import type { FollowUpRecord, NewFollowUp } from '../follow-ups'
import { replaceReportRows } from './attempt-rows'
import type { PgDb } from './client'
import { attemptFollowUps, attempts } from './schema'

/** An attempt's follow-ups, in the order they were given. */
export async function listFollowUps(db: PgDb, attemptId: number): Promise<FollowUpRecord[]> {
  return await db
    .select()
    .from(attemptFollowUps)
    .where(eq(attemptFollowUps.attemptId, attemptId))
    .orderBy(asc(attemptFollowUps.id))
}

/**
 * Stores a follow-up and the attempt's new report (answer and follow-ups scored together) in one transaction:
 * the report it replaces moves to the attempt's history. Undefined when there is no such attempt; throws a
 * unique-violation error (see isDuplicateFollowUp) when the probe was answered already. The attempt's row is
 * locked first, so a delete of it waits for this or this finds it gone.
 */
export async function addFollowUp(
  db: PgDb,
  attemptId: number,
  followUp: NewFollowUp,
  next: { report: StorableReport; tags: readonly string[]; areaScores?: readonly AreaScore[]; at: number },
): Promise<{ followUpId: number; replaced: ReportReplacement } | undefined> {
  return await db.transaction(async (tx) => {
    const [exists] = await tx
      .select({ id: attempts.id })
      .from(attempts)
      .where(eq(attempts.id, attemptId))
      .for('update')
    if (exists === undefined) return undefined
    const [row] = await tx
      .insert(attemptFollowUps)
      .values({ attemptId, ...followUp, createdAt: next.at })
      .returning({ id: attemptFollowUps.id })
    const replaced = await replaceReportRows(tx, attemptId, {
      report: next.report,
      tags: next.tags,
      areaScores: next.areaScores,
      scoredAt: next.at,
    })
    return replaced === undefined ? undefined : { followUpId: row!.id, replaced }
  })
}
