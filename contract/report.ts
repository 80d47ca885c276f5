// The score report as the API sends it, and the request that asks for one (POST /api/score).
// The engine's ScoreReport is the source: test/contract checks that it and Report are the same type.

import { z } from 'zod'
import { answerField, bandRefSchema } from './common'

const starSchema = z.enum(['situation', 'task', 'action', 'result', 'other'])
const sectionSchema = starSchema.exclude(['other'])

export const placeSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .describe('UTF-16 offsets into the answer, end exclusive.')

export const messageSchema = z.object({
  ruleId: z.string(),
  source: z.literal('starboard'),
  severity: z.enum(['error', 'warning', 'info']),
  reason: z.string(),
  place: placeSchema.optional(),
  section: starSchema.optional(),
  note: z.string().optional(),
  url: z.string().optional(),
})

export const criterionStatusSchema = z.enum(['met', 'partial', 'missed'])

export const criterionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  check: z.string(),
  weight: z.number(),
  score: z.number().describe('Points earned out of max, two decimals.'),
  max: z.number().describe("This criterion's share of the 100 points."),
  status: criterionStatusSchema,
  messages: z.array(messageSchema),
})

export const sentenceSchema = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  star: starSchema,
  cues: z.array(z.string()).describe('The cue features that decided the label, e.g. heading:result.'),
})

export const probeSchema = z
  .object({
    id: z.string().describe('Names the probe in a follow-up: probe-<criterionId>.'),
    criterionId: z.string(),
    question: z.string().describe("The interviewer's follow-up question."),
    reason: z.string().describe('Why it is asked: the criterion and how far it was met.'),
  })
  .describe('A follow-up question an interviewer would ask next.')

export const reportSchema = z
  .object({
    engineVersion: z.string(),
    rubricId: z.string(),
    rubricHash: z.string(),
    score: z.number().int().describe('0–100'),
    band: bandRefSchema,
    criteria: z.array(criterionResultSchema),
    sentences: z.array(sentenceSchema),
    sections: z.record(sectionSchema, z.object({ words: z.number(), share: z.number() })),
    stats: z.object({
      words: z.number(),
      sentences: z.number(),
      speakingSeconds: z.number(),
      wordsPerMinute: z.number().optional(),
      iCount: z.number(),
      weCount: z.number(),
    }),
    suggestions: z.array(z.object({ criterionId: z.string(), gain: z.number(), message: z.string() })),
    probes: z
      .array(probeSchema)
      .describe(
        'Follow-up questions for missed or partial criteria, at most 3, in the order of the suggestions.',
      ),
    messages: z.array(messageSchema),
  })
  .describe('A score report: total, band, per-criterion results, labelled sentences and suggestions.')

export type Report = z.infer<typeof reportSchema>
export type ReportProbe = z.infer<typeof probeSchema>
export type ReportMessage = z.infer<typeof messageSchema>
export type CriterionStatus = z.infer<typeof criterionStatusSchema>

export const scoreBody = z.object({
  answer: answerField,
  promptId: z.string().optional().describe('Score with the rubric of this prompt.'),
  rubricId: z.string().optional().describe('Score with this rubric; wins over promptId. Default: star-core.'),
})

export type ScoreRequest = z.input<typeof scoreBody>
