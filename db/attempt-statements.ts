// The prepared statements that write an attempt's rows on SQLite, and the row writing that storing and re-scoring
// share: the attempt's criteria and tags, and its share of the daily trend rollup. Used by db/attempts.ts (storing
// and deleting) and db/attempt-rescore.ts; the statements run inside their callers' transactions.

import type { Database, Statement } from 'better-sqlite3'
import { type AreaScoreStatements, areaScoreStatements } from './area-scores'
import { HISTORY_LIMIT, type StorableReport } from './attempt-model'

/** The columns of `attempts` that describe its current report, in the order every write statement binds them. */
const REPORT_COLUMNS = 'rubric_id, rubric_hash, engine_version, score, band_id, band_label, report'

/** The values of REPORT_COLUMNS for a report and its JSON, in that order. */
export function reportValues(report: StorableReport, json: string) {
  return [
    report.rubricId,
    report.rubricHash,
    report.engineVersion,
    report.score,
    report.band.id,
    report.band.label,
    json,
  ] as const
}

/** An attempt's write statements, prepared once per connection (db/attempts.ts keeps them per connection). */
export interface WriteStatements {
  attempt: Statement
  criterion: Statement
  tag: Statement
  current: Statement
  keep: Statement
  prune: Statement
  currentTags: Statement
  update: Statement
  deleteCriteria: Statement
  deleteTags: Statement
  /** Adds an attempt's rows (total and criteria, as stored now) to the daily trend rollup. */
  rollupAdd: Statement
  /** Takes an attempt's rows (as stored now) out of the daily trend rollup. */
  rollupRemove: Statement
  /** Drops the rollup rows of a day that no attempt counts for any more. */
  rollupPrune: Statement
  /** The UTC day of an attempt, for rollupPrune. */
  dayOf: Statement
  removeAttempt: Statement
  areaScores: AreaScoreStatements
}

/**
 * An attempt's contributions to trend_days, one row per (day, criterion_id): its total score under '' and each
 * criterion's percentage of its maximum, read from the rows just written (or about to be deleted); bind the id twice. One row per
 * criterion (the primary key), so each key gets exactly the value a per-row update would add or take away.
 */
const ROLLUP_ROWS = `
  SELECT created_at / 86400000 AS day, '' AS criterion_id, 1 AS attempts, 1 AS measured, score AS total
    FROM attempts WHERE id = ?
  UNION ALL
  SELECT created_at / 86400000, criterion_id, count(*), sum(max > 0), coalesce(sum(100.0 * score / nullif(max, 0)), 0)
    FROM attempt_criteria WHERE attempt_id = ? GROUP BY criterion_id`

/** Prepares every statement of WriteStatements on one connection. */
export function prepareWriteStatements(client: Database): WriteStatements {
  return {
    attempt: client.prepare(
      `INSERT INTO attempts (prompt_id, answer, duration_ms, created_at, scored_at, owner_id, ${REPORT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    criterion: client.prepare(
      `INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    tag: client.prepare('INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)'),
    current: client.prepare(
      `SELECT rubric_id AS rubricId, rubric_hash AS rubricHash, engine_version AS engineVersion, score,
       band_id AS bandId, band_label AS bandLabel, report, scored_at AS scoredAt, created_at AS createdAt
     FROM attempts WHERE id = ?`,
    ),
    keep: client.prepare(
      `INSERT INTO attempt_reports (attempt_id, scored_at, replaced_at, ${REPORT_COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // The index on (attempt_id, scored_at) orders an attempt's reports; all but the newest HISTORY_LIMIT go.
    prune: client.prepare(
      `DELETE FROM attempt_reports WHERE id IN (
       SELECT id FROM attempt_reports WHERE attempt_id = ?
       ORDER BY scored_at DESC, id DESC LIMIT -1 OFFSET ${HISTORY_LIMIT})`,
    ),
    currentTags: client.prepare('SELECT tag FROM attempt_tags WHERE attempt_id = ? ORDER BY tag').pluck(),
    update: client.prepare(
      `UPDATE attempts SET scored_at = ?, (${REPORT_COLUMNS}) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?`,
    ),
    deleteCriteria: client.prepare('DELETE FROM attempt_criteria WHERE attempt_id = ?'),
    deleteTags: client.prepare('DELETE FROM attempt_tags WHERE attempt_id = ?'),
    // `WHERE true` keeps SQLite from reading ON CONFLICT as part of the SELECT.
    rollupAdd: client.prepare(
      `INSERT INTO trend_days (day, criterion_id, attempts, measured, total)
     SELECT day, criterion_id, attempts, measured, total FROM (${ROLLUP_ROWS}) WHERE true
     ON CONFLICT (day, criterion_id) DO UPDATE SET attempts = attempts + excluded.attempts,
       measured = measured + excluded.measured, total = total + excluded.total`,
    ),
    rollupRemove: client.prepare(
      `UPDATE trend_days SET attempts = trend_days.attempts - o.attempts, measured = trend_days.measured - o.measured,
       total = trend_days.total - o.total
     FROM (${ROLLUP_ROWS}) AS o WHERE trend_days.day = o.day AND trend_days.criterion_id = o.criterion_id`,
    ),
    rollupPrune: client.prepare('DELETE FROM trend_days WHERE day = ? AND attempts <= 0'),
    dayOf: client.prepare('SELECT created_at / 86400000 FROM attempts WHERE id = ?').pluck(),
    removeAttempt: client.prepare('DELETE FROM attempts WHERE id = ?'),
    areaScores: areaScoreStatements(client),
  }
}

/** One tag row per distinct tag, with the attempt's time and total score copied in. */
export function writeTagRows(
  { tag }: WriteStatements,
  id: number,
  score: number,
  tags: readonly string[],
  createdAt: number,
): void {
  for (let i = 0; i < tags.length; i++) {
    // A prompt's tags are unique as compiled; the check keeps a repeated tag from breaking the primary key.
    if (tags.indexOf(tags[i]!) === i) tag.run(id, tags[i], score, createdAt)
  }
}

/**
 * The child rows of an attempt's current report: one per criterion and one per distinct tag, with the
 * attempt's time (and for tags its total score) copied in. Inserting and re-scoring both write them here.
 */
export function writeReportRows(
  statements: WriteStatements,
  id: number,
  report: StorableReport,
  tags: readonly string[],
  createdAt: number,
): void {
  for (const c of report.criteria) statements.criterion.run(id, c.id, c.score, c.max, c.status, createdAt)
  writeTagRows(statements, id, report.score, tags, createdAt)
}
