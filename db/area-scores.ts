// Attempts' scores and per-criterion results under the rubric of each area their prompt trains: written with the
// attempt and with every re-score, read by coverage and trends by area, and back-filled for attempts stored before
// they existed.

import type { Database, Statement } from 'better-sqlite3'
import type { Db } from './client'

/**
 * An answer's score under one area's rubric. Structural, as StorableReport is: db/ does not import the engine,
 * and the server computes these with it.
 */
export interface AreaScore {
  /** The area: a rubric id, one of the tags of the attempt's prompt. */
  rubricId: string
  score: number
  band: { id: string; label: string }
  /** The criteria of the area's rubric with their results, for per-criterion trends by area. */
  criteria?: readonly AreaCriterion[]
}

/** One criterion's result under an area's rubric, as the engine's CriterionResult has it. */
export interface AreaCriterion {
  id: string
  score: number
  max: number
  status: 'met' | 'partial' | 'missed'
}

export interface AreaScoreStatements {
  insert: Statement
  remove: Statement
  insertCriterion: Statement
  removeCriteria: Statement
  dequeue: Statement
}

/** Prepared with the attempt write statements (db/attempt-statements.ts), so the rows go in the same transaction. */
export function areaScoreStatements(client: Database): AreaScoreStatements {
  return {
    insert: client.prepare(
      `INSERT INTO attempt_area_scores (attempt_id, rubric_id, score, band_id, band_label, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    remove: client.prepare('DELETE FROM attempt_area_scores WHERE attempt_id = ?'),
    insertCriterion: client.prepare(
      `INSERT INTO attempt_area_criteria (attempt_id, rubric_id, criterion_id, score, max, status)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    removeCriteria: client.prepare('DELETE FROM attempt_area_criteria WHERE attempt_id = ?'),
    dequeue: client.prepare('DELETE FROM area_score_backfill WHERE attempt_id = ?'),
  }
}

/**
 * Writes an attempt's per-area scores and criteria inside the caller's transaction. With `replace`, the attempt's
 * earlier rows go first (a re-score), and the attempt leaves the back-fill queue: its rows are now complete and
 * newer than anything the back-fill would compute. `scores` undefined writes nothing and keeps what the attempt
 * had. An area given twice keeps its first score, as a prompt's repeated tag is stored once.
 */
export function writeAreaScores(
  statements: AreaScoreStatements,
  attemptId: number,
  scores: readonly AreaScore[] | undefined,
  createdAt: number,
  replace: boolean,
): void {
  if (scores === undefined) return
  if (replace) {
    statements.remove.run(attemptId)
    statements.removeCriteria.run(attemptId)
    statements.dequeue.run(attemptId)
  }
  const seen = new Set<string>()
  for (const s of scores) {
    if (seen.has(s.rubricId)) continue
    seen.add(s.rubricId)
    statements.insert.run(attemptId, s.rubricId, s.score, s.band.id, s.band.label, createdAt)
    for (const c of s.criteria ?? []) {
      statements.insertCriterion.run(attemptId, s.rubricId, c.id, c.score, c.max, c.status)
    }
  }
}

/** An attempt waiting for its per-area scores: what scoring it under its areas' rubrics needs. */
export interface AttemptToBackfill {
  id: number
  promptId: string
  answer: string
  /** Every tag of its prompt, as stored with it: the areas to score it under. */
  tags: string[]
  /** Its own report's rubric, score, band and criteria: the results under that rubric need no scoring again. */
  rubricId: string
  score: number
  band: { id: string; label: string }
  criteria: AreaCriterion[]
}

interface BackfillStatements {
  queued: Statement
  pending: Statement
  batch: Statement
  tags: Statement
  criteria: Statement
  insert: Statement
  removeCriteria: Statement
  insertCriterion: Statement
  done: Statement
  run: (size: number, scoreAttempt: (attempt: AttemptToBackfill) => readonly AreaScore[]) => number
}

const backfillStatements = new WeakMap<Db, BackfillStatements>()

interface BatchRow {
  id: number
  promptId: string
  answer: string
  rubricId: string
  score: number
  bandId: string
  bandLabel: string
  createdAt: number
}

function backfillStatementsFor(db: Db): BackfillStatements {
  const known = backfillStatements.get(db)
  if (known !== undefined) return known
  const client = db.$client
  const statements: BackfillStatements = {
    queued: client.prepare('SELECT EXISTS (SELECT 1 FROM area_score_backfill)').pluck(),
    pending: client.prepare('SELECT count(*) FROM area_score_backfill').pluck(),
    batch: client.prepare(
      `SELECT a.id, a.prompt_id AS promptId, a.answer, a.rubric_id AS rubricId, a.score, a.band_id AS bandId,
         a.band_label AS bandLabel, a.created_at AS createdAt
       FROM area_score_backfill q CROSS JOIN attempts a ON a.id = q.attempt_id
       ORDER BY q.attempt_id LIMIT ?`,
    ),
    tags: client.prepare('SELECT tag FROM attempt_tags WHERE attempt_id = ? ORDER BY tag').pluck(),
    criteria: client.prepare(
      `SELECT criterion_id AS id, score, max, status FROM attempt_criteria WHERE attempt_id = ?
       ORDER BY criterion_id`,
    ),
    // An attempt still queued was not re-scored since the queue was filled (a re-score takes it off the queue):
    // the rows computed now replace what it had for the same area. An area whose rubric is not in service keeps
    // its row, as the attempt cannot be scored there now.
    insert: client.prepare(
      `INSERT OR REPLACE INTO attempt_area_scores (attempt_id, rubric_id, score, band_id, band_label, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    removeCriteria: client.prepare(
      'DELETE FROM attempt_area_criteria WHERE attempt_id = ? AND rubric_id = ?',
    ),
    insertCriterion: client.prepare(
      `INSERT INTO attempt_area_criteria (attempt_id, rubric_id, criterion_id, score, max, status)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    done: client.prepare('DELETE FROM area_score_backfill WHERE attempt_id = ?'),
    run: () => 0,
  }
  statements.run = client.transaction(
    (size: number, scoreAttempt: (attempt: AttemptToBackfill) => readonly AreaScore[]) => {
      const rows = statements.batch.all(size) as BatchRow[]
      for (const row of rows) {
        const { bandId, bandLabel, createdAt, ...rest } = row
        const tags = statements.tags.all(row.id) as string[]
        const criteria = statements.criteria.all(row.id) as AreaCriterion[]
        const seen = new Set<string>()
        for (const s of scoreAttempt({ ...rest, tags, band: { id: bandId, label: bandLabel }, criteria })) {
          if (seen.has(s.rubricId)) continue
          seen.add(s.rubricId)
          statements.insert.run(row.id, s.rubricId, s.score, s.band.id, s.band.label, createdAt)
          statements.removeCriteria.run(row.id, s.rubricId)
          for (const c of s.criteria ?? []) {
            statements.insertCriterion.run(row.id, s.rubricId, c.id, c.score, c.max, c.status)
          }
        }
        statements.done.run(row.id)
      }
      return rows.length
    },
  ).immediate
  backfillStatements.set(db, statements)
  return statements
}

/** Whether any attempt waits for its per-area scores: cheaper than counting them. */
export function areaScoreBackfillQueued(db: Db): boolean {
  return backfillStatementsFor(db).queued.get() === 1
}

/** How many attempts still wait for their per-area scores and criteria (queued by migrations 0006 and 0008). */
export function pendingAreaScoreBackfill(db: Db): number {
  return backfillStatementsFor(db).pending.get() as number
}

/**
 * Scores the next `size` queued attempts with `scoreAttempt` and stores their per-area scores, taking them off
 * the queue, in one IMMEDIATE transaction: a batch is stored whole or not at all, and another process's writes
 * wait at most one batch. Returns how many attempts the batch held; 0 when the queue is empty. `scoreAttempt`
 * runs inside the transaction and must not await anything.
 */
export function backfillAreaScores(
  db: Db,
  scoreAttempt: (attempt: AttemptToBackfill) => readonly AreaScore[],
  size = 100,
): number {
  return backfillStatementsFor(db).run(size, scoreAttempt)
}
