// Stored attempts: saving one, listing and filtering them, one in full, re-scoring, and the export rows.

import { z } from 'zod'
import { answerField, bandRefSchema, isoTime } from './common'
import { followUpSchema } from './follow-ups'
import { choiceParam, instantParam, textParam, wholeNumberParam } from './query'
import { criterionStatusSchema, reportSchema } from './report'

// ---------- requests

/** Attempt ids are kept as text here so that any unknown id, well formed or not, is answered 404. */
export const attemptParams = z.object({ id: z.string() })

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

/** A re-score has no fields; a write is JSON, so it sends an empty object. */
export const rescoreBody = z
  .object({})
  .describe('No fields: send {} with Content-Type: application/json (every write is JSON).')

const scoreBound = (name: string) => wholeNumberParam(name, 0, 100).optional()

/** The filters every attempt query shares; refine with checkRanges after extending. */
export const attemptFilters = z.object({
  promptId: textParam('promptId', 'leave it out to include every prompt').optional(),
  rubricId: textParam('rubricId', 'leave it out to include every rubric').optional(),
  tag: textParam('tag', 'leave it out to include every area')
    .optional()
    .describe('Attempts whose prompt carries this tag (a rubric id).'),
  from: instantParam('from', false)
    .optional()
    .describe('Inclusive; a bare date (YYYY-MM-DD) starts at 00:00 UTC; a date-time needs Z or an offset.'),
  to: instantParam('to', true)
    .optional()
    .describe(
      'Inclusive; a bare date (YYYY-MM-DD) includes the whole day (UTC); a date-time needs Z or an offset.',
    ),
  minScore: scoreBound('minScore'),
  maxScore: scoreBound('maxScore'),
})

/** Ranges must not be upside down; said per field, so the message names what to swap. */
export function checkRanges(q: z.output<typeof attemptFilters>, ctx: z.RefinementCtx): void {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    ctx.addIssue({ code: 'custom', message: 'from is after to; swap them', path: ['from'] })
  }
  if (q.minScore !== undefined && q.maxScore !== undefined && q.minScore > q.maxScore) {
    ctx.addIssue({ code: 'custom', message: 'minScore is above maxScore; swap them', path: ['minScore'] })
  }
}

export const listAttemptsQuery = attemptFilters
  .extend({
    limit: wholeNumberParam('limit', 1, 100).default(20),
    sort: choiceParam('sort', ['createdAt', 'score'])
      .default('createdAt')
      .describe('createdAt (default) or score; a score sort breaks ties by time, then id.'),
    order: choiceParam('order', ['asc', 'desc'])
      .default('desc')
      .describe('desc (default: newest or highest first) or asc.'),
    cursor: textParam('cursor', 'leave it out to start from the first page')
      .optional()
      .describe('nextCursor from the previous page, with the same sort and order; opaque.'),
  })
  .superRefine(checkRanges)

export const exportFormatSchema = choiceParam('format', ['json', 'csv', 'md'])

export const exportQuery = attemptFilters
  .extend({ format: exportFormatSchema.default('json') })
  .superRefine(checkRanges)

// ---------- responses

/** What every view of an attempt shows. */
export const attemptFactsSchema = z.object({
  id: z.number().int(),
  promptId: z.string(),
  promptText: z.string().nullable().describe('null when the prompt is no longer in any rubric.'),
  rubricId: z.string(),
  score: z.number().int(),
  band: bandRefSchema,
  durationMs: z.number().int().nullable(),
  createdAt: isoTime.describe('ISO 8601, UTC'),
  scoredAt: isoTime.describe('When the current report was made; later than createdAt after a re-score.'),
})

export const attemptSummarySchema = attemptFactsSchema.extend({
  excerpt: z.string().describe('The first 160 characters of the answer.'),
  answerLength: z.number().int(),
})

export const attemptPageSchema = z.object({
  attempts: z.array(attemptSummarySchema),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
})

/** A report an attempt had before it was re-scored, without the report itself. */
export const replacedReportSchema = z.object({
  rubricId: z.string(),
  rubricHash: z.string(),
  engineVersion: z.string(),
  score: z.number().int(),
  band: bandRefSchema,
  scoredAt: isoTime,
  replacedAt: isoTime,
})

export const historyEntrySchema = replacedReportSchema.extend({ report: reportSchema })

export const attemptSchema = attemptFactsSchema.extend({
  rubricHash: z.string(),
  engineVersion: z.string(),
  answer: z.string(),
  tags: z.array(z.string()),
  report: reportSchema,
  history: z
    .array(historyEntrySchema)
    .describe('Reports this attempt had before re-scoring, oldest first: the latest 20 at most.'),
  followUps: z
    .array(followUpSchema)
    .describe(
      'Answers to probes, in order. The report scores the answer and these together, and a follow-up only ' +
        'adds: no criterion earns less than it did for the answer alone. The report each follow-up replaced ' +
        'is in history, with replacedAt equal to its createdAt.',
    ),
  loopId: z.number().int().nullable().describe('The mock loop this attempt answers a question of, if any.'),
})

export const createdAttemptSchema = z.object({ id: z.number().int(), report: reportSchema })

export const criterionDifferenceSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  before: z.number().nullable().describe('Points before; null when the old rubric did not have it.'),
  after: z.number().nullable().describe('Points now; null when today’s rubric dropped it.'),
  change: z.number().describe('after − before, treating a missing side as 0.'),
  statusBefore: criterionStatusSchema.nullable(),
  statusAfter: criterionStatusSchema.nullable(),
})

export const rescoreSchema = z.object({
  id: z.number().int(),
  report: reportSchema,
  previous: replacedReportSchema.describe('The report the attempt had; when unchanged, still its report.'),
  unchanged: z
    .boolean()
    .describe(
      'True when the new report is byte-identical to the stored one: it stays current with its scoredAt, and ' +
        'nothing is added to the history.',
    ),
  difference: z.object({
    score: z.number().int().describe('New total minus old total.'),
    rubricChanged: z.boolean().describe('Whether the rubric hash differs from the old report’s.'),
    criteria: z.array(criterionDifferenceSchema),
  }),
})

/** One attempt in a JSON export: everything stored, the full report included. */
export const exportedAttemptSchema = attemptFactsSchema.omit({ promptText: true }).extend({
  rubricHash: z.string(),
  engineVersion: z.string(),
  answer: z.string(),
  report: reportSchema,
})

export type AttemptListQuery = z.input<typeof listAttemptsQuery>
export type ExportFormat = z.infer<typeof exportFormatSchema>
export type CreateAttemptRequest = z.input<typeof createAttemptBody>
export type AttemptFacts = z.infer<typeof attemptFactsSchema>
export type AttemptSummary = z.infer<typeof attemptSummarySchema>
export type AttemptPage = z.infer<typeof attemptPageSchema>
export type ReplacedReport = z.infer<typeof replacedReportSchema>
export type HistoryEntry = z.infer<typeof historyEntrySchema>
export type Attempt = z.infer<typeof attemptSchema>
export type CreatedAttempt = z.infer<typeof createdAttemptSchema>
export type CriterionDifference = z.infer<typeof criterionDifferenceSchema>
export type RescoreResult = z.infer<typeof rescoreSchema>
export type ExportedAttempt = z.infer<typeof exportedAttemptSchema>
