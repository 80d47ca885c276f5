// What write routes share: the rate limit (route config for @fastify/rate-limit), the refusal of writes while the
// database cannot take them, and the parsing of row ids in paths.

import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { errorSchema } from '../../contract/common'
import { writeRefusal } from '../../db/index'
import { HttpError } from '../errors'

export interface WriteLimit {
  /** Requests per client address per time window. */
  max: number
  /** Milliseconds, or a string such as '1 minute'. */
  timeWindow: number | string
}

/** The error answers every write route can give: over the rate limit (429), storage refused (503), disk full (507). */
export const WRITE_ERRORS = { 429: errorSchema, 503: errorSchema, 507: errorSchema } as const

export interface WriteRouteOptions {
  writeConfig: { rateLimit?: RateLimitOptions }
}

export function writeRouteConfig(limit: WriteLimit | false): WriteRouteOptions['writeConfig'] {
  return limit === false ? {} : { rateLimit: { max: limit.max, timeWindow: limit.timeWindow } }
}

/**
 * Refuses every write of the calling plugin (anything but GET and HEAD) with 503 while its database file is gone or
 * cannot be written: acknowledging the write would lose it at the next start.
 */
export function refuseWritesWhileStorageFails(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done()
    const refusal = writeRefusal(app.db)
    done(refusal === undefined ? undefined : new HttpError(503, refusal))
  })
}

/** Row ids in paths are positive integers; anything else cannot name a row, so it is simply unknown. */
export function parseRowId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined
  const id = Number(text)
  return Number.isSafeInteger(id) ? id : undefined
}
