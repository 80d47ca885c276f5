// The story bank: stories written once, their fit with every area rubric, their versions, and the plan of two
// stories per Leadership Principle.

import { z } from 'zod'
import {
  ANSWER_CONTROL_CHARACTER,
  ANSWER_HAS_CONTROL_CHARACTERS,
  ANSWER_HAS_LONE_SURROGATE,
  answerTooLong,
  LONE_SURROGATE,
  MAX_ANSWER_CHARACTERS,
} from '../engine/answer-rules'
import { AREA_KINDS } from '../engine/kinds'
import { bandRefSchema, isoTime } from './common'

// ---------- requests

/** Story ids are kept as text here so that any unknown id, well formed or not, is answered 404. */
export const storyParams = z.object({ id: z.string() })

/** An answer rule's message, said of a story's text ("text is longer than …"). */
const asText = (message: string) => message.replace(/^answer /, 'text ')

/** The longest story title, in characters. */
export const MAX_STORY_TITLE = 120

export const storyBody = z.object({
  title: z
    .string({ error: 'title is required: a short name for the story, such as "Billing export rescue"' })
    .max(MAX_STORY_TITLE, { error: `title is too long; keep it to ${MAX_STORY_TITLE} characters` })
    .refine((t) => t.trim().length > 0, { error: 'title is empty; name the story' })
    .describe(`A short name for the story, at most ${MAX_STORY_TITLE} characters.`),
  // The rules of an answer (the story is scored as one), said of the story's text.
  text: z
    .string({ error: 'text is required: the story, told Situation to Result' })
    .max(MAX_ANSWER_CHARACTERS, { error: asText(answerTooLong()) })
    .refine((t) => !ANSWER_CONTROL_CHARACTER.test(t), { error: asText(ANSWER_HAS_CONTROL_CHARACTERS) })
    .refine((t) => !LONE_SURROGATE.test(t), { error: asText(ANSWER_HAS_LONE_SURROGATE) })
    .refine((t) => t.trim().length > 0, { error: 'text is empty; write the story before saving it' })
    .describe(
      'The story, told once, Situation to Result: at most 20,000 characters, without control characters ' +
        'other than tab and line breaks.',
    ),
})

// ---------- responses

export const storyFitSchema = z
  .object({
    rubricId: z.string(),
    kind: z.enum(AREA_KINDS),
    share: z
      .number()
      .describe(
        "0–1: the share of the rubric's own criteria (not those it inherits from star-core) the story meets; " +
          'a met criterion counts whole, a partial one half, each by its weight.',
      ),
    band: bandRefSchema.describe("The band of the story's score under the whole rubric."),
    score: z
      .number()
      .int()
      .describe('The story scored under the whole rubric, 0–100, as an answer would be.'),
    met: z.array(z.string()).describe("The rubric's own criteria the story meets in full."),
  })
  .describe('How a story fits one area rubric.')

export const storyFitList = z
  .array(storyFitSchema)
  .describe('One entry per area rubric in service, best fit first: share, then score, then rubric id.')

export const createdStorySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  fit: storyFitList,
})

export const updatedStorySchema = createdStorySchema.extend({
  unchanged: z.boolean().describe('True when neither title nor text changed: no version was added.'),
})

export const storySummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  version: z.number().int().describe('The current version: 1 for a story never edited.'),
  createdAt: isoTime,
  updatedAt: isoTime,
  fit: storyFitList,
})

export const storyListSchema = z.object({
  stories: z.array(storySummarySchema).describe('Every story, the latest edited first.'),
})

export const storyVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  text: z.string(),
  createdAt: isoTime,
  fit: storyFitList.describe('The fit this version had with the rubrics of its time.'),
})

export const storySchema = storySummarySchema.extend({
  text: z.string(),
  versions: z.array(storyVersionSchema).describe('Every version, oldest first; the last is the current one.'),
})

const planStorySchema = z.object({ id: z.number().int(), title: z.string(), share: z.number() })

export const storyPlanSchema = z.object({
  principles: z
    .array(z.object({ rubricId: z.string(), stories: z.array(planStorySchema) }))
    .describe('Every Leadership Principle in service, with the stories the plan gives it, best share first.'),
  gaps: z
    .array(z.string())
    .describe('Principles with fewer stories than limits.storiesPerPrinciple: the stories still to prepare.'),
  stretched: z
    .array(z.object({ id: z.number().int(), title: z.string(), principles: z.array(z.string()) }))
    .describe('Stories the plan places under more than limits.stretchLimit principles.'),
  limits: z.object({
    fitFrom: z.number().describe('A story counts for a principle from this share.'),
    storiesPerPrinciple: z.number().int(),
    stretchLimit: z.number().int(),
  }),
})

export type StoryBody = z.infer<typeof storyBody>
export type StoryFitBody = z.infer<typeof storyFitSchema>
export type CreatedStory = z.infer<typeof createdStorySchema>
export type UpdatedStory = z.infer<typeof updatedStorySchema>
export type StorySummary = z.infer<typeof storySummarySchema>
export type StoryList = z.infer<typeof storyListSchema>
export type StoryVersion = z.infer<typeof storyVersionSchema>
export type Story = z.infer<typeof storySchema>
export type StoryPlanBody = z.infer<typeof storyPlanSchema>
