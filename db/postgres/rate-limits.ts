// PostgreSQL queries of db/rate-limits.ts: the same function, on a PgDb, answering a promise.

import { lt } from 'drizzle-orm'
import {
  RATE_LIMIT_KEEP_MS,
  type RateLimitAnswer,
  type RateLimitRule,
  rateLimitAnswer,
  rateLimitUpdate,
} from '../rate-limits'
import type { PgDb } from './client'
import { authRateLimits } from './schema'

/**
 * Counts one try against `key` at `now` and says whether it is allowed; forgets windows a day old. The upsert
 * takes the key's row lock, so tries from several processes at once are each counted once.
 */
export async function consumeRateLimit(
  db: PgDb,
  key: string,
  rule: RateLimitRule,
  now: number,
): Promise<RateLimitAnswer> {
  await db.delete(authRateLimits).where(lt(authRateLimits.windowStart, now - RATE_LIMIT_KEEP_MS))
  const [row] = await db
    .insert(authRateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({ target: authRateLimits.key, set: rateLimitUpdate(now, rule) })
    .returning({ windowStart: authRateLimits.windowStart, count: authRateLimits.count })
  return rateLimitAnswer(row!, now, rule)
}
