// Pieces every part of the HTTP contract shares: the error body, limits on requests, and small value shapes.

import { z } from 'zod'
import {
  ANSWER_CONTROL_CHARACTER,
  ANSWER_HAS_CONTROL_CHARACTERS,
  ANSWER_HAS_LONE_SURROGATE,
  answerTooLong,
  LONE_SURROGATE,
  MAX_ANSWER_CHARACTERS,
} from '../engine/answer-rules'

export { MAX_ANSWER_CHARACTERS }

/** The most bytes one UTF-16 unit can take in a JSON string: a `\uXXXX` escape. */
const JSON_BYTES_PER_UNIT = 6
/** Room for everything around the answer: keys, quotes, the ids, durationMs and whitespace. */
const BODY_ENVELOPE_BYTES = 8 * 1024
/** The body limit fits the longest answer however it is spelled in JSON (about 125 KB). */
export const BODY_LIMIT_BYTES = MAX_ANSWER_CHARACTERS * JSON_BYTES_PER_UNIT + BODY_ENVELOPE_BYTES

/** What a refusal means, by code, for the refusals a client acts on rather than only shows. */
export const ERROR_CODES = {
  'answered-already':
    'What the request answers is answered already (a probe of an attempt): an earlier request was stored, even ' +
    'if its answer did not arrive; read the resource to see what is stored',
  'rubric-not-in-service':
    'The rubric the request needs is not in service now, so nothing can be scored; restore its file (see ' +
    'GET /api/rubrics/errors) and try again',
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string().describe('The HTTP status text.'),
    message: z.string().describe('What went wrong and, for 4xx, what to fix.'),
    field: z
      .string()
      .optional()
      .describe(
        'Only when a request field is invalid: its path in the body or query, without a body. or query. ' +
          'prefix, e.g. answer, minScore or cursor; nested fields are joined with dots.',
      ),
    code: z
      .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
      .optional()
      .describe(
        'Only on refusals a client may act on, to tell them apart from others with the same status: ' +
          Object.entries(ERROR_CODES)
            .map(([code, meaning]) => `${code}: ${meaning}`)
            .join('. ') +
          '.',
      ),
  })
  .describe('Every error has this shape.')

export type ErrorBody = z.infer<typeof errorSchema>

/** A non-empty id taken from the path. */
export const idParam = z.string().min(1)

/** An instant as ISO 8601 text, UTC (`2025-01-31T09:30:00.000Z`). */
export const isoTime = z.string()

export const bandRefSchema = z.object({ id: z.string(), label: z.string() })

export const answerField = z
  .string({ error: 'answer must be a string of text' })
  .max(MAX_ANSWER_CHARACTERS, { error: answerTooLong() })
  // One rule for every boundary (the command line too): see engine/answer-rules.ts.
  .refine((a) => !ANSWER_CONTROL_CHARACTER.test(a), { error: ANSWER_HAS_CONTROL_CHARACTERS })
  .refine((a) => !LONE_SURROGATE.test(a), { error: ANSWER_HAS_LONE_SURROGATE })
  .describe(
    'The answer text, at most 20,000 characters, without control characters other than tab and line breaks.',
  )

/** Why the service is degraded, by code, with the message shown. */
export const HEALTH_REASONS = {
  'no-rubrics': 'No rubrics are in service; see /api/rubrics/errors',
  'rubric-errors':
    'Rubric files have errors (rubrics stay at their last good version); see /api/rubrics/errors',
  'database-file-gone': 'The database file is no longer at its path: new writes would be lost at restart',
  'database-unwritable': 'The database cannot be written to',
  'disk-full': 'The disk holding the database is full',
} as const

export type HealthReasonCode = keyof typeof HEALTH_REASONS

/** What health mentions without being degraded: work in progress that answers stay correct through. */
export const HEALTH_NOTES = {
  'area-scores-backfilling':
    'Back-filling: earlier attempts are being scored under the rubric of each area they train, in the ' +
    'background. Until it finishes, coverage and trends by area count an attempt for its own prompt’s area ' +
    'only; other areas count it once it is scored.',
} as const

export type HealthNoteCode = keyof typeof HEALTH_NOTES

export const healthSchema = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .describe('`ok` only when all is well; otherwise `degraded`, with every reason.'),
  reasons: z.array(
    z.object({
      code: z.enum(Object.keys(HEALTH_REASONS) as [HealthReasonCode, ...HealthReasonCode[]]),
      message: z.string(),
    }),
  ),
  notes: z
    .array(
      z.object({
        code: z.enum(Object.keys(HEALTH_NOTES) as [HealthNoteCode, ...HealthNoteCode[]]),
        message: z.string(),
        pending: z.number().int().optional().describe('Attempts still waiting, for area-scores-backfilling.'),
      }),
    )
    .describe('Work in progress that does not make the service degraded, e.g. the back-fill of area scores.'),
  engineVersion: z.string(),
  database: z.enum(['ok', 'degraded']),
  rubrics: z.number().int().describe('Rubrics in service.'),
  rubricErrors: z.number().int().describe('Errors in rubric files (not warnings); see /api/rubrics/errors.'),
})

export type Health = z.infer<typeof healthSchema>
