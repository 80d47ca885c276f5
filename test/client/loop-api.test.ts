// The loop and follow-up calls: paths, JSON bodies, lists read from their field, and the export's URL.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api } from '../../client/api'
import { openProbes } from '../../client/components/Probes'

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status }))
}

const call = (fetch: ReturnType<typeof answer>, i = 0) =>
  fetch.mock.calls[i] as unknown as [string, RequestInit]

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('loop api', () => {
  it('starts a loop, answers it with a follow-up, and reads the list from its field', async () => {
    const fetch = vi.fn(async (url: string) =>
      url === '/api/loops'
        ? new Response(JSON.stringify({ loops: [{ id: 3 }] }))
        : new Response('{}', { status: 201 }),
    )
    vi.stubGlobal('fetch', fetch)
    await api.createLoop({ size: 5, principles: ['ownership'] })
    await api.answerLoop(3, {
      promptId: 'p',
      answer: 'a',
      followUps: [{ probeId: 'probe-reflection', answer: 'b' }],
    })
    await api.followUp(9, { probeId: 'probe-measurable-result', answer: 'c' })
    expect(await api.loops()).toEqual([{ id: 3 }])
    const calls = fetch.mock.calls as unknown as [string, RequestInit][]
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'POST /api/loops',
      'POST /api/loops/3/answers',
      'POST /api/attempts/9/follow-ups',
      'GET /api/loops',
    ])
    expect(JSON.parse(calls[1]![1].body as string).followUps).toEqual([
      { probeId: 'probe-reflection', answer: 'b' },
    ])
    expect(api.debriefUrl(3)).toBe('/api/loops/3/debrief.md')
  })

  it('turns a question answered twice into an ApiError with the server’s words', async () => {
    const fetch = answer(409, {
      statusCode: 409,
      error: 'Conflict',
      message: "Question 'p' of loop 3 is answered already",
    })
    vi.stubGlobal('fetch', fetch)
    const err = (await api.answerLoop(3, { promptId: 'p', answer: 'a' }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(409)
    expect(err.message).toContain('answered already')
    expect(call(fetch)[0]).toBe('/api/loops/3/answers')
  })
})

describe('open probes', () => {
  it('leaves out the probes a follow-up answered, keeping the report’s order', () => {
    const probe = (id: string) => ({ id, criterionId: id.slice(6), question: `${id}?`, reason: 'r' })
    const probes = [probe('probe-a'), probe('probe-b'), probe('probe-c')]
    expect(openProbes(probes, [{ probeId: 'probe-b' }]).map((p) => p.id)).toEqual(['probe-a', 'probe-c'])
    expect(openProbes(probes, [])).toEqual(probes)
  })
})
