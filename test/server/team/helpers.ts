// Team mode test setup: an app with accounts on a fresh database, and helpers that sign people up and in through
// better-auth's routes and then act as them with their session cookie.

import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { TeamOptions } from '../../../server/auth/config'
import { startApp, type TestApp } from '../helpers'

/** The address the test app pretends to be served at (what STARBOARD_URL would say). */
export const BASE_URL = 'http://localhost'

const TEAM: TeamOptions = {
  secret: 'test-secret-that-is-long-enough-for-better-auth-0123456789',
  signup: 'invite',
  baseURL: BASE_URL,
}

export const PASSWORD = 'correct horse battery'

/** A team app on `dbPath`; without one, on a fresh database (in memory, or PostgreSQL under test:postgres). */
export async function startTeamApp(team: Partial<TeamOptions> = {}, dbPath?: string): Promise<TestApp> {
  return startApp({ team: { ...TEAM, ...team }, ...(dbPath === undefined ? {} : { dbPath }) })
}

const SHIPPED_RUBRICS = fileURLToPath(new URL('../../../rubrics', import.meta.url))

/** A team app on a copy of the shipped rubrics (mock loops need several Leadership Principles). */
export async function startTeamAppWithShippedRubrics(team: Partial<TeamOptions> = {}, dbPath?: string) {
  const rubricsDir = mkdtempSync(join(tmpdir(), 'starboard-team-rubrics-'))
  cpSync(SHIPPED_RUBRICS, rubricsDir, { recursive: true })
  const t = await startApp({
    team: { ...TEAM, ...team },
    ...(dbPath === undefined ? {} : { dbPath }),
    rubricsDir,
  })
  return {
    ...t,
    async close() {
      await t.close()
      rmSync(rubricsDir, { recursive: true, force: true })
    },
  }
}

/** The `name=value` pairs of a response's Set-Cookie headers, to send back as a Cookie header. */
export function cookiesOf(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie']
  const list = set === undefined ? [] : Array.isArray(set) ? set : [String(set)]
  return list
    .map((c: string) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ')
}

export interface Person {
  id: string
  email: string
  cookie: string
  /** Sends a request as this person (their session cookie; JSON for writes). */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>
}

function as(app: FastifyInstance, cookie: string) {
  return (options: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie } })
}

/** Signs up through POST /api/auth/sign-up/email (with an invite token when given); expects 200. */
export async function signUp(app: FastifyInstance, name: string, inviteToken?: string): Promise<Person> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: BASE_URL },
    payload: { name, email, password: PASSWORD, ...(inviteToken === undefined ? {} : { inviteToken }) },
  })
  expect(res.statusCode, res.body).toBe(200)
  const cookie = cookiesOf(res)
  expect(cookie).toMatch(/starboard\.session_token=/)
  const id = res.json().user.id as string
  return { id, email, cookie, inject: as(app, cookie) }
}

/** Signs in through POST /api/auth/sign-in/email; answers the raw response. */
export function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: BASE_URL, ...headers },
    payload: { email, password },
  })
}

/** Creates a cohort as `instructor` and an invite to it; answers the cohort id and the invite. */
export async function cohortWithInvite(instructor: Person, name = 'Spring cohort') {
  const made = await instructor.inject({ method: 'POST', url: '/api/cohorts', payload: { name } })
  expect(made.statusCode, made.body).toBe(201)
  const cohortId = made.json().id as number
  const invite = await instructor.inject({
    method: 'POST',
    url: `/api/cohorts/${cohortId}/invites`,
    payload: {},
  })
  expect(invite.statusCode, invite.body).toBe(201)
  return { cohortId, invite: invite.json() as { id: number; token: string; url: string } }
}

/** Makes `person` an instructor, as the admin. */
export async function makeInstructor(admin: Person, person: Person): Promise<void> {
  const res = await admin.inject({
    method: 'PUT',
    url: `/api/users/${person.id}/role`,
    payload: { role: 'instructor' },
  })
  expect(res.statusCode, res.body).toBe(200)
}
