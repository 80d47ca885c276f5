// What happened to an attempt's score since it was first scored: follow-ups answered, which add to the story,
// and re-scores with a changed rubric, which judge the same story again. The two are told apart, so the page
// never calls a follow-up a re-score.

import type { HistoryEntry } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import type { ScoreReport } from '../../../engine/types'

/** What the score history is read from: a replaced report's score, rubric version and when it was replaced. */
export type ReplacedScore = Pick<HistoryEntry, 'replacedAt' | 'score' | 'rubricHash'>

export interface ScoreHistory {
  /** Present when the history holds a report a follow-up replaced. */
  followUps?: {
    /** How many follow-ups the attempt has. */
    count: number
    /** The score of the answer alone: the report the first follow-up replaced. */
    alone: number
    /** The score with the follow-ups: the report the last of them made. */
    withFollowUps: number
    /** Whether that report is still the attempt's report (no re-score came after). */
    isCurrent: boolean
  }
  /** Present when the attempt was re-scored: how often, and its first report's score and rubric version. */
  rescores?: { count: number; firstScore: number; firstRubricHash: string }
}

/**
 * Reads the history: a report whose replacedAt is a follow-up's createdAt was replaced by that follow-up (a loop's
 * follow-ups, given together, replaced one report between them); any other was replaced by a re-score.
 */
export function scoreHistory(
  followUps: readonly Pick<FollowUp, 'createdAt'>[],
  history: readonly ReplacedScore[],
  current: Pick<ScoreReport, 'score'>,
): ScoreHistory {
  const answeredAt = new Set(followUps.map((f) => f.createdAt))
  const byFollowUp = history.flatMap((h, i) => (answeredAt.has(h.replacedAt) ? [i] : []))
  const rescored = history.length - byFollowUp.length
  const out: ScoreHistory = {}
  if (byFollowUp.length > 0) {
    const first = byFollowUp[0]!
    const made = byFollowUp[byFollowUp.length - 1]! + 1
    out.followUps = {
      count: followUps.length,
      alone: history[first]!.score,
      withFollowUps: history[made]?.score ?? current.score,
      isCurrent: made === history.length,
    }
  }
  if (rescored > 0)
    out.rescores = { count: rescored, firstScore: history[0]!.score, firstRubricHash: history[0]!.rubricHash }
  return out
}
