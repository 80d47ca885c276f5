// The fetch wrapper: request shapes, lists read from their field, and errors that pages can show next to their field.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api } from '../../client/api'

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('api', () => {
  it('posts an attempt as JSON and returns the created id and report', async () => {
    const fetch = answer(201, { id: 7, report: { score: 80 } })
    vi.stubGlobal('fetch', fetch)
    await expect(api.createAttempt({ promptId: 'p', answer: 'a', durationMs: 5 })).resolves.toEqual({
      id: 7,
      report: { score: 80 },
    })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/attempts')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ promptId: 'p', answer: 'a', durationMs: 5 })
  })

  it('re-scores with a JSON body, as the server asks of every write', async () => {
    const fetch = answer(200, { id: 7 })
    vi.stubGlobal('fetch', fetch)
    await api.rescore(7)
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/attempts/7/rescore')
    expect(init.method).toBe('POST')
    expect(init.headers).toEqual({ 'content-type': 'application/json' })
    expect(init.body).toBe('{}')
  })

  it('turns a 4xx into an ApiError carrying the field the server names', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'body.answer: answer is longer than the limit of 20,000 characters; shorten it',
        field: 'answer',
      }),
    )
    const err = (await api.createAttempt({ promptId: 'p', answer: 'x' }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.field).toBe('answer')
    expect(err.message).toMatch(/20,000 characters/)
    // The field is highlighted by the page, so its path is not repeated in the words.
    expect(err.message).toBe('Answer is longer than the limit of 20,000 characters; shorten it')
  })

  it('carries the error body’s code, telling a probe answered already from a rubric out of service', async () => {
    const refusal = (code: string, message: string) =>
      answer(409, { statusCode: 409, error: 'Conflict', message, code })
    vi.stubGlobal('fetch', refusal('answered-already', "Probe 'probe-reflection' is answered already"))
    const answered = (await api
      .followUp(7, { probeId: 'probe-reflection', answer: 'x' })
      .catch((e) => e)) as ApiError
    expect(answered).toBeInstanceOf(ApiError)
    expect(answered.status).toBe(409)
    expect(answered.code).toBe('answered-already')
    vi.stubGlobal(
      'fetch',
      refusal('rubric-not-in-service', "Neither prompt 'p' nor rubric 'r' is in service now"),
    )
    const gone = (await api
      .followUp(7, { probeId: 'probe-reflection', answer: 'x' })
      .catch((e) => e)) as ApiError
    expect(gone.status).toBe(409)
    expect(gone.code).toBe('rubric-not-in-service')
    vi.stubGlobal('fetch', answer(404, { statusCode: 404, error: 'Not Found', message: 'No attempt' }))
    const none = (await api
      .followUp(7, { probeId: 'probe-reflection', answer: 'x' })
      .catch((e) => e)) as ApiError
    expect(none.code).toBeUndefined()
  })

  it('takes the field from the error body only, never from the words of the message', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'query.minScore: minScore is above maxScore',
      }),
    )
    const err = (await api.attempts({ minScore: 80, maxScore: 20 }).catch((e) => e)) as ApiError
    expect(err.status).toBe(400)
    expect(err.field).toBeUndefined()
    expect(err.message).toBe('MinScore is above maxScore')
    vi.stubGlobal(
      'fetch',
      answer(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'from is after to; swap them',
        field: 'from',
      }),
    )
    expect(((await api.attempts({ from: '2025-03-05' }).catch((e) => e)) as ApiError).field).toBe('from')
  })

  it('says the server cannot be reached when fetch fails, with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    const err = (await api.rubrics().catch((e) => e)) as ApiError
    expect(err.status).toBe(0)
    expect(err.message).toMatch(/Cannot reach the Starboard server/)
  })

  it('reads a page of attempts with its next cursor, sending only the filters given', async () => {
    const fetch = answer(200, { attempts: [{ id: 1 }], nextCursor: 'abc' })
    vi.stubGlobal('fetch', fetch)
    await expect(api.attempts({ minScore: 50, tag: '' })).resolves.toEqual({
      attempts: [{ id: 1 }],
      nextCursor: 'abc',
    })
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/attempts?minScore=50')
  })

  it('takes each list from its own field of the answer', async () => {
    vi.stubGlobal(
      'fetch',
      answer(200, { stale: [{ rubricId: 'x', file: 'x.yaml', hash: 'h' }], errors: [2], loadedAt: 'now' }),
    )
    await expect(api.rubricErrors()).resolves.toEqual([2])
    vi.stubGlobal('fetch', answer(200, { rubrics: [1] }))
    await expect(api.rubrics()).resolves.toEqual([1])
    vi.stubGlobal('fetch', answer(200, { prompts: [3] }))
    await expect(api.prompts({ tag: 'ownership' })).resolves.toEqual([3])
  })

  it('leaves empty filters out of query strings, and paging out of export links', () => {
    expect(api.exportUrl('csv', { tag: 'ownership', from: '', cursor: 'x', limit: 5 })).toBe(
      '/api/attempts/export?format=csv&tag=ownership',
    )
  })

  it('accepts 204 No Content for a delete', async () => {
    vi.stubGlobal('fetch', answer(204, undefined))
    await expect(api.deleteAttempt(3)).resolves.toBeUndefined()
  })
})
