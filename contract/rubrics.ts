// Rubrics and their prompts as the API serves them: the compiled rubric, list rows, file problems, prompts.
// The engine's Rubric, Prompt and RubricError are the source: test/contract checks the types are the same.

import { z } from 'zod'
import { RUBRIC_KINDS } from '../engine/kinds'
import { errorSchema, idParam, isoTime } from './common'
import { textParam } from './query'
import { reportSchema } from './report'

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

// The rubric studio: try a draft rubric file against the rubrics in service, and save it.

/** The most a draft may hold: the size limit of a rubric file in the folder (256 KB, in UTF-8). */
export const MAX_DRAFT_BYTES = 256 * 1024
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

const draftYaml = z
  .string({ error: 'yaml must be the text of a rubric file' })
  .refine((text) => utf8Bytes(text) <= MAX_DRAFT_BYTES, {
    error: `yaml is larger than ${MAX_DRAFT_BYTES / 1024} KB, the limit of a rubric file; split it into several rubrics`,
  })
  .describe('The whole rubric file, as YAML text (at most 256 KB in UTF-8).')

export const previewRequestSchema = z.object({
  yaml: draftYaml,
  answer: z
    .string({ error: 'answer must be a string of text' })
    .max(20_000, { error: 'answer must be at most 20,000 characters' })
    .optional()
    .describe('An answer to score with the draft; leave it out to check the draft only.'),
})

export const draftProblemSchema = rubricErrorSchema.omit({ file: true, severity: true }).extend({
  severity: z
    .enum(['error', 'warning'])
    .describe('An error keeps the draft from being saved; a warning (a failing example) does not.'),
})

export const draftEvidenceSchema = z.object({
  criterionId: z.string(),
  start: z.number().int().describe('UTF-16 offset into the answer, inclusive.'),
  end: z.number().int().describe('UTF-16 offset into the answer, exclusive.'),
  text: z.string().describe('The words matched: answer.slice(start, end).'),
  reason: z.string(),
  severity: z
    .enum(['info', 'warning', 'error'])
    .describe(
      '`info`: what the criterion found there (evidence, or a note on those words); `warning` or `error`: words it counts against.',
    ),
  counted: z
    .literal(true)
    .optional()
    .describe(
      'Present when no message of the criterion marks these words, but its check counted them toward it: a sentence of a STAR section, a step told with "I", a specific detail, the answer as a whole for its length.',
    ),
})

const statusSchema = z.enum(['met', 'partial', 'missed'])

export const draftExampleSchema = z.object({
  name: z.string(),
  promptId: z.string().optional(),
  expected: exampleSchema.shape.expect,
  score: z.number().int(),
  band: z.object({ id: z.string(), label: z.string() }),
  criteria: z.array(
    z.object({
      id: z.string(),
      status: statusSchema,
      expected: statusSchema.optional().describe('What the example expects of this criterion, if anything.'),
    }),
  ),
  failures: z.array(z.string()).describe('Expectations the example does not meet, in words.'),
})

export const previewResponseSchema = z.object({
  id: z.string().optional().describe('The rubric id the draft names, when it names one.'),
  problems: z
    .array(draftProblemSchema)
    .describe('Errors first by line, then warnings; empty when all is well.'),
  rubric: z
    .object({
      id: z.string(),
      title: z.string(),
      criteria: z.array(criterionSchema.pick({ id: true, label: true })),
    })
    .optional()
    .describe('The draft compiled, when it has no errors.'),
  report: reportSchema
    .optional()
    .describe('The score report of `answer` under the draft (as POST /api/score gives it).'),
  evidence: z
    .array(draftEvidenceSchema)
    .describe(
      'Every span of the answer a criterion matched or counted, in reading order: why it was met, whatever its check kind.',
    ),
  examples: z.array(draftExampleSchema).describe("The draft's examples, scored with the draft."),
  replaces: z
    .string()
    .optional()
    .describe('The file of the rubric in service that this draft stands in for (same id).'),
})

export const saveRubricRequestSchema = z.object({ yaml: draftYaml })

export const saveRubricResponseSchema = z.object({
  id: z.string(),
  file: rubricFile,
  created: z.boolean().describe('True when there was no file for this id before.'),
})

export const saveRefusedSchema = errorSchema.extend({
  problems: z
    .array(draftProblemSchema)
    .describe('What keeps the draft from being saved, with line and column.'),
})

export const studioSchema = z.object({
  write: z
    .boolean()
    .describe('Whether PUT /api/rubrics/:id saves files (STARBOARD_STUDIO_WRITE=1 on the server).'),
  writeHelp: z.string().describe('How saving is switched on, or where files are saved.'),
  scaffold: z.string().describe('A new rubric file that passes: a starting point for a draft.'),
  maxBytes: z.number().int(),
})

export const rubricSourceSchema = z.object({ id: z.string(), file: rubricFile, yaml: z.string() })

export type PreviewRequest = z.infer<typeof previewRequestSchema>
export type DraftProblem = z.infer<typeof draftProblemSchema>
export type DraftExample = z.infer<typeof draftExampleSchema>
export type DraftEvidence = z.infer<typeof draftEvidenceSchema>
export type Preview = z.infer<typeof previewResponseSchema>
export type SaveRubricResponse = z.infer<typeof saveRubricResponseSchema>
export type SaveRefused = z.infer<typeof saveRefusedSchema>
export type Studio = z.infer<typeof studioSchema>
export type RubricSourceText = z.infer<typeof rubricSourceSchema>
