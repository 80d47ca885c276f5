// Which area a candidate should practise next, and how far each area is covered: rubrics joined with SQL aggregates.

import type { NextPrompt } from '../contract/progress'
import type { AreaPractice } from '../db/index'
import type { AreaKind, Rubric } from '../engine/index'
import { AREA_KINDS, isAreaKind, STARTING_AREAS } from '../engine/kinds'
import type { RegisteredPrompt } from './rubric-registry'

function isArea(rubric: Rubric): rubric is Rubric & { kind: AreaKind } {
  return isAreaKind(rubric.kind)
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const kindOrder = (kind: AreaKind) => AREA_KINDS.indexOf(kind)

/** The starting areas in their listed order, then every other area by kind, then id. */
function startingOrder(a: Rubric & { kind: AreaKind }, b: Rubric & { kind: AreaKind }): number {
  const rank = (area: Rubric) => {
    const i = STARTING_AREAS.indexOf(area.id)
    return i === -1 ? STARTING_AREAS.length : i
  }
  return rank(a) - rank(b) || kindOrder(a.kind) - kindOrder(b.kind) || byId(a, b)
}

export interface NextPromptChoice {
  entry: RegisteredPrompt
  area: (Rubric & { kind: AreaKind }) | null
  reason: NextPrompt['reason']
  attempts: number
  recentAverage: number | null
}

/**
 * Deterministic: the first area with no attempts, in the order a new candidate should start (`STARTING_AREAS`,
 * the Leadership Principles most asked in interviews, then the other areas: principles, competencies, themes,
 * each by id); otherwise the area with the lowest recent average under its own rubric (ties by id). Within the
 * area, the prompt with the fewest attempts (ties by id). Only areas that some prompt trains can be chosen.
 * Without any area, the least practised prompt.
 */
export function choosePromptToPractise(
  rubrics: readonly Rubric[],
  prompts: readonly RegisteredPrompt[],
  practice: ReadonlyMap<string, AreaPractice>,
  attemptsByPrompt: ReadonlyMap<string, number>,
): NextPromptChoice | undefined {
  const leastPractised = (candidates: readonly RegisteredPrompt[]) =>
    [...candidates].sort(
      (a, b) =>
        (attemptsByPrompt.get(a.prompt.id) ?? 0) - (attemptsByPrompt.get(b.prompt.id) ?? 0) ||
        byId(a.prompt, b.prompt),
    )[0]

  const areas = rubrics
    .filter(isArea)
    .map((area) => ({ area, prompts: prompts.filter((p) => p.prompt.tags.includes(area.id)) }))
    .filter((a) => a.prompts.length > 0)
    .sort((a, b) => byId(a.area, b.area))

  const unpractised = areas
    .filter((a) => !practice.has(a.area.id))
    .sort((a, b) => startingOrder(a.area, b.area))[0]
  if (unpractised !== undefined) {
    return {
      entry: leastPractised(unpractised.prompts)!,
      area: unpractised.area,
      reason: 'unpractised',
      attempts: 0,
      recentAverage: null,
    }
  }
  const weakest = [...areas].sort(
    (a, b) =>
      practice.get(a.area.id)!.recentAverage - practice.get(b.area.id)!.recentAverage || byId(a.area, b.area),
  )[0]
  if (weakest !== undefined) {
    const p = practice.get(weakest.area.id)!
    return {
      entry: leastPractised(weakest.prompts)!,
      area: weakest.area,
      reason: 'lowest-recent-average',
      attempts: p.attempts,
      recentAverage: p.recentAverage,
    }
  }
  const any = leastPractised(prompts)
  if (any === undefined) return undefined
  return {
    entry: any,
    area: null,
    reason: 'least-practised-prompt',
    attempts: attemptsByPrompt.get(any.prompt.id) ?? 0,
    recentAverage: null,
  }
}

export interface AreaCoverage {
  area: Rubric & { kind: AreaKind }
  /** How the area was practised, judged by its own rubric; undefined when it never was. */
  practice: AreaPractice | undefined
}

/** Every area in service (principles, then competencies, then themes, each by id) with how it was practised. */
export function coverageOfAreas(
  rubrics: readonly Rubric[],
  practice: ReadonlyMap<string, AreaPractice>,
): AreaCoverage[] {
  return rubrics
    .filter(isArea)
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || byId(a, b))
    .map((area) => ({ area, practice: practice.get(area.id) }))
}

/**
 * For each criterion in service, a prompt that trains it: the first prompt of the rubric that defines the
 * criterion (has it, while no rubric it extends does); when that rubric has no prompts, the first prompt of
 * the first rubric (by id) that has the criterion. Deterministic for a given set of rubrics.
 */
export function promptsForCriteria(rubrics: readonly Rubric[]): Map<string, string> {
  const byId = new Map(rubrics.map((r) => [r.id, r]))
  const has = (r: Rubric | undefined, criterionId: string) => r?.criteria.some((c) => c.id === criterionId)
  const defining = new Map<string, string>()
  const fallback = new Map<string, string>()
  for (const rubric of rubrics) {
    const first = rubric.prompts[0]?.id
    for (const c of rubric.criteria) {
      if (first !== undefined && !fallback.has(c.id)) fallback.set(c.id, first)
      const inherited = rubric.extends.some((parent) => has(byId.get(parent), c.id))
      if (!inherited && first !== undefined && !defining.has(c.id)) defining.set(c.id, first)
    }
  }
  for (const [criterionId, promptId] of fallback)
    if (!defining.has(criterionId)) defining.set(criterionId, promptId)
  return defining
}
