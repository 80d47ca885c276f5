// Team mode's accounts: configuration, the first admin, invite-only sign-up, the cookies, 401 without a session,
// and the attacks on sign-in: session fixation, a cookie sent from another origin, brute force.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { SIGN_IN_LIMIT } from '../../../server/auth/auth'
import { teamOptionsFromEnv } from '../../../server/auth/config'
import { freshPostgresUrl, onPostgres } from '../../support/postgres'
import { startApp, type TestApp } from '../helpers'
import {
  BASE_URL,
  cohortWithInvite,
  cookiesOf,
  makeInstructor,
  PASSWORD,
  signIn,
  signUp,
  startTeamApp,
} from './helpers'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const SECRET = 'x'.repeat(40)

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('configuration', () => {
  const fallback = 'http://127.0.0.1:3000'
  test('local mode unless STARBOARD_MODE=team; team mode needs a secret and takes invite-only sign-up by default', () => {
    expect(teamOptionsFromEnv({}, fallback)).toBeUndefined()
    expect(teamOptionsFromEnv({ STARBOARD_MODE: 'local' }, fallback)).toBeUndefined()
    expect(() => teamOptionsFromEnv({ STARBOARD_MODE: 'team' }, fallback)).toThrow(
      /STARBOARD_SECRET is required/,
    )
    expect(() => teamOptionsFromEnv({ STARBOARD_MODE: 'team', STARBOARD_SECRET: 'short' }, fallback)).toThrow(
      /at least 32 characters/,
    )
    expect(() => teamOptionsFromEnv({ STARBOARD_MODE: 'teams' }, fallback)).toThrow(/'local' or 'team'/)
    expect(teamOptionsFromEnv({ STARBOARD_MODE: 'team', STARBOARD_SECRET: SECRET }, fallback)).toEqual({
      secret: SECRET,
      signup: 'invite',
      baseURL: fallback,
    })
    expect(() =>
      teamOptionsFromEnv(
        { STARBOARD_MODE: 'team', STARBOARD_SECRET: SECRET, STARBOARD_SIGNUP: 'closed' },
        fallback,
      ),
    ).toThrow(/'open' or 'invite'/)
    expect(() =>
      teamOptionsFromEnv(
        { STARBOARD_MODE: 'team', STARBOARD_SECRET: SECRET, STARBOARD_URL: 'ftp://x' },
        fallback,
      ),
    ).toThrow(/STARBOARD_URL/)
    const behind = {
      STARBOARD_MODE: 'team',
      STARBOARD_SECRET: SECRET,
      STARBOARD_URL: 'https://starboard.example.edu/',
    }
    expect(
      teamOptionsFromEnv({ ...behind, STARBOARD_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }, fallback),
    ).toMatchObject({
      baseURL: 'https://starboard.example.edu',
      trustProxy: '127.0.0.1, 10.0.0.0/8',
    })
    expect(() => teamOptionsFromEnv({ ...behind, STARBOARD_TRUST_PROXY: 'everyone' }, fallback)).toThrow(
      /STARBOARD_TRUST_PROXY/,
    )
  })

  test('single sign-on is configured only when issuer, client id and client secret are all given', () => {
    const env = {
      STARBOARD_MODE: 'team',
      STARBOARD_SECRET: SECRET,
      STARBOARD_OIDC_ISSUER: 'https://id.example/',
    }
    expect(teamOptionsFromEnv(env, fallback)?.oidc).toBeUndefined()
    expect(teamOptionsFromEnv({ ...env, STARBOARD_OIDC_CLIENT_ID: 'c' }, fallback)?.oidc).toBeUndefined()
    expect(
      teamOptionsFromEnv(
        { ...env, STARBOARD_OIDC_CLIENT_ID: 'c', STARBOARD_OIDC_CLIENT_SECRET: 's' },
        fallback,
      )?.oidc,
    ).toEqual({ issuer: 'https://id.example/', clientId: 'c', clientSecret: 's' })
  })

  test('npm start in team mode without STARBOARD_SECRET stops with one line and exit code 1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        STARBOARD_MODE: 'team',
        STARBOARD_SECRET: '',
        PORT: '0',
        STARBOARD_DB: ':memory:',
      },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^STARBOARD_SECRET is required in team mode/)
  })
})

describe('accounts', () => {
  test('local mode has no sign-in: no auth routes, the probe says local, the API answers without a cookie', async () => {
    t = await startApp()
    expect((await t.app.inject('/api/attempts')).statusCode).toBe(200)
    expect((await t.app.inject('/api/account')).json()).toEqual({ mode: 'local' })
    // No hint for the client that there are accounts.
    expect((await t.app.inject('/practice')).headers['set-cookie']).toBeUndefined()
    expect((await t.app.inject('/api/auth/get-session')).statusCode).toBe(404)
  })

  test('without a session the API answers 401, except health, the account probe and auth; docs stay public', async () => {
    t = await startTeamApp()
    for (const url of [
      '/api/attempts',
      '/api/trends',
      '/api/coverage',
      '/api/stories',
      '/api/loops',
      '/api/cohorts',
      '/api/rubrics',
      '/api/nothing-here',
    ]) {
      const res = await t.app.inject(url)
      expect(res.statusCode, url).toBe(401)
      expect(res.json().message).toMatch(/Sign in first/)
    }
    // No other spelling of an API path gets past the check.
    for (const url of [
      '/api/%61ttempts',
      '//api/attempts',
      '/api/attempts/',
      '/API/attempts',
      '/api/./attempts',
      '/api/auth/../attempts',
      '/api/health/../attempts',
    ]) {
      const res = await t.app.inject(url)
      // Refused, unknown, or (a path no API route matches) the web client's page: never the API's answer.
      if (res.statusCode === 200) expect(res.headers['content-type'], url).toMatch(/^text\/html/)
      else expect([401, 404], url).toContain(res.statusCode)
      expect(res.body, url).not.toContain('"attempts"')
    }
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'p', answer: 'a' },
    })
    expect(write.statusCode).toBe(401)
    expect((await t.app.inject('/api/health')).statusCode).toBe(200)
    expect((await t.app.inject('/docs/json')).statusCode).toBe(200)
    // The client's pages tell it the server has accounts; API answers carry no such cookie.
    expect((await t.app.inject('/practice')).headers['set-cookie']).toBe(
      'starboard_mode=team; Path=/; SameSite=Lax',
    )
    expect((await t.app.inject('/api/health')).headers['set-cookie']).toBeUndefined()
    const probe = await t.app.inject('/api/account')
    expect(probe.statusCode).toBe(200)
    expect(probe.json()).toEqual({
      mode: 'team',
      signup: 'invite',
      firstAccount: true,
      sso: false,
      user: null,
    })
  })

  test('the first account is admin; after it, invite-only sign-up needs an invite; invited accounts are candidates', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    const me = (await admin.inject({ method: 'GET', url: '/api/account' })).json()
    expect(me.user).toMatchObject({ id: admin.id, role: 'admin', email: admin.email })
    expect(me.firstAccount).toBe(false)

    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL },
      payload: { name: 'Eve', email: 'eve@example.test', password: PASSWORD },
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toMatch(/invite/)
    expect(refused.headers['set-cookie']).toBeUndefined()

    // A role in the sign-up body is not taken.
    const sneaky = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL },
      payload: { name: 'Mallory', email: 'mallory@example.test', password: PASSWORD, role: 'admin' },
    })
    expect(sneaky.statusCode).not.toBe(200)

    const { cohortId, invite } = await cohortWithInvite(admin)
    expect(invite.url).toBe(`${BASE_URL}/signup?invite=${invite.token}`)
    const cara = await signUp(t.app, 'Cara Candidate', invite.token)
    const caraMe = (await cara.inject({ method: 'GET', url: '/api/account' })).json()
    expect(caraMe.user.role).toBe('candidate')
    const cohorts = (await cara.inject({ method: 'GET', url: '/api/cohorts' })).json().cohorts
    expect(cohorts).toEqual([expect.objectContaining({ id: cohortId, role: 'candidate', members: 2 })])

    // Roles are the admin's to change, and no one else's.
    const users = await cara.inject({ method: 'GET', url: '/api/users' })
    expect(users.statusCode).toBe(403)
    await makeInstructor(admin, cara)
    expect((await cara.inject({ method: 'GET', url: '/api/account' })).json().user.role).toBe('instructor')
    const self = await admin.inject({
      method: 'PUT',
      url: `/api/users/${admin.id}/role`,
      payload: { role: 'candidate' },
    })
    expect(self.statusCode).toBe(400)
  })

  test('two first sign-ups at the same moment, on two servers of one database, make exactly one admin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starboard-first-admin-'))
    const servers: TestApp[] = []
    try {
      for (let round = 0; round < 3; round++) {
        // Each round on an empty database, shared by two servers as by two processes behind one proxy.
        const shared = onPostgres()
          ? { databaseUrl: await freshPostgresUrl() }
          : { dbPath: join(dir, `round-${round}.db`) }
        const team = { secret: SECRET, signup: 'open' as const, baseURL: BASE_URL }
        const one = await startApp({ team, ...shared })
        servers.push(one)
        const two = await startApp({ team, ...shared })
        servers.push(two)
        const people = await Promise.all([signUp(one.app, 'Ada'), signUp(two.app, 'Bo')])
        const roles = await Promise.all(
          people.map(async (p) => (await p.inject({ method: 'GET', url: '/api/account' })).json().user.role),
        )
        expect(roles.sort(), `round ${round}`).toEqual(['admin', 'candidate'])
      }
    } finally {
      for (const server of servers) await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('open sign-up takes anyone, as a candidate', async () => {
    t = await startTeamApp({ signup: 'open' })
    await signUp(t.app, 'Ada Admin')
    const bo = await signUp(t.app, 'Bo')
    expect((await bo.inject({ method: 'GET', url: '/api/account' })).json().user.role).toBe('candidate')
  })

  test('the session cookie is HTTP-only and SameSite, and signing out ends the session', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    const res = await signIn(t.app, admin.email)
    expect(res.statusCode).toBe(200)
    const set = ([] as string[]).concat(res.headers['set-cookie'] as string | string[])
    const session = set.find((c) => c.startsWith('starboard.session_token='))!
    expect(session).toMatch(/;\s*HttpOnly/i)
    expect(session).toMatch(/;\s*SameSite=Lax/i)
    const cookie = cookiesOf(res)
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: BASE_URL },
      payload: {},
    })
    expect(out.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/attempts', headers: { cookie } })).statusCode).toBe(401)
  })

  test('session fixation: a session token chosen before sign-in is never the one that signs in', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    const planted = 'starboard.session_token=planted-by-an-attacker'
    const res = await signIn(t.app, admin.email, PASSWORD, { cookie: planted })
    expect(res.statusCode).toBe(200)
    const issued = cookiesOf(res)
    expect(issued).toMatch(/starboard\.session_token=/)
    expect(issued).not.toContain('planted-by-an-attacker')
    // The planted cookie is worth nothing; the issued one works; two sign-ins never share a token.
    expect((await t.app.inject({ url: '/api/attempts', headers: { cookie: planted } })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/attempts', headers: { cookie: issued } })).statusCode).toBe(200)
    const again = cookiesOf(await signIn(t.app, admin.email, PASSWORD, { cookie: issued }))
    expect(again).not.toBe(issued)
  })

  test('a cookie sent from another origin changes nothing', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    const evil = 'https://evil.example'
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/cohorts',
      headers: { cookie: admin.cookie, origin: evil },
      payload: { name: 'Forged' },
    })
    expect(write.statusCode).toBe(403)
    const signOut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: admin.cookie, origin: evil },
      payload: {},
    })
    expect(signOut.statusCode).toBe(403)
    const signInElsewhere = await signIn(t.app, admin.email, PASSWORD, { origin: evil })
    expect(signInElsewhere.statusCode).toBe(403)
    expect(signInElsewhere.headers['set-cookie']).toBeUndefined()
    // Nothing was made, and the session still works.
    const cohorts = await admin.inject({ method: 'GET', url: '/api/cohorts' })
    expect(cohorts.json().cohorts).toEqual([])
  })

  test('brute force on sign-in hits the limit: 429 once the attempts per minute are spent, even for the right password', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    const statuses: number[] = []
    for (let i = 0; i < SIGN_IN_LIMIT.max + 2; i++) {
      statuses.push((await signIn(t.app, admin.email, `wrong password ${i}`)).statusCode)
    }
    expect(statuses.slice(0, SIGN_IN_LIMIT.max).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(SIGN_IN_LIMIT.max)).toEqual([429, 429])
    expect((await signIn(t.app, admin.email)).statusCode).toBe(429)
    // A spoofed forwarding header does not buy a fresh allowance.
    expect(
      (await signIn(t.app, admin.email, PASSWORD, { 'x-forwarded-for': '203.0.113.9' })).statusCode,
    ).toBe(429)
    expect(
      (await signIn(t.app, admin.email, PASSWORD, { 'x-starboard-client-address': '203.0.113.9' }))
        .statusCode,
    ).toBe(429)
  })

  test('two servers on one database share the sign-in limit: tries on one count on the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starboard-shared-limit-'))
    const servers: TestApp[] = []
    try {
      const shared = onPostgres()
        ? { databaseUrl: await freshPostgresUrl() }
        : { dbPath: join(dir, 'one.db') }
      const team = { secret: SECRET, signup: 'open' as const, baseURL: BASE_URL }
      const one = await startApp({ team, ...shared })
      servers.push(one)
      const two = await startApp({ team, ...shared })
      servers.push(two)
      const admin = await signUp(one.app, 'Ada Admin')
      // The tries alternate between the servers, at the same moment on both, as a client spread over processes.
      const statuses = await Promise.all(
        Array.from({ length: SIGN_IN_LIMIT.max + 3 }, (_, i) =>
          signIn((i % 2 === 0 ? one : two).app, admin.email, `wrong password ${i}`),
        ),
      )
      const codes = statuses.map((r) => r.statusCode)
      expect(codes.filter((c) => c === 401)).toHaveLength(SIGN_IN_LIMIT.max)
      expect(codes.filter((c) => c === 429)).toHaveLength(3)
      // Spent on both: the right password is refused on either server until the window ends.
      expect((await signIn(one.app, admin.email)).statusCode).toBe(429)
      expect((await signIn(two.app, admin.email)).statusCode).toBe(429)
      const refused = await signIn(two.app, admin.email)
      expect(Number(refused.headers['x-retry-after'] ?? refused.headers['retry-after'])).toBeGreaterThan(0)
    } finally {
      for (const server of servers) await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('while the database cannot count tries, sign-in keeps working and keeps its limit in memory', async () => {
    t = await startTeamApp()
    const admin = await signUp(t.app, 'Ada Admin')
    // The counts' table gone: every count the database is asked for fails.
    const database = t.app.database
    if (database.dialect === 'sqlite') database.db.$client.exec('DROP TABLE auth_rate_limits')
    else await database.db.$client.query('DROP TABLE auth_rate_limits')
    expect((await signIn(t.app, admin.email)).statusCode).toBe(200)
    const statuses: number[] = []
    for (let i = 0; i < SIGN_IN_LIMIT.max + 1; i++)
      statuses.push((await signIn(t.app, admin.email, `wrong password ${i}`)).statusCode)
    expect(statuses.slice(0, SIGN_IN_LIMIT.max - 1).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(SIGN_IN_LIMIT.max - 1)).toEqual([429, 429])
  })

  test('behind a trusted proxy the sign-in limit counts per client, not per proxy', async () => {
    t = await startTeamApp({ trustProxy: '127.0.0.1' })
    const admin = await signUp(t.app, 'Ada Admin')
    const from = (client: string) => ({ 'x-forwarded-for': client })
    for (let i = 0; i < SIGN_IN_LIMIT.max; i++)
      await signIn(t.app, admin.email, 'wrong password', from('198.51.100.1'))
    expect((await signIn(t.app, admin.email, PASSWORD, from('198.51.100.1'))).statusCode).toBe(429)
    expect((await signIn(t.app, admin.email, PASSWORD, from('198.51.100.2'))).statusCode).toBe(200)
  })
})
