// Re-scoring one attempt on SQLite, inside the transaction db/attempts.ts opens (replaceAttemptReport): the old
// report moves to the history, the attempt's report, criteria, tags and area scores are replaced, and the daily
// trend rollup moves by exactly the old and the new values.

import { type AreaScore, writeAreaScores } from './area-scores'
import { DAY_MS, type ReplacedReport, type ReportReplacement, type StorableReport } from './attempt-model'
import { reportValues, type WriteStatements, writeReportRows, writeTagRows } from './attempt-statements'

/** created_at / DAY_MS, truncated as SQLite divides integers, is the day trend_days keys on. */

/** The report an attempt is re-scored with. */
export interface NextReport {
  report: StorableReport
  tags: readonly string[]
  /** The new per-area scores, replacing the old ones; undefined keeps them. */
  areaScores?: readonly AreaScore[]
  scoredAt: number
}

type CurrentRow = Omit<ReplacedReport, 'id' | 'replacedAt' | 'report'> & { report: string; createdAt: number }

/** The distinct tags, sorted: how attempt_tags holds them. */
const tagSet = (tags: readonly string[]) => [...new Set(tags)].sort()

function sameTags(current: readonly string[], next: readonly string[]): boolean {
  const wanted = tagSet(next)
  return current.length === wanted.length && current.every((t, i) => t === wanted[i])
}

/**
 * The re-score's writes, inside the caller's IMMEDIATE transaction: what replaceAttemptReport (db/attempts.ts) does.
 * Undefined when there is no such attempt.
 */
export function replaceRows(
  statements: WriteStatements,
  id: number,
  next: NextReport,
): ReportReplacement | undefined {
  const current = statements.current.get(id) as CurrentRow | undefined
  if (current === undefined) return undefined
  const { createdAt, report: oldJson, ...old } = current
  const { report } = next
  const json = JSON.stringify(report)
  const previous = { ...old, replacedAt: next.scoredAt, report: JSON.parse(oldJson) as unknown }
  if (json === oldJson) {
    // Nothing to keep: the same report again would only grow the history. The prompt's tags may have changed.
    if (!sameTags(statements.currentTags.all(id) as string[], next.tags)) {
      statements.deleteTags.run(id)
      writeTagRows(statements, id, report.score, next.tags, createdAt)
    }
    // The areas' own rubrics may have changed although the prompt's did not.
    writeAreaScores(statements.areaScores, id, next.areaScores, createdAt, true)
    return { ...previous, unchanged: true }
  }
  statements.keep.run(
    id,
    old.scoredAt,
    next.scoredAt,
    old.rubricId,
    old.rubricHash,
    old.engineVersion,
    old.score,
    old.bandId,
    old.bandLabel,
    oldJson,
  )
  statements.prune.run(id)
  // The old report leaves the trend rollup before its rows change and the new one joins it after, so every
  // (day, criterion) moves by exactly the old and the new values; a row no attempt counts for any more goes.
  statements.rollupRemove.run(id, id)
  statements.rollupPrune.run(Math.trunc(createdAt / DAY_MS))
  statements.update.run(next.scoredAt, ...reportValues(report, json), id)
  statements.deleteCriteria.run(id)
  statements.deleteTags.run(id)
  writeReportRows(statements, id, report, next.tags, createdAt)
  statements.rollupAdd.run(id, id)
  writeAreaScores(statements.areaScores, id, next.areaScores, createdAt, true)
  return { ...previous, unchanged: false }
}
