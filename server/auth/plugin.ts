// Plugin: team mode's sign-in. Mounts better-auth under /api/auth/*, gives each request its viewer (the signed-in
// account and its role, or none) and answers 401 to API calls without one, except health, the account probe and
// the auth routes. Docs and the static client stay public. In local mode it only decorates an empty viewer.

import { fromNodeHeaders } from 'better-auth/node'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../../db/team'
import { HttpError } from '../errors'
import { type Auth, CLIENT_ADDRESS_HEADER, createAuth, type SignupGrant, signupGrant } from './auth'
import type { TeamOptions } from './config'
import { hashToken } from './tokens'

export interface Viewer {
  id: string
  role: Role
  name: string
  email: string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Team mode's settings and auth instance; undefined in local mode. */
    team: { options: TeamOptions; auth: Auth } | undefined
  }
  interface FastifyRequest {
    /** The signed-in account in team mode; null in local mode and on public routes without a session. */
    viewer: Viewer | null
  }
}

/** API paths answered without a session: health, the account probe (it says whether one is signed in), auth. */
const PUBLIC_API = /^\/api\/(health|account|auth)(\/|$|\?)/

/** Not a secret and not HTTP-only: the client reads it to know the server runs in team mode. */
const MODE_COOKIE = 'starboard_mode'

const UNAUTHENTICATED = 'Sign in first: this server runs in team mode and every API call needs an account.'

function isRole(value: unknown): value is Role {
  return value === 'admin' || value === 'instructor' || value === 'candidate'
}

async function viewerOf(auth: Auth, request: FastifyRequest): Promise<Viewer | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) })
  if (session === null) return null
  const { id, role, name, email } = session.user as {
    id: string
    role?: unknown
    name: string
    email: string
  }
  return { id, role: isRole(role) ? role : 'candidate', name, email }
}

/** The Fetch request better-auth reads, from a Fastify request: its body as parsed JSON, the client's address set. */
function fetchRequest(request: FastifyRequest, body: unknown): Request {
  const url = new URL(request.url, 'http://placeholder')
  const headers = fromNodeHeaders(request.headers)
  headers.delete('content-length')
  headers.set(CLIENT_ADDRESS_HEADER, request.ip)
  const init: RequestInit = { method: request.method, headers }
  if (request.method !== 'GET' && request.method !== 'HEAD') init.body = JSON.stringify(body ?? {})
  // better-auth builds every link from its baseURL; the path and query are what it routes on.
  return new Request(new URL(`${url.pathname}${url.search}`, 'http://internal'), init)
}

async function send(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  reply.status(response.status)
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) reply.header('set-cookie', cookies)
  const text = await response.text()
  return reply.send(text === '' ? null : text)
}

export async function teamPlugin(app: FastifyInstance, options: { team: TeamOptions | undefined }) {
  app.decorateRequest('viewer', null)
  const settings = options.team
  if (settings === undefined) {
    app.decorate('team', undefined)
    return
  }
  const store = app.store
  const auth = createAuth(app.database, store, settings)
  app.decorate('team', { options: settings, auth })
  // A database used in local mode until now: its rows go to the first admin, if there is one already (the first
  // admin's sign-up does this otherwise). Also finishes the hand-over if a start stopped between the two.
  await store.adoptOwnerlessRows()

  app.addHook('onRequest', async (request) => {
    // The route that matched (its pattern), so no spelling of a URL reaches an API route past the check; the raw
    // path only for a request no route matched (answered 404, or 401 under /api/).
    const path = request.routeOptions.url ?? request.url
    if (!path.startsWith('/api/') && path !== '/api') return
    const publicPath = PUBLIC_API.test(path)
    // Public paths still learn the viewer when a session cookie is sent (the account probe shows it).
    if (publicPath && !path.startsWith('/api/account')) return
    request.viewer = await viewerOf(auth, request)
    if (request.viewer === null && !publicPath) throw new HttpError(401, UNAUTHENTICATED)
  })

  // The web client's pages carry a hint that this server has accounts, so the client asks who is signed in
  // before showing a page; in local mode there is no hint and the client starts at once, as it always has.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || reply.hasHeader('set-cookie')) return
    reply.header('set-cookie', `${MODE_COOKIE}=team; Path=/; SameSite=Lax`)
  })

  // One sign-up at a time in this process, so an invite-only server's first account is made before a second
  // sign-up is checked. (Two first accounts at once, also from other processes, are settled in the database.)
  let signups: Promise<unknown> = Promise.resolve()

  const signUp = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = { ...((request.body ?? {}) as Record<string, unknown>) }
    const token = body.inviteToken
    delete body.inviteToken
    let grant: SignupGrant | undefined
    if (typeof token === 'string' && token !== '') {
      const invite = await store.findUsableInvite(hashToken(token), app.clock())
      if (invite === undefined)
        throw new HttpError(
          403,
          'This invite link is not valid: it expired, was revoked, or is mistyped. Ask your instructor for a new link.',
        )
      grant = { cohortId: invite.cohortId }
    } else if (token !== undefined && typeof token !== 'string') {
      throw new HttpError(400, 'inviteToken must be a string', 'inviteToken')
    } else if (settings.signup === 'invite' && (await store.countUsers()) > 0) {
      throw new HttpError(403, 'Sign-up needs an invite link from an instructor on this server.')
    }
    const response =
      grant === undefined
        ? await auth.handler(fetchRequest(request, body))
        : await signupGrant.run(grant, () => auth.handler(fetchRequest(request, body)))
    if (response.ok && grant?.userId !== undefined)
      await store.joinCohort(grant.cohortId, grant.userId, 'candidate', app.clock())
    return send(reply, response)
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      if (request.method === 'POST' && /^\/api\/auth\/sign-up\//.test(request.url)) {
        const run = signups.then(() => signUp(request, reply))
        signups = run.catch(() => undefined)
        return run
      }
      return send(reply, await auth.handler(fetchRequest(request, request.body)))
    },
  })
}

// Decorate the parent instance rather than an encapsulated child (what fastify-plugin does).
Object.assign(teamPlugin, { [Symbol.for('skip-override')]: true })
