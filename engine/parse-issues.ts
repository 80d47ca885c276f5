// A failed zod parse of a rubric file (or part of one) → errors in words, at their line and column.

import type { z } from 'zod'
import {
  capital,
  error,
  hasKey,
  MAX_ERRORS_PER_FILE,
  type PathKey,
  placeOf,
  type ReadFile,
  valueAt,
} from './parse-place'
import { closest, didYouMean, keysAt, placeName, problemOf, show } from './rubric-messages'
import { checksWithOption, rubricFileSchema } from './schema'
import type { RubricError } from './types'

export /** A note on a value the file does not set itself, e.g. "min: 2, inherited from earn-trust". */
type InheritedNote = (key: string) => string | undefined

/**
 * The errors of a failed zod parse of the value at `prefix`, parsed with `schema`: items named and counted
 * from 1, "did you mean" over the keys valid at each place, one message for a misspelt required key.
 */
/** The lists a keyword group takes its phrases from. */
const GROUP_LISTS = ['any', 'concepts']

export function issuesToErrors(
  read: ReadFile,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathKey[] = [],
  schema: z.ZodType = rubricFileSchema,
  inherited?: InheritedNote,
): RubricError[] {
  // A required key missing next to an unknown key that is its misspelling is one mistake: the unknown key says it.
  const missing = new Map<string, Set<string>>()
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])]
    if (issue.code === 'invalid_type' && !hasKey(read, path) && path.length > 0) {
      const at = path.slice(0, -1).join('.')
      const set = missing.get(at) ?? new Set<string>()
      set.add(String(path[path.length - 1]))
      missing.set(at, set)
    }
  }
  const explained = new Set<string>()
  // Keyword groups whose phrases are under a misspelt key (or `any+` out of place): "a group needs phrases"
  // would follow from that one mistake.
  const phrasesMisplaced = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue
    const at = [...prefix, ...(issue.path as PathKey[])].join('.')
    for (const k of issue.keys) {
      const meant = closest(k, missing.get(at) ?? [])
      if (meant !== undefined) explained.add(at === '' ? meant : `${at}.${meant}`)
      if (k === 'any+' || closest(k, GROUP_LISTS) !== undefined) phrasesMisplaced.add(at)
    }
  }
  const out: RubricError[] = []
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])]
    if (issue.code === 'invalid_type' && explained.has(path.join('.')) && !hasKey(read, path)) continue
    if (issue.code === 'custom' && phrasesMisplaced.has(path.join('.'))) continue
    out.push(...issueToError(read, issue, prefix, schema, inherited))
  }
  return out
}

function issueToError(
  read: ReadFile,
  issue: z.core.$ZodIssue,
  prefix: readonly PathKey[],
  schema: z.ZodType,
  inherited?: InheritedNote,
): RubricError[] {
  const path = [...prefix, ...(issue.path as PathKey[])]
  if (issue.code === 'unrecognized_keys') {
    const valid = keysAt(schema, issue.path as PathKey[])
    const check = valueAt(read, [...path, 'check'])
    const isCriterion = path.length === 2 && path[0] === 'criteria'
    // Listed up to a limit: each lookup of a key's place scans its mapping.
    const listed = issue.keys.slice(0, MAX_ERRORS_PER_FILE).map((k) => {
      let hint =
        k === 'any+'
          ? " ('any+' adds phrases to an inherited group; it goes in a group under 'groups+')"
          : didYouMean(k, valid)
      if (hint === '' && isCriterion) {
        const owners = checksWithOption(k)
        if (owners.length > 0) {
          const here = typeof check === 'string' ? `, not of ${check} checks` : ''
          hint = ` ('${k}' is an option of ${owners.join(', ')} checks${here})`
        }
      }
      return error(
        read,
        path,
        'unknown-key',
        `${placeOf(read, path)}${path.length === 0 ? 'Unknown' : 'unknown'} key '${k}'${hint}; remove it or fix its spelling`,
        k,
      )
    })
    const more = issue.keys.length - listed.length
    if (more === 0) return listed
    return [...listed, error(read, path, 'too-many-errors', `${more} more unknown keys here are not listed`)]
  }
  if (issue.code === 'invalid_type' && !hasKey(read, path)) {
    const key = String(path[path.length - 1])
    const at = path.slice(0, -1)
    const place = placeOf(read, at)
    return [
      error(
        read,
        at,
        'missing-key',
        `${place}${place === '' ? 'Missing' : 'missing'} the required '${key}' key`,
      ),
    ]
  }
  const value = valueAt(read, path)
  const { phrase, custom } = problemOf(issue, value)
  if (issue.code === 'too_big' && custom) return [error(read, path, 'size-limit', phrase, undefined)]
  const last = path[path.length - 1]
  const keyed = typeof last === 'string'
  const container = keyed ? path.slice(0, -1) : path
  const place = container.length === 0 ? '' : capital(placeName(container, (p) => valueAt(read, p)))
  const note = keyed && inherited !== undefined ? inherited(last) : undefined
  let message: string
  if (!keyed) message = custom ? `${place}: ${phrase}` : `${place} ${phrase}`
  else if (custom) {
    const scalar = value !== null && typeof value !== 'object' && value !== undefined
    message = `${place === '' ? '' : `${place}, `}'${last}'${scalar ? ` (${show(value)})` : ''}: ${phrase}`
  } else message = `${place === '' ? '' : `${place}: `}'${last}' ${phrase}`
  if (note !== undefined) message += ` (${note})`
  return [error(read, path, 'invalid-value', message)]
}
