// Mock interview loops: starting one, answering its questions (with a probe round), and its debrief.

import { z } from 'zod'
import { criterionDifferenceSchema, replacedReportSchema } from './attempts'
import { bandRefSchema, isoTime } from './common'
import { followUpAnswerField, followUpBody, followUpSchema } from './follow-ups'
import { reportSchema } from './report'

export const LOOP_SIZE = { min: 2, max: 8, default: 4 } as const

// ---------- requests

/** Loop ids are kept as text so that any unknown id, well formed or not, is answered 404. */
export const loopParams = z.object({ id: z.string() })

const PRINCIPLES_LIST = 'principles must be a list of Leadership Principle rubric ids'
const DURATION_RANGE = 'durationMs must be a whole number of milliseconds, from 0 to 24 hours'

export const createLoopBody = z.object({
  size: z
    .number({ error: `size must be a whole number of questions, ${LOOP_SIZE.min} to ${LOOP_SIZE.max}` })
    .int({ error: `size must be a whole number of questions, ${LOOP_SIZE.min} to ${LOOP_SIZE.max}` })
    .min(LOOP_SIZE.min, { error: `size must be at least ${LOOP_SIZE.min}: a loop compares answers` })
    .max(LOOP_SIZE.max, { error: `size must be at most ${LOOP_SIZE.max}: a real loop has 4 to 5 interviews` })
    .optional()
    .describe(`Questions in the loop, ${LOOP_SIZE.min}–${LOOP_SIZE.max}; default ${LOOP_SIZE.default}.`),
  principles: z
    .array(z.string().min(1, { error: PRINCIPLES_LIST }), { error: PRINCIPLES_LIST })
    .max(LOOP_SIZE.max, {
      error: `principles may pin at most ${LOOP_SIZE.max} principles: a loop has at most ${LOOP_SIZE.max} questions`,
    })
    .optional()
    .describe('Leadership Principles (rubric ids) the loop must ask about; the rest are chosen.'),
  seed: z
    .string({ error: 'seed must be text' })
    .min(1, { error: 'seed is empty; leave it out to have one made' })
    .max(64, { error: 'seed must be at most 64 characters' })
    .optional()
    .describe(
      'The same seed on the same practice history gives the same questions; one is made when absent.',
    ),
})

export type CreateLoopRequest = z.input<typeof createLoopBody>

export const loopAnswerBody = z.object({
  promptId: z.string({ error: 'promptId is required: the id of the loop question this answers' }).min(1),
  answer: followUpAnswerField.describe('The answer; not empty.'),
  durationMs: z
    .number({ error: 'durationMs must be a number of milliseconds' })
    .int({ error: DURATION_RANGE })
    .min(0, { error: DURATION_RANGE })
    .max(24 * 3600 * 1000, { error: DURATION_RANGE })
    .optional(),
  followUps: z
    .array(followUpBody, { error: 'followUps must be a list of probe answers, each {probeId, answer}' })
    .max(3, { error: 'followUps may answer at most 3 probes: the report asks no more' })
    .optional()
    .describe('The probe round: answers to probes of the answer’s report, scored with the answer.'),
})

export type LoopAnswerRequest = z.input<typeof loopAnswerBody>

export const listLoopsQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 100' })
    .int({ error: 'limit must be a whole number from 1 to 100' })
    .min(1, { error: 'limit must be a whole number from 1 to 100' })
    .max(100, { error: 'limit must be a whole number from 1 to 100' })
    .default(20),
})

// ---------- responses

export const loopStatusSchema = z.enum(['in-progress', 'complete'])

export const loopQuestionSchema = z.object({
  position: z.number().int(),
  promptId: z.string(),
  rubricId: z.string().describe('The Leadership Principle asked about.'),
  principle: z.string().describe('Its title.'),
  text: z.string().describe('The question.'),
  attemptId: z.number().int().nullable().describe('The attempt that answers it; null until answered.'),
  score: z.number().int().nullable(),
  band: bandRefSchema.nullable(),
})

export const createdLoopSchema = z.object({
  id: z.number().int(),
  seed: z.string(),
  status: loopStatusSchema,
  questions: z.array(
    loopQuestionSchema.pick({ promptId: true, rubricId: true, principle: true, text: true }),
  ),
})

export const verdictSchema = z
  .enum(['meets-the-bar', 'not-yet-at-the-bar', 'below-the-bar', 'no-verdict'])
  .describe(
    'Follows the band of the principle’s score under its rubric: strong meets the bar, developing is not yet at ' +
      'it, weak is below it; a band named otherwise by its place among the rubric’s bands. `no-verdict` when ' +
      'the rubric is no longer in service and its band is named otherwise: without the rubric’s bands there is ' +
      'nothing to place it among.',
  )

export const storyReuseSchema = z.object({
  kind: z.literal('story-reused'),
  promptIds: z.tuple([z.string(), z.string()]),
  similarity: z
    .number()
    .describe('Share of the shorter answer’s shingles (two content words) the other has.'),
  threshold: z.number().describe('Flagged from this similarity on.'),
})

export const debriefQuestionSchema = z.object({
  promptId: z.string(),
  rubricId: z.string(),
  principle: z.string(),
  text: z.string(),
  attemptId: z.number().int(),
  score: z.number().int(),
  band: bandRefSchema,
  star: z
    .object({
      situation: z.number(),
      task: z.number(),
      action: z.number(),
      result: z.number(),
      other: z.number().describe('Words in no STAR section.'),
    })
    .describe('Share of the words in each STAR section and in none (other), in hundredths that add up to 1.'),
  speakingSeconds: z.number(),
  durationMs: z.number().int().nullable(),
  followUps: z.array(followUpSchema),
  followUpGain: z
    .number()
    .nullable()
    .describe(
      'Points the follow-ups added to the total (a follow-up only adds, so it is not below 0 unless the rubric ' +
        'changed since); null without follow-ups.',
    ),
})

export const debriefSchema = z.object({
  questions: z.array(debriefQuestionSchema),
  principles: z.array(
    z.object({
      rubricId: z.string(),
      principle: z.string(),
      score: z.number().int(),
      band: bandRefSchema.describe('The rubric’s band for the principle’s score.'),
      verdict: verdictSchema,
      verdictLabel: z.string(),
    }),
  ),
  strongest: z.object({ rubricId: z.string(), principle: z.string(), score: z.number().int() }).nullable(),
  weakest: z.object({ rubricId: z.string(), principle: z.string(), score: z.number().int() }).nullable(),
  verdictRule: z
    .string()
    .describe(
      'How the verdicts follow the bands, in words, from the bands of the principles’ rubrics, e.g. “Each ' +
        'verdict follows the band of the principle’s score under its rubric: Strong meets the bar, …”.',
    ),
  averageScore: z.number().int(),
  warnings: z.array(storyReuseSchema),
  threshold: z.number().describe('The story-reuse threshold the warnings used.'),
})

export const loopSchema = z.object({
  id: z.number().int(),
  seed: z.string(),
  principles: z.array(z.string()).describe('The principles pinned when it started.'),
  createdAt: isoTime,
  status: loopStatusSchema,
  questions: z.array(loopQuestionSchema),
  debrief: debriefSchema.nullable().describe('Once every question is answered; null before.'),
})

export const loopSummarySchema = z.object({
  id: z.number().int(),
  seed: z.string(),
  createdAt: isoTime,
  status: loopStatusSchema,
  questions: z.number().int(),
  answered: z.number().int(),
})

export const loopListSchema = z.object({ loops: z.array(loopSummarySchema) })

export const loopAnsweredSchema = z.object({
  loopId: z.number().int(),
  attemptId: z.number().int(),
  promptId: z.string(),
  status: loopStatusSchema,
  report: reportSchema.describe('The answer and its follow-ups, scored together.'),
})

export const followUpAddedSchema = z.object({
  id: z.number().int().describe('The attempt.'),
  followUp: followUpSchema,
  report: reportSchema.describe('The answer and every follow-up, scored together: now the attempt’s report.'),
  previous: replacedReportSchema.describe('The report it replaced, now in the attempt’s history.'),
  difference: z.object({
    score: z.number().int().describe('What the follow-up added to the total.'),
    rubricChanged: z.boolean(),
    criteria: z.array(criterionDifferenceSchema),
  }),
})

export type Loop = z.infer<typeof loopSchema>
export type LoopQuestion = z.infer<typeof loopQuestionSchema>
export type CreatedLoop = z.infer<typeof createdLoopSchema>
export type Debrief = z.infer<typeof debriefSchema>
export type DebriefQuestion = z.infer<typeof debriefQuestionSchema>
export type LoopSummary = z.infer<typeof loopSummarySchema>
export type LoopAnswered = z.infer<typeof loopAnsweredSchema>
export type FollowUpAdded = z.infer<typeof followUpAddedSchema>
export type Verdict = z.infer<typeof verdictSchema>
