// PostgreSQL queries of db/loops.ts: the same functions, on a PgDb, answering promises.

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { AreaScore } from '../area-scores'
import type { NewAttempt, StorableReport } from '../attempt-model'
import type { NewFollowUp } from '../follow-ups'
import {
  type LoopAnswerOutcome,
  type LoopRecord,
  type LoopSummary,
  loopPageWhere,
  type NewLoopQuestion,
  withCounts,
} from '../loops'
import { replaceReportRows } from './attempt-rows'
import { insertAttempt } from './attempts'
import type { PgDb } from './client'
import { attemptFollowUps, loopQuestions, loops } from './schema'

/** Stores a loop and its questions, in order, in one transaction; returns its id. */
export async function insertLoop(
  db: PgDb,
  loop: {
    seed: string
    principles: readonly string[]
    createdAt: number
    questions: readonly NewLoopQuestion[]
    /** The account that starts it, in team mode; none in local mode. */
    ownerId?: string | null
  },
): Promise<number> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(loops)
      .values({
        seed: loop.seed,
        principles: JSON.stringify(loop.principles),
        createdAt: loop.createdAt,
        ownerId: loop.ownerId ?? null,
      })
      .returning({ id: loops.id })
    const id = row!.id
    if (loop.questions.length > 0) {
      await tx.insert(loopQuestions).values(
        loop.questions.map((q, position) => ({
          loopId: id,
          position,
          promptId: q.promptId,
          rubricId: q.rubricId,
        })),
      )
    }
    return id
  })
}

/** The loop with its questions in order, or undefined. */
export async function findLoop(db: PgDb, id: number): Promise<LoopRecord | undefined> {
  const [row] = await db.select().from(loops).where(eq(loops.id, id))
  if (row === undefined) return undefined
  const questions = await db
    .select({
      position: loopQuestions.position,
      promptId: loopQuestions.promptId,
      rubricId: loopQuestions.rubricId,
      attemptId: loopQuestions.attemptId,
    })
    .from(loopQuestions)
    .where(eq(loopQuestions.loopId, id))
    .orderBy(asc(loopQuestions.position))
  return { ...row, principles: JSON.parse(row.principles) as string[], questions }
}

/** Loops newest first, `limit` at a time, after the (createdAt, id) of the previous page's last loop. */
export async function listLoops(
  db: PgDb,
  options: {
    limit: number
    after?: { createdAt: number; id: number }
    /** Team mode: only this account's loops. */
    ownerId?: string | undefined
  },
): Promise<LoopSummary[]> {
  const page = await db
    .select({ id: loops.id, seed: loops.seed, createdAt: loops.createdAt })
    .from(loops)
    .where(loopPageWhere(loops, options))
    .orderBy(desc(loops.createdAt), desc(loops.id))
    .limit(options.limit)
  if (page.length === 0) return []
  const counts = await db
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
  return withCounts(page, counts)
}

/**
 * Answers one question of a loop in one transaction: stores the attempt, its follow-ups and the link. With
 * follow-ups, the attempt is stored with the report of the answer alone, which then moves to its history as the
 * report of answer and follow-ups together replaces it, so what the follow-ups added stays visible. The question's
 * row is locked first: of two answers to one question at once, the second waits and finds it answered.
 */
export async function answerLoopQuestion(
  db: PgDb,
  loopId: number,
  promptId: string,
  attempt: NewAttempt,
  followUps:
    | { items: readonly NewFollowUp[]; report: StorableReport; areaScores?: readonly AreaScore[] }
    | undefined,
): Promise<LoopAnswerOutcome> {
  return await db.transaction(async (tx): Promise<LoopAnswerOutcome> => {
    const [loop] = await tx.select({ ownerId: loops.ownerId }).from(loops).where(eq(loops.id, loopId))
    if (loop === undefined) return { kind: 'no-loop' }
    const [question] = await tx
      .select({ position: loopQuestions.position, attemptId: loopQuestions.attemptId })
      .from(loopQuestions)
      .where(and(eq(loopQuestions.loopId, loopId), eq(loopQuestions.promptId, promptId)))
      .for('update')
    if (question === undefined) return { kind: 'no-question' }
    if (question.attemptId !== null) return { kind: 'answered-already', attemptId: question.attemptId }
    // The answer belongs to whoever owns the loop (team mode; no one in local mode). The attempt's own
    // transaction runs inside this one (a savepoint: a transaction offers what insertAttempt uses of a PgDb).
    const attemptId = await insertAttempt(tx as unknown as PgDb, { ...attempt, ownerId: loop.ownerId })
    if (followUps !== undefined && followUps.items.length > 0) {
      await tx
        .insert(attemptFollowUps)
        .values(followUps.items.map((f) => ({ attemptId, ...f, createdAt: attempt.createdAt })))
      await replaceReportRows(tx, attemptId, {
        report: followUps.report,
        tags: attempt.tags,
        areaScores: followUps.areaScores,
        scoredAt: attempt.createdAt,
      })
    }
    await tx
      .update(loopQuestions)
      .set({ attemptId })
      .where(and(eq(loopQuestions.loopId, loopId), eq(loopQuestions.position, question.position)))
    return { kind: 'answered', attemptId }
  })
}

/** The loop an attempt answers a question of, or null when it was practised on its own. */
export async function loopOfAttempt(db: PgDb, attemptId: number): Promise<number | null> {
  const [row] = await db
    .select({ loopId: loopQuestions.loopId })
    .from(loopQuestions)
    .where(eq(loopQuestions.attemptId, attemptId))
    .limit(1)
  return row?.loopId ?? null
}
