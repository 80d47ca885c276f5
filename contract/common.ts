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

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded when there is any reason.'),
  reasons: z
    .array(z.string())
    .describe('What is wrong, one short sentence each (e.g. "database file gone: …"); empty when ok.'),
  engineVersion: z.string(),
  database: z
    .enum(['ok', 'degraded'])
    .describe(
      'degraded when its file is gone or not writable, or a write found the disk full in the last minute.',
    ),
  rubrics: z.number().int().describe('Rubrics in service.'),
  rubricErrors: z.number().int().describe('Problems in rubric files; see /api/rubrics/errors.'),
})

export type Health = z.infer<typeof healthSchema>
