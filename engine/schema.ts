// The rubric file format as zod schemas: validation at load time and the generated rubric.schema.json.

import { z } from 'zod'
import { CHECK_NAMES, CHECKS, type CheckName } from './checks/index'
import { RUBRIC_KINDS } from './kinds'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const idSchema = z.string().regex(KEBAB, {
  message: 'use lower-case letters, digits and single hyphens (kebab-case), e.g. "deliver-results"',
})

const promptSchema = z.strictObject({
  id: idSchema.describe('Unique across all rubrics; used in URLs such as /practice/<id>.'),
  text: z.string().trim().min(10, { message: 'a prompt needs at least 10 characters of question' }),
  tips: z
    .array(z.string().min(1))
    .default([])
    .describe('What interviewers listen for in an answer to this prompt.'),
  tags: z
    .array(idSchema)
    .default([])
    .describe('Ids of other rubrics this prompt also trains; the defining rubric is always a tag.'),
})

const bandSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  min: z.number().int().min(0).max(100).describe('Lowest total score (inclusive) in this band.'),
})

const expectationSchema = z.strictObject({
  band: idSchema.optional().describe('Band id the example must land in.'),
  score: z
    .strictObject({ min: z.number().min(0).max(100).optional(), max: z.number().min(0).max(100).optional() })
    .optional()
    .describe('Inclusive range the total score must fall in.'),
  met: z.array(idSchema).optional().describe('Criteria that must be met.'),
  partial: z.array(idSchema).optional().describe('Criteria that must be partly met.'),
  missed: z.array(idSchema).optional().describe('Criteria that must be missed.'),
})

const exampleSchema = z.strictObject({
  name: z.string().min(1),
  prompt: idSchema.optional().describe('The prompt the example answers.'),
  answer: z.string(),
  expect: expectationSchema,
})

const criterionBase = {
  id: idSchema.describe(
    'Unique within the rubric; a child rubric overrides a parent criterion by using its id.',
  ),
  label: z.string().min(1).optional().describe('Shown to candidates; defaults to the id in words.'),
  weight: z.number().min(0).max(100).describe('Relative weight; 0 switches an inherited criterion off.'),
  fix: z.string().min(1).optional().describe('The suggestion shown when the criterion is not fully met.'),
  description: z.string().optional(),
}

/** The full schema of a criterion of one check kind: common keys plus the kind's own options. */
export const criterionSchemas = Object.fromEntries(
  CHECK_NAMES.map((name) => {
    const options = CHECKS[name].options as unknown as z.ZodObject
    return [
      name,
      options.safeExtend({
        ...criterionBase,
        check: z.literal(name).describe(CHECKS[name].summary),
      }),
    ]
  }),
) as unknown as Record<CheckName, z.ZodObject>

/** What a file may say about a criterion before `extends` is resolved: a full definition or an override. */
const criterionEntrySchema = z.looseObject({
  id: idSchema,
  check: z
    .string()
    .refine((c) => (CHECK_NAMES as string[]).includes(c), {
      message: `unknown check kind; use one of: ${CHECK_NAMES.join(', ')}`,
    })
    .optional(),
})

const rubricFields = {
  $schema: z.string().optional(),
  id: idSchema.describe('Unique across all rubric files.'),
  title: z.string().min(1),
  kind: z.enum(RUBRIC_KINDS),
  extends: idSchema.optional().describe('Id of the rubric whose criteria and bands this one inherits.'),
  summary: z.string().min(1),
  prompts: z.array(promptSchema).default([]),
  bands: z
    .array(bandSchema)
    .min(1)
    .optional()
    .describe('Score bands, highest first; one must start at 0. Inherited when omitted.'),
  examples: z.array(exampleSchema).default([]),
}

export const rubricFileSchema = z.strictObject({
  ...rubricFields,
  criteria: z.array(criterionEntrySchema).default([]),
})

export type RubricFile = z.infer<typeof rubricFileSchema>

/** The schema editors see: criteria spelled out per check kind (an override names only id and keys to change). */
export function rubricJsonSchema(): Record<string, unknown> {
  const full = CHECK_NAMES.map((n) => criterionSchemas[n])
  const override = z
    .looseObject({
      id: idSchema,
      weight: criterionBase.weight.optional(),
      label: criterionBase.label,
      fix: criterionBase.fix,
    })
    .describe('Override of an inherited criterion: its id and the keys to change.')
  const editorSchema = z.strictObject({
    ...rubricFields,
    criteria: z.array(z.union([...full, override])).default([]),
  })
  const json = z.toJSONSchema(editorSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return {
    ...json,
    title: 'Starboard rubric',
    description: 'A rubric file in rubrics/: prompts, criteria, bands and example answers.',
  }
}

let keys: readonly string[] | undefined

/** Every key a rubric file may use, at any depth, in schema order: what "did you mean" suggests from. */
export function knownKeys(): readonly string[] {
  keys ??= [...propertyNames(rubricJsonSchema(), new Set())]
  return keys
}

function propertyNames(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) propertyNames(item, into)
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value !== null && typeof value === 'object')
        for (const name of Object.keys(value)) into.add(name)
      propertyNames(value, into)
    }
  }
  return into
}

export function labelFromId(id: string): string {
  const words = id.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
