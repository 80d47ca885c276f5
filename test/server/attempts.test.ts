// Scoring and attempts: score without storing, store, list with filters and cursors, read, delete, re-score.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

// Every write is JSON: a re-score, which takes no fields, sends {}.
const post = (url: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object })

async function store(promptId: string, answer: string, durationMs?: number): Promise<number> {
  const res = await post('/api/attempts', {
    promptId,
    answer,
    ...(durationMs === undefined ? {} : { durationMs }),
  })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

describe('POST /api/score', () => {
  test('scores with star-core by default, the prompt’s rubric, or a named rubric; stores nothing', async () => {
    t = await startApp()
    const general = (await post('/api/score', { answer: GOOD_ANSWER })).json()
    expect(general.rubricId).toBe('star-core')
    const byPrompt = (
      await post('/api/score', { answer: GOOD_ANSWER, promptId: 'ownership-outside-scope' })
    ).json()
    expect(byPrompt.rubricId).toBe('ownership')
    expect(byPrompt.criteria.map((c: { id: string }) => c.id)).toContain('ownership-signals')
    const byRubric = (
      await post('/api/score', {
        answer: GOOD_ANSWER,
        rubricId: 'conflict',
        promptId: 'ownership-outside-scope',
      })
    ).json()
    expect(byRubric.rubricId).toBe('conflict')
    expect(byRubric.sentences.length).toBeGreaterThan(3)
    expect(byRubric.sentences[0].star).toBe('situation')
    expect((await t.app.inject('/api/attempts')).json().attempts).toEqual([])
  })

  test('the same answer always gets the same report', async () => {
    t = await startApp()
    const a = await post('/api/score', { answer: GOOD_ANSWER })
    const b = await post('/api/score', { answer: GOOD_ANSWER })
    expect(a.body).toBe(b.body)
  })

  test('unknown rubric or prompt is 404; a missing answer is 400', async () => {
    t = await startApp()
    const rubric = await post('/api/score', { answer: 'x', rubricId: 'nope' })
    expect(rubric.statusCode).toBe(404)
    expect(rubric.json().message).toBe("No rubric 'nope' is in service; GET /api/rubrics lists them")
    const prompt = await post('/api/score', { answer: 'x', promptId: 'nope' })
    expect(prompt.statusCode).toBe(404)
    expect(prompt.json().message).toContain("No prompt 'nope'")
    const missing = await post('/api/score', {})
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'answer must be a string of text',
      field: 'answer',
    })
  })

  test('answers over 20,000 characters get a 400 naming the limit; bodies over 125 KB a 413', async () => {
    t = await startApp()
    const atLimit = await post('/api/score', { answer: 'word '.repeat(4000) })
    expect(atLimit.statusCode).toBe(200)
    const over = await post('/api/score', { answer: 'x'.repeat(20_001) })
    expect(over.statusCode).toBe(400)
    expect(over.json().message).toBe('answer is longer than the limit of 20,000 characters; shorten it')
    const huge = await post('/api/score', { answer: 'x'.repeat(130_000) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' })
    expect(huge.json().message).toContain('125 KB')
  })

  test('a body that is not JSON gets a 400 saying so; a body of another type a 415', async () => {
    t = await startApp()
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'application/json' },
      payload: '{"answer": "unterminated',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe('The body is not valid JSON; check quotes, commas and escapes.')
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    })
    expect(text.statusCode).toBe(415)
    expect(text.json().message).toBe('Send the body as JSON with the header Content-Type: application/json.')
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'answer=hello',
    })
    expect(form.statusCode).toBe(415)
    expect(form.json().message).toBe('Send the body as JSON with the header Content-Type: application/json.')
  })
})

describe('POST /api/attempts', () => {
  test('stores the scored attempt and answers 201 with its id, report and location', async () => {
    t = await startApp()
    const res = await post('/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
      durationMs: 95_000,
    })
    expect(res.statusCode).toBe(201)
    const { id, report } = res.json()
    expect(res.headers.location).toBe(`/api/attempts/${id}`)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    // The body is the report exactly as the engine made it, and exactly what is stored.
    const scored = (
      await post('/api/score', { answer: GOOD_ANSWER, promptId: 'ownership-outside-scope' })
    ).json()
    expect(report).toEqual(scored)
    expect(report.rubricId).toBe('ownership')
    const stored = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(stored).toMatchObject({
      id,
      promptId: 'ownership-outside-scope',
      promptText: 'Tell me about a time you took on something outside your area of responsibility.',
      rubricId: 'ownership',
      rubricHash: report.rubricHash,
      answer: GOOD_ANSWER,
      score: report.score,
      band: report.band,
      durationMs: 95_000,
      createdAt: '2025-03-03T10:00:00.000Z',
      scoredAt: '2025-03-03T10:00:00.000Z',
      tags: ['conflict', 'ownership'],
      history: [],
    })
    expect(stored.report).toEqual(report)
  })

  test('says what to fix: unknown prompt 404, empty answer, bad duration and missing prompt 400', async () => {
    t = await startApp()
    const unknown = await post('/api/attempts', { promptId: 'nope', answer: 'x' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toBe("No prompt 'nope' is in service; GET /api/prompts lists them")
    const empty = await post('/api/attempts', { promptId: 'pressure-deadline', answer: '   ' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().message).toBe('answer is empty; write an answer before saving the attempt')
    const duration = await post('/api/attempts', {
      promptId: 'pressure-deadline',
      answer: 'x',
      durationMs: 'soon',
    })
    expect(duration.json().message).toBe('durationMs must be a number of milliseconds')
    const noPrompt = await post('/api/attempts', { answer: 'x' })
    expect(noPrompt.json().message).toBe('promptId is required: the id of the prompt this answers')
    const long = await post('/api/attempts', { promptId: 'pressure-deadline', answer: 'y'.repeat(20_001) })
    expect(long.statusCode).toBe(400)
    expect(long.json().message).toContain('20,000 characters')
    expect((await t.app.inject('/api/attempts')).json().attempts).toEqual([])
  })
})

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
    const message = async (query: string) => {
      const res = await t.app.inject(`/api/attempts?${query}`)
      expect(res.statusCode).toBe(400)
      return res.json().message
    }
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
    const field = async (query: string) => {
      const res = await t.app.inject(`/api/attempts?${query}`)
      expect(res.statusCode).toBe(400)
      return res.json().field
    }
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

describe('GET and DELETE /api/attempts/:id', () => {
  test('unknown and malformed ids are 404', async () => {
    t = await startApp()
    for (const id of ['999', 'abc', '0', '-1', '1.5', '99999999999999999999']) {
      const res = await t.app.inject(`/api/attempts/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: `No attempt with id '${id}'; GET /api/attempts lists the stored attempts`,
      })
    }
  })

  test('delete answers 204, then the attempt is gone (404 on read and on a second delete)', async () => {
    t = await startApp()
    const id = await store('pressure-deadline', GOOD_ANSWER)
    const keep = await store('pressure-deadline', WEAK_ANSWER)
    const res = await t.app.inject({ method: 'DELETE', url: `/api/attempts/${id}` })
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    expect((await t.app.inject(`/api/attempts/${id}`)).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/attempts/${id}` })).statusCode).toBe(404)
    expect((await t.app.inject('/api/attempts')).json().attempts.map((a: { id: number }) => a.id)).toEqual([
      keep,
    ])
  })
})

describe('POST /api/attempts/:id/rescore', () => {
  test('after a rubric change: a new report, the old one kept, and the per-criterion difference', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    const before = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(before.report.criteria.find((c: { id: string }) => c.id === 'ownership-signals').status).toBe(
      'met',
    )

    // The instructor drops the keyword criterion and adds a length override.
    writeFileSync(
      join(t.rubricsDir, 'ownership.yaml'),
      OWNERSHIP_RUBRIC.replace('weight: 20', 'weight: 0').concat('  - id: reflection\n    weight: 30\n'),
    )
    t.app.rubrics.reload()
    expect(t.app.rubrics.errors()).toEqual([])

    t.clock.now += 3_600_000
    const res = await post(`/api/attempts/${id}/rescore`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.report.rubricHash).not.toBe(before.rubricHash)
    expect(body.previous).toEqual({
      rubricId: 'ownership',
      rubricHash: before.rubricHash,
      engineVersion: before.engineVersion,
      score: before.score,
      band: before.band,
      scoredAt: '2025-03-03T10:00:00.000Z',
      replacedAt: '2025-03-03T11:00:00.000Z',
    })
    expect(body.difference.rubricChanged).toBe(true)
    expect(body.difference.score).toBe(body.report.score - before.score)
    const byId = new Map(body.difference.criteria.map((d: { criterionId: string }) => [d.criterionId, d]))
    const oldPoints = (cid: string) => before.report.criteria.find((c: { id: string }) => c.id === cid).score
    const newPoints = (cid: string) => body.report.criteria.find((c: { id: string }) => c.id === cid).score
    expect(byId.get('ownership-signals')).toEqual({
      criterionId: 'ownership-signals',
      label: 'Took ownership',
      before: oldPoints('ownership-signals'),
      after: null,
      change: -oldPoints('ownership-signals'),
      statusBefore: 'met',
      statusAfter: null,
    })
    expect(byId.get('reflection')).toMatchObject({
      before: oldPoints('reflection'),
      after: newPoints('reflection'),
      change: Math.round((newPoints('reflection') - oldPoints('reflection')) * 100) / 100,
    })

    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.score).toBe(body.report.score)
    expect(after.scoredAt).toBe('2025-03-03T11:00:00.000Z')
    expect(after.createdAt).toBe('2025-03-03T10:00:00.000Z')
    expect(after.history).toHaveLength(1)
    expect(after.history[0].report).toEqual(before.report)
  })

  test('unchanged rubric: same score, zero differences; unknown attempt 404; rubric gone 409', async () => {
    t = await startApp()
    const id = await store('pressure-deadline', GOOD_ANSWER)
    const same = (await post(`/api/attempts/${id}/rescore`)).json()
    expect(same.difference.score).toBe(0)
    expect(same.difference.rubricChanged).toBe(false)
    expect(same.difference.criteria.every((d: { change: number }) => d.change === 0)).toBe(true)
    expect(same.unchanged).toBe(true)

    expect((await post('/api/attempts/404/rescore')).statusCode).toBe(404)

    writeFileSync(join(t.rubricsDir, 'pressure.yaml'), '')
    t.app.rubrics.reload()
    // A broken file keeps its last good version, so re-scoring still works...
    expect((await post(`/api/attempts/${id}/rescore`)).statusCode).toBe(200)
    const { rmSync } = await import('node:fs')
    rmSync(join(t.rubricsDir, 'pressure.yaml'))
    t.app.rubrics.reload()
    // ...but a deleted one takes the rubric away.
    const gone = await post(`/api/attempts/${id}/rescore`)
    expect(gone.statusCode).toBe(409)
    expect(gone.json().message).toContain(
      "Neither prompt 'pressure-deadline' nor rubric 'pressure' is in service",
    )
    // Both re-scores gave the very same report, so neither added to the history.
    expect((await t.app.inject(`/api/attempts/${id}`)).json().history).toHaveLength(0)
  })

  test('a re-score that gives a byte-identical report adds no history entry and keeps scoredAt', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    const before = (await t.app.inject(`/api/attempts/${id}`)).json()
    for (let i = 0; i < 5; i++) {
      t.clock.now += 60_000
      const res = await post(`/api/attempts/${id}/rescore`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ unchanged: true, previous: { scoredAt: before.scoredAt } })
      expect(res.json().report).toEqual(before.report)
    }
    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.history).toEqual([])
    expect(after.scoredAt).toBe(before.scoredAt)
    expect(after.report).toEqual(before.report)
  })

  test('the history keeps the latest 20 earlier reports, oldest dropped', async () => {
    t = await startApp()
    const id = await store('ownership-outside-scope', GOOD_ANSWER)
    // Two versions of the rubric, taken in turn: each re-score changes the report.
    const versions = [OWNERSHIP_RUBRIC.replace('weight: 20', 'weight: 5'), OWNERSHIP_RUBRIC]
    const scores: number[] = [(await t.app.inject(`/api/attempts/${id}`)).json().score]
    for (let i = 0; i < 25; i++) {
      writeFileSync(join(t.rubricsDir, 'ownership.yaml'), versions[i % 2]!)
      t.app.rubrics.reload()
      t.clock.now += 60_000
      const res = await post(`/api/attempts/${id}/rescore`)
      expect(res.json().unchanged).toBe(false)
      scores.push(res.json().report.score)
    }
    const after = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(after.history).toHaveLength(20)
    // The 25 replaced reports were made at minutes 0..24; the first five went.
    const minute = (iso: string) => (Date.parse(iso) - Date.parse('2025-03-03T10:00:00Z')) / 60_000
    expect(after.history.map((h: { scoredAt: string }) => minute(h.scoredAt))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 5),
    )
    expect(after.history.map((h: { score: number }) => h.score)).toEqual(scores.slice(5, 25))
    expect(after.score).toBe(scores[25])
  })

  test('the OpenAPI document gives the re-score a JSON body of {}, so Try it out sends one', async () => {
    t = await startApp()
    const doc = (await t.app.inject('/docs/json')).json()
    const body = doc.paths['/api/attempts/{id}/rescore'].post.requestBody
    expect(body.required).toBe(true)
    expect(Object.keys(body.content)).toEqual(['application/json'])
    expect(body.content['application/json'].schema).toMatchObject({ type: 'object' })
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
