// Lists of attempts: paging, filters, excerpts and sorting.

import { describe, expect, test } from 'vitest'
import type { AttemptPosition } from '../../db/index'
import type { Store } from '../../db/store'
import { DAY, MON, report } from './helpers'
import { useTestStore } from './store-helpers'

const temp = useTestStore()
const add = temp.add

/** Every id of a list walked page by page through its cursors. */
async function walk(
  store: Store,
  page: { limit: number; sort?: 'createdAt' | 'score'; order?: 'asc' | 'desc' },
): Promise<number[]> {
  const seen: number[] = []
  let after: AttemptPosition | undefined
  for (;;) {
    const { attempts, more } = await store.listAttempts({}, { ...page, after })
    seen.push(...attempts.map((a) => a.id))
    const last = attempts.at(-1)
    if (!more || last === undefined) return seen
    after = { createdAt: last.createdAt, id: last.id, score: last.score }
  }
}

describe('listing attempts', () => {
  test('newest first, in pages that follow each other without gaps or repeats', async () => {
    const ids: number[] = []
    for (const [i, s] of [10, 20, 30, 40, 50].entries()) ids.push(await add(s, MON + i * 1000))
    // Two attempts in the same millisecond are ordered by id.
    const same = await add(60, MON + 4000)
    const seen: number[] = []
    let after: { createdAt: number; id: number } | undefined
    for (;;) {
      const page = await temp.store.listAttempts({}, { limit: 2, after })
      seen.push(...page.attempts.map((a) => a.id))
      if (!page.more) break
      const last = page.attempts[page.attempts.length - 1]!
      after = { createdAt: last.createdAt, id: last.id }
    }
    expect(seen).toEqual([same, ...ids.slice().reverse()])
  })

  test('filters by prompt, rubric, tag, date range and score range, all together', async () => {
    await add(30, MON, 'ownership-outside-scope', ['ownership', 'conflict'])
    await add(70, MON + DAY, 'ownership-outside-scope', ['ownership', 'conflict'])
    await add(90, MON + 2 * DAY, 'conflict-disagreement', ['conflict'])
    await add(50, MON + 3 * DAY, 'pressure-deadline', ['pressure'])
    const scores = async (filters: Parameters<Store['listAttempts']>[0]) =>
      (await temp.store.listAttempts(filters, { limit: 50 })).attempts.map((a) => a.score)
    expect(await scores({})).toEqual([50, 90, 70, 30])
    expect(await scores({ promptId: 'ownership-outside-scope' })).toEqual([70, 30])
    expect(await scores({ rubricId: 'conflict' })).toEqual([90])
    expect(await scores({ tag: 'conflict' })).toEqual([90, 70, 30])
    expect(await scores({ from: MON + DAY, to: MON + 2 * DAY })).toEqual([90, 70])
    expect(await scores({ minScore: 50, maxScore: 70 })).toEqual([50, 70])
    expect(await scores({ tag: 'conflict', minScore: 60, to: MON + DAY })).toEqual([70])
  })

  test('summary rows carry an excerpt and the answer length, not the report', async () => {
    await temp.store.insertAttempt({
      promptId: 'p',
      answer: 'x'.repeat(500),
      tags: [],
      report: report(10),
      createdAt: MON,
    })
    const [row] = (await temp.store.listAttempts({}, { limit: 1 })).attempts
    expect(row?.excerpt).toHaveLength(160)
    expect(row?.answerLength).toBe(500)
    expect(row).not.toHaveProperty('report')
    expect((await temp.store.listAttemptsInFull({}, { limit: 1 }))[0]?.answer).toHaveLength(500)
  })

  test('excerpt and length count characters, not bytes or UTF-16 units', async () => {
    // 'é' is two bytes in UTF-8; '🙂' is four bytes and two UTF-16 units: both count as one character.
    const answer = `${'é'.repeat(100)}${'🙂'.repeat(100)}`
    await temp.store.insertAttempt({ promptId: 'p', answer, tags: [], report: report(10), createdAt: MON })
    const [row] = (await temp.store.listAttempts({}, { limit: 1 })).attempts
    expect(row?.excerpt).toBe(`${'é'.repeat(100)}${'🙂'.repeat(60)}`)
    expect(row?.answerLength).toBe(200)
  })

  test('a cursor with an id past every id is compared, not refused', async () => {
    const id = await add(50, MON)
    // The cursor format allows 16 digits, more than an integer id holds: compared, never an error. (Read as the
    // server reads a cursor's digits, this is 10^16.)
    const big = Number('9'.repeat(16))
    expect(
      await temp.store.listAttempts(
        {},
        { limit: 5, after: { createdAt: big, id: big, score: 999 }, order: 'asc' },
      ),
    ).toEqual({ attempts: [], more: false })
    // Newest first, the same time with a larger id comes before: the attempt follows.
    const older = await temp.store.listStoredAttempts({}, { limit: 5, after: { createdAt: MON, id: big } })
    expect(older.map((a) => a.id)).toEqual([id])
  })
})

describe('sorted lists', () => {
  test('by score, both ways, ties by time then id in the same direction, pages without gaps or repeats', async () => {
    const a = await add(70, MON)
    const b = await add(50, MON + 1000)
    const c = await add(70, MON + 2000)
    const d = await add(90, MON + 3000)
    const e = await add(50, MON + 1000) // same score and time as b: the id decides
    expect(await walk(temp.store, { limit: 2, sort: 'score', order: 'desc' })).toEqual([d, c, a, e, b])
    expect(await walk(temp.store, { limit: 2, sort: 'score', order: 'asc' })).toEqual([b, e, a, c, d])
    // Oldest first by time; filters still apply.
    expect(
      (await temp.store.listAttempts({}, { limit: 10, order: 'asc' })).attempts.map((r) => r.id),
    ).toEqual([a, b, e, c, d])
    expect(
      (
        await temp.store.listAttempts({ minScore: 60 }, { limit: 10, sort: 'score', order: 'asc' })
      ).attempts.map((r) => r.id),
    ).toEqual([a, c, d])
  })

  test('a page boundary inside a run of equal scores and equal times falls between ids', async () => {
    const ids: number[] = []
    for (let i = 0; i < 5; i++) ids.push(await add(70, MON))
    const higher = await add(80, MON)
    const earlier = await add(70, MON - 1)
    for (const limit of [1, 2, 3]) {
      expect(await walk(temp.store, { limit, sort: 'score', order: 'desc' })).toEqual([
        higher,
        ...ids.slice().reverse(),
        earlier,
      ])
      expect(await walk(temp.store, { limit, sort: 'score', order: 'asc' })).toEqual([
        earlier,
        ...ids,
        higher,
      ])
      expect(await walk(temp.store, { limit })).toEqual([...[...ids, higher].reverse(), earlier])
    }
  })

  test('a tag filter pages the same way, through the copies of time and score it reads', async () => {
    const ids: number[] = []
    for (let i = 0; i < 4; i++) ids.push(await add(60, MON + (i % 2) * 1000, 'p', ['ownership', 'conflict']))
    await add(60, MON, 'q', ['pressure'])
    const seen: number[] = []
    let after: AttemptPosition | undefined
    for (;;) {
      const page = await temp.store.listAttempts({ tag: 'conflict' }, { limit: 1, after, sort: 'score' })
      seen.push(...page.attempts.map((a) => a.id))
      const last = page.attempts.at(-1)
      if (!page.more || last === undefined) break
      after = { createdAt: last.createdAt, id: last.id, score: last.score }
    }
    // Score 60 throughout: time, then id, both descending.
    expect(seen).toEqual([ids[3], ids[1], ids[2], ids[0]])
  })
})
