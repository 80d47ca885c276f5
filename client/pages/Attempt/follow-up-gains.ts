// What each follow-up of an attempt added: the report it replaced, kept in the attempt's history, against the
// report it made.

import type { HistoryEntry } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import { type ReportDifference, reportDifference } from '../../../engine/difference'
import type { ScoreReport } from '../../../engine/types'

/**
 * What each follow-up added, by probe id. A follow-up replaced the report in the history whose replacedAt is its
 * createdAt, and made the report that came next: the next one in the history (a later follow-up or a re-score
 * replaced it), or the current report. Follow-ups given together (a loop answer's probe round) replaced one report
 * between them: their gain is given once, on the last of them. A follow-up whose report the history no longer
 * holds (it keeps the latest 20) has no gain.
 */
export function followUpGains(
  followUps: readonly Pick<FollowUp, 'probeId' | 'createdAt'>[],
  history: readonly Pick<HistoryEntry, 'replacedAt' | 'report'>[],
  current: ScoreReport,
): Map<string, ReportDifference> {
  const gains = new Map<string, ReportDifference>()
  const made = (j: number) => history[j + 1]?.report ?? current
  for (const at of new Set(followUps.map((f) => f.createdAt))) {
    const given = followUps.filter((f) => f.createdAt === at)
    const replaced = history.flatMap((h, j) => (h.replacedAt === at ? [j] : []))
    // One report replaced per follow-up, in the order both were stored; or one for the whole round.
    const pairs =
      replaced.length === given.length
        ? given.map((f, k) => [f, replaced[k]!] as const)
        : replaced.length === 1
          ? [[given[given.length - 1]!, replaced[0]!] as const]
          : []
    for (const [f, j] of pairs) gains.set(f.probeId, reportDifference(history[j]!.report, made(j)))
  }
  return gains
}
