// One rubric's file data → a compiled rubric: criteria merged over the parent's, each validated against its
// kind's options schema and compiled, example ids checked, and the content hashed.

import type { CheckKind, CompileLibrary } from './checks/check'
import { CHECK_NAMES, CHECKS, type CheckName } from './checks/index'
import { hashString, stableStringify } from './hash'
import { CONCEPTS } from './lexicon/concepts'
import { capital } from './parse-place'
import type { ErrorAt } from './rubric-error-at'
import { ADD_GROUPS, mergeGroups } from './rubric-merge'
import { closest, didYouMean, show } from './rubric-messages'
import { ownPhraseLists, type PhraseList, phraseLints } from './rubric-phrases'
import { criterionSchemas, labelFromId, type RubricFile } from './schema'
import type { Band, Criterion, Example, Prompt, Rubric, RubricError } from './types'

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
  if (c.probe !== undefined) flat.probe = c.probe
  if (c.description !== undefined) flat.description = c.description
  return flat
}

/** A validated criterion, compiled by its kind: this is where every check kind's `compile` runs. */
function toCriterion(flat: Record<string, unknown>): Criterion {
  const { id, label, check, weight, fix, probe, description, ...options } = flat
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
  if (probe !== undefined) c.probe = probe as string
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
  const warnings: RubricError[] = []
  const inherited = new Map<string, Criterion>()
  for (const c of parent?.criteria ?? []) inherited.set(c.id, c)
  const order: string[] = (parent?.criteria ?? []).map((c) => c.id)
  const merged = new Map<string, Criterion>(inherited)
  // Criteria this file defines or changes that have errors of their own: nothing else is said about them.
  const invalid = new Set<string>()
  const where = (i: number): string => capital(at.place(['criteria', i]))

  data.criteria.forEach((entry, i) => {
    const base = inherited.get(entry.id)
    let flat: Record<string, unknown>
    // What the file says of the criterion, with any list it adds to merged into the inherited one.
    let written: Record<string, unknown> & { id: string } = entry
    let added: PhraseList[] | undefined
    if (base !== undefined) {
      if (entry.check !== undefined && entry.check !== base.check) {
        errors.push(
          at.error(
            ['criteria', i, 'check'],
            'check-mismatch',
            `${where(i)}: '${entry.id}' is inherited from '${parent!.id}' as a '${base.check}' check; it cannot change kind`,
          ),
        )
        invalid.add(entry.id)
        return
      }
      if (ADD_GROUPS in entry) {
        const m = mergeGroups(entry, base, parent!.id, i, at)
        if (m.entry === undefined) {
          errors.push(...m.errors)
          invalid.add(entry.id)
          return
        }
        written = m.entry as typeof written
        added = m.phrases
      }
      flat = { ...flatten(base), ...written }
    } else {
      if (entry.check === undefined) {
        const meant = closest(entry.id, inherited.keys())
        errors.push(
          at.error(
            ['criteria', i],
            'missing-key',
            parent === undefined
              ? `${where(i)}: missing the required 'check' key (one of: ${CHECK_NAMES.join(', ')})`
              : meant !== undefined
                ? `${where(i)}: '${entry.id}' is not a criterion of '${parent.id}' to override (did you mean '${meant}'?); a new criterion needs a 'check' key`
                : `${where(i)}: missing the required 'check' key: '${entry.id}' is not a criterion of '${parent.id}' to override`,
          ),
        )
        invalid.add(entry.id)
        return
      }
      if (ADD_GROUPS in entry) {
        errors.push(
          at.error(
            ['criteria', i],
            'invalid-value',
            `${where(i)}: '${ADD_GROUPS}' adds groups to an inherited criterion, and '${entry.id}' is new${parent === undefined ? '' : ` (not a criterion of '${parent.id}')`}; list its groups under 'groups'`,
            ADD_GROUPS,
          ),
        )
        invalid.add(entry.id)
        return
      }
      flat = { ...entry }
      order.push(entry.id)
    }
    const schema = criterionSchemas[flat.check as CheckName]
    const own = new Set(Object.keys(written))
    const note = (key: string): string | undefined =>
      base !== undefined && !own.has(key) && key in flat
        ? `${key}: ${show(flat[key])}, inherited from ${parent!.id}`
        : undefined
    const parsed = schema.safeParse(flat)
    if (!parsed.success) {
      errors.push(...at.issues(parsed.error.issues, ['criteria', i], schema, note))
      invalid.add(entry.id)
      return
    }
    if (added !== undefined) warnings.push(...phraseLints(added, at, errors))
    else if (own.has('groups'))
      warnings.push(...phraseLints(ownPhraseLists(parsed.data as Record<string, unknown>, i), at, errors))
    merged.set(entry.id, toCriterion(parsed.data as Record<string, unknown>))
  })

  const ownBands = data.bands !== undefined
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
  if (ownBands) {
    const byMin = new Map<number, number>()
    data.bands!.forEach((b, i) => {
      const first = byMin.get(b.min)
      if (first === undefined) byMin.set(b.min, i)
      else {
        errors.push(
          at.error(
            ['bands', i, 'min'],
            'band-same-min',
            `${capital(at.place(['bands', i]))} starts at min: ${b.min}, as ${at.place(['bands', first])} does, so one of them can never be reached; give each band its own min`,
          ),
        )
      }
    })
  }

  const all = order.map((id) => merged.get(id)!).filter((c) => c !== undefined)
  const criteria = all.filter((c) => c.weight > 0)
  const switchedOff = new Map(all.filter((c) => c.weight === 0).map((c) => [c.id, c]))
  if (criteria.length === 0 && invalid.size === 0) {
    errors.push(
      at.error(['criteria'], 'invalid-value', 'A rubric needs at least one criterion with a weight above 0'),
    )
  }
  // With no criterion in force, every expectation about one would follow from that one mistake.
  const noCriteria = criteria.length === 0

  const criterionIds = new Set(criteria.map((c) => c.id))
  const bandIds = new Set((bands ?? []).map((b) => b.id))
  const promptIds = new Set(data.prompts.map((p) => p.id))
  // One message per criterion switched off: at the first expectation naming it.
  const offReported = new Set<string>()
  data.examples.forEach((ex, i) => {
    const place = capital(at.place(['examples', i]))
    if (ex.prompt !== undefined && !promptIds.has(ex.prompt)) {
      errors.push(
        at.error(
          ['examples', i, 'prompt'],
          'unknown-id',
          `${place}: unknown prompt '${ex.prompt}' in this rubric${didYouMean(ex.prompt, promptIds)}`,
        ),
      )
    }
    const band = ex.expect.band
    if (band !== undefined && bands !== undefined && !bandIds.has(band)) {
      const byLabel = bands.find((b) => b.label.toLowerCase() === band.toLowerCase())
      errors.push(
        at.error(
          ['examples', i, 'expect', 'band'],
          'unknown-id',
          byLabel !== undefined
            ? `${place}: use the band id '${byLabel.id}' (shown as '${byLabel.label}')`
            : `${place}: unknown band '${band}'${didYouMean(band, bandIds)}; bands are ${[...bandIds].join(', ')}`,
        ),
      )
    }
    const range = ex.expect.score
    if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
      errors.push(
        at.error(
          ['examples', i, 'expect', 'score'],
          'score-range-reversed',
          `${place}: the score range is reversed (min: ${range.min} is above max: ${range.max}), so no score can meet it; swap them`,
        ),
      )
    }
    if (noCriteria) return
    for (const key of ['met', 'partial', 'missed'] as const) {
      ;(ex.expect[key] ?? []).forEach((id, j) => {
        if (criterionIds.has(id) || invalid.has(id)) return
        const path = ['examples', i, 'expect', key, j]
        const off = switchedOff.get(id)
        if (off !== undefined) {
          if (offReported.has(id)) return
          offReported.add(id)
          const by = data.criteria.some((c) => c.id === id) ? 'here' : `in ${parent?.id ?? 'this rubric'}`
          errors.push(
            at.error(
              path,
              'unknown-id',
              `${place}: criterion '${id}' is switched off with weight 0 ${by}, so no example can expect it; remove it from the expectations or give it a weight`,
            ),
          )
          return
        }
        const byLabel = all.find((c) => c.label.toLowerCase() === id.toLowerCase())
        errors.push(
          at.error(
            path,
            'unknown-id',
            byLabel !== undefined
              ? `${place}: use the criterion id '${byLabel.id}' (shown as '${byLabel.label}')`
              : `${place}: unknown criterion '${id}'${didYouMean(id, criterionIds)}; criteria are ${[...criterionIds].join(', ')}`,
          ),
        )
      })
    }
  })

  if (errors.length > 0 || bands === undefined) return { errors: [...errors, ...warnings] }

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
  // Not hashed: a draft scores as it will once it is published.
  if (data.draft === true) rubric.draft = true
  return { rubric, errors: warnings }
}
