// Cohorts in team mode: who belongs to which as instructor or candidate, invite links, and what a cohort's
// instructors may see of its candidates' practice.

import { and, asc, type Column, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from './client'
import {
  attemptAreaScores,
  attemptCriteria,
  attempts,
  cohortInvites,
  cohortMembers,
  cohorts,
  users,
} from './schema'

export type CohortRole = 'instructor' | 'candidate'

export interface CohortSummary {
  id: number
  name: string
  /** The viewer's place in it. */
  role: CohortRole
  members: number
  createdAt: number
}

/** Creates a cohort with its creator as its first instructor; returns its id. */
export function createCohort(db: Db, name: string, creator: string, at: number): number {
  return db.$client.transaction(() => {
    const row = db
      .insert(cohorts)
      .values({ name, createdBy: creator, createdAt: at })
      .returning({ id: cohorts.id })
      .get()
    db.insert(cohortMembers)
      .values({ cohortId: row.id, userId: creator, role: 'instructor', joinedAt: at })
      .run()
    return row.id
  })()
}

export function cohortExists(db: Db, id: number): boolean {
  return db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, id)).get() !== undefined
}

export function cohortName(db: Db, id: number): string | undefined {
  return db.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, id)).get()?.name
}

/** The account's role in the cohort, or undefined when it is not a member. */
export function membership(db: Db, cohortId: number, userId: string): CohortRole | undefined {
  return db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
    .get()?.role
}

/**
 * Adds the account to the cohort; a member keeps the role it has, except that a candidate invited again stays a
 * candidate and an instructor never drops to candidate. Returns the role it has afterwards.
 */
export function joinCohort(
  db: Db,
  cohortId: number,
  userId: string,
  role: CohortRole,
  at: number,
): CohortRole {
  db.insert(cohortMembers).values({ cohortId, userId, role, joinedAt: at }).onConflictDoNothing().run()
  return membership(db, cohortId, userId) ?? role
}

/** The cohorts the account belongs to (every cohort, for `all`: an admin's view), by name. */
export function listCohorts(db: Db, userId: string, all = false): CohortSummary[] {
  const count = sql<number>`(SELECT count(*) FROM ${cohortMembers} m WHERE m.cohort_id = ${cohorts.id})`
  const role = sql<CohortRole>`coalesce(${cohortMembers.role}, 'instructor')`
  const rows = db
    .select({ id: cohorts.id, name: cohorts.name, role, members: count, createdAt: cohorts.createdAt })
    .from(cohorts)
    .leftJoin(cohortMembers, and(eq(cohortMembers.cohortId, cohorts.id), eq(cohortMembers.userId, userId)))
    .where(all ? undefined : sql`${cohortMembers.userId} IS NOT NULL`)
    .orderBy(asc(cohorts.name), asc(cohorts.id))
    .all()
  return rows
}

/** Stores a new invite to the cohort by its token's hash, usable until `expiresAt`; returns the invite's id. */
export function createInvite(
  db: Db,
  cohortId: number,
  tokenHash: string,
  creator: string,
  at: number,
  expiresAt: number,
): number {
  return db
    .insert(cohortInvites)
    .values({ cohortId, tokenHash, createdBy: creator, createdAt: at, expiresAt })
    .returning({ id: cohortInvites.id })
    .get().id
}

/** Revokes the cohort's invite; false when the cohort has no such invite. Revoking twice is not an error. */
export function revokeInvite(db: Db, cohortId: number, inviteId: number, at: number): boolean {
  const found = db
    .select({ revokedAt: cohortInvites.revokedAt })
    .from(cohortInvites)
    .where(and(eq(cohortInvites.id, inviteId), eq(cohortInvites.cohortId, cohortId)))
    .get()
  if (found === undefined) return false
  if (found.revokedAt === null) {
    db.update(cohortInvites).set({ revokedAt: at }).where(eq(cohortInvites.id, inviteId)).run()
  }
  return true
}

/** An invite's expiry is still ahead of `now` (invites made before invites expired never do). */
export function unexpired(expiresAt: Column, now: number): SQL | undefined {
  return or(isNull(expiresAt), gt(expiresAt, now))
}

/** The invite with this token hash when it has not been revoked and has not expired by `now`. */
export function findUsableInvite(
  db: Db,
  tokenHash: string,
  now: number,
): { id: number; cohortId: number } | undefined {
  return db
    .select({ id: cohortInvites.id, cohortId: cohortInvites.cohortId })
    .from(cohortInvites)
    .where(
      and(
        eq(cohortInvites.tokenHash, tokenHash),
        isNull(cohortInvites.revokedAt),
        unexpired(cohortInvites.expiresAt, now),
      ),
    )
    .get()
}

export interface CohortMember {
  id: string
  name: string
  role: CohortRole
  shareAnswers: boolean
  joinedAt: number
}

export function cohortMembersOf(db: Db, cohortId: number): CohortMember[] {
  return db
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
    .orderBy(asc(users.name), asc(users.id))
    .all()
}

/** A candidate's choice to let the cohort's instructors read all of their answer texts. */
export function setCohortSharing(db: Db, cohortId: number, userId: string, share: boolean): boolean {
  return (
    db
      .update(cohortMembers)
      .set({ shareAnswers: share })
      .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
      .run().changes > 0
  )
}

/** Shares (or stops sharing) one attempt's answer text with the instructors of the owner's cohorts. */
export function setAttemptSharing(db: Db, attemptId: number, owner: string, share: boolean): boolean {
  return (
    db
      .update(attempts)
      .set({ shared: share })
      .where(and(eq(attempts.id, attemptId), eq(attempts.ownerId, owner)))
      .run().changes > 0
  )
}

export interface CohortAttempt {
  id: number
  ownerId: string
  promptId: string
  rubricId: string
  score: number
  bandLabel: string
  createdAt: number
  /** The answer text, only when its owner shares it (this attempt, or all of theirs with this cohort). */
  answer: string | null
  criteria: { id: string; score: number; max: number; status: 'met' | 'partial' | 'missed' }[]
}

/** How many of the cohort's latest attempts its progress reads. */
const COHORT_ATTEMPT_LIMIT = 2000

/**
 * The latest attempts of the cohort's candidates, newest first, with their criteria. The answer text is selected
 * only where the owner shares it; an unshared text is never read out of the database.
 */
export function cohortAttempts(db: Db, cohortId: number, since?: number): CohortAttempt[] {
  const shareAll = sql<number>`(SELECT m.share_answers FROM ${cohortMembers} m
    WHERE m.cohort_id = ${cohortId} AND m.user_id = ${attempts.ownerId})`
  const candidates = db
    .select({ id: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, 'candidate')))
  const rows = db
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
      >`CASE WHEN ${or(eq(attempts.shared, true), sql`${shareAll} = 1`)} THEN ${attempts.answer} ELSE NULL END`,
    })
    .from(attempts)
    .where(
      and(
        inArray(attempts.ownerId, candidates),
        since === undefined ? undefined : sql`${attempts.createdAt} >= ${since}`,
      ),
    )
    .orderBy(desc(attempts.createdAt), desc(attempts.id))
    .limit(COHORT_ATTEMPT_LIMIT)
    .all()
  if (rows.length === 0) return []
  const criteria = new Map<number, CohortAttempt['criteria']>()
  const ids = rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500)
    for (const c of db
      .select({
        attemptId: attemptCriteria.attemptId,
        id: attemptCriteria.criterionId,
        score: attemptCriteria.score,
        max: attemptCriteria.max,
        status: attemptCriteria.status,
      })
      .from(attemptCriteria)
      .where(inArray(attemptCriteria.attemptId, part))
      .all()) {
      const list = criteria.get(c.attemptId) ?? []
      list.push({ id: c.id, score: c.score, max: c.max, status: c.status })
      criteria.set(c.attemptId, list)
    }
  }
  return rows.map((r) => ({ ...r, criteria: criteria.get(r.id) ?? [] }))
}

/** Each candidate's best score per area (under the area's own rubric): the cohort's coverage heat map. */
export function cohortCoverage(
  db: Db,
  cohortId: number,
): { ownerId: string; area: string; best: number; attempts: number }[] {
  return db
    .select({
      ownerId: sql<string>`${attempts.ownerId}`,
      area: attemptAreaScores.rubricId,
      best: sql<number>`max(${attemptAreaScores.score})`,
      attempts: sql<number>`count(*)`,
    })
    .from(attempts)
    .innerJoin(attemptAreaScores, eq(attemptAreaScores.attemptId, attempts.id))
    .where(
      inArray(
        attempts.ownerId,
        db
          .select({ id: cohortMembers.userId })
          .from(cohortMembers)
          .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, 'candidate'))),
      ),
    )
    .groupBy(attempts.ownerId, attemptAreaScores.rubricId)
    .orderBy(attempts.ownerId, attemptAreaScores.rubricId)
    .all()
}
