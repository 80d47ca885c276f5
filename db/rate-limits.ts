// The sign-in rate limit's counts in the database, so that every process on one database counts the same tries:
// one fixed window per key (client address and auth path), checked and counted in one statement.

import { lt, sql } from 'drizzle-orm'
import type { Db } from './client'
import { authRateLimits } from './schema'

/** A window this far behind the newest is forgotten (the longest rule is far shorter). */
export const RATE_LIMIT_KEEP_MS = 86_400_000

export interface RateLimitRule {
  /** The window's length, in milliseconds. */
  windowMs: number
  /** Tries allowed in one window. */
  max: number
}

export interface RateLimitAnswer {
  allowed: boolean
  /** Seconds until the window frees up, when not allowed. */
  retryAfter: number | null
}

/**
 * The upsert's new values: a window that has ended starts again at `now` with 1; else the count goes up. Written
 * with the table's name, which both dialects read as the row already stored.
 */
export function rateLimitUpdate(now: number, rule: RateLimitRule) {
  const start = sql.raw('"auth_rate_limits"."window_start"')
  const count = sql.raw('"auth_rate_limits"."count"')
  const ended = sql`${start} <= ${now - rule.windowMs}`
  return {
    windowStart: sql`CASE WHEN ${ended} THEN ${now} ELSE ${start} END`,
    count: sql`CASE WHEN ${ended} THEN 1 ELSE ${count} + 1 END`,
  }
}

/** Whether a counted try is within its window's allowance, and if not, when the window frees up. */
export function rateLimitAnswer(
  row: { windowStart: number; count: number },
  now: number,
  rule: RateLimitRule,
): RateLimitAnswer {
  if (row.count <= rule.max) return { allowed: true, retryAfter: null }
  return {
    allowed: false,
    retryAfter: Math.max(1, Math.ceil((row.windowStart + rule.windowMs - now) / 1000)),
  }
}

/** Counts one try against `key` at `now` and says whether it is allowed; forgets windows a day old. */
export function consumeRateLimit(db: Db, key: string, rule: RateLimitRule, now: number): RateLimitAnswer {
  return db.$client
    .transaction(() => {
      db.delete(authRateLimits)
        .where(lt(authRateLimits.windowStart, now - RATE_LIMIT_KEEP_MS))
        .run()
      const row = db
        .insert(authRateLimits)
        .values({ key, windowStart: now, count: 1 })
        .onConflictDoUpdate({ target: authRateLimits.key, set: rateLimitUpdate(now, rule) })
        .returning({ windowStart: authRateLimits.windowStart, count: authRateLimits.count })
        .get()
      return rateLimitAnswer(row, now, rule)
    })
    .immediate()
}
