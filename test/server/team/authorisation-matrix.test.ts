// The authorisation matrix: every route of the API × {anonymous, candidate, other candidate, instructor of the
// cohort, instructor of another cohort, admin}, with the status each must get. The routes come from the app's
// own route list (its OpenAPI document), so a route added without a row here fails the test.

import { readFileSync } from 'node:fs'
import { get } from 'node:http'
import { join } from 'node:path'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, type TestApp, WEAK_ANSWER } from '../helpers'
import {
  cohortWithInvite,
  makeInstructor,
  type Person,
  signUp,
  startTeamAppWithShippedRubrics,
} from './helpers'

const WHO = [
  'anonymous',
  'candidate',
  'other candidate',
  'instructor of the cohort',
  'instructor of another cohort',
  'admin',
] as const
type Who = (typeof WHO)[number]
type Expected = Record<Who, number>

/** Every signed-in person gets `status`; no one without a session. */
const signedIn = (status: number): Expected => ({
  anonymous: 401,
  candidate: status,
  'other candidate': status,
  'instructor of the cohort': status,
  'instructor of another cohort': status,
  admin: status,
})
/** The candidate's own row: theirs to use, 404 for everyone else (admins included: rows are private). */
const own = (status: number): Expected => ({ ...signedIn(404), candidate: status })
/** The cohort's instructors and admins; its candidates 403; anyone outside it 404. */
const teaches = (status: number): Expected => ({
  anonymous: 401,
  candidate: 403,
  'other candidate': 403,
  'instructor of the cohort': status,
  'instructor of another cohort': 404,
  admin: status,
})

/** What a row needs: fresh rows of the candidate's and the cohort's, made before the row runs. */
interface Fixture {
  attempt: number
  probe: string
  story: number
  loop: number
  loopPrompt: string
  cohort: number
  invite: number
  otherCohortToken: string
  otherCandidate: string
  ownershipYaml: string
}

type Request = (f: Fixture) => InjectOptions

const ROWS: Record<string, { request: Request; expected: Expected; finishLoop?: true }> = {
  'GET /api/health': {
    request: () => ({ url: '/api/health' }),
    expected: { ...signedIn(200), anonymous: 200 },
  },
  'GET /api/account': {
    request: () => ({ url: '/api/account' }),
    expected: { ...signedIn(200), anonymous: 200 },
  },
  'GET /api/rubrics': { request: () => ({ url: '/api/rubrics' }), expected: signedIn(200) },
  'GET /api/rubrics/errors': { request: () => ({ url: '/api/rubrics/errors' }), expected: signedIn(200) },
  'GET /api/rubrics/{id}': { request: () => ({ url: '/api/rubrics/ownership' }), expected: signedIn(200) },
  'PUT /api/rubrics/{id}': {
    request: (f) => ({ method: 'PUT', url: '/api/rubrics/ownership', payload: { yaml: f.ownershipYaml } }),
    expected: {
      ...teaches(200),
      candidate: 403,
      'other candidate': 403,
      'instructor of another cohort': 200,
    },
  },
  'GET /api/rubrics/studio': { request: () => ({ url: '/api/rubrics/studio' }), expected: signedIn(200) },
  'GET /api/rubrics/{id}/source': {
    request: () => ({ url: '/api/rubrics/ownership/source' }),
    expected: signedIn(200),
  },
  'POST /api/rubrics/preview': {
    request: (f) => ({
      method: 'POST',
      url: '/api/rubrics/preview',
      payload: { yaml: f.ownershipYaml, answer: GOOD_ANSWER },
    }),
    expected: signedIn(200),
  },
  'GET /api/prompts': { request: () => ({ url: '/api/prompts' }), expected: signedIn(200) },
  'GET /api/prompts/next': { request: () => ({ url: '/api/prompts/next' }), expected: signedIn(200) },
  'GET /api/prompts/{id}': {
    request: () => ({ url: '/api/prompts/ownership-outside-scope' }),
    expected: signedIn(200),
  },
  'POST /api/score': {
    request: () => ({ method: 'POST', url: '/api/score', payload: { answer: GOOD_ANSWER } }),
    expected: signedIn(200),
  },
  'POST /api/attempts': {
    request: () => ({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'ownership-outside-scope', answer: GOOD_ANSWER },
    }),
    expected: signedIn(201),
  },
  'GET /api/attempts': { request: () => ({ url: '/api/attempts' }), expected: signedIn(200) },
  'GET /api/attempts/{id}': { request: (f) => ({ url: `/api/attempts/${f.attempt}` }), expected: own(200) },
  'DELETE /api/attempts/{id}': {
    request: (f) => ({ method: 'DELETE', url: `/api/attempts/${f.attempt}` }),
    expected: own(204),
  },
  'POST /api/attempts/{id}/rescore': {
    request: (f) => ({ method: 'POST', url: `/api/attempts/${f.attempt}/rescore`, payload: {} }),
    expected: own(200),
  },
  'POST /api/attempts/{id}/follow-ups': {
    request: (f) => ({
      method: 'POST',
      url: `/api/attempts/${f.attempt}/follow-ups`,
      payload: { probeId: f.probe, answer: 'Errors fell by 40% in a week.' },
    }),
    expected: own(201),
  },
  'PUT /api/attempts/{id}/sharing': {
    request: (f) => ({ method: 'PUT', url: `/api/attempts/${f.attempt}/sharing`, payload: { share: true } }),
    expected: own(200),
  },
  'GET /api/attempts/export': {
    request: () => ({ url: '/api/attempts/export?format=csv' }),
    expected: signedIn(200),
  },
  'GET /api/trends': { request: () => ({ url: '/api/trends' }), expected: signedIn(200) },
  'GET /api/coverage': { request: () => ({ url: '/api/coverage' }), expected: signedIn(200) },
  'POST /api/loops': {
    request: () => ({ method: 'POST', url: '/api/loops', payload: { size: 2 } }),
    expected: signedIn(201),
  },
  'GET /api/loops': { request: () => ({ url: '/api/loops' }), expected: signedIn(200) },
  'GET /api/loops/{id}': { request: (f) => ({ url: `/api/loops/${f.loop}` }), expected: own(200) },
  'GET /api/loops/{id}/debrief.md': {
    request: (f) => ({ url: `/api/loops/${f.loop}/debrief.md` }),
    expected: own(200),
    finishLoop: true,
  },
  'POST /api/loops/{id}/answers': {
    request: (f) => ({
      method: 'POST',
      url: `/api/loops/${f.loop}/answers`,
      payload: { promptId: f.loopPrompt, answer: GOOD_ANSWER },
    }),
    expected: own(201),
  },
  'POST /api/stories': {
    request: () => ({
      method: 'POST',
      url: '/api/stories',
      payload: { title: 'A story', text: GOOD_ANSWER },
    }),
    expected: signedIn(201),
  },
  'GET /api/stories': { request: () => ({ url: '/api/stories' }), expected: signedIn(200) },
  'GET /api/stories/plan': { request: () => ({ url: '/api/stories/plan' }), expected: signedIn(200) },
  'GET /api/stories/{id}': { request: (f) => ({ url: `/api/stories/${f.story}` }), expected: own(200) },
  'PUT /api/stories/{id}': {
    request: (f) => ({
      method: 'PUT',
      url: `/api/stories/${f.story}`,
      payload: { title: 'Edited', text: WEAK_ANSWER },
    }),
    expected: own(200),
  },
  'DELETE /api/stories/{id}': {
    request: (f) => ({ method: 'DELETE', url: `/api/stories/${f.story}` }),
    expected: own(204),
  },
  'GET /api/users': {
    request: () => ({ url: '/api/users' }),
    expected: {
      ...teaches(403),
      'instructor of the cohort': 403,
      admin: 200,
      'instructor of another cohort': 403,
    },
  },
  'PUT /api/users/{id}/role': {
    request: (f) => ({
      method: 'PUT',
      url: `/api/users/${f.otherCandidate}/role`,
      payload: { role: 'candidate' },
    }),
    expected: {
      ...teaches(403),
      'instructor of the cohort': 403,
      admin: 200,
      'instructor of another cohort': 403,
    },
  },
  'POST /api/cohorts': {
    request: () => ({ method: 'POST', url: '/api/cohorts', payload: { name: 'New cohort' } }),
    expected: { ...signedIn(201), candidate: 403, 'other candidate': 403 },
  },
  'GET /api/cohorts': { request: () => ({ url: '/api/cohorts' }), expected: signedIn(200) },
  'POST /api/cohorts/join': {
    request: (f) => ({ method: 'POST', url: '/api/cohorts/join', payload: { token: f.otherCohortToken } }),
    expected: signedIn(200),
  },
  'POST /api/cohorts/{id}/invites': {
    request: (f) => ({ method: 'POST', url: `/api/cohorts/${f.cohort}/invites`, payload: {} }),
    expected: teaches(201),
  },
  'DELETE /api/cohorts/{id}/invites/{inviteId}': {
    request: (f) => ({ method: 'DELETE', url: `/api/cohorts/${f.cohort}/invites/${f.invite}` }),
    expected: teaches(204),
  },
  'GET /api/cohorts/{id}/progress': {
    request: (f) => ({ url: `/api/cohorts/${f.cohort}/progress` }),
    expected: teaches(200),
  },
  'PUT /api/cohorts/{id}/sharing': {
    request: (f) => ({ method: 'PUT', url: `/api/cohorts/${f.cohort}/sharing`, payload: { share: false } }),
    // Any member sets their own sharing; an admin who is not a member has nothing to set.
    expected: { ...teaches(200), candidate: 200, 'other candidate': 200, admin: 404 },
  },
  // Last: the stream is opened on the listening app, after which injected requests would be refused by host name.
  'GET /api/events': { request: () => ({ url: '/api/events' }), expected: signedIn(200) },
}

/** Routes answered outside the OpenAPI document that the matrix still covers. */
const UNDOCUMENTED = ['GET /api/health']

let t: TestApp
let people: Record<Exclude<Who, 'anonymous'>, Person>
let cohort: number
let admin: Person

beforeAll(async () => {
  t = await startTeamAppWithShippedRubrics()
  admin = await signUp(t.app, 'Ada Admin')
  const staff = await cohortWithInvite(admin, 'Staff')
  const teacher = await signUp(t.app, 'Tess Teacher', staff.invite.token)
  const outsider = await signUp(t.app, 'Olive Outsider', staff.invite.token)
  await makeInstructor(admin, teacher)
  await makeInstructor(admin, outsider)
  const mine = await cohortWithInvite(teacher, 'Spring')
  cohort = mine.cohortId
  await cohortWithInvite(outsider, 'Autumn')
  const cara = await signUp(t.app, 'Cara Candidate', mine.invite.token)
  const dan = await signUp(t.app, 'Dan Candidate', mine.invite.token)
  people = {
    candidate: cara,
    'other candidate': dan,
    'instructor of the cohort': teacher,
    'instructor of another cohort': outsider,
    admin,
  }
}, 60_000)
afterAll(async () => t?.close())

async function fixture(finishLoop = false): Promise<Fixture> {
  const cara = people.candidate
  const attempt = await cara.inject({
    method: 'POST',
    url: '/api/attempts',
    payload: { promptId: 'ownership-outside-scope', answer: WEAK_ANSWER },
  })
  const story = await cara.inject({
    method: 'POST',
    url: '/api/stories',
    payload: { title: 'Rescue', text: GOOD_ANSWER },
  })
  const loop = await cara.inject({ method: 'POST', url: '/api/loops', payload: { size: 2 } })
  const invite = await people['instructor of the cohort'].inject({
    method: 'POST',
    url: `/api/cohorts/${cohort}/invites`,
    payload: {},
  })
  const other = await cohortWithInvite(admin, 'Elsewhere')
  for (const res of [attempt, story, loop, invite]) expect(res.statusCode, res.body).toBe(201)
  if (finishLoop) {
    for (const q of loop.json().questions as { promptId: string }[]) {
      const res = await cara.inject({
        method: 'POST',
        url: `/api/loops/${loop.json().id}/answers`,
        payload: { promptId: q.promptId, answer: GOOD_ANSWER },
      })
      expect(res.statusCode, res.body).toBe(201)
    }
  }
  return {
    attempt: attempt.json().id,
    probe: attempt.json().report.probes[0].id,
    story: story.json().id,
    loop: loop.json().id,
    loopPrompt: loop.json().questions[0].promptId,
    cohort,
    invite: invite.json().id,
    otherCohortToken: other.invite.token,
    otherCandidate: people['other candidate'].id,
    ownershipYaml: readFileSync(join(t.rubricsDir, 'ownership.yaml'), 'utf8'),
  }
}

/** The event stream never ends: its status is read over a real connection, which is then dropped. */
async function streamStatus(who: Who): Promise<number> {
  if (!t.app.server.listening) await t.app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = t.app.server.address() as { port: number }
  const headers: Record<string, string> = who === 'anonymous' ? {} : { cookie: people[who].cookie }
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/events', headers, agent: false }, (res) => {
      resolve(res.statusCode ?? 0)
      req.destroy()
    })
    req.on('error', reject)
  })
}

describe('authorisation matrix', () => {
  test('every route of the API has a row, and every row a route', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(routes.length).toBeGreaterThan(40)
    expect([...new Set([...routes, ...UNDOCUMENTED])].sort()).toEqual(Object.keys(ROWS).sort())
  })

  // The owner goes last, so a row that deletes or changes the row has run for everyone else first.
  const order: Who[] = [
    'anonymous',
    'other candidate',
    'instructor of the cohort',
    'instructor of another cohort',
    'admin',
    'candidate',
  ]
  const got: Record<string, Record<Who, number>> = {}

  test.each(Object.keys(ROWS))('%s', async (route) => {
    const row = ROWS[route]!
    const f = await fixture(row.finishLoop === true)
    const statuses = {} as Record<Who, number>
    for (const who of order) {
      if (route === 'GET /api/events') {
        statuses[who] = await streamStatus(who)
        continue
      }
      const request = row.request(f)
      const res = who === 'anonymous' ? await t.app.inject(request) : await people[who].inject(request)
      statuses[who] = res.statusCode
    }
    got[route] = statuses
    expect(statuses).toEqual(row.expected)
  })

  afterAll(() => {
    // The matrix as measured, one line per route, for the record.
    const lines = Object.entries(got).map(
      ([route, s]) => `${route.padEnd(46)} ${WHO.map((w) => s[w]).join('  ')}`,
    )
    console.log(`${'route'.padEnd(46)} ${WHO.join(' | ')}\n${lines.join('\n')}`)
  })
})
