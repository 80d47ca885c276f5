// Progress: score trends per day or week, coverage of every area, and the prompt for the weakest area.

import { z } from 'zod'
import { AREA_KINDS } from '../engine/kinds'
import { attemptFilters, checkRanges } from './attempts'
import { choiceParam } from './query'
import { servedPromptSchema } from './rubrics'

export const intervalSchema = choiceParam('interval', ['day', 'week'])

export const trendsQuery = attemptFilters
  .extend({ interval: intervalSchema.default('day') })
  .superRefine(checkRanges)

export const trendPointSchema = z.object({
  period: z.string().describe('YYYY-MM-DD: the day, or the Monday starting the week (UTC).'),
  attempts: z.number().int(),
  average: z.number(),
})

export const criterionTrendSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  promptId: z
    .string()
    .nullable()
    .describe(
      'A prompt that trains this criterion: the first prompt of the rubric that defines it (else of ' +
        'the first rubric, by id, that inherits it); null when no rubric in service has it.',
    ),
  points: z.array(trendPointSchema),
})

export const trendsSchema = z.object({
  interval: intervalSchema,
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
  overall: z.array(trendPointSchema).describe('Average total score per period.'),
  criteria: z
    .array(criterionTrendSchema)
    .describe("Per criterion: average as a percentage of the criterion's maximum points."),
})

export const areaKindSchema = z.enum(AREA_KINDS)

export const coverageAreaSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: areaKindSchema,
  attempts: z.number().int().describe('Attempts at prompts tagged with this area.'),
  best: z
    .number()
    .int()
    .nullable()
    .describe("Best score so far under this area's own rubric; null: none yet."),
  bestAttemptId: z.number().int().nullable(),
  bestBandId: z.string().nullable().describe("The band this area's rubric gave the best score, e.g. strong."),
  bestBand: z.string().nullable().describe("That band's label."),
  bestAttempt: z
    .object({
      id: z.number().int(),
      promptId: z.string(),
      rubricId: z.string().describe('The rubric of its own report: its prompt’s rubric, when it was scored.'),
      score: z
        .number()
        .int()
        .describe('Its own report’s total, under rubricId; best is its score under this area’s rubric.'),
      createdAt: z.string(),
    })
    .nullable()
    .describe('The attempt the best score came from; null: none yet.'),
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
    .object({ id: z.string(), title: z.string(), kind: areaKindSchema })
    .nullable()
    .describe('The area chosen; null when no rubric names an area and any prompt was chosen.'),
  reason: z.enum(['unpractised', 'lowest-recent-average', 'least-practised-prompt']),
  attempts: z.number().int().describe('Attempts so far in the area.'),
  recentAverage: z
    .number()
    .nullable()
    .describe('Average of the area’s latest 5 attempts, scored under the area’s own rubric; null if none.'),
})

export type TrendsQuery = z.input<typeof trendsQuery>
export type TrendPoint = z.infer<typeof trendPointSchema>
export type CriterionTrend = z.infer<typeof criterionTrendSchema>
export type Trends = z.infer<typeof trendsSchema>
export type CoverageArea = z.infer<typeof coverageAreaSchema>
export type Coverage = z.infer<typeof coverageSchema>
export type NextPrompt = z.infer<typeof nextPromptSchema>
