// The difference between two reports: the total and each criterion's points and status, before and after.
// One definition for re-scoring (the server's response) and for comparing two attempts (the client).

import { round2 } from './analyze'
import type { CriterionStatus, ScoreReport } from './types'

export interface CriterionDifference {
  criterionId: string
  label: string
  /** Points before; null when the earlier report did not have the criterion. */
  before: number | null
  /** Points after; null when the later report does not have the criterion. */
  after: number | null
  /** after − before, treating a missing side as 0; two decimals. */
  change: number
  statusBefore: CriterionStatus | null
  statusAfter: CriterionStatus | null
}

export interface ReportDifference {
  /** New total minus old total. */
  score: number
  /** Whether the two reports were scored with different rubric content. */
  rubricChanged: boolean
  criteria: CriterionDifference[]
}

/**
 * Criteria of the later report in its order, then the criteria only the earlier report has. Points carry
 * two decimals, and each change is rounded to two, so 0.1 + 0.2 style noise does not show.
 */
export function criterionDifferences(before: ScoreReport, after: ScoreReport): CriterionDifference[] {
  const old = new Map(before.criteria.map((c) => [c.id, c]))
  const rows: CriterionDifference[] = after.criteria.map((c) => {
    const o = old.get(c.id)
    return {
      criterionId: c.id,
      label: c.label,
      before: o?.score ?? null,
      after: c.score,
      change: round2(c.score - (o?.score ?? 0)),
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
      change: round2(-o.score),
      statusBefore: o.status,
      statusAfter: null,
    })
  }
  return rows
}

export function reportDifference(before: ScoreReport, after: ScoreReport): ReportDifference {
  return {
    score: after.score - before.score,
    rubricChanged: after.rubricHash !== before.rubricHash,
    criteria: criterionDifferences(before, after),
  }
}
