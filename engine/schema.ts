// The rubric file format as zod schemas: validation at load time and the generated rubric.schema.json.

import { z } from 'zod'
import { MAX_ANSWER_CHARACTERS } from './answer-rules'
import { CHECK_NAMES, CHECKS, type CheckName } from './checks/index'
import { RUBRIC_KINDS } from './kinds'

/** How big a rubric may grow: beyond these, a file is refused with a clear error rather than checked slowly. */
export const RUBRIC_LIMITS = {
  prompts: 500,
  criteria: 40,
  examples: 100,
  /** Phrases in one keyword group's `any`. */
  phrasesPerGroup: 200,
  /** An example answer is scored as a candidate's answer is, so the same limit holds. */
  exampleCharacters: MAX_ANSWER_CHARACTERS,
} as const

/** A probe is a single question said aloud, so it stays short. */
const PROBE_MAX_CHARACTERS = 200

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

// Ids in expectations are plain strings here: they are checked against the bands and criteria in force
// (inherited ones too) when the rubric compiles, where a label or a near miss can be recognised.
const expectedId = z.string().min(1)

const expectationSchema = z.strictObject({
  band: expectedId.optional().describe('Band id the example must land in.'),
  score: z
    .strictObject({ min: z.number().min(0).max(100).optional(), max: z.number().min(0).max(100).optional() })
    .optional()
    .describe('Inclusive range the total score must fall in.'),
  met: z.array(expectedId).optional().describe('Criteria that must be met.'),
  partial: z.array(expectedId).optional().describe('Criteria that must be partly met.'),
  missed: z.array(expectedId).optional().describe('Criteria that must be missed.'),
})

const exampleSchema = z.strictObject({
  name: z.string().min(1),
  prompt: idSchema.optional().describe('The prompt the example answers.'),
  answer: z.string().max(RUBRIC_LIMITS.exampleCharacters, {
    message: `An example answer may have at most ${String(RUBRIC_LIMITS.exampleCharacters).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters, as a candidate's answer may`,
  }),
  expect: expectationSchema,
})

const criterionBase = {
  id: idSchema.describe(
    'Unique within the rubric; a child rubric overrides a parent criterion by using its id.',
  ),
  label: z.string().min(1).optional().describe('Shown to candidates; defaults to the id in words.'),
  weight: z.number().min(0).max(100).describe('Relative weight; 0 switches an inherited criterion off.'),
  fix: z.string().min(1).optional().describe('The suggestion shown when the criterion is not fully met.'),
  probe: z
    .string()
    .trim()
    .min(1)
    .max(PROBE_MAX_CHARACTERS, {
      message: `A probe is one question an interviewer asks aloud: at most ${PROBE_MAX_CHARACTERS} characters`,
    })
    .optional()
    .describe(
      "The follow-up question an interviewer asks when the criterion is missed or partial, in the interviewer's voice.",
    ),
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
  check: z.enum(CHECK_NAMES as unknown as [CheckName, ...CheckName[]]).optional(),
})

const rubricFields = {
  $schema: z.string().optional(),
  id: idSchema.describe('Unique across all rubric files.'),
  title: z.string().min(1),
  kind: z.enum(RUBRIC_KINDS),
  extends: idSchema.optional().describe('Id of the rubric whose criteria and bands this one inherits.'),
  draft: z
    .boolean()
    .optional()
    .describe(
      'true keeps the rubric out of Practice and the prompt lists while it is written; it is still listed on Rubrics and can be tried out.',
    ),
  summary: z.string().min(1),
  prompts: z
    .array(promptSchema)
    .max(RUBRIC_LIMITS.prompts, {
      message: `A rubric may have at most ${RUBRIC_LIMITS.prompts} prompts; split it into several rubrics`,
    })
    .default([]),
  bands: z
    .array(bandSchema)
    .min(1)
    .optional()
    .describe('Score bands, highest first; one must start at 0. Inherited when omitted.'),
  examples: z
    .array(exampleSchema)
    .max(RUBRIC_LIMITS.examples, {
      message: `A rubric may have at most ${RUBRIC_LIMITS.examples} examples; keep the ones that show something new`,
    })
    .default([]),
}

export const rubricFileSchema = z.strictObject({
  ...rubricFields,
  criteria: z
    .array(criterionEntrySchema)
    .max(RUBRIC_LIMITS.criteria, {
      message: `A rubric may have at most ${RUBRIC_LIMITS.criteria} criteria; a candidate cannot act on more`,
    })
    .default([]),
})

export type RubricFile = z.infer<typeof rubricFileSchema>

/** The common keys of a criterion, all optional: what an override may change besides a kind's options. */
const overrideBase = {
  id: criterionBase.id,
  label: criterionBase.label,
  weight: criterionBase.weight.optional(),
  fix: criterionBase.fix,
  probe: criterionBase.probe,
  description: criterionBase.description,
}

function optionShape(name: CheckName): Record<string, z.ZodType> {
  return (CHECKS[name].options as unknown as z.ZodObject).shape as Record<string, z.ZodType>
}

/** A kind's options, each optional: an override gives only the ones it changes. */
function optionalOptions(name: CheckName): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(optionShape(name)).map(([k, v]) => [k, v.optional()]))
}

/** The check kinds that have an option called `key`. */
export function checksWithOption(key: string): CheckName[] {
  return CHECK_NAMES.filter((n) => Object.hasOwn(optionShape(n), key))
}

/** A criterion every rubric inherits (from the base rubric, star-core): its id and its check kind. */
export interface InheritedCriterion {
  id: string
  check: string
}

/**
 * The schema editors see. A criterion is one of: a criterion of one check kind, naming its `check` (a new one,
 * or an override of an inherited one restating its kind), whose keys are the common keys and that kind's
 * options; an override of a criterion every rubric inherits (`inherited`: the base rubric's), named by its id,
 * whose keys are the common keys and its own kind's options; or an override of another inherited criterion
 * without `check`, whose keys are the common keys and the options of any kind. (Which kind such an override
 * inherits is only known once `extends` is resolved, so that last branch cannot be narrower; `rubrics check`
 * reports keys the inherited kind does not have. Options are optional in every branch, as an override gives only
 * those it changes, so a new criterion missing a required option is also left to the check.)
 */
export function rubricJsonSchema(inherited: readonly InheritedCriterion[]): Record<string, unknown> {
  // An override may add to the inherited groups instead of replacing them: a new group, or phrases for the
  // inherited group of the same label.
  const groupShape = optionShape('keywords').groups as z.ZodArray
  const addGroups = z
    .array(
      z.union([
        z
          .strictObject({
            label: z.string().min(1),
            'any+': z
              .array(z.string().min(1))
              .min(1)
              .describe('Phrases added to the inherited group of this label.'),
          })
          .describe('Phrases added to an inherited group, named by its label.'),
        groupShape.element as z.ZodType,
      ]),
    )
    .min(1)
    .optional()
    .describe(
      'Groups added to the inherited ones (an override only; `groups` replaces them). A group with `any+` adds phrases to the inherited group of its label.',
    )
  const known = inherited.filter((c): c is { id: string; check: CheckName } =>
    (CHECK_NAMES as readonly string[]).includes(c.check),
  )
  // The other branches take any id but these: a criterion every rubric inherits keeps its own kind's keys.
  const otherId =
    known.length === 0
      ? overrideBase.id
      : z
          .string()
          .regex(new RegExp(`^(?!(?:${known.map((c) => c.id).join('|')})$)${KEBAB.source.slice(1)}`))
          .describe(criterionBase.id.description ?? '')
  const extra = (name: CheckName) => (name === 'keywords' ? { 'groups+': addGroups } : {})
  const perKind = CHECK_NAMES.map((name) =>
    z
      .strictObject({
        ...overrideBase,
        id: otherId,
        check: z.literal(name).describe(CHECKS[name].summary),
        ...optionalOptions(name),
        ...extra(name),
      })
      .describe(`A ${name} criterion: ${CHECKS[name].summary}`),
  )
  const perInherited = known.map((c) =>
    z
      .strictObject({
        ...overrideBase,
        id: z.literal(c.id),
        check: z.literal(c.check).optional().describe(CHECKS[c.check].summary),
        ...optionalOptions(c.check),
        ...extra(c.check),
      })
      .describe(`Override of the inherited '${c.id}' criterion, a ${c.check} check: its keys to change.`),
  )
  const anyOption: Record<string, z.ZodType> = {}
  for (const name of CHECK_NAMES) {
    for (const [key, schema] of Object.entries(optionalOptions(name))) {
      const prior = anyOption[key]
      anyOption[key] = prior === undefined ? schema : z.union([prior, schema])
    }
  }
  const override = z
    .strictObject({ ...anyOption, ...overrideBase, id: otherId, 'groups+': addGroups })
    .describe(
      "Override of an inherited criterion: its id and the keys to change (the inherited kind's options).",
    )
  const editorSchema = z.strictObject({
    ...rubricFields,
    criteria: z.array(z.union([...perKind, ...perInherited, override])).default([]),
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

export function labelFromId(id: string): string {
  const words = id.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
