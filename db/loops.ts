// Mock interview loops: the questions chosen when a loop starts, and the attempt that answers each one.

import { and, asc, type Column, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { AreaScore } from './area-scores'
import type { NewAttempt, StorableReport } from './attempt-model'
import { insertAttempt, replaceAttemptReport } from './attempts'
import type { Db } from './client'
import { insertFollowUps, type NewFollowUp } from './follow-ups'
import { attempts, loopQuestions, loops } from './schema'

export interface NewLoopQuestion {
  promptId: string
  rubricId: string
}

export interface LoopQuestionRecord extends NewLoopQuestion {
  position: number
  attemptId: number | null
}

export interface LoopRecord {
  id: number
  seed: string
  principles: string[]
  createdAt: number
  questions: LoopQuestionRecord[]
}

export interface LoopSummary {
  id: number
  seed: string
  createdAt: number
  questions: number
  answered: number
}

/** Stores a loop and its questions, in order, in one transaction; returns its id. */
export function insertLoop(
  db: Db,
  loop: {
    seed: string
    principles: readonly string[]
    createdAt: number
    questions: readonly NewLoopQuestion[]
    /** The account that starts it, in team mode; none in local mode. */
    ownerId?: string | null
  },
): number {
  return db.$client
    .transaction(() => {
      const row = db
        .insert(loops)
        .values({
          seed: loop.seed,
          principles: JSON.stringify(loop.principles),
          createdAt: loop.createdAt,
          ownerId: loop.ownerId ?? null,
        })
        .returning({ id: loops.id })
        .get()
      loop.questions.forEach((q, position) => {
        db.insert(loopQuestions)
          .values({ loopId: row.id, position, promptId: q.promptId, rubricId: q.rubricId })
          .run()
      })
      return row.id
    })
    .immediate()
}

/** The loop with its questions in order, or undefined. */
export function findLoop(db: Db, id: number): LoopRecord | undefined {
  const row = db.select().from(loops).where(eq(loops.id, id)).get()
  if (row === undefined) return undefined
  const questions = db
    .select({
      position: loopQuestions.position,
      promptId: loopQuestions.promptId,
      rubricId: loopQuestions.rubricId,
      attemptId: loopQuestions.attemptId,
    })
    .from(loopQuestions)
    .where(eq(loopQuestions.loopId, id))
    .orderBy(asc(loopQuestions.position))
    .all()
  return { ...row, principles: JSON.parse(row.principles) as string[], questions }
}

/** Which loops a page of the list holds: the account's own (team mode), older than the previous page's last. */
export function loopPageWhere(
  table: { ownerId: Column; createdAt: Column; id: Column },
  { after, ownerId }: { after?: { createdAt: number; id: number }; ownerId?: string | undefined },
): SQL | undefined {
  return and(
    ownerId === undefined ? undefined : eq(table.ownerId, ownerId),
    after === undefined
      ? undefined
      : or(
          lt(table.createdAt, after.createdAt),
          and(eq(table.createdAt, after.createdAt), lt(table.id, after.id)),
        ),
  )
}

/** A page of loops with each one's count of questions and of answered questions (0 when it has none). */
export function withCounts(
  page: readonly { id: number; seed: string; createdAt: number }[],
  counts: readonly { loopId: number; questions: number; answered: number }[],
): LoopSummary[] {
  const byLoop = new Map(counts.map((c) => [c.loopId, c]))
  return page.map((l) => ({
    ...l,
    questions: byLoop.get(l.id)?.questions ?? 0,
    answered: byLoop.get(l.id)?.answered ?? 0,
  }))
}

/** Loops newest first, `limit` at a time, after the (createdAt, id) of the previous page's last loop. */
export function listLoops(
  db: Db,
  options: {
    limit: number
    after?: { createdAt: number; id: number }
    /** Team mode: only this account's loops. */
    ownerId?: string | undefined
  },
): LoopSummary[] {
  const page = db
    .select({ id: loops.id, seed: loops.seed, createdAt: loops.createdAt })
    .from(loops)
    .where(loopPageWhere(loops, options))
    .orderBy(desc(loops.createdAt), desc(loops.id))
    .limit(options.limit)
    .all()
  if (page.length === 0) return []
  const counts = db
    .select({
      loopId: loopQuestions.loopId,
      questions: sql<number>`count(*)`,
      answered: sql<number>`count(${loopQuestions.attemptId})`,
    })
    .from(loopQuestions)
    .where(
      inArray(
        loopQuestions.loopId,
        page.map((l) => l.id),
      ),
    )
    .groupBy(loopQuestions.loopId)
    .all()
  return withCounts(page, counts)
}

export type LoopAnswerOutcome =
  | { kind: 'answered'; attemptId: number }
  | { kind: 'no-loop' }
  | { kind: 'no-question' }
  | { kind: 'answered-already'; attemptId: number }

/**
 * Answers one question of a loop in one transaction: stores the attempt, its follow-ups and the link. With
 * follow-ups, the attempt is stored with the report of the answer alone, which then moves to its history as the
 * report of answer and follow-ups together replaces it, so what the follow-ups added stays visible.
 */
export function answerLoopQuestion(
  db: Db,
  loopId: number,
  promptId: string,
  attempt: NewAttempt,
  followUps:
    | { items: readonly NewFollowUp[]; report: StorableReport; areaScores?: readonly AreaScore[] }
    | undefined,
): LoopAnswerOutcome {
  return db.$client
    .transaction((): LoopAnswerOutcome => {
      const loop = db.select({ id: loops.id }).from(loops).where(eq(loops.id, loopId)).get()
      if (loop === undefined) return { kind: 'no-loop' }
      const question = db
        .select({ position: loopQuestions.position, attemptId: loopQuestions.attemptId })
        .from(loopQuestions)
        .where(and(eq(loopQuestions.loopId, loopId), eq(loopQuestions.promptId, promptId)))
        .get()
      if (question === undefined) return { kind: 'no-question' }
      if (question.attemptId !== null) return { kind: 'answered-already', attemptId: question.attemptId }
      const attemptId = insertAttempt(db, attempt)
      // The answer belongs to whoever owns the loop (team mode; no one in local mode).
      db.update(attempts)
        .set({ ownerId: sql`(SELECT ${loops.ownerId} FROM ${loops} WHERE ${loops.id} = ${loopId})` })
        .where(eq(attempts.id, attemptId))
        .run()
      if (followUps !== undefined && followUps.items.length > 0) {
        insertFollowUps(db, attemptId, followUps.items, attempt.createdAt)
        replaceAttemptReport(db, attemptId, {
          report: followUps.report,
          tags: attempt.tags,
          areaScores: followUps.areaScores,
          scoredAt: attempt.createdAt,
        })
      }
      db.update(loopQuestions)
        .set({ attemptId })
        .where(and(eq(loopQuestions.loopId, loopId), eq(loopQuestions.position, question.position)))
        .run()
      return { kind: 'answered', attemptId }
    })
    .immediate()
}

/** The loop an attempt answers a question of, or null when it was practised on its own. */
export function loopOfAttempt(db: Db, attemptId: number): number | null {
  const row = db
    .select({ loopId: loopQuestions.loopId })
    .from(loopQuestions)
    .where(eq(loopQuestions.attemptId, attemptId))
    .limit(1)
    .get()
  return row?.loopId ?? null
}
