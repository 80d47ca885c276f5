// What changed between two reports of the same answer: total and per-criterion points, for re-scoring.

import type { CriterionStatus, ScoreReport } from '../engine/index'

export interface CriterionDifference {
  criterionId: string
  label: string
  before: number | null
  after: number | null
  change: number
  statusBefore: CriterionStatus | null
  statusAfter: CriterionStatus | null
}

/** Criteria of the new report in its order, then criteria the new rubric no longer has. */
export function criterionDifferences(before: ScoreReport, after: ScoreReport): CriterionDifference[] {
  const old = new Map(before.criteria.map((c) => [c.id, c]))
  const rows: CriterionDifference[] = after.criteria.map((c) => {
    const o = old.get(c.id)
    return {
      criterionId: c.id,
      label: c.label,
      before: o?.score ?? null,
      after: c.score,
      // Points carry two decimals; round so 0.1 + 0.2 style noise does not show.
      change: Math.round((c.score - (o?.score ?? 0)) * 100) / 100,
      statusBefore: o?.status ?? null,
      statusAfter: c.status,
    }
  })
  const now = new Set(after.criteria.map((c) => c.id))
  for (const o of before.criteria) {
    if (now.has(o.id)) continue
    rows.push({
      criterionId: o.id,
      label: o.label,
      before: o.score,
      after: null,
      change: Math.round(-o.score * 100) / 100,
      statusBefore: o.status,
      statusAfter: null,
    })
  }
  return rows
}
