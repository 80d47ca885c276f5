// Mock loops and follow-ups on both dialects: storing, answering once, paging, deleting; and, on SQLite, the
// indexes they read.

import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { answerLoopQuestion, type Db, insertLoop, isDuplicateFollowUp } from '../../db/index'
import { postgresStore } from '../../db/postgres/store'
import type { Store } from '../../db/store'
import { freshPostgresUrl, onPostgres } from '../support/postgres'
import { MON, report, useTempDb } from './helpers'
import { readOf } from './query-plan-reads'
import { rowsOf, useTestStore } from './store-helpers'

const t = useTestStore()
let store: Store
beforeEach(() => {
  store = t.store
})

/** How many rows the table holds. */
const countRows = async (table: string) =>
  Number((await rowsOf<{ n: number }>(store, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]?.n)

const QUESTIONS = [
  { promptId: 'ownership-outside-scope', rubricId: 'ownership' },
  { promptId: 'dive-deep-root-cause', rubricId: 'dive-deep' },
]

const newAttempt = (promptId: string, score: number) => ({
  promptId,
  answer: `answer ${score}`,
  tags: [QUESTIONS.find((q) => q.promptId === promptId)?.rubricId ?? 'ownership'],
  report: report(score),
  createdAt: MON + 1000,
})

const followUp = {
  probeId: 'probe-measurable-result',
  criterionId: 'measurable-result',
  question: 'How did you measure it?',
  answer: 'Latency fell 40%.',
}

describe('loops', () => {
  test('store their questions in order, and answer each once, linking the attempt', async () => {
    const id = await store.insertLoop({
      seed: 's1',
      principles: ['ownership'],
      createdAt: MON,
      questions: QUESTIONS,
    })
    const loop = (await store.findLoop(id))!
    expect(loop.seed).toBe('s1')
    expect(loop.principles).toEqual(['ownership'])
    expect(loop.questions).toEqual([
      { position: 0, ...QUESTIONS[0], attemptId: null },
      { position: 1, ...QUESTIONS[1], attemptId: null },
    ])
    const first = await store.answerLoopQuestion(
      id,
      QUESTIONS[1]!.promptId,
      newAttempt(QUESTIONS[1]!.promptId, 50),
      undefined,
    )
    expect(first.kind).toBe('answered')
    const attemptId = (first as { attemptId: number }).attemptId
    expect((await store.findLoop(id))!.questions[1]!.attemptId).toBe(attemptId)
    expect((await store.findAttempt(attemptId))!.score).toBe(50)

    const again = await store.answerLoopQuestion(
      id,
      QUESTIONS[1]!.promptId,
      newAttempt(QUESTIONS[1]!.promptId, 70),
      undefined,
    )
    expect(again).toEqual({ kind: 'answered-already', attemptId })
    expect(
      (await store.answerLoopQuestion(id, 'not-in-loop', newAttempt('not-in-loop', 1), undefined)).kind,
    ).toBe('no-question')
    expect(
      (await store.answerLoopQuestion(id + 99, QUESTIONS[0]!.promptId, newAttempt('x', 1), undefined)).kind,
    ).toBe('no-loop')
    // Refused answers store nothing.
    expect(await countRows('attempts')).toBe(1)
  })

  test('an answer with follow-ups keeps the answer-alone report in its history and stores the follow-ups', async () => {
    const id = await store.insertLoop({ seed: 's', principles: [], createdAt: MON, questions: QUESTIONS })
    const out = await store.answerLoopQuestion(
      id,
      QUESTIONS[0]!.promptId,
      newAttempt(QUESTIONS[0]!.promptId, 40),
      {
        items: [followUp],
        report: report(65),
      },
    )
    const attemptId = (out as { attemptId: number }).attemptId
    expect((await store.findAttempt(attemptId))!.score).toBe(65)
    const history = await store.listReplacedReports(attemptId)
    expect(history.map((h) => h.score)).toEqual([40])
    expect(history[0]!.replacedAt).toBe(MON + 1000)
    expect((await store.listFollowUps(attemptId)).map((f) => [f.probeId, f.answer, f.createdAt])).toEqual([
      ['probe-measurable-result', 'Latency fell 40%.', MON + 1000],
    ])
  })

  test('a deleted attempt leaves its question unanswered, to be answered again', async () => {
    const id = await store.insertLoop({ seed: 's', principles: [], createdAt: MON, questions: QUESTIONS })
    const out = await store.answerLoopQuestion(
      id,
      QUESTIONS[0]!.promptId,
      newAttempt(QUESTIONS[0]!.promptId, 40),
      undefined,
    )
    expect(await store.deleteAttempt((out as { attemptId: number }).attemptId)).toBe(true)
    expect((await store.findLoop(id))!.questions[0]!.attemptId).toBeNull()
  })

  test('list newest first with counts, a page at a time', async () => {
    const ids: number[] = []
    for (const i of [0, 1, 2]) {
      ids.push(
        await store.insertLoop({ seed: `s${i}`, principles: [], createdAt: MON + i, questions: QUESTIONS }),
      )
    }
    await store.answerLoopQuestion(
      ids[2]!,
      QUESTIONS[0]!.promptId,
      newAttempt(QUESTIONS[0]!.promptId, 40),
      undefined,
    )
    const page = await store.listLoops({ limit: 2 })
    expect(page.map((l) => [l.id, l.questions, l.answered])).toEqual([
      [ids[2], 2, 1],
      [ids[1], 2, 0],
    ])
    const next = await store.listLoops({ limit: 2, after: { createdAt: MON + 1, id: ids[1]! } })
    expect(next.map((l) => l.id)).toEqual([ids[0]])
  })
})

describe('follow-ups', () => {
  test('replace the report in one transaction, once per probe', async () => {
    const attemptId = await t.add(40, MON)
    const out = await store.addFollowUp(attemptId, followUp, {
      report: report(60),
      tags: ['ownership'],
      at: MON + 5,
    })
    expect(out!.replaced.score).toBe(40)
    expect((await store.findAttempt(attemptId))!.score).toBe(60)
    let error: unknown
    try {
      await store.addFollowUp(attemptId, followUp, { report: report(90), tags: ['ownership'], at: MON + 6 })
    } catch (err) {
      error = err
    }
    expect(isDuplicateFollowUp(error)).toBe(true)
    // The refused follow-up changed nothing.
    expect((await store.findAttempt(attemptId))!.score).toBe(60)
    expect(await store.listFollowUps(attemptId)).toHaveLength(1)
    expect(
      await store.addFollowUp(attemptId + 1, followUp, { report: report(1), tags: [], at: MON }),
    ).toBeUndefined()
    // Deleting the attempt takes its follow-ups with it.
    await store.deleteAttempt(attemptId)
    expect(await countRows('attempt_follow_ups')).toBe(0)
  })
})

// PostgreSQL only: two stores on one database stand for two server processes (SQLite's writers in one process run
// one after the other).
describe.runIf(onPostgres())('one question answered from two stores at once', () => {
  test('is answered once: the other answers find it answered, and store nothing', async () => {
    const url = await freshPostgresUrl()
    const stores = [await postgresStore(url), await postgresStore(url)] as const
    try {
      const id = await stores[0].insertLoop({
        seed: 's',
        principles: [],
        createdAt: MON,
        questions: QUESTIONS,
        ownerId: null,
      })
      const promptId = QUESTIONS[0]!.promptId
      const outcomes = await Promise.all(
        [40, 50, 60, 70].map((score, i) =>
          stores[i % 2]!.answerLoopQuestion(id, promptId, newAttempt(promptId, score), undefined),
        ),
      )
      const answered = outcomes.filter((o) => o.kind === 'answered')
      expect(answered).toHaveLength(1)
      const attemptId = (answered[0] as { attemptId: number }).attemptId
      expect(outcomes.filter((o) => o.kind === 'answered-already')).toEqual([
        { kind: 'answered-already', attemptId },
        { kind: 'answered-already', attemptId },
        { kind: 'answered-already', attemptId },
      ])
      expect((await stores[1].findLoop(id))!.questions[0]!.attemptId).toBe(attemptId)
      const [row] = await rowsOf<{ n: number }>(stores[0], sql`SELECT count(*) AS n FROM attempts`)
      expect(Number(row!.n)).toBe(1)
    } finally {
      for (const s of stores) await s.close()
    }
  })
})

// SQLite only: these read the plans SQLite makes (EXPLAIN QUERY PLAN) for the statements the queries run.
describe.skipIf(onPostgres())('query plans of the loop and follow-up queries', () => {
  const temp = useTempDb()
  let db: Db
  beforeEach(() => {
    db = temp.db
  })

  const plan = (text: string, ...params: unknown[]) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n')

  beforeEach(() => {
    for (let i = 0; i < 300; i++) {
      const id = insertLoop(db, { seed: `s${i}`, principles: [], createdAt: MON + i, questions: QUESTIONS })
      if (i % 2 === 0) {
        answerLoopQuestion(db, id, QUESTIONS[0]!.promptId, newAttempt(QUESTIONS[0]!.promptId, i % 100), {
          items: [followUp],
          report: report((i + 7) % 100),
        })
      }
    }
    db.$client.exec('ANALYZE')
  })

  test("a loop's questions, the question being answered and a page of loops seek their indexes", () => {
    const questions = readOf(
      plan(
        'SELECT position, prompt_id, rubric_id, attempt_id FROM loop_questions WHERE loop_id = ? ORDER BY position',
        5,
      ),
      'loop_questions',
    )
    expect(questions.seek).toBe(true)
    expect(questions.index).toMatch(/^(sqlite_autoindex_loop_questions_1|loop_questions_loop_prompt_idx)$/)
    const answering = readOf(
      plan('SELECT position, attempt_id FROM loop_questions WHERE loop_id = ? AND prompt_id = ?', 5, 'p'),
      'loop_questions',
    )
    expect(answering.seek).toBe(true)
    expect(answering.index).toBe('loop_questions_loop_prompt_idx')
    const page = readOf(
      plan(
        'SELECT id FROM loops WHERE created_at < ? OR (created_at = ? AND id < ?) ORDER BY created_at DESC, id DESC LIMIT 20',
        MON + 100,
        MON + 100,
        50,
      ),
      'loops',
    )
    expect(page.index).toBe('loops_created_idx')
    const counts = readOf(
      plan(
        'SELECT loop_id, count(*), count(attempt_id) FROM loop_questions WHERE loop_id IN (?, ?) GROUP BY loop_id',
        1,
        2,
      ),
      'loop_questions',
    )
    expect(counts.seek).toBe(true)
  })

  test("an attempt's follow-ups, and the links a deleted attempt clears, are index seeks", () => {
    const followUps = readOf(
      plan('SELECT * FROM attempt_follow_ups WHERE attempt_id = ? ORDER BY id', 3),
      'attempt_follow_ups',
    )
    expect(followUps.seek).toBe(true)
    expect(followUps.index).toBe('attempt_follow_ups_attempt_probe_idx')
    // ON DELETE SET NULL looks up the questions that link to the attempt.
    const links = readOf(plan('SELECT loop_id FROM loop_questions WHERE attempt_id = ?', 3), 'loop_questions')
    expect(links.seek).toBe(true)
    expect(links.index).toBe('loop_questions_attempt_idx')
  })
})
