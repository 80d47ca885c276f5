// Zod schemas of the HTTP API: request validation at the boundary, response shapes, and the OpenAPI document.

import { z } from 'zod'
import type { Rubric, ScoreReport } from '../engine/index'

/** The longest answer accepted, in UTF-16 units (what JavaScript's `length` counts). */
export const MAX_ANSWER_CHARACTERS = 20_000
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
  })
  .describe('Every error has this shape.')

const id = z.string().min(1)

/** C0 controls and DEL, except tab, line feed and carriage return, which answers legitimately contain. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/** Half of a UTF-16 surrogate pair with no other half: not text, and SQLite would store it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const answerField = z
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

// ---------- engine data: loose objects, so the serializer passes every field of the engine's types through.

const placeSchema = z.object({ start: z.number().int(), end: z.number().int() })

export const messageSchema = z.looseObject({
  ruleId: z.string(),
  source: z.literal('starboard'),
  severity: z.enum(['error', 'warning', 'info']),
  reason: z.string(),
  place: placeSchema.optional().describe('UTF-16 offsets into the answer, end exclusive.'),
  section: z.enum(['situation', 'task', 'action', 'result', 'other']).optional(),
  note: z.string().optional(),
  url: z.string().optional(),
})

const criterionStatus = z.enum(['met', 'partial', 'missed'])

const reportShape = z
  .looseObject({
    engineVersion: z.string(),
    rubricId: z.string(),
    rubricHash: z.string(),
    score: z.number().int().describe('0–100'),
    band: z.object({ id: z.string(), label: z.string() }),
    criteria: z.array(
      z.looseObject({
        id: z.string(),
        label: z.string(),
        check: z.string(),
        weight: z.number(),
        score: z.number(),
        max: z.number(),
        status: criterionStatus,
        messages: z.array(messageSchema),
      }),
    ),
    sentences: z.array(
      z.looseObject({
        text: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        star: z.enum(['situation', 'task', 'action', 'result', 'other']),
        cues: z.array(z.string()),
      }),
    ),
    sections: z.record(z.string(), z.looseObject({ words: z.number(), share: z.number() })),
    stats: z.looseObject({
      words: z.number(),
      sentences: z.number(),
      speakingSeconds: z.number(),
      iCount: z.number(),
      weCount: z.number(),
    }),
    suggestions: z.array(z.looseObject({ criterionId: z.string(), gain: z.number(), message: z.string() })),
    messages: z.array(messageSchema),
  })
  .describe('A score report: total, band, per-criterion results, labelled sentences and suggestions.')

// Loose objects pass every field through; typed as the engine's interfaces, which lack index signatures.
export const reportSchema = reportShape as unknown as z.ZodType<ScoreReport, ScoreReport>

export const promptSchema = z.object({
  id: z.string(),
  text: z.string(),
  tips: z.array(z.string()),
  tags: z.array(z.string()).describe('Rubric ids this prompt trains; includes its own rubric.'),
})

const rubricKind = z.enum(['general', 'leadership-principle', 'competency', 'theme'])

/** A compiled rubric as the engine scores with it: the client passes it to `score()` unchanged. */
const rubricShape = z.looseObject({
  id: z.string(),
  title: z.string(),
  kind: rubricKind,
  summary: z.string(),
  extends: z.array(z.string()).describe('The chain of rubrics this one extends, nearest first.'),
  prompts: z.array(promptSchema),
  criteria: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      check: z.string(),
      weight: z.number(),
      fix: z.string().optional(),
      description: z.string().optional(),
      options: z.record(z.string(), z.unknown()),
    }),
  ),
  bands: z.array(z.object({ id: z.string(), label: z.string(), min: z.number() })),
  examples: z.array(z.unknown()),
  file: z.string().describe('The file, relative to the rubrics folder, e.g. ownership.yaml.'),
  hash: z.string(),
})
export const rubricSchema = rubricShape as unknown as z.ZodType<Rubric, Rubric>

export const rubricSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: rubricKind,
  summary: z.string(),
  extends: z.array(z.string()),
  file: z.string().describe('The file, relative to the rubrics folder, e.g. ownership.yaml.'),
  hash: z.string(),
  prompts: z.number().int().describe('How many prompts the rubric defines.'),
  criteria: z.number().int().describe('How many criteria it scores, inherited ones included.'),
  stale: z.boolean().describe('True when the file has errors now and this is its last good version.'),
})

export const rubricErrorSchema = z.object({
  file: z.string(),
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based'),
  path: z.string().describe('Key path inside the document, e.g. criteria.2.weight; empty for the file.'),
  ruleId: z.string(),
  message: z.string(),
})

export const servedPromptSchema = promptSchema.extend({
  rubricId: z.string().describe('The rubric that defines the prompt and scores answers to it.'),
  rubricTitle: z.string(),
})

// ---------- requests

export const rubricParams = z.object({ id })
export const promptParams = z.object({ id })
/** Attempt ids are kept as text here so that any unknown id, well formed or not, is answered 404. */
export const attemptParams = z.object({ id: z.string() })

export const promptsQuery = z.object({
  tag: z.string().optional().describe('Only prompts carrying this tag (a rubric id).'),
  rubricId: z.string().optional().describe('Only prompts defined by this rubric.'),
  q: z.string().max(200).optional().describe('Only prompts whose text contains this, ignoring case.'),
})

export const scoreBody = z.object({
  answer: answerField,
  promptId: z.string().optional().describe('Score with the rubric of this prompt.'),
  rubricId: z.string().optional().describe('Score with this rubric; wins over promptId. Default: star-core.'),
})

export const createAttemptBody = z.object({
  promptId: z.string({ error: 'promptId is required: the id of the prompt this answers' }).min(1),
  answer: answerField.refine((a) => a.trim().length > 0, {
    error: 'answer is empty; write an answer before saving the attempt',
  }),
  durationMs: z
    .number({ error: 'durationMs must be a number of milliseconds' })
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional()
    .describe('How long the candidate took, in milliseconds.'),
})

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** A date (`YYYY-MM-DD`, UTC) or an ISO date-time; `end` makes a bare date mean the end of that day. */
function instant(name: string, end: boolean) {
  return z
    .string()
    .transform((s, ctx) => {
      const ms = DATE.test(s) ? Date.parse(`${s}T00:00:00.000Z`) + (end ? 86_400_000 - 1 : 0) : Date.parse(s)
      if (Number.isNaN(ms)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a date like 2025-01-31 or a date-time like 2025-01-31T09:30:00Z`,
        })
        return z.NEVER
      }
      return ms
    })
    .optional()
}

function scoreBound(name: string) {
  return z.coerce
    .number({ error: `${name} must be a whole number from 0 to 100` })
    .int({ error: `${name} must be a whole number from 0 to 100` })
    .min(0, { error: `${name} must be a whole number from 0 to 100` })
    .max(100, { error: `${name} must be a whole number from 0 to 100` })
    .optional()
}

const attemptFilterFields = {
  promptId: z.string().optional(),
  rubricId: z.string().optional(),
  tag: z.string().optional().describe('Attempts whose prompt carries this tag (a rubric id).'),
  from: instant('from', false).describe('Inclusive; a bare date starts at 00:00 UTC.'),
  to: instant('to', true).describe('Inclusive; a bare date includes the whole day (UTC).'),
  minScore: scoreBound('minScore'),
  maxScore: scoreBound('maxScore'),
}

/** Ranges must not be upside down; said per field, so the message names what to swap. */
function checkRanges(
  q: {
    from?: number | undefined
    to?: number | undefined
    minScore?: number | undefined
    maxScore?: number | undefined
  },
  ctx: z.RefinementCtx,
): void {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    ctx.addIssue({ code: 'custom', message: 'from is after to; swap them', path: ['from'] })
  }
  if (q.minScore !== undefined && q.maxScore !== undefined && q.minScore > q.maxScore) {
    ctx.addIssue({ code: 'custom', message: 'minScore is above maxScore; swap them', path: ['minScore'] })
  }
}

export const attemptFiltersQuery = z.object(attemptFilterFields).superRefine(checkRanges)

export const listAttemptsQuery = z
  .object({
    ...attemptFilterFields,
    limit: z.coerce
      .number({ error: 'limit must be a whole number from 1 to 100' })
      .int({ error: 'limit must be a whole number from 1 to 100' })
      .min(1, { error: 'limit must be a whole number from 1 to 100' })
      .max(100, { error: 'limit must be a whole number from 1 to 100' })
      .default(20),
    sort: z
      .enum(['createdAt', 'score'], { error: 'sort must be createdAt or score' })
      .default('createdAt')
      .describe('createdAt (default) or score; a score sort breaks ties by time, then id.'),
    order: z
      .enum(['asc', 'desc'], { error: 'order must be asc or desc' })
      .default('desc')
      .describe('desc (default: newest or highest first) or asc.'),
    cursor: z
      .string()
      .optional()
      .describe('nextCursor from the previous page, with the same sort and order; opaque.'),
  })
  .superRefine(checkRanges)

export const exportQuery = z
  .object({
    ...attemptFilterFields,
    format: z.enum(['json', 'csv', 'md'], { error: 'format must be json, csv or md' }).default('json'),
  })
  .superRefine(checkRanges)

export const trendsQuery = z
  .object({
    ...attemptFilterFields,
    interval: z.enum(['day', 'week'], { error: 'interval must be day or week' }).default('day'),
  })
  .superRefine(checkRanges)

// ---------- responses

export const attemptSummarySchema = z.object({
  id: z.number().int(),
  promptId: z.string(),
  promptText: z.string().nullable().describe('null when the prompt is no longer in any rubric.'),
  rubricId: z.string(),
  score: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }),
  durationMs: z.number().int().nullable(),
  createdAt: z.string().describe('ISO 8601, UTC'),
  scoredAt: z.string().describe('When the current report was made; later than createdAt after a re-score.'),
  excerpt: z.string().describe('The first 160 characters of the answer.'),
  answerLength: z.number().int(),
})

export const replacedReportSchema = z.object({
  rubricId: z.string(),
  rubricHash: z.string(),
  engineVersion: z.string(),
  score: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }),
  scoredAt: z.string(),
  replacedAt: z.string(),
  report: reportSchema,
})

export const attemptSchema = z.object({
  id: z.number().int(),
  promptId: z.string(),
  promptText: z.string().nullable().describe('null when the prompt is no longer in any rubric.'),
  rubricId: z.string(),
  rubricHash: z.string(),
  engineVersion: z.string(),
  answer: z.string(),
  score: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }),
  durationMs: z.number().int().nullable(),
  createdAt: z.string(),
  scoredAt: z.string(),
  tags: z.array(z.string()),
  report: reportSchema,
  history: z
    .array(replacedReportSchema)
    .describe('Reports this attempt had before re-scoring, oldest first.'),
})

export const criterionDifferenceSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  before: z.number().nullable().describe('Points before; null when the old rubric did not have it.'),
  after: z.number().nullable().describe('Points now; null when today’s rubric dropped it.'),
  change: z.number().describe('after − before, treating a missing side as 0.'),
  statusBefore: criterionStatus.nullable(),
  statusAfter: criterionStatus.nullable(),
})

export const rescoreSchema = z.object({
  id: z.number().int(),
  report: reportSchema,
  previous: replacedReportSchema.omit({ report: true }),
  difference: z.object({
    score: z.number().int().describe('New total minus old total.'),
    rubricChanged: z.boolean().describe('Whether the rubric hash differs from the old report’s.'),
    criteria: z.array(criterionDifferenceSchema),
  }),
})

const trendPoint = z.object({
  period: z.string().describe('YYYY-MM-DD: the day, or the Monday starting the week (UTC).'),
  attempts: z.number().int(),
  average: z.number(),
})

export const trendsSchema = z.object({
  interval: z.enum(['day', 'week']),
  timezone: z.literal('UTC'),
  from: z
    .string()
    .nullable()
    .describe(
      'Start of the window answered (ISO 8601): the from given, else 90 days (26 weeks) before the latest ' +
        'attempt or to; null when there are no attempts.',
    ),
  to: z
    .string()
    .nullable()
    .describe('End of the window: the to given, else null (up to the latest attempt).'),
  overall: z.array(trendPoint).describe('Average total score per period.'),
  criteria: z
    .array(
      z.object({
        criterionId: z.string(),
        label: z.string(),
        promptId: z
          .string()
          .nullable()
          .describe(
            'A prompt that trains this criterion: the first prompt of the rubric that defines it (else of ' +
              'the first rubric, by id, that inherits it); null when no rubric in service has it.',
          ),
        points: z.array(trendPoint),
      }),
    )
    .describe("Per criterion: average as a percentage of the criterion's maximum points."),
})

export const coverageAreaSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['leadership-principle', 'competency', 'theme']),
  attempts: z.number().int(),
  best: z.number().int().nullable().describe('Best total score so far; null: none yet.'),
  bestAttemptId: z.number().int().nullable(),
  bestBandId: z.string().nullable().describe("The best attempt's band id, e.g. strong."),
  bestBand: z.string().nullable().describe("The best attempt's band label."),
  status: z.string().describe('"none yet", or the best band label.'),
})

export const coverageSchema = z.object({
  areas: z.array(coverageAreaSchema),
  practised: z.number().int(),
  total: z.number().int(),
})

export const nextPromptSchema = z.object({
  prompt: servedPromptSchema,
  area: z
    .object({ id: z.string(), title: z.string(), kind: rubricKind })
    .nullable()
    .describe('The area chosen; null when no rubric names an area and any prompt was chosen.'),
  reason: z.enum(['unpractised', 'lowest-recent-average', 'least-practised-prompt']),
  attempts: z.number().int().describe('Attempts so far in the area.'),
  recentAverage: z.number().nullable().describe('Average of the area’s latest 5 attempts; null if none.'),
})
