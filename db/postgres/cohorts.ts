// PostgreSQL queries of db/cohorts.ts: the same functions, on a PgDb, answering promises. Names and ids are
// ordered bytewise (COLLATE "C"), as SQLite orders text, whatever the server's default collation.

import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import {
  type CohortAttempt,
  type CohortMember,
  type CohortRole,
  type CohortSummary,
  unexpired,
} from '../cohorts'
import type { PgDb } from './client'
import {
  attemptAreaScores,
  attemptCriteria,
  attempts,
  cohortInvites,
  cohortMembers,
  cohorts,
  users,
} from './schema'

/** Creates a cohort with its creator as its first instructor; returns its id. */
export async function createCohort(db: PgDb, name: string, creator: string, at: number): Promise<number> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cohorts)
      .values({ name, createdBy: creator, createdAt: at })
      .returning({ id: cohorts.id })
    const id = row!.id
    await tx.insert(cohortMembers).values({ cohortId: id, userId: creator, role: 'instructor', joinedAt: at })
    return id
  })
}

export async function cohortExists(db: PgDb, id: number): Promise<boolean> {
  const rows = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, id))
  return rows.length > 0
}

export async function cohortName(db: PgDb, id: number): Promise<string | undefined> {
  const [row] = await db.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, id))
  return row?.name
}

/** The account's role in the cohort, or undefined when it is not a member. */
export async function membership(
  db: PgDb,
  cohortId: number,
  userId: string,
): Promise<CohortRole | undefined> {
  const [row] = await db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
  return row?.role
}

/**
 * Adds the account to the cohort; a member keeps the role it has, except that a candidate invited again stays a
 * candidate and an instructor never drops to candidate. Returns the role it has afterwards.
 */
export async function joinCohort(
  db: PgDb,
  cohortId: number,
  userId: string,
  role: CohortRole,
  at: number,
): Promise<CohortRole> {
  await db.insert(cohortMembers).values({ cohortId, userId, role, joinedAt: at }).onConflictDoNothing()
  return (await membership(db, cohortId, userId)) ?? role
}

/** The cohorts the account belongs to (every cohort, for `all`: an admin's view), by name. */
export async function listCohorts(db: PgDb, userId: string, all = false): Promise<CohortSummary[]> {
  const count = sql<number>`(SELECT count(*) FROM ${cohortMembers} m WHERE m.cohort_id = ${cohorts.id})`
  const role = sql<CohortRole>`coalesce(${cohortMembers.role}, 'instructor')`
  return await db
    .select({ id: cohorts.id, name: cohorts.name, role, members: count, createdAt: cohorts.createdAt })
    .from(cohorts)
    .leftJoin(cohortMembers, and(eq(cohortMembers.cohortId, cohorts.id), eq(cohortMembers.userId, userId)))
    .where(all ? undefined : sql`${cohortMembers.userId} IS NOT NULL`)
    .orderBy(asc(sql`${cohorts.name} collate "C"`), asc(cohorts.id))
}

/** Stores a new invite to the cohort by its token's hash, usable until `expiresAt`; returns the invite's id. */
export async function createInvite(
  db: PgDb,
  cohortId: number,
  tokenHash: string,
  creator: string,
  at: number,
  expiresAt: number,
): Promise<number> {
  const [row] = await db
    .insert(cohortInvites)
    .values({ cohortId, tokenHash, createdBy: creator, createdAt: at, expiresAt })
    .returning({ id: cohortInvites.id })
  return row!.id
}

/**
 * Revokes the cohort's invite; false when the cohort has no such invite. Revoking twice is not an error, and the
 * first revocation's time stays. One statement, so two revocations at once cannot both write.
 */
export async function revokeInvite(
  db: PgDb,
  cohortId: number,
  inviteId: number,
  at: number,
): Promise<boolean> {
  const rows = await db
    .update(cohortInvites)
    .set({ revokedAt: sql`coalesce(${cohortInvites.revokedAt}, ${at})` })
    .where(and(eq(cohortInvites.id, inviteId), eq(cohortInvites.cohortId, cohortId)))
    .returning({ id: cohortInvites.id })
  return rows.length > 0
}

/** The invite with this token hash when it has not been revoked and has not expired by `now`. */
export async function findUsableInvite(
  db: PgDb,
  tokenHash: string,
  now: number,
): Promise<{ id: number; cohortId: number } | undefined> {
  const [row] = await db
    .select({ id: cohortInvites.id, cohortId: cohortInvites.cohortId })
    .from(cohortInvites)
    .where(
      and(
        eq(cohortInvites.tokenHash, tokenHash),
        isNull(cohortInvites.revokedAt),
        unexpired(cohortInvites.expiresAt, now),
      ),
    )
    .limit(1)
  return row
}

export async function cohortMembersOf(db: PgDb, cohortId: number): Promise<CohortMember[]> {
  return await db
    .select({
      id: users.id,
      name: users.name,
      role: cohortMembers.role,
      shareAnswers: cohortMembers.shareAnswers,
      joinedAt: cohortMembers.joinedAt,
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(sql`${users.id} collate "C"`))
}

/** A candidate's choice to let the cohort's instructors read all of their answer texts. */
export async function setCohortSharing(
  db: PgDb,
  cohortId: number,
  userId: string,
  share: boolean,
): Promise<boolean> {
  const result = await db
    .update(cohortMembers)
    .set({ shareAnswers: share })
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
  return (result.rowCount ?? 0) > 0
}

/** Shares (or stops sharing) one attempt's answer text with the instructors of the owner's cohorts. */
export async function setAttemptSharing(
  db: PgDb,
  attemptId: number,
  owner: string,
  share: boolean,
): Promise<boolean> {
  const result = await db
    .update(attempts)
    .set({ shared: share })
    .where(and(eq(attempts.id, attemptId), eq(attempts.ownerId, owner)))
  return (result.rowCount ?? 0) > 0
}

/** How many of the cohort's latest attempts its progress reads. */
const COHORT_ATTEMPT_LIMIT = 2000

/** The cohort's candidates, as a subquery. */
function candidatesOf(db: PgDb, cohortId: number) {
  return db
    .select({ id: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, 'candidate')))
}

/**
 * The latest attempts of the cohort's candidates, newest first, with their criteria (in criterion id order, as
 * SQLite reads them from the primary key). The answer text is selected only where the owner shares it; an unshared
 * text is never read out of the database.
 */
export async function cohortAttempts(db: PgDb, cohortId: number, since?: number): Promise<CohortAttempt[]> {
  const shareAll = sql<boolean>`(SELECT m.share_answers FROM ${cohortMembers} m
    WHERE m.cohort_id = ${cohortId} AND m.user_id = ${attempts.ownerId})`
  const rows = await db
    .select({
      id: attempts.id,
      ownerId: sql<string>`${attempts.ownerId}`,
      promptId: attempts.promptId,
      rubricId: attempts.rubricId,
      score: attempts.score,
      bandLabel: attempts.bandLabel,
      createdAt: attempts.createdAt,
      answer: sql<
        string | null
      >`CASE WHEN ${or(eq(attempts.shared, true), sql`${shareAll} IS TRUE`)} THEN ${attempts.answer} ELSE NULL END`,
    })
    .from(attempts)
    .where(
      and(
        inArray(attempts.ownerId, candidatesOf(db, cohortId)),
        since === undefined ? undefined : sql`${attempts.createdAt} >= ${since}`,
      ),
    )
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(COHORT_ATTEMPT_LIMIT)
  if (rows.length === 0) return []
  const criteria = new Map<number, CohortAttempt['criteria']>()
  const found = await db
    .select({
      attemptId: attemptCriteria.attemptId,
      id: attemptCriteria.criterionId,
      score: attemptCriteria.score,
      max: attemptCriteria.max,
      status: attemptCriteria.status,
    })
    .from(attemptCriteria)
    .where(
      inArray(
        attemptCriteria.attemptId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(attemptCriteria.attemptId), asc(sql`${attemptCriteria.criterionId} collate "C"`))
  for (const c of found) {
    const list = criteria.get(c.attemptId) ?? []
    list.push({ id: c.id, score: c.score, max: c.max, status: c.status })
    criteria.set(c.attemptId, list)
  }
  return rows.map((r) => ({ ...r, criteria: criteria.get(r.id) ?? [] }))
}

/** Each candidate's best score per area (under the area's own rubric): the cohort's coverage heat map. */
export async function cohortCoverage(
  db: PgDb,
  cohortId: number,
): Promise<{ ownerId: string; area: string; best: number; attempts: number }[]> {
  return await db
    .select({
      ownerId: sql<string>`${attempts.ownerId}`,
      area: attemptAreaScores.rubricId,
      best: sql<number>`max(${attemptAreaScores.score})`,
      attempts: sql<number>`count(*)`,
    })
    .from(attempts)
    .innerJoin(attemptAreaScores, eq(attemptAreaScores.attemptId, attempts.id))
    .where(inArray(attempts.ownerId, candidatesOf(db, cohortId)))
    .groupBy(attempts.ownerId, attemptAreaScores.rubricId)
    .orderBy(asc(sql`${attempts.ownerId} collate "C"`), asc(sql`${attemptAreaScores.rubricId} collate "C"`))
}
