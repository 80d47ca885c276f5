// What write routes share: the rate limit (route config for @fastify/rate-limit), the refusal of writes while the
// database cannot take them, and the parsing of row ids in paths.

import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { errorSchema } from '../../contract/common'
import { writeRefusal } from '../../db/index'
import { HttpError } from '../errors'
import type { RegisteredPrompt, RubricRegistry } from '../rubric-registry'

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
 * cannot be written: acknowledging the write would lose it at the next start. SQLite only: a PostgreSQL server
 * refuses what it cannot store itself, and the write fails.
 */
export function refuseWritesWhileStorageFails(app: FastifyInstance): void {
  const sqlite = app.sqlite
  if (sqlite === undefined) return
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') return done()
    const refusal = writeRefusal(sqlite)
    done(refusal === undefined ? undefined : new HttpError(503, refusal))
  })
}

/** Row ids in paths are positive integers; anything else cannot name a row, so it is simply unknown. */
export function parseRowId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined
  const id = Number(text)
  return Number.isSafeInteger(id) ? id : undefined
}

/**
 * The served prompt `promptId` names, for a route that stores an answer to it: a draft rubric's prompt takes no
 * attempts (409, saying which line to remove); undefined when no rubric has the prompt.
 */
export function promptTakingAnswers(
  rubrics: Pick<RubricRegistry, 'findPrompt' | 'findDraftPrompt'>,
  promptId: string,
): RegisteredPrompt | undefined {
  const entry = rubrics.findPrompt(promptId)
  const draft = entry === undefined ? rubrics.findDraftPrompt(promptId) : undefined
  if (draft !== undefined) {
    throw new HttpError(
      409,
      `Prompt '${promptId}' belongs to '${draft.rubric.id}', which is a draft: it takes no attempts until 'draft: true' is removed from ${draft.rubric.file}`,
      'promptId',
    )
  }
  return entry
}
