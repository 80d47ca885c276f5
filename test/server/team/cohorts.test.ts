// Cohorts: creating one, invite links (made, used, revoked), joining, who may read a cohort's progress, sharing of
// answer texts (off by default, per attempt or per cohort), and hostile input on the new routes.

import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, type TestApp, WEAK_ANSWER } from '../helpers'
import {
  BASE_URL,
  cohortWithInvite,
  makeInstructor,
  PASSWORD,
  type Person,
  signUp,
  startTeamApp,
} from './helpers'

let t: TestApp
let admin: Person
let teacher: Person
let cara: Person
let dan: Person
let cohortId: number
let invite: { id: number; token: string; url: string }

/** A sentence no other text in the tests contains: found in a response body only if the answer text leaked. */
const SECRET_SENTENCE = 'The zebra-striped ledger reconciled itself at midnight.'
const UNSHARED = `${GOOD_ANSWER} ${SECRET_SENTENCE}`

beforeEach(async () => {
  t = await startTeamApp()
  admin = await signUp(t.app, 'Ada Admin')
  const seed = await cohortWithInvite(admin, 'Staff')
  teacher = await signUp(t.app, 'Tess Teacher', seed.invite.token)
  await makeInstructor(admin, teacher)
  ;({ cohortId, invite } = await cohortWithInvite(teacher, 'Spring bootcamp'))
  cara = await signUp(t.app, 'Cara', invite.token)
  dan = await signUp(t.app, 'Dan', invite.token)
})
afterEach(async () => t.close())

const answer = (p: Person, text: string) =>
  p.inject({
    method: 'POST',
    url: '/api/attempts',
    payload: { promptId: 'ownership-outside-scope', answer: text },
  })

describe('cohorts', () => {
  test('an instructor moved back to candidate no longer reads progress or makes invites for their cohorts', async () => {
    const progress = () => teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })
    const newInvite = () =>
      teacher.inject({ method: 'POST', url: `/api/cohorts/${cohortId}/invites`, payload: {} })
    expect((await progress()).statusCode).toBe(200)
    const demoted = await admin.inject({
      method: 'PUT',
      url: `/api/users/${teacher.id}/role`,
      payload: { role: 'candidate' },
    })
    expect(demoted.statusCode, demoted.body).toBe(200)
    expect((await progress()).statusCode).toBe(403)
    expect((await newInvite()).statusCode).toBe(403)
    // Made an instructor again, the cohort is theirs to teach as before.
    await makeInstructor(admin, teacher)
    expect((await progress()).statusCode).toBe(200)
    expect((await newInvite()).statusCode).toBe(201)
  })

  test('an instructor creates a cohort and invites; candidates join; each lists their own cohorts', async () => {
    const mine = (await teacher.inject({ method: 'GET', url: '/api/cohorts' })).json().cohorts
    // The instructor joined Staff as a candidate before the admin made them an instructor.
    expect(mine).toEqual([
      expect.objectContaining({ id: cohortId, name: 'Spring bootcamp', role: 'instructor', members: 3 }),
      expect.objectContaining({ name: 'Staff', role: 'candidate' }),
    ])
    const caras = (await cara.inject({ method: 'GET', url: '/api/cohorts' })).json().cohorts
    expect(caras).toEqual([expect.objectContaining({ id: cohortId, role: 'candidate' })])
    // An admin sees every cohort.
    const all = (await admin.inject({ method: 'GET', url: '/api/cohorts' })).json().cohorts
    expect(all.map((c: { name: string }) => c.name)).toEqual(['Spring bootcamp', 'Staff'])
    // A candidate creates no cohort.
    expect(
      (await cara.inject({ method: 'POST', url: '/api/cohorts', payload: { name: 'Mine' } })).statusCode,
    ).toBe(403)
    // A candidate may be in several cohorts: joining with another cohort's token.
    const other = await cohortWithInvite(teacher, 'Autumn')
    const joined = await cara.inject({
      method: 'POST',
      url: '/api/cohorts/join',
      payload: { token: other.invite.token },
    })
    expect(joined.statusCode).toBe(200)
    expect(joined.json()).toEqual({ cohortId: other.cohortId, name: 'Autumn', role: 'candidate' })
    expect((await cara.inject({ method: 'GET', url: '/api/cohorts' })).json().cohorts).toHaveLength(2)
    // The instructor joining their own cohort's link stays its instructor.
    const self = await teacher.inject({
      method: 'POST',
      url: '/api/cohorts/join',
      payload: { token: invite.token },
    })
    expect(self.json().role).toBe('instructor')
  })

  test('a revoked invite token is refused, for joining and for signing up', async () => {
    const res = await teacher.inject({
      method: 'DELETE',
      url: `/api/cohorts/${cohortId}/invites/${invite.id}`,
    })
    expect(res.statusCode).toBe(204)
    const join = await admin.inject({
      method: 'POST',
      url: '/api/cohorts/join',
      payload: { token: invite.token },
    })
    expect(join.statusCode).toBe(404)
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL },
      payload: { name: 'Late', email: 'late@example.test', password: PASSWORD, inviteToken: invite.token },
    })
    expect(signup.statusCode).toBe(403)
    expect(signup.headers['set-cookie']).toBeUndefined()
    // Revoking is the cohort's instructors' business: a candidate of it gets 403, another cohort's instructor 404.
    const fresh = (
      await teacher.inject({ method: 'POST', url: `/api/cohorts/${cohortId}/invites`, payload: {} })
    ).json()
    expect(
      (await cara.inject({ method: 'DELETE', url: `/api/cohorts/${cohortId}/invites/${fresh.id}` }))
        .statusCode,
    ).toBe(403)
    expect(
      (await teacher.inject({ method: 'DELETE', url: `/api/cohorts/${cohortId}/invites/999` })).statusCode,
    ).toBe(404)
  })

  test('an invite link works for 14 days, or for the 1 to 90 days asked; an expired one is refused', async () => {
    const made = t.clock.now
    const standard = await teacher.inject({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/invites`,
      payload: {},
    })
    expect(standard.statusCode).toBe(201)
    expect(Date.parse(standard.json().expiresAt)).toBe(made + 14 * 86_400_000)
    const short = await teacher.inject({
      method: 'POST',
      url: `/api/cohorts/${cohortId}/invites`,
      payload: { expiresInDays: 2 },
    })
    expect(Date.parse(short.json().expiresAt)).toBe(made + 2 * 86_400_000)
    for (const bad of [0, 91, 1.5, '7']) {
      const res = await teacher.inject({
        method: 'POST',
        url: `/api/cohorts/${cohortId}/invites`,
        payload: { expiresInDays: bad },
      })
      expect(res.statusCode, String(bad)).toBe(400)
      expect(res.json().message, String(bad)).toMatch(/expiresInDays/)
    }
    // Three days on, the 2-day link is refused for joining and for signing up; the 14-day one still works.
    t.clock.now = made + 3 * 86_400_000
    const late = await admin.inject({
      method: 'POST',
      url: '/api/cohorts/join',
      payload: { token: short.json().token },
    })
    expect(late.statusCode).toBe(404)
    expect(late.json().message).toMatch(/expired/)
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL },
      payload: {
        name: 'Late',
        email: 'late@example.test',
        password: PASSWORD,
        inviteToken: short.json().token,
      },
    })
    expect(signup.statusCode).toBe(403)
    expect(signup.json().message).toMatch(/expired/)
    expect(signup.headers['set-cookie']).toBeUndefined()
    const joined = await admin.inject({
      method: 'POST',
      url: '/api/cohorts/join',
      payload: { token: standard.json().token },
    })
    expect(joined.statusCode).toBe(200)
    expect(joined.json()).toMatchObject({ cohortId, role: 'candidate' })
  })

  test('progress is for the cohort’s instructors and admins: a candidate of it gets 403, anyone outside it 404', async () => {
    expect(
      (await teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).statusCode,
    ).toBe(200)
    expect((await admin.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).statusCode).toBe(
      200,
    )
    expect((await cara.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).statusCode).toBe(
      403,
    )
    const outsider = await signUp(t.app, 'Olive', (await cohortWithInvite(admin, 'Other')).invite.token)
    await makeInstructor(admin, outsider)
    expect(
      (await outsider.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).statusCode,
    ).toBe(404)
    expect((await outsider.inject({ method: 'GET', url: '/api/cohorts/99999/progress' })).statusCode).toBe(
      404,
    )
  })

  test('progress: attempts per member per week, who has not practised this week, coverage and the weakest criteria', async () => {
    expect((await answer(cara, GOOD_ANSWER)).statusCode).toBe(201)
    t.clock.now += 60_000
    expect((await answer(cara, WEAK_ANSWER)).statusCode).toBe(201)
    const p = (await teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).json()
    expect(p.cohort).toEqual({ id: cohortId, name: 'Spring bootcamp' })
    expect(p.weekStart).toBe('2025-03-03')
    const byName = Object.fromEntries(p.members.map((m: { name: string }) => [m.name, m]))
    expect(byName.Cara).toMatchObject({
      role: 'candidate',
      attempts: 2,
      practisedThisWeek: true,
      weeks: [{ week: '2025-03-03', attempts: 2 }],
    })
    expect(byName.Dan).toMatchObject({
      attempts: 0,
      practisedThisWeek: false,
      lastPractisedAt: null,
      weeks: [],
    })
    expect(p.coverage).toContainEqual(
      expect.objectContaining({ memberId: cara.id, area: 'ownership', attempts: 2 }),
    )
    expect(p.weakestCriteria.length).toBeGreaterThan(0)
    for (const w of p.weakestCriteria)
      expect(w.prompt).toEqual({ id: expect.any(String), text: expect.any(String) })
    const averages = p.weakestCriteria.map((w: { average: number }) => w.average)
    expect(averages).toEqual([...averages].sort((a, b) => a - b))
    expect(p.attempts).toHaveLength(2)
    for (const a of p.attempts) {
      expect(a.criteria.length).toBeGreaterThan(0)
      expect(a.answer).toBeNull()
    }
  })

  test('an answer text that is not shared never leaves the server; shared ones reach the instructor', async () => {
    const unshared = (await answer(cara, UNSHARED)).json().id
    const bodies: string[] = []
    const look = async (p: Person, url: string) => {
      const res = await p.inject({ method: 'GET', url })
      bodies.push(res.body)
      return res
    }
    // Every read the other people can make, on every route that could carry it.
    for (const p of [teacher, admin, dan]) {
      for (const url of [
        `/api/cohorts/${cohortId}/progress`,
        '/api/cohorts',
        '/api/attempts',
        `/api/attempts/${unshared}`,
        '/api/attempts/export?format=json',
        '/api/attempts/export?format=csv',
        '/api/attempts/export?format=md',
        '/api/trends',
        '/api/coverage',
        '/api/users',
        '/api/account',
        '/api/stories',
        '/api/loops',
      ]) {
        await look(p, url)
      }
    }
    expect(bodies.length).toBe(39)
    for (const body of bodies) expect(body).not.toContain('zebra-striped')
    // The owner sees it, of course.
    expect((await look(cara, `/api/attempts/${unshared}`)).body).toContain('zebra-striped')

    // Shared per attempt: the instructor reads that attempt's text, and only that one.
    const shared = (await answer(cara, `${GOOD_ANSWER} Shared on purpose.`)).json().id
    expect(
      (await cara.inject({ method: 'PUT', url: `/api/attempts/${shared}/sharing`, payload: { share: true } }))
        .statusCode,
    ).toBe(200)
    let p = (await teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).json()
    const text = (id: number) => p.attempts.find((a: { id: number }) => a.id === id).answer
    expect(text(shared)).toContain('Shared on purpose.')
    expect(text(unshared)).toBeNull()
    expect(JSON.stringify(p)).not.toContain('zebra-striped')

    // Shared with the whole cohort: every text of Cara's; stopping it hides them again.
    expect(
      (
        await cara.inject({
          method: 'PUT',
          url: `/api/cohorts/${cohortId}/sharing`,
          payload: { share: true },
        })
      ).statusCode,
    ).toBe(200)
    p = (await teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })).json()
    expect(text(unshared)).toContain('zebra-striped')
    expect(p.members.find((m: { id: string }) => m.id === cara.id).sharesAnswers).toBe(true)
    await cara.inject({ method: 'PUT', url: `/api/cohorts/${cohortId}/sharing`, payload: { share: false } })
    const again = await teacher.inject({ method: 'GET', url: `/api/cohorts/${cohortId}/progress` })
    expect(again.body).not.toContain('zebra-striped')
    // No one shares another's attempt.
    expect(
      (
        await dan.inject({
          method: 'PUT',
          url: `/api/attempts/${unshared}/sharing`,
          payload: { share: true },
        })
      ).statusCode,
    ).toBe(404)
  })

  test('SQL-ish and oversized input on the new routes is answered 4xx and changes nothing', async () => {
    const sqlish = [
      "1' OR '1'='1",
      '1; DROP TABLE users; --',
      "' UNION SELECT password FROM accounts --",
      '0x1',
      '-1',
      '1e3',
      '%27',
    ]
    for (const bad of sqlish) {
      for (const req of [
        { method: 'GET' as const, url: `/api/cohorts/${encodeURIComponent(bad)}/progress` },
        { method: 'POST' as const, url: `/api/cohorts/${encodeURIComponent(bad)}/invites`, payload: {} },
        { method: 'DELETE' as const, url: `/api/cohorts/${cohortId}/invites/${encodeURIComponent(bad)}` },
        {
          method: 'PUT' as const,
          url: `/api/cohorts/${encodeURIComponent(bad)}/sharing`,
          payload: { share: true },
        },
        {
          method: 'PUT' as const,
          url: `/api/users/${encodeURIComponent(bad)}/role`,
          payload: { role: 'admin' },
        },
        { method: 'POST' as const, url: '/api/cohorts/join', payload: { token: bad } },
      ]) {
        const res = await (req.url.startsWith('/api/users') ? admin : teacher).inject(req)
        expect(res.statusCode, `${req.method} ${req.url}`).toBeGreaterThanOrEqual(400)
        expect(res.statusCode, `${req.method} ${req.url}`).toBeLessThan(500)
      }
      // A name is text: stored as given, never run.
      const made = await teacher.inject({ method: 'POST', url: '/api/cohorts', payload: { name: bad } })
      expect(made.statusCode).toBe(201)
      expect(made.json().name).toBe(bad)
    }
    const huge = 'x'.repeat(100_000)
    for (const req of [
      { method: 'POST' as const, url: '/api/cohorts', payload: { name: huge } },
      { method: 'POST' as const, url: '/api/cohorts', payload: { name: '   ' } },
      { method: 'POST' as const, url: '/api/cohorts', payload: { name: 42 } },
      { method: 'POST' as const, url: '/api/cohorts', payload: {} },
      { method: 'POST' as const, url: '/api/cohorts/join', payload: { token: huge } },
      { method: 'POST' as const, url: '/api/cohorts/join', payload: { token: ['a'] } },
      { method: 'PUT' as const, url: `/api/cohorts/${cohortId}/sharing`, payload: { share: 'yes' } },
      { method: 'GET' as const, url: `/api/cohorts/${'9'.repeat(5000)}/progress` },
      {
        method: 'POST' as const,
        url: '/api/auth/sign-up/email',
        headers: { origin: BASE_URL },
        payload: { name: 'Big', email: 'big@example.test', password: PASSWORD, inviteToken: huge },
      },
      {
        method: 'POST' as const,
        url: '/api/auth/sign-in/email',
        headers: { origin: BASE_URL },
        payload: { email: `${huge}@example.test`, password: huge },
      },
    ]) {
      const res = await teacher.inject(req)
      expect(
        res.statusCode,
        `${req.method} ${req.url} ${JSON.stringify(req.payload ?? null).slice(0, 40)}`,
      ).toBeGreaterThanOrEqual(400)
      expect(res.statusCode).toBeLessThan(500)
    }
    // The users are all still there, with their roles.
    const users = (await admin.inject({ method: 'GET', url: '/api/users' })).json().users
    expect(users.map((u: { role: string }) => u.role).sort()).toEqual([
      'admin',
      'candidate',
      'candidate',
      'instructor',
    ])
  })
})
