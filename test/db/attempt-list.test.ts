// Lists of attempts: paging, filters, excerpts and sorting.

import { describe, expect, test } from 'vitest'
import { insertAttempt, listAttempts, listAttemptsInFull } from '../../db/index'
import { DAY, MON, report, useTempDb } from './helpers'

const temp = useTempDb()
const add = temp.add

describe('listing attempts', () => {
  test('newest first, in pages that follow each other without gaps or repeats', () => {
    const ids = [10, 20, 30, 40, 50].map((s, i) => add(s, MON + i * 1000))
    // Two attempts in the same millisecond are ordered by id.
    const same = add(60, MON + 4000)
    const seen: number[] = []
    let after: { createdAt: number; id: number } | undefined
    for (;;) {
      const page = listAttempts(temp.db, {}, { limit: 2, after })
      seen.push(...page.attempts.map((a) => a.id))
      if (!page.more) break
      const last = page.attempts[page.attempts.length - 1]!
      after = { createdAt: last.createdAt, id: last.id }
    }
    expect(seen).toEqual([same, ...ids.slice().reverse()])
  })

  test('filters by prompt, rubric, tag, date range and score range, all together', () => {
    add(30, MON, 'ownership-outside-scope', ['ownership', 'conflict'])
    add(70, MON + DAY, 'ownership-outside-scope', ['ownership', 'conflict'])
    add(90, MON + 2 * DAY, 'conflict-disagreement', ['conflict'])
    add(50, MON + 3 * DAY, 'pressure-deadline', ['pressure'])
    const scores = (filters: Parameters<typeof listAttempts>[1]) =>
      listAttempts(temp.db, filters, { limit: 50 }).attempts.map((a) => a.score)
    expect(scores({})).toEqual([50, 90, 70, 30])
    expect(scores({ promptId: 'ownership-outside-scope' })).toEqual([70, 30])
    expect(scores({ rubricId: 'conflict' })).toEqual([90])
    expect(scores({ tag: 'conflict' })).toEqual([90, 70, 30])
    expect(scores({ from: MON + DAY, to: MON + 2 * DAY })).toEqual([90, 70])
    expect(scores({ minScore: 50, maxScore: 70 })).toEqual([50, 70])
    expect(scores({ tag: 'conflict', minScore: 60, to: MON + DAY })).toEqual([70])
  })

  test('summary rows carry an excerpt and the answer length, not the report', () => {
    insertAttempt(temp.db, {
      promptId: 'p',
      answer: 'x'.repeat(500),
      tags: [],
      report: report(10),
      createdAt: MON,
    })
    const [row] = listAttempts(temp.db, {}, { limit: 1 }).attempts
    expect(row?.excerpt).toHaveLength(160)
    expect(row?.answerLength).toBe(500)
    expect(row).not.toHaveProperty('report')
    expect(listAttemptsInFull(temp.db, {}, { limit: 1 })[0]?.answer).toHaveLength(500)
  })
})

describe('sorted lists', () => {
  test('by score, both ways, ties by time then id in the same direction, pages without gaps or repeats', () => {
    const a = add(70, MON)
    const b = add(50, MON + 1000)
    const c = add(70, MON + 2000)
    const d = add(90, MON + 3000)
    const e = add(50, MON + 1000) // same score and time as b: the id decides
    const walk = (order: 'asc' | 'desc') => {
      const seen: number[] = []
      let after: { createdAt: number; id: number; score: number } | undefined
      for (;;) {
        const page = listAttempts(temp.db, {}, { limit: 2, after, sort: 'score', order })
        seen.push(...page.attempts.map((r) => r.id))
        const last = page.attempts.at(-1)
        if (!page.more || last === undefined) return seen
        after = { createdAt: last.createdAt, id: last.id, score: last.score }
      }
    }
    expect(walk('desc')).toEqual([d, c, a, e, b])
    expect(walk('asc')).toEqual([b, e, a, c, d])
    // Oldest first by time; filters still apply.
    expect(listAttempts(temp.db, {}, { limit: 10, order: 'asc' }).attempts.map((r) => r.id)).toEqual([
      a,
      b,
      e,
      c,
      d,
    ])
    expect(
      listAttempts(temp.db, { minScore: 60 }, { limit: 10, sort: 'score', order: 'asc' }).attempts.map(
        (r) => r.id,
      ),
    ).toEqual([a, c, d])
  })
})
