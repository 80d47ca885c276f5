// Rubrics and their prompts as the API serves them: the compiled rubric, list rows, file problems, prompts.
// The engine's Rubric, Prompt and RubricError are the source: test/contract checks the types are the same.

import { z } from 'zod'
import { RUBRIC_KINDS } from '../engine/kinds'
import { idParam, isoTime } from './common'
import { textParam } from './query'

export const rubricKindSchema = z.enum(RUBRIC_KINDS)

export const promptSchema = z.object({
  id: z.string(),
  text: z.string(),
  tips: z.array(z.string()),
  tags: z.array(z.string()).describe('Rubric ids this prompt trains; includes its own rubric.'),
})

export const criterionSchema = z.object({
  id: z.string(),
  label: z.string(),
  check: z.string(),
  weight: z.number(),
  fix: z.string().optional().describe('Shown as the suggestion when the criterion is not met.'),
  probe: z
    .string()
    .optional()
    .describe("The interviewer's follow-up question when the criterion is not met."),
  description: z.string().optional(),
  options: z.record(z.string(), z.unknown()).describe("Validated against the check kind's own schema."),
  compiled: z
    .unknown()
    .describe(
      'The options compiled when the rubric loaded (e.g. phrase tables); the browser scores with them.',
    ),
})

export const bandSchema = z.object({
  id: z.string(),
  label: z.string(),
  min: z.number().describe('Lowest total score (inclusive) that lands in this band.'),
})

export const exampleSchema = z.object({
  name: z.string(),
  promptId: z.string().optional(),
  answer: z.string(),
  expect: z.object({
    band: z.string().optional(),
    score: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
    met: z.array(z.string()).optional(),
    partial: z.array(z.string()).optional(),
    missed: z.array(z.string()).optional(),
  }),
})

const rubricFile = z.string().describe('The file, relative to the rubrics folder, e.g. ownership.yaml.')

/** A compiled rubric as the engine scores with it: the client passes it to `score()` unchanged. */
export const rubricSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: rubricKindSchema,
    summary: z.string(),
    extends: z.array(z.string()).describe('The chain of rubrics this one extends, nearest first.'),
    prompts: z.array(promptSchema),
    criteria: z.array(criterionSchema),
    bands: z.array(bandSchema),
    examples: z.array(exampleSchema),
    file: rubricFile,
    hash: z.string().describe('Changes when scoring can change.'),
    draft: z
      .literal(true)
      .optional()
      .describe(
        'Present while the rubric is a draft: listed here and usable for scoring without storing, but its prompts are not offered to candidates or accepted as attempts.',
      ),
  })
  .describe('A compiled rubric: criteria (inherited ones included), prompts and bands.')

export const rubricSummarySchema = rubricSchema
  .pick({
    id: true,
    title: true,
    kind: true,
    summary: true,
    extends: true,
    file: true,
    hash: true,
    draft: true,
  })
  .extend({
    prompts: z.number().int().describe('How many prompts the rubric defines.'),
    criteria: z.number().int().describe('How many criteria it scores, inherited ones included.'),
    stale: z.boolean().describe('True when the file has errors now and this is its last good version.'),
  })

export const rubricListSchema = z.object({ rubrics: z.array(rubricSummarySchema) })

export const rubricErrorSchema = z.object({
  file: rubricFile,
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based'),
  path: z.string().describe('Key path inside the document, e.g. criteria.2.weight; empty for the file.'),
  ruleId: z.string(),
  message: z.string(),
  severity: z
    .literal('warning')
    .optional()
    .describe('Present on a warning (the rubric still serves, e.g. a tag naming a missing rubric).'),
})

export const staleRubricSchema = z.object({ rubricId: z.string(), file: rubricFile, hash: z.string() })

export const rubricErrorsSchema = z.object({
  errors: z.array(rubricErrorSchema),
  stale: z.array(staleRubricSchema).describe('Rubrics served at their last good version.'),
  loadedAt: isoTime.describe('When the folder was last read.'),
})

export const servedPromptSchema = promptSchema.extend({
  rubricId: z.string().describe('The rubric that defines the prompt and scores answers to it.'),
  rubricTitle: z.string(),
})

export const promptListSchema = z.object({ prompts: z.array(servedPromptSchema) })

export const rubricParams = z.object({ id: idParam })
export const promptParams = z.object({ id: idParam })

export const promptsQuery = z.object({
  tag: textParam('tag', 'leave it out to list every prompt')
    .optional()
    .describe('Only prompts carrying this tag (a rubric id).'),
  rubricId: textParam('rubricId', 'leave it out to list every prompt')
    .optional()
    .describe('Only prompts defined by this rubric.'),
  q: textParam('q', 'leave it out to list every prompt')
    .max(200, { error: 'q must be at most 200 characters' })
    .optional()
    .describe('Only prompts whose text contains this, ignoring case.'),
})

export type CompiledRubric = z.infer<typeof rubricSchema>
export type RubricSummary = z.infer<typeof rubricSummarySchema>
export type RubricList = z.infer<typeof rubricListSchema>
export type RubricFileError = z.infer<typeof rubricErrorSchema>
export type RubricErrors = z.infer<typeof rubricErrorsSchema>
export type ServedPrompt = z.infer<typeof servedPromptSchema>
export type PromptList = z.infer<typeof promptListSchema>
export type PromptsQuery = z.input<typeof promptsQuery>
