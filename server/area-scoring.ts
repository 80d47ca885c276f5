// An answer's score under the rubric of each area its prompt trains, from one analysis of the answer. Imports only
// the engine (and types), so the scoring worker thread can run it too.

import type { AreaCriterion, AreaScore, StorableReport } from '../db/index'
import type { CriterionResult, Rubric, ScoreReport } from '../engine/index'

/** An engine criterion result reduced to what is stored per area (and posted back from the scoring worker). */
function areaCriteria(criteria: readonly CriterionResult[] | readonly AreaCriterion[]): AreaCriterion[] {
  return criteria.map(({ id, score, max, status }) => ({ id, score, max, status }))
}

/**
 * The score and criteria of one answer under the rubric of every area in `tags`. The rubric that made `report`
 * gives the report's own score, band and criteria, so an attempt's main report and its results for its prompt's
 * area agree; every other rubric scores the same answer with `scoreUnder`, called only for those rubrics (so an
 * analysis it makes lazily is made only when some rubric needs it). A tag whose rubric is not in service has no
 * score: the answer is not judged by a rubric that cannot be read.
 */
export function areaScoresOf(
  scoreUnder: (rubric: Rubric) => Pick<ScoreReport, 'score' | 'band' | 'criteria'>,
  report: Pick<ScoreReport, 'rubricId' | 'score' | 'band'> & {
    criteria: readonly CriterionResult[] | readonly AreaCriterion[]
  },
  tags: readonly string[],
  rubricFor: (id: string) => Rubric | undefined,
): AreaScore[] {
  const scores: AreaScore[] = []
  for (const tag of new Set(tags)) {
    if (tag === report.rubricId) {
      const { score, band } = report
      scores.push({ rubricId: tag, score, band, criteria: areaCriteria(report.criteria) })
      continue
    }
    const rubric = rubricFor(tag)
    if (rubric === undefined) continue
    const { score, band, criteria } = scoreUnder(rubric)
    scores.push({ rubricId: tag, score, band, criteria: areaCriteria(criteria) })
  }
  return scores
}

/**
 * The parts of a report the database indexes (its rubric, score, band and criteria), without the sentences, notes
 * and suggestions: what the scoring worker posts beside the report's JSON, so storing it needs no parse of that JSON.
 */
export function storableReport(report: ScoreReport): StorableReport {
  const { rubricId, rubricHash, engineVersion, score, band } = report
  return {
    rubricId,
    rubricHash,
    engineVersion,
    score,
    band: { id: band.id, label: band.label },
    criteria: areaCriteria(report.criteria),
  }
}
