// Single sign-on end to end against a real OpenID Connect provider on loopback (oauth2-mock-server): discovery,
// the redirect with PKCE, the code exchange, the ID token and user info, then a session on Starboard. Open sign-up
// makes the account; invite-only refuses a new one; a known email signs in again as the same account.

import type { FastifyInstance } from 'fastify'
import { OAuth2Server } from 'oauth2-mock-server'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { TestApp } from '../helpers'
import { BASE_URL, cookiesOf, signUp, startTeamApp } from './helpers'

let provider: OAuth2Server
let issuer: string
/** Who the provider says signs in next. */
let person = { sub: 'sso-1', email: 'sam@uni.example', name: 'Sam Student' }

beforeAll(async () => {
  provider = new OAuth2Server()
  await provider.issuer.keys.generate('RS256')
  await provider.start(0, '127.0.0.1')
  issuer = provider.issuer.url!
  provider.service.on('beforeTokenSigning', (token) => {
    Object.assign(token.payload, {
      sub: person.sub,
      email: person.email,
      email_verified: true,
      name: person.name,
    })
  })
  provider.service.on('beforeUserinfo', (userInfo) => {
    userInfo.body = { sub: person.sub, email: person.email, email_verified: true, name: person.name }
  })
})
afterAll(async () => provider.stop())

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const sso = (signup: 'open' | 'invite') =>
  startTeamApp({ signup, oidc: { issuer, clientId: 'starboard', clientSecret: 'sso-secret' } })

/**
 * The browser's part of a single sign-on: start it on Starboard, follow the provider's redirect (the provider
 * signs the person in at once), and bring the code back to Starboard's callback with the cookies of the start.
 */
async function signInWithSso(app: FastifyInstance) {
  const start = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/social',
    headers: { origin: BASE_URL },
    payload: { provider: 'sso', callbackURL: '/', errorCallbackURL: '/login' },
  })
  expect(start.statusCode, `${start.body} ${JSON.stringify(start.headers)}`).toBe(200)
  const authorize = new URL(start.json().url as string)
  expect(authorize.origin).toBe(new URL(issuer).origin)
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  const atProvider = await fetch(authorize, { redirect: 'manual' })
  expect(atProvider.status).toBe(302)
  const back = new URL(atProvider.headers.get('location')!)
  expect(`${back.origin}${back.pathname}`).toBe(`${BASE_URL}/api/auth/callback/sso`)
  const callback = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: cookiesOf(start) },
  })
  return callback
}

describe('single sign-on (OpenID Connect)', () => {
  test('the account says SSO is offered', async () => {
    t = await sso('open')
    const account = await t.app.inject({ method: 'GET', url: '/api/account' })
    expect(account.json()).toMatchObject({ mode: 'team', sso: true })
  })

  test('open sign-up: the first SSO sign-in makes the account and a session; the next one finds it again', async () => {
    t = await sso('open')
    await signUp(t.app, 'Ada Admin')
    person = { sub: 'sso-1', email: 'sam@uni.example', name: 'Sam Student' }
    const first = await signInWithSso(t.app)
    expect(first.statusCode).toBe(302)
    expect(first.headers.location).toBe('/')
    const cookie = cookiesOf(first)
    expect(cookie).toMatch(/starboard\.session_token=/)
    const me = (await t.app.inject({ method: 'GET', url: '/api/account', headers: { cookie } })).json()
    expect(me.user).toMatchObject({ email: 'sam@uni.example', name: 'Sam Student', role: 'candidate' })
    // Signed in again through the provider: the same account, not a second one.
    const again = await signInWithSso(t.app)
    const meAgain = (
      await t.app.inject({ method: 'GET', url: '/api/account', headers: { cookie: cookiesOf(again) } })
    ).json()
    expect(meAgain.user.id).toBe(me.user.id)
    // The session works on the API like a password session: the account's own (empty) history.
    const attempts = await t.app.inject({ method: 'GET', url: '/api/attempts', headers: { cookie } })
    expect(attempts.statusCode).toBe(200)
  })

  test('invite-only: a new account through SSO is refused and no session is made', async () => {
    t = await sso('invite')
    await signUp(t.app, 'Ada Admin')
    person = { sub: 'sso-2', email: 'newcomer@uni.example', name: 'New Comer' }
    const refused = await signInWithSso(t.app)
    expect(refused.statusCode).toBe(302)
    expect(refused.headers.location).toMatch(/^\/login\?error=/)
    expect(cookiesOf(refused)).not.toMatch(/starboard\.session_token=/)
  })
})
