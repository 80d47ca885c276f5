// List merging in an override of an inherited criterion: `groups+` adds keyword groups to the inherited ones,
// and `any+` in one of them adds phrases to the inherited group of that label. (A plain `groups` replaces.)

import { z } from 'zod'
import { CHECKS } from './checks/index'
import { capital } from './parse-place'
import type { ErrorAt } from './rubric-error-at'
import { closest, didYouMean } from './rubric-messages'
import type { PhraseList } from './rubric-phrases'
import type { Criterion, RubricError } from './types'

export const ADD_GROUPS = 'groups+'
const ADD_PHRASES = 'any+'

type Group = { label: string; any?: string[]; concepts?: string[] }

/** A new group, as a keywords criterion's `groups` takes it. */
const groupSchema = ((CHECKS.keywords.options as unknown as z.ZodObject).shape.groups as z.ZodArray)
  .element as z.ZodType

const addPhrasesSchema = z.strictObject({
  label: z.string().min(1).describe('The label of the inherited group to add phrases to.'),
  [ADD_PHRASES]: z.array(z.string().min(1)).min(1).describe('Phrases added to the inherited group.'),
})

/** The inherited group a label names: the same label, else the same ignoring case. */
function findGroup(groups: readonly Group[], label: string): number {
  const exact = groups.findIndex((g) => g.label === label)
  return exact >= 0 ? exact : groups.findIndex((g) => g.label.toLowerCase() === label.toLowerCase())
}

export interface MergedGroups {
  /** The override with `groups+` turned into the whole `groups` list; absent when there are errors. */
  entry?: Record<string, unknown>
  /** The phrases the file adds, placed where the file writes them, for the phrase lints. */
  phrases: PhraseList[]
  errors: RubricError[]
}

/**
 * Applies `groups+` of the override at `criteria[i]` to the inherited criterion `base`. Every mistake is
 * said at the place the file makes it, in the words the rest of the file's messages use.
 */
export function mergeGroups(
  entry: Record<string, unknown> & { id: string },
  base: Criterion,
  parentId: string,
  i: number,
  at: ErrorAt,
): MergedGroups {
  const path = ['criteria', i, ADD_GROUPS]
  const where = capital(at.place(['criteria', i]))
  const fail = (message: string): MergedGroups => ({
    phrases: [],
    errors: [at.error(['criteria', i], 'invalid-value', message, ADD_GROUPS)],
  })
  const inherited = base.options.groups as Group[] | undefined
  if (inherited === undefined) {
    return fail(
      `${where}: '${ADD_GROUPS}' adds keyword groups, and '${entry.id}' is inherited from '${parentId}' as a '${base.check}' check, which has no groups`,
    )
  }
  if ('groups' in entry) {
    return fail(
      `${where}: give 'groups' (replaces the inherited groups) or '${ADD_GROUPS}' (adds to them), not both`,
    )
  }
  const add = entry[ADD_GROUPS]
  if (!Array.isArray(add) || add.length === 0) {
    return fail(`${where}: '${ADD_GROUPS}' must be a list of groups to add`)
  }
  const groups: Group[] = inherited.map((g) => ({ ...g }))
  const labels = inherited.map((g) => g.label)
  const phrases: PhraseList[] = []
  const errors: RubricError[] = []
  add.forEach((item: unknown, j) => {
    const here = [...path, j]
    const place = capital(at.place(here))
    if (item !== null && typeof item === 'object' && ADD_PHRASES in item) {
      const parsed = addPhrasesSchema.safeParse(item)
      if (!parsed.success) {
        errors.push(...at.issues(parsed.error.issues, here, addPhrasesSchema))
        return
      }
      const { label } = parsed.data
      const added = parsed.data[ADD_PHRASES]
      const k = findGroup(groups.slice(0, inherited.length), label)
      if (k < 0) {
        errors.push(
          at.error(
            [...here, 'label'],
            'unknown-id',
            `${place}: '${entry.id}' inherits no group '${label}' to add phrases to${didYouMean(label, labels)}; its groups are ${labels.map((l) => `'${l}'`).join(', ')}`,
          ),
        )
        return
      }
      const group = groups[k]!
      group.any = [...new Set([...(group.any ?? []), ...added])]
      phrases.push({ group: here, list: [...here, ADD_PHRASES], phrases: added, total: group.any.length })
      return
    }
    const parsed = groupSchema.safeParse(item)
    if (!parsed.success) {
      errors.push(...at.issues(parsed.error.issues, here, groupSchema))
      return
    }
    const group = parsed.data as Group
    if (findGroup(groups, group.label) >= 0) {
      const meant = closest(group.label, labels) ?? group.label
      errors.push(
        at.error(
          [...here, 'label'],
          'duplicate-id',
          `${place}: '${entry.id}' already has a group '${meant}'; add phrases to it with '${ADD_PHRASES}', or replace every group with 'groups'`,
        ),
      )
      return
    }
    groups.push(group)
    const any = group.any ?? []
    phrases.push({ group: here, list: [...here, 'any'], phrases: any, total: any.length })
  })
  if (errors.length > 0) return { phrases: [], errors }
  const { [ADD_GROUPS]: _, ...rest } = entry
  return { entry: { ...rest, groups }, phrases, errors }
}
