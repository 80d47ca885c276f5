// The fetch wrapper: request shapes, list unwrapping, and errors that pages can show next to their field.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, fieldOf, listOf } from '../../client/api'

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

  it('turns a 4xx into an ApiError naming the field its message is about', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'answer is longer than the limit of 20,000 characters; shorten it',
      }),
    )
    const err = (await api.createAttempt({ promptId: 'p', answer: 'x' }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.field).toBe('answer')
    expect(err.message).toMatch(/20,000 characters/)
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

  it('reads wrapped lists and the next cursor of attempts', async () => {
    vi.stubGlobal('fetch', answer(200, { attempts: [{ id: 1 }], nextCursor: 'abc' }))
    await expect(api.attempts({ minScore: 50, tag: '' })).resolves.toEqual({
      items: [{ id: 1 }],
      nextCursor: 'abc',
    })
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

describe('listOf and fieldOf', () => {
  it('takes an array bare or from its wrapper', () => {
    expect(listOf([1])).toEqual([1])
    expect(listOf({ errors: [2], stale: [] })).toEqual([2])
    expect(listOf(null)).toEqual([])
  })
  it('finds the field a validation message names', () => {
    expect(fieldOf('from is after to; swap them')).toBe('from')
    expect(fieldOf('minScore must be a whole number from 0 to 100')).toBe('minScore')
    expect(fieldOf('Too many changes')).toBeUndefined()
  })
})
