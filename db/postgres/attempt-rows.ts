// The rows an attempt writes on PostgreSQL, inside the caller's transaction: its criteria, tags, per-area scores and
// its share of the daily trend rollup. Shared by db/postgres/attempts.ts, area-scores.ts and follow-ups.ts; not a
// query module itself (db/postgres/store.ts does not spread it).

import { eq, type SQL, sql } from 'drizzle-orm'
import type { AreaScore } from '../area-scores'
import { DAY_MS, HISTORY_LIMIT, type ReportReplacement, type StorableReport } from '../attempt-model'
import type { PgDb } from './client'
import {
  areaScoreBackfill,
  attemptAreaCriteria,
  attemptAreaScores,
  attemptCriteria,
  attemptReports,
  attempts,
  attemptTags,
} from './schema'

/** A transaction on a PgDb, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters of one statement at 13 columns a row. */
const ROWS_PER_INSERT = 2000

/** Inserts `rows` into `table` in statements of at most ROWS_PER_INSERT rows. */
export async function insertInChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT))
}

/** An id list as one array parameter (drizzle would spread a plain array into a list of parameters). */
export const idArray = (ids: readonly number[]): SQL => sql`${sql.param(ids)}::int[]`

/** One tag row per distinct tag, with the attempt's time and total score copied in. */
export function tagRows(id: number, score: number, tags: readonly string[], createdAt: number) {
  // A prompt's tags are unique as compiled; keeping the first of each keeps a repeated tag from breaking the key.
  return [...new Set(tags)].map((tag) => ({ attemptId: id, tag, score, createdAt }))
}

export function criterionRows(id: number, report: StorableReport, createdAt: number) {
  return report.criteria.map((c) => ({
    attemptId: id,
    criterionId: c.id,
    score: c.score,
    max: c.max,
    status: c.status,
    createdAt,
  }))
}

export async function insertTags(tx: Tx, rows: ReturnType<typeof tagRows>): Promise<void> {
  await insertInChunks(rows, (chunk) => tx.insert(attemptTags).values(chunk))
}

export async function insertCriteria(tx: Tx, rows: ReturnType<typeof criterionRows>): Promise<void> {
  await insertInChunks(rows, (chunk) => tx.insert(attemptCriteria).values(chunk))
}

/** The per-area score and criterion rows of attempts. */
export interface AreaRows {
  areas: (typeof attemptAreaScores.$inferInsert)[]
  criteria: (typeof attemptAreaCriteria.$inferInsert)[]
}

/** The per-area score and criterion rows of one attempt; an area given twice keeps its first score. */
export function areaRows(attemptId: number, scores: readonly AreaScore[], createdAt: number): AreaRows {
  const seen = new Set<string>()
  const rows: AreaRows = { areas: [], criteria: [] }
  for (const s of scores) {
    if (seen.has(s.rubricId)) continue
    seen.add(s.rubricId)
    rows.areas.push({
      attemptId,
      rubricId: s.rubricId,
      score: s.score,
      bandId: s.band.id,
      bandLabel: s.band.label,
      createdAt,
    })
    for (const c of s.criteria ?? []) {
      rows.criteria.push({
        attemptId,
        rubricId: s.rubricId,
        criterionId: c.id,
        score: c.score,
        max: c.max,
        status: c.status,
      })
    }
  }
  return rows
}

/**
 * Inserts per-area rows. With `replace`, an area score the attempt has already is replaced (the back-fill's
 * INSERT OR REPLACE); the caller has removed that area's criteria.
 */
export async function insertAreaRows(tx: Tx, rows: AreaRows, replace = false): Promise<void> {
  await insertInChunks(rows.areas, (chunk) => {
    const insert = tx.insert(attemptAreaScores).values(chunk)
    return replace
      ? insert.onConflictDoUpdate({
          target: [attemptAreaScores.attemptId, attemptAreaScores.rubricId],
          set: {
            score: sql`excluded.score`,
            bandId: sql`excluded.band_id`,
            bandLabel: sql`excluded.band_label`,
            createdAt: sql`excluded.created_at`,
          },
        })
      : insert
  })
  await insertInChunks(rows.criteria, (chunk) => tx.insert(attemptAreaCriteria).values(chunk))
}

/**
 * Writes an attempt's per-area scores and criteria inside the caller's transaction, as db/area-scores.ts
 * `writeAreaScores` does: with `replace`, the attempt's earlier rows go first and it leaves the back-fill queue;
 * `scores` undefined writes nothing and keeps what the attempt had.
 */
async function writeAreaScores(
  tx: Tx,
  attemptId: number,
  scores: readonly AreaScore[] | undefined,
  createdAt: number,
  replace: boolean,
): Promise<void> {
  if (scores === undefined) return
  if (replace) {
    await tx.delete(attemptAreaScores).where(eq(attemptAreaScores.attemptId, attemptId))
    await tx.delete(attemptAreaCriteria).where(eq(attemptAreaCriteria.attemptId, attemptId))
    await tx.delete(areaScoreBackfill).where(eq(areaScoreBackfill.attemptId, attemptId))
  }
  await insertAreaRows(tx, areaRows(attemptId, scores, createdAt))
}

/**
 * Adds (sign 1) or takes away (sign -1) the trend rollup rows of the attempts `ids`, as they are stored now: per
 * (day, criterion_id), their count, how many have a maximum above 0, and the sum of their totals ('' row) or of
 * their percentages of the criterion's maximum. Days are created_at / 86,400,000 truncated, as SQLite divides.
 *
 * One statement for all of them, its rows in (day, criterion_id) order: every writer takes the rollup's row locks
 * in that order (a day's '' row, which every attempt of the day has, first), so writers of the same days queue
 * behind each other on it instead of deadlocking. A batch's attempts are summed in id order and then added to the
 * row (SQLite adds them one by one: a total may differ in its last bits, far below the two decimals trends show).
 * Taking away adds the negated values: the same arithmetic as subtracting.
 */
export async function rollup(tx: Tx, ids: readonly number[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return
  const s = sql.raw(String(sign))
  await tx.execute(sql`
    INSERT INTO trend_days AS t (day, criterion_id, attempts, measured, total)
    SELECT day, criterion_id, ${s} * sum(attempts), ${s} * sum(measured), ${s} * sum(total ORDER BY attempt_id)
    FROM (
      SELECT (created_at / 86400000)::int AS day, ''::text AS criterion_id, 1 AS attempts, 1 AS measured,
        score::double precision AS total, id AS attempt_id
      FROM attempts WHERE id = ANY(${idArray(ids)})
      UNION ALL
      SELECT (created_at / 86400000)::int, criterion_id, 1, CASE WHEN max > 0 THEN 1 ELSE 0 END,
        coalesce(100.0 * score / nullif(max, 0), 0), attempt_id
      FROM attempt_criteria WHERE attempt_id = ANY(${idArray(ids)})
    ) AS r
    GROUP BY day, criterion_id
    ORDER BY day, criterion_id COLLATE "C"
    ON CONFLICT (day, criterion_id) DO UPDATE SET attempts = t.attempts + excluded.attempts,
      measured = t.measured + excluded.measured, total = t.total + excluded.total`)
}

/** Drops the rollup rows of a day that no attempt counts for any more. */
export async function pruneRollup(tx: Tx, day: number): Promise<void> {
  await tx.execute(sql`DELETE FROM trend_days WHERE day = ${day} AND attempts <= 0`)
}

/** created_at / DAY_MS, truncated, is the day trend_days keys on. */

/** The columns of `attempts` (and `attempt_reports`) that describe a report. */
export function reportColumns(report: StorableReport, json: string) {
  return {
    rubricId: report.rubricId,
    rubricHash: report.rubricHash,
    engineVersion: report.engineVersion,
    score: report.score,
    bandId: report.band.id,
    bandLabel: report.band.label,
    report: json,
  }
}

export interface NextReport {
  report: StorableReport
  tags: readonly string[]
  /** The new per-area scores, replacing the old ones; undefined keeps them. */
  areaScores?: readonly AreaScore[]
  scoredAt: number
}

/** The distinct tags, sorted: how attempt_tags holds them. */
const tagSet = (tags: readonly string[]) => [...new Set(tags)].sort()

function sameTags(current: readonly string[], next: readonly string[]): boolean {
  const wanted = tagSet(next)
  return current.length === wanted.length && current.every((t, i) => t === wanted[i])
}

/**
 * The re-score inside the caller's transaction (db/attempt-rescore.ts `replaceRows`). The attempt's row is locked
 * first, so concurrent re-scores of one attempt take turns, each moving the report before it to the history.
 */
export async function replaceReportRows(
  tx: Tx,
  id: number,
  next: NextReport,
): Promise<ReportReplacement | undefined> {
  const [current] = await tx
    .select({
      rubricId: attempts.rubricId,
      rubricHash: attempts.rubricHash,
      engineVersion: attempts.engineVersion,
      score: attempts.score,
      bandId: attempts.bandId,
      bandLabel: attempts.bandLabel,
      report: attempts.report,
      scoredAt: attempts.scoredAt,
      createdAt: attempts.createdAt,
    })
    .from(attempts)
    .where(eq(attempts.id, id))
    .for('update')
  if (current === undefined) return undefined
  const { createdAt, report: oldJson, ...old } = current
  const { report } = next
  const json = JSON.stringify(report)
  const previous = { ...old, replacedAt: next.scoredAt, report: JSON.parse(oldJson) as unknown }
  if (json === oldJson) {
    // Nothing to keep: the same report again would only grow the history. The prompt's tags may have changed.
    const tags = await tx
      .select({ tag: attemptTags.tag })
      .from(attemptTags)
      .where(eq(attemptTags.attemptId, id))
      .orderBy(sql`${attemptTags.tag} COLLATE "C"`)
    const currentTags = tags.map((t) => t.tag)
    if (!sameTags(currentTags, next.tags)) {
      await tx.delete(attemptTags).where(eq(attemptTags.attemptId, id))
      await insertTags(tx, tagRows(id, report.score, next.tags, createdAt))
    }
    // The areas' own rubrics may have changed although the prompt's did not.
    await writeAreaScores(tx, id, next.areaScores, createdAt, true)
    return { ...previous, unchanged: true }
  }
  await tx
    .insert(attemptReports)
    .values({ attemptId: id, replacedAt: next.scoredAt, ...old, report: oldJson })
  // All but the newest HISTORY_LIMIT reports go.
  await tx.execute(sql`
    DELETE FROM attempt_reports WHERE id IN (
      SELECT id FROM attempt_reports WHERE attempt_id = ${id}
      ORDER BY scored_at DESC, id DESC OFFSET ${HISTORY_LIMIT})`)
  await writeAreaScores(tx, id, next.areaScores, createdAt, true)
  // The old report leaves the trend rollup before its rows change and the new one joins it after, so every
  // (day, criterion) moves by exactly the old and the new values; a row no attempt counts for any more goes.
  await rollup(tx, [id], -1)
  await pruneRollup(tx, Math.trunc(createdAt / DAY_MS))
  await tx
    .update(attempts)
    .set({ scoredAt: next.scoredAt, ...reportColumns(report, json) })
    .where(eq(attempts.id, id))
  await tx.delete(attemptCriteria).where(eq(attemptCriteria.attemptId, id))
  await tx.delete(attemptTags).where(eq(attemptTags.attemptId, id))
  await insertCriteria(tx, criterionRows(id, report, createdAt))
  await insertTags(tx, tagRows(id, report.score, next.tags, createdAt))
  await rollup(tx, [id], 1)
  return { ...previous, unchanged: false }
}
