// One rubric's file data → a compiled rubric: criteria merged over the parent's, each validated against its
// kind's options schema and compiled, example ids checked, and the content hashed.

import type { z } from 'zod'
import type { CheckKind, CompileLibrary } from './checks/check'
import { CHECKS, type CheckName } from './checks/index'
import { hashString, stableStringify } from './hash'
import { CONCEPTS } from './lexicon/concepts'
import { criterionSchemas, labelFromId, type RubricFile } from './schema'
import type { Band, Criterion, Example, Prompt, Rubric, RubricError } from './types'

/** Turns findings at key paths of the rubric's file into errors with their line and column. */
export interface ErrorAt {
  error(path: readonly (string | number)[], ruleId: string, message: string): RubricError
  /** The errors of a failed zod parse of the value at `prefix`. */
  issues(issues: readonly z.core.$ZodIssue[], prefix: readonly (string | number)[]): RubricError[]
}

const LIBRARY: CompileLibrary = { concepts: CONCEPTS }

function flatten(c: Criterion): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    ...c.options,
    id: c.id,
    label: c.label,
    check: c.check,
    weight: c.weight,
  }
  if (c.fix !== undefined) flat.fix = c.fix
  if (c.description !== undefined) flat.description = c.description
  return flat
}

/** A validated criterion, compiled by its kind: this is where every check kind's `compile` runs. */
function toCriterion(flat: Record<string, unknown>): Criterion {
  const { id, label, check, weight, fix, description, ...options } = flat
  const kind = CHECKS[check as CheckName] as CheckKind
  const c: Criterion = {
    id: id as string,
    label: (label as string | undefined) ?? labelFromId(id as string),
    check: check as string,
    weight: weight as number,
    options,
    compiled: kind.compile(options, LIBRARY),
  }
  if (fix !== undefined) c.fix = fix as string
  if (description !== undefined) c.description = description as string
  return c
}

/** Compiles one rubric's validated file data over its parent (when it extends one). */
export function compileRubric(
  data: RubricFile,
  file: string,
  parent: Rubric | undefined,
  at: ErrorAt,
): { rubric?: Rubric; errors: RubricError[] } {
  const errors: RubricError[] = []
  const inherited = new Map<string, Criterion>()
  for (const c of parent?.criteria ?? []) inherited.set(c.id, c)
  const order: string[] = (parent?.criteria ?? []).map((c) => c.id)
  const merged = new Map<string, Criterion>(inherited)

  data.criteria.forEach((entry, i) => {
    const base = inherited.get(entry.id)
    let flat: Record<string, unknown>
    if (base !== undefined) {
      if (entry.check !== undefined && entry.check !== base.check) {
        errors.push(
          at.error(
            ['criteria', i, 'check'],
            'check-mismatch',
            `'${entry.id}' is inherited as a '${base.check}' check; it cannot change kind`,
          ),
        )
        return
      }
      flat = { ...flatten(base), ...entry }
    } else {
      if (entry.check === undefined) {
        errors.push(
          at.error(
            ['criteria', i],
            'missing-key',
            parent === undefined
              ? `Missing the required 'check' key for criterion '${entry.id}'`
              : `Missing the required 'check' key: '${entry.id}' is not a criterion of '${parent.id}' to override`,
          ),
        )
        return
      }
      flat = { ...entry }
      order.push(entry.id)
    }
    const schema = criterionSchemas[flat.check as CheckName]
    const parsed = schema.safeParse(flat)
    if (!parsed.success) {
      errors.push(...at.issues(parsed.error.issues, ['criteria', i]))
      return
    }
    merged.set(entry.id, toCriterion(parsed.data as Record<string, unknown>))
  })

  const bands: Band[] | undefined = data.bands ?? parent?.bands
  if (bands === undefined) {
    errors.push(
      at.error([], 'missing-key', "Missing the required 'bands' key (or extend a rubric that has bands)"),
    )
  } else if (!bands.some((b) => b.min === 0)) {
    errors.push(
      at.error(['bands'], 'invalid-value', 'One band must start at min: 0, so every score has a band'),
    )
  }

  const criteria = order.map((id) => merged.get(id)!).filter((c) => c !== undefined && c.weight > 0)
  if (criteria.length === 0 && errors.length === 0) {
    errors.push(
      at.error(['criteria'], 'invalid-value', 'A rubric needs at least one criterion with a weight above 0'),
    )
  }

  const criterionIds = new Set(criteria.map((c) => c.id))
  const bandIds = new Set((bands ?? []).map((b) => b.id))
  const promptIds = new Set(data.prompts.map((p) => p.id))
  data.examples.forEach((ex, i) => {
    if (ex.prompt !== undefined && !promptIds.has(ex.prompt)) {
      errors.push(
        at.error(['examples', i, 'prompt'], 'unknown-id', `Unknown prompt '${ex.prompt}' in this rubric`),
      )
    }
    if (ex.expect.band !== undefined && !bandIds.has(ex.expect.band)) {
      errors.push(
        at.error(
          ['examples', i, 'expect', 'band'],
          'unknown-id',
          `Unknown band '${ex.expect.band}'; bands are ${[...bandIds].join(', ')}`,
        ),
      )
    }
    for (const key of ['met', 'partial', 'missed'] as const) {
      ;(ex.expect[key] ?? []).forEach((id, j) => {
        if (!criterionIds.has(id)) {
          errors.push(
            at.error(
              ['examples', i, 'expect', key, j],
              'unknown-id',
              `Unknown criterion '${id}'; criteria are ${[...criterionIds].join(', ')}`,
            ),
          )
        }
      })
    }
  })

  if (errors.length > 0 || bands === undefined) return { errors }

  const prompts: Prompt[] = data.prompts.map((p) => ({
    id: p.id,
    text: p.text,
    tips: p.tips,
    tags: [...new Set([data.id, ...p.tags])],
  }))
  const examples: Example[] = data.examples.map((e) => {
    const ex: Example = { name: e.name, answer: e.answer, expect: e.expect }
    if (e.prompt !== undefined) ex.promptId = e.prompt
    return ex
  })
  const sortedBands = [...bands].sort((a, b) => b.min - a.min)
  const content = {
    id: data.id,
    title: data.title,
    kind: data.kind,
    summary: data.summary,
    extends: parent === undefined ? [] : [parent.id, ...parent.extends],
    prompts,
    criteria,
    bands: sortedBands,
  }
  // `compiled` follows from `options` and the engine version, so the hash leaves it out.
  const hashed = { ...content, criteria: criteria.map(({ compiled: _, ...c }) => c) }
  const rubric: Rubric = {
    ...content,
    examples,
    file,
    hash: hashString(stableStringify(hashed)),
  }
  return { rubric, errors: [] }
}
