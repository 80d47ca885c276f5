// Team mode's accounts, built on better-auth: email and password, sessions in HTTP-only SameSite cookies, its
// origin checks and its sign-in rate limit, optional OpenID Connect sign-in, on the app's own database.

import { AsyncLocalStorage } from 'node:async_hooks'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { betterAuth } from 'better-auth/minimal'
import { genericOAuth } from 'better-auth/plugins/generic-oauth'
import {
  accounts as pgAccounts,
  sessions as pgSessions,
  users as pgUsers,
  verifications as pgVerifications,
} from '../../db/postgres/schema'
import { accounts, sessions, users, verifications } from '../../db/schema'
import type { Store } from '../../db/store'
import type { Database } from '../plugins/db'
import type { TeamOptions } from './config'

/** The request header carrying the client's address to better-auth's rate limit; set by the server, never trusted from the client. */
export const CLIENT_ADDRESS_HEADER = 'x-starboard-client-address'

/** Sign-in attempts allowed per client address per minute, before 429. */
export const SIGN_IN_LIMIT = { window: 60, max: 5 }

/**
 * The id of the OpenID Connect provider: its sign-in starts at POST /api/auth/sign-in/social {provider: "sso"} and the
 * provider sends the person back to /api/auth/callback/sso.
 */
const OIDC_PROVIDER_ID = 'sso'

/** What the sign-up being handled may do: join a cohort through an invite (team mode with STARBOARD_SIGNUP=invite). */
export interface SignupGrant {
  /** The invite's cohort; the new account joins it once created. */
  cohortId: number
  /** Set once the account exists. */
  userId?: string
}

/** The grant of the sign-up in progress on this async path (set around the auth handler by the routes). */
export const signupGrant = new AsyncLocalStorage<SignupGrant>()

/** Counted windows kept at most; the oldest are dropped beyond it, so a flood of addresses cannot fill memory. */
const MAX_LIMIT_WINDOWS = 100_000

type LimitRule = { window: number; max: number }

/**
 * This process's own counts: a fixed window per key (client address and path). Used only while the database
 * cannot count (a full disk, an unreachable server), so that sign-in keeps a limit and keeps working.
 */
function memoryLimitStore() {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    consume: async (key: string, rule: LimitRule) => {
      const now = Date.now()
      const length = rule.window * 1000
      const current = windows.get(key)
      if (current === undefined || now - current.start >= length) {
        if (windows.size >= MAX_LIMIT_WINDOWS) {
          for (const [k, w] of windows) if (now - w.start >= length) windows.delete(k)
          if (windows.size >= MAX_LIMIT_WINDOWS) windows.delete(windows.keys().next().value as string)
        }
        windows.set(key, { start: now, count: 1 })
        return { allowed: true, retryAfter: null }
      }
      if (current.count >= rule.max) {
        return { allowed: false, retryAfter: Math.ceil((current.start + length - now) / 1000) }
      }
      current.count += 1
      return { allowed: true, retryAfter: null }
    },
  }
}

/**
 * The rate limit's counts, kept in the database so that every process serving it counts the same tries (on
 * PostgreSQL, several processes share one limit); in this process's memory while the database cannot count.
 */
function limitStore(store: Pick<Store, 'consumeRateLimit'>) {
  const fallback = memoryLimitStore()
  return {
    consume: async (key: string, rule: LimitRule) => {
      try {
        return await store.consumeRateLimit(key, { windowMs: rule.window * 1000, max: rule.max }, Date.now())
      } catch {
        return fallback.consume(key, rule)
      }
    },
  }
}

/** better-auth's adapter on the app's own database, with that dialect's auth tables. */
function authAdapter(database: Database) {
  return database.dialect === 'sqlite'
    ? drizzleAdapter(database.db, {
        provider: 'sqlite',
        schema: { user: users, session: sessions, account: accounts, verification: verifications },
      })
    : drizzleAdapter(database.db, {
        provider: 'pg',
        schema: { user: pgUsers, session: pgSessions, account: pgAccounts, verification: pgVerifications },
      })
}

export function createAuth(
  database: Database,
  store: Pick<Store, 'countUsers' | 'settleFirstAdmin' | 'adoptOwnerlessRows' | 'consumeRateLimit'>,
  options: TeamOptions,
) {
  return betterAuth({
    appName: 'Starboard',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.baseURL],
    // The product makes no network call of its own at run time.
    telemetry: { enabled: false },
    database: authAdapter(database),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 256, autoSignIn: true },
    user: {
      additionalFields: {
        // Never taken from a sign-up body: the first account is admin, an admin changes roles.
        role: { type: 'string', required: false, defaultValue: 'candidate', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      customStorage: limitStore(store),
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': SIGN_IN_LIMIT,
        '/sign-up/email': SIGN_IN_LIMIT,
        '/sign-in/social': SIGN_IN_LIMIT,
      },
    },
    advanced: {
      cookiePrefix: 'starboard',
      useSecureCookies: options.baseURL.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // better-auth skips its origin check under NODE_ENV=test; the tests must see the same checks as production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            // The first account is admin; sign-ups at the same moment that all found none are settled after.
            if ((await store.countUsers()) === 0) return { data: { ...user, role: 'admin' } }
            const grant = signupGrant.getStore()
            // Invite-only: a new account needs an invite (checked by the sign-up route before this runs).
            if (options.signup === 'invite' && grant === undefined) return false
            return { data: { ...user, role: 'candidate' } }
          },
          after: async (user) => {
            const grant = signupGrant.getStore()
            if (grant !== undefined) grant.userId = user.id
            // Of accounts made admin as the first, one stays admin: the others (at the same moment, in this or
            // another process) become candidates.
            if ((user as { role?: unknown }).role === 'admin') await store.settleFirstAdmin(user.id)
            // The first admin takes over what a local database held.
            await store.adoptOwnerlessRows()
          },
        },
      },
    },
    plugins:
      options.oidc === undefined
        ? []
        : [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  discoveryUrl: `${options.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                  clientId: options.oidc.clientId,
                  clientSecret: options.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                },
              ],
            }),
          ],
  })
}

export type Auth = ReturnType<typeof createAuth>
