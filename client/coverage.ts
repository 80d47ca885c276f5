// Pure helpers for Trends: the story coverage grid, the weakest criteria, and which prompt trains a criterion.

import type { Coverage, CoverageArea, Trends } from '../contract/progress'
import { AREA_KINDS, type AreaKind } from '../engine/kinds'
import type { Rubric } from '../engine/types'

/** The sixteen Amazon Leadership Principles, so the grid shows every one even before a rubric exists for it. */
const LEADERSHIP_PRINCIPLES: readonly [string, string][] = [
  ['customer-obsession', 'Customer Obsession'],
  ['ownership', 'Ownership'],
  ['invent-and-simplify', 'Invent and Simplify'],
  ['are-right-a-lot', 'Are Right, A Lot'],
  ['learn-and-be-curious', 'Learn and Be Curious'],
  ['hire-and-develop-the-best', 'Hire and Develop the Best'],
  ['insist-on-the-highest-standards', 'Insist on the Highest Standards'],
  ['think-big', 'Think Big'],
  ['bias-for-action', 'Bias for Action'],
  ['frugality', 'Frugality'],
  ['earn-trust', 'Earn Trust'],
  ['dive-deep', 'Dive Deep'],
  ['have-backbone-disagree-and-commit', 'Have Backbone; Disagree and Commit'],
  ['deliver-results', 'Deliver Results'],
  ['strive-to-be-earths-best-employer', 'Strive to be Earth’s Best Employer'],
  ['success-and-scale-bring-broad-responsibility', 'Success and Scale Bring Broad Responsibility'],
]

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '')

/** Coverage cells by kind; the 16 principles always appear, with "no rubric yet" where none is loaded. */
export function coverageGroups(coverage: Coverage) {
  const lps = coverage.areas.filter((a) => a.kind === 'leadership-principle')
  const found = new Set(lps.flatMap((a) => [norm(a.id), norm(a.title)]))
  const missing: (CoverageArea & { noRubric: true })[] = LEADERSHIP_PRINCIPLES.filter(
    ([id, title]) => !found.has(norm(id)) && !found.has(norm(title)),
  ).map(([id, title]) => ({
    id,
    title,
    kind: 'leadership-principle',
    attempts: 0,
    best: null,
    bestAttemptId: null,
    bestBandId: null,
    bestBand: null,
    bestAttempt: null,
    status: 'none yet',
    noRubric: true,
  }))
  const order = new Map(LEADERSHIP_PRINCIPLES.map(([id], i) => [id, i]))
  const lpCells = [...lps, ...missing].sort(
    (a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99) || a.title.localeCompare(b.title),
  )
  return AREA_KINDS.map((kind): { kind: AreaKind; cells: (CoverageArea & { noRubric?: boolean })[] } => ({
    kind,
    cells: kind === 'leadership-principle' ? lpCells : coverage.areas.filter((a) => a.kind === kind),
  }))
}

/**
 * Where a cell's best score came from when the answer was to another area's prompt: "from a Deliver Results
 * answer", so a score judged by this area's rubric is not mistaken for the one that answer's own page shows.
 * Null when the best answer was to this area's own prompt, or there is none.
 */
export function bestSource(area: CoverageArea, titleOf: (rubricId: string) => string | undefined) {
  const from = area.bestAttempt
  if (from === null || from.rubricId === area.id) return null
  return `from a ${titleOf(from.rubricId) ?? from.rubricId} answer`
}

/** Criteria with the lowest recent average (last three periods), weakest first. */
export function weakestCriteria(trends: Trends, n = 3) {
  return trends.criteria
    .filter((c) => c.points.length > 0)
    .map((c) => {
      const recent = c.points.slice(-3)
      const attempts = recent.reduce((s, p) => s + p.attempts, 0)
      const avg = recent.reduce((s, p) => s + p.average * p.attempts, 0) / Math.max(1, attempts)
      return { criterionId: c.criterionId, label: c.label, average: Math.round(avg) }
    })
    .filter((c) => c.average < 100)
    .sort((a, b) => a.average - b.average || a.label.localeCompare(b.label))
    .slice(0, n)
}

/** The prompt to train a criterion: the first prompt of the rubric that defines it (not one that inherits it). */
export function promptForCriterion(criterionId: string, rubrics: readonly Rubric[]) {
  const having = rubrics.filter((r) => r.criteria.some((c) => c.id === criterionId) && r.prompts.length > 0)
  const defining =
    having.find((r) => !r.extends.some((p) => having.some((h) => h.id === p))) ?? having[0] ?? undefined
  return defining?.prompts[0]
}

/** Colour class from the best attempt's band; the number and band label are shown too, so colour is not the only signal. */
export function bandClass(band: string | null): 'strong' | 'developing' | 'weak' | 'other' {
  const b = (band ?? '').toLowerCase()
  if (/strong|excellent|outstanding/.test(b)) return 'strong'
  if (/develop|fair|good|solid/.test(b)) return 'developing'
  if (/weak|needs|poor/.test(b)) return 'weak'
  return 'other'
}
