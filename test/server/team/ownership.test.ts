// Team mode's ownership: each account sees only its own attempts, stories and loops (and what derives from them:
// follow-ups, trends, coverage, exports, the next prompt); another account's row is 404, as a missing one; a
// database used in local mode goes to the first admin.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { closeDb, createDb } from '../../../db/index'
import { GOOD_ANSWER, startApp, type TestApp, WEAK_ANSWER } from '../helpers'
import { type Person, signUp, startTeamApp, startTeamAppWithShippedRubrics } from './helpers'

let t: TestApp | undefined
let dir: string | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

const PROMPT = 'ownership-outside-scope'

async function attemptOf(person: Person, answer = GOOD_ANSWER) {
  const res = await person.inject({
    method: 'POST',
    url: '/api/attempts',
    payload: { promptId: PROMPT, answer },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: number; report: { probes: { id: string }[] } }
}

describe('ownership', () => {
  test("another account's attempt is 404 on every route, exactly as one that does not exist", async () => {
    t = await startTeamAppWithShippedRubrics({ signup: 'open' })
    const ada = await signUp(t.app, 'Ada')
    const bo = await signUp(t.app, 'Bo')
    const mine = await attemptOf(ada, WEAK_ANSWER)
    const probe = mine.report.probes[0]!.id
    const missing = 999_999

    const routes = (id: number) => [
      { method: 'GET' as const, url: `/api/attempts/${id}` },
      { method: 'POST' as const, url: `/api/attempts/${id}/rescore`, payload: {} },
      {
        method: 'POST' as const,
        url: `/api/attempts/${id}/follow-ups`,
        payload: { probeId: probe, answer: 'We cut errors by 40%.' },
      },
      { method: 'PUT' as const, url: `/api/attempts/${id}/sharing`, payload: { share: true } },
      { method: 'DELETE' as const, url: `/api/attempts/${id}` },
    ]
    const theirs = routes(mine.id)
    const none = routes(missing)
    for (let i = 0; i < theirs.length; i++) {
      const a = await bo.inject(theirs[i]!)
      const b = await bo.inject(none[i]!)
      expect(a.statusCode, theirs[i]!.url).toBe(404)
      expect(b.statusCode).toBe(404)
      // The same words, but for the id: nothing tells the two apart.
      expect(a.json().message.replace(String(mine.id), 'ID')).toBe(
        b.json().message.replace(String(missing), 'ID'),
      )
    }
    // Still there for its owner, untouched.
    const own = await ada.inject({ method: 'GET', url: `/api/attempts/${mine.id}` })
    expect(own.statusCode).toBe(200)
    expect(own.json().followUps).toEqual([])
  })

  test('lists, trends, coverage, exports, stories and loops hold only the viewer’s own', async () => {
    t = await startTeamAppWithShippedRubrics({ signup: 'open' })
    const ada = await signUp(t.app, 'Ada')
    const bo = await signUp(t.app, 'Bo')
    const a1 = await attemptOf(ada)
    await attemptOf(ada, WEAK_ANSWER)
    const b1 = await attemptOf(bo, WEAK_ANSWER)

    const ids = async (p: Person) =>
      (await p.inject({ method: 'GET', url: '/api/attempts' }))
        .json()
        .attempts.map((a: { id: number }) => a.id)
    expect((await ids(ada)).sort()).toEqual([a1.id, a1.id + 1])
    expect(await ids(bo)).toEqual([b1.id])

    const trends = async (p: Person) => (await p.inject({ method: 'GET', url: '/api/trends' })).json()
    expect(
      (await trends(ada)).overall.reduce((n: number, o: { attempts: number }) => n + o.attempts, 0),
    ).toBe(2)
    expect((await trends(bo)).overall.reduce((n: number, o: { attempts: number }) => n + o.attempts, 0)).toBe(
      1,
    )
    const byArea = await bo.inject({ method: 'GET', url: '/api/trends?tag=ownership' })
    expect(byArea.json().overall.reduce((n: number, o: { attempts: number }) => n + o.attempts, 0)).toBe(1)

    const ownership = async (p: Person) =>
      (await p.inject({ method: 'GET', url: '/api/coverage' }))
        .json()
        .areas.find((a: { id: string }) => a.id === 'ownership')
    expect((await ownership(ada)).attempts).toBe(2)
    expect((await ownership(bo)).attempts).toBe(1)
    expect((await ownership(bo)).bestAttemptId).toBe(b1.id)

    const exported = await bo.inject({ method: 'GET', url: '/api/attempts/export?format=json' })
    expect(exported.json().map((a: { id: number }) => a.id)).toEqual([b1.id])
    expect(exported.body).not.toContain('checkout service')

    const story = await ada.inject({
      method: 'POST',
      url: '/api/stories',
      payload: { title: 'Billing rescue', text: GOOD_ANSWER },
    })
    expect(story.statusCode).toBe(201)
    const storyId = story.json().id
    expect((await bo.inject({ method: 'GET', url: '/api/stories' })).json().stories).toEqual([])
    expect((await ada.inject({ method: 'GET', url: '/api/stories' })).json().stories).toHaveLength(1)
    expect((await bo.inject({ method: 'GET', url: `/api/stories/${storyId}` })).statusCode).toBe(404)
    expect(
      (
        await bo.inject({
          method: 'PUT',
          url: `/api/stories/${storyId}`,
          payload: { title: 'Mine now', text: 'x' },
        })
      ).statusCode,
    ).toBe(404)
    expect((await bo.inject({ method: 'DELETE', url: `/api/stories/${storyId}` })).statusCode).toBe(404)
    expect((await ada.inject({ method: 'GET', url: `/api/stories/${storyId}` })).json().title).toBe(
      'Billing rescue',
    )

    const loop = await ada.inject({ method: 'POST', url: '/api/loops', payload: { size: 2 } })
    expect(loop.statusCode, loop.body).toBe(201)
    const { id: loopId, questions } = loop.json()
    expect((await bo.inject({ method: 'GET', url: '/api/loops' })).json().loops).toEqual([])
    expect((await bo.inject({ method: 'GET', url: `/api/loops/${loopId}` })).statusCode).toBe(404)
    expect((await bo.inject({ method: 'GET', url: `/api/loops/${loopId}/debrief.md` })).statusCode).toBe(404)
    const answer = { promptId: questions[0].promptId, answer: GOOD_ANSWER }
    expect(
      (await bo.inject({ method: 'POST', url: `/api/loops/${loopId}/answers`, payload: answer })).statusCode,
    ).toBe(404)
    const answered = await ada.inject({
      method: 'POST',
      url: `/api/loops/${loopId}/answers`,
      payload: answer,
    })
    expect(answered.statusCode, answered.body).toBe(201)
    // The loop's answer is the loop owner's attempt.
    const loopAttempt = answered.json().attemptId
    expect((await ada.inject({ method: 'GET', url: `/api/attempts/${loopAttempt}` })).statusCode).toBe(200)
    expect((await bo.inject({ method: 'GET', url: `/api/attempts/${loopAttempt}` })).statusCode).toBe(404)
  })

  test('the next prompt follows the viewer’s own practice', async () => {
    t = await startTeamAppWithShippedRubrics({ signup: 'open' })
    const ada = await signUp(t.app, 'Ada')
    const bo = await signUp(t.app, 'Bo')
    const first = (await bo.inject({ method: 'GET', url: '/api/prompts/next' })).json()
    // Ada practising the prompt Bo would be offered does not move Bo on.
    const stored = await ada.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: first.prompt.id, answer: GOOD_ANSWER },
    })
    expect(stored.statusCode).toBe(201)
    expect((await bo.inject({ method: 'GET', url: '/api/prompts/next' })).json()).toEqual(first)
    // Ada herself has moved on from it.
    const adaNext = (await ada.inject({ method: 'GET', url: '/api/prompts/next' })).json()
    expect(adaNext.prompt.id).not.toBe(first.prompt.id)
  })

  test('switching a local database to team mode gives its attempts, stories and loops to the first admin', async () => {
    dir = mkdtempSync(join(tmpdir(), 'starboard-team-db-'))
    const dbPath = join(dir, 'starboard.db')
    const local = await startApp({ dbPath })
    const res = await local.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: PROMPT, answer: GOOD_ANSWER },
    })
    expect(res.statusCode).toBe(201)
    await local.app.inject({
      method: 'POST',
      url: '/api/stories',
      payload: { title: 'Old story', text: GOOD_ANSWER },
    })
    await local.close()

    t = await startTeamApp({ signup: 'open' }, dbPath)
    const ada = await signUp(t.app, 'Ada')
    const bo = await signUp(t.app, 'Bo')
    expect((await ada.inject({ method: 'GET', url: '/api/attempts' })).json().attempts).toHaveLength(1)
    expect((await ada.inject({ method: 'GET', url: '/api/stories' })).json().stories).toHaveLength(1)
    expect((await bo.inject({ method: 'GET', url: '/api/attempts' })).json().attempts).toHaveLength(0)
    await t.close()
    t = undefined
    const db = createDb(dbPath)
    try {
      const owners = db.$client
        .prepare('SELECT DISTINCT owner_id FROM attempts UNION SELECT DISTINCT owner_id FROM stories')
        .pluck()
        .all()
      expect(owners).toEqual([ada.id])
    } finally {
      closeDb(db)
    }
  })
})
