// The rate limit applied to write routes (store, re-score, delete), as route config for @fastify/rate-limit.

import type { RateLimitOptions } from '@fastify/rate-limit'

export interface WriteLimit {
  /** Requests per client address per time window. */
  max: number
  /** Milliseconds, or a string such as '1 minute'. */
  timeWindow: number | string
}

export interface WriteRouteOptions {
  writeConfig: { rateLimit?: RateLimitOptions }
}

export function writeRouteConfig(limit: WriteLimit | false): WriteRouteOptions['writeConfig'] {
  return limit === false ? {} : { rateLimit: { max: limit.max, timeWindow: limit.timeWindow } }
}
