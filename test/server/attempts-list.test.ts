// GET /api/attempts: summary rows with prompt text, filters, sort orders and cursors through every page.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, storeAttempt, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())
const store = (promptId: string, answer: string, durationMs?: number) =>
  storeAttempt(t.app, promptId, answer, durationMs)

/** The 400 a list query gets: its message, and the request field it names. */
async function refusedList(query: string): Promise<{ message: string; field?: string }> {
  const res = await t.app.inject(`/api/attempts?${query}`)
  expect(res.statusCode).toBe(400)
  return res.json()
}

describe('GET /api/attempts', () => {
  test('newest first, summary rows, opaque cursor through every page', async () => {
    t = await startApp()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      t.clock.now += 60_000
      ids.push(await store('pressure-deadline', `${GOOD_ANSWER} Attempt ${i}.`))
    }
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const url: string = `/api/attempts?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`
      const res = await t.app.inject(url)
      expect(res.statusCode).toBe(200)
      const body: { attempts: { id: number }[]; nextCursor: string | null } = res.json()
      seen.push(...body.attempts.map((a) => a.id))
      expect(body.attempts[0]).not.toHaveProperty('report')
      expect(body.attempts[0]).not.toHaveProperty('answer')
      cursor = body.nextCursor
      pages++
    } while (cursor !== null)
    expect(pages).toBe(3)
    expect(seen).toEqual(ids.slice().reverse())
    const first = (await t.app.inject('/api/attempts?limit=1')).json().attempts[0]
    expect(first).toMatchObject({
      id: ids[4],
      promptId: 'pressure-deadline',
      rubricId: 'pressure',
      durationMs: null,
    })
    expect(first.excerpt).toBe(GOOD_ANSWER.slice(0, 160))
  })

  test('filters by prompt, rubric, tag, date range and score range', async () => {
    t = await startApp()
    const day = 86_400_000
    const a = await store('ownership-outside-scope', GOOD_ANSWER) // 3 Mar, tags ownership + conflict
    t.clock.now += day
    const b = await store('conflict-disagreement', WEAK_ANSWER) // 4 Mar
    t.clock.now += day
    const c = await store('pressure-deadline', GOOD_ANSWER) // 5 Mar
    const scores = Object.fromEntries(
      await Promise.all(
        [a, b, c].map(async (id) => [id, (await t.app.inject(`/api/attempts/${id}`)).json().score as number]),
      ),
    )
    const ids = async (query: string) => {
      const res = await t.app.inject(`/api/attempts?${query}`)
      expect(res.statusCode).toBe(200)
      return res.json().attempts.map((x: { id: number }) => x.id)
    }
    expect(await ids('')).toEqual([c, b, a])
    expect(await ids('promptId=conflict-disagreement')).toEqual([b])
    expect(await ids('rubricId=ownership')).toEqual([a])
    expect(await ids('tag=conflict')).toEqual([b, a])
    expect(await ids('from=2025-03-04')).toEqual([c, b])
    expect(await ids('to=2025-03-04')).toEqual([b, a])
    expect(await ids('from=2025-03-04T00:00:00Z&to=2025-03-04T23:59:59Z')).toEqual([b])
    expect(await ids(`minScore=${scores[b]! + 1}`)).toEqual([c, a])
    expect(await ids(`maxScore=${scores[b]}`)).toEqual([b])
    expect(await ids('tag=conflict&minScore=50')).toEqual([a])
  })

  test('bad filters and cursors are 400 with the fix', async () => {
    t = await startApp()
    const message = async (query: string) => (await refusedList(query)).message
    expect(await message('from=yesterday')).toBe(
      'from must be a date like 2025-01-31 or a date-time like 2025-01-31T09:30:00Z',
    )
    expect(await message('from=2025-03-05&to=2025-03-01')).toBe('from is after to; swap them')
    expect(await message('minScore=80&maxScore=20')).toBe('minScore is above maxScore; swap them')
    expect(await message('minScore=abc')).toBe('minScore must be a whole number from 0 to 100')
    expect(await message('maxScore=101')).toBe('maxScore must be a whole number from 0 to 100')
    expect(await message('limit=0')).toBe('limit must be a whole number from 1 to 100')
    const again =
      'pass nextCursor from the previous page unchanged, with the same sort and order (or leave cursor out to start again)'
    expect(await message('cursor=not-a-cursor')).toBe(
      `cursor is not one this server gave out for this sort and order; ${again}`,
    )
    expect(await message('sort=prompt')).toBe('sort must be createdAt or score')
    expect(await message('order=up')).toBe('order must be asc or desc')
  })

  test('a 400 about one request field names it in `field`, without the body or query part', async () => {
    t = await startApp()
    const field = async (query: string) => (await refusedList(query)).field
    expect(await field('from=yesterday')).toBe('from')
    expect(await field('from=2025-03-05&to=2025-03-01')).toBe('from')
    expect(await field('minScore=80&maxScore=20')).toBe('minScore')
    expect(await field('maxScore=101')).toBe('maxScore')
    expect(await field('limit=0')).toBe('limit')
    expect(await field('cursor=not-a-cursor')).toBe('cursor')
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'ownership-outside-scope', answer: '   ', durationMs: 5 },
    })
    expect(body.statusCode).toBe(400)
    expect(body.json().field).toBe('answer')
    // Errors about the request as a whole, or about no field, carry none.
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      headers: { 'content-type': 'application/json' },
      payload: '{hello',
    })
    expect(notJson.statusCode).toBe(400)
    expect(notJson.json()).not.toHaveProperty('field')
    const unknown = await t.app.inject('/api/attempts/999')
    expect(unknown.json()).not.toHaveProperty('field')
  })
})

describe('GET /api/attempts: prompt text and order', () => {
  test('summary rows carry the prompt text, null once no rubric has the prompt', async () => {
    t = await startApp()
    const a = await store('pressure-deadline', GOOD_ANSWER)
    const rows = (await t.app.inject('/api/attempts')).json().attempts
    expect(rows).toEqual([
      expect.objectContaining({
        id: a,
        promptId: 'pressure-deadline',
        promptText: 'Tell me about a time you delivered against a very tight deadline.',
      }),
    ])
    // The prompt leaves its rubric: the attempt stays, its prompt text is unknown now.
    writeFileSync(
      join(t.rubricsDir, 'pressure.yaml'),
      (await import('./helpers')).PRESSURE_RUBRIC.replace('id: pressure-deadline', 'id: pressure-deadline-2'),
    )
    t.app.rubrics.reload()
    expect((await t.app.inject('/api/attempts')).json().attempts[0]).toMatchObject({
      id: a,
      promptText: null,
    })
  })

  test('sort=score and order=asc|desc, with a cursor that pages each order without gaps or repeats', async () => {
    t = await startApp()
    // Scores from the engine: GOOD_ANSWER on pressure outscores WEAK_ANSWER; equal answers tie.
    const w1 = await store('pressure-deadline', WEAK_ANSWER)
    t.clock.now += 1000
    const g1 = await store('pressure-deadline', GOOD_ANSWER)
    t.clock.now += 1000
    const w2 = await store('pressure-deadline', WEAK_ANSWER)
    t.clock.now += 1000
    const g2 = await store('pressure-deadline', GOOD_ANSWER)
    t.clock.now += 1000
    const w3 = await store('pressure-deadline', WEAK_ANSWER)
    const walk = async (query: string) => {
      const seen: number[] = []
      let cursor: string | null = null
      do {
        const res: { statusCode: number; json(): unknown } = await t.app.inject(
          `/api/attempts?limit=2&${query}${cursor === null ? '' : `&cursor=${cursor}`}`,
        )
        expect(res.statusCode).toBe(200)
        const body = res.json() as { attempts: { id: number }[]; nextCursor: string | null }
        seen.push(...body.attempts.map((x) => x.id))
        cursor = body.nextCursor
      } while (cursor !== null)
      return seen
    }
    // Highest first; ties by time, newest first.
    expect(await walk('sort=score')).toEqual([g2, g1, w3, w2, w1])
    expect(await walk('sort=score&order=desc')).toEqual([g2, g1, w3, w2, w1])
    // Lowest first; ties by time, oldest first.
    expect(await walk('sort=score&order=asc')).toEqual([w1, w2, w3, g1, g2])
    expect(await walk('order=asc')).toEqual([w1, g1, w2, g2, w3])
    expect(await walk('sort=createdAt&order=desc')).toEqual([w3, g2, w2, g1, w1])
    // Filters apply within the order.
    expect(await walk('sort=score&order=asc&minScore=50')).toEqual([g1, g2])

    // A cursor only continues the order it came from.
    const first = (await t.app.inject('/api/attempts?limit=2&sort=score')).json()
    const other = await t.app.inject(`/api/attempts?limit=2&cursor=${first.nextCursor}`)
    expect(other.statusCode).toBe(400)
    expect(other.json().message).toContain('for this sort and order')
    const flipped = await t.app.inject(
      `/api/attempts?limit=2&sort=score&order=asc&cursor=${first.nextCursor}`,
    )
    expect(flipped.statusCode).toBe(400)
  })
})
