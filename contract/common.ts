// Pieces every part of the HTTP contract shares: the error body, limits on requests, and small value shapes.

import { z } from 'zod'

/** The longest answer accepted; the body limit (64 KB) leaves room for it in JSON. */
export const MAX_ANSWER_CHARACTERS = 20_000
export const BODY_LIMIT_BYTES = 64 * 1024

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

/** C0 controls and DEL, except tab, line feed and carriage return, which answers legitimately contain. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/** Half of a UTF-16 surrogate pair with no other half: not text, and SQLite would store it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const answerField = z
  .string({ error: 'answer must be a string of text' })
  .max(MAX_ANSWER_CHARACTERS, {
    error: `answer is longer than the limit of 20,000 characters; shorten it`,
  })
  // Both would be stored differently from what was scored: SQLite's length() and substr() stop at NUL, and a
  // lone surrogate becomes U+FFFD, so the stored answer would no longer match the report's offsets.
  .refine((a) => !CONTROL_CHARACTER.test(a), {
    error:
      'answer contains control characters (such as NUL or escape); remove them, tabs and line breaks are fine',
  })
  .refine((a) => !LONE_SURROGATE.test(a), {
    error: 'answer contains a broken character (half of a UTF-16 surrogate pair); paste the text again',
  })
  .describe(
    'The answer text, at most 20,000 characters, without control characters other than tab and line breaks.',
  )

export const healthSchema = z.object({
  status: z.literal('ok'),
  engineVersion: z.string(),
  database: z.literal('ok'),
  rubrics: z.number().int().describe('Rubrics in service.'),
  rubricErrors: z.number().int().describe('Problems in rubric files; see /api/rubrics/errors.'),
})

export type Health = z.infer<typeof healthSchema>
