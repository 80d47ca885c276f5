// PostgreSQL queries of db/attempts.ts and db/attempts-group.ts: the same functions, on a PgDb, answering promises.

import { desc, eq, sql } from 'drizzle-orm'
import {
  type AttemptRecord,
  DAY_MS,
  HISTORY_LIMIT,
  type NewAttempt,
  type ReplacedReport,
  type ReportReplacement,
  type StorableReport,
} from '../attempt-model'
import {
  type AreaRows,
  areaRows,
  criterionRows,
  insertAreaRows,
  insertCriteria,
  insertInChunks,
  insertTags,
  type NextReport,
  pruneRollup,
  replaceReportRows,
  reportColumns,
  rollup,
  type Tx,
  tagRows,
} from './attempt-rows'
import type { PgDb } from './client'
import { attemptReports, attempts, attemptTags } from './schema'

/** Batches at least this large refresh the planner's statistics of the tables they filled (ANALYZE). */
const ANALYZE_AFTER_ROWS = 1000

/** Fresh attempt ids for `count` attempts, ascending: taken from the identity's sequence in one statement. */
async function newIds(tx: Tx, count: number): Promise<number[]> {
  const result = await tx.execute<{ id: number }>(
    sql`SELECT nextval(pg_get_serial_sequence('attempts', 'id'))::int AS id FROM generate_series(1, ${count})`,
  )
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b)
}

/** The rows of a batch of new attempts, all of them in the caller's transaction; answers their ids in order. */
async function insertRows(tx: Tx, batch: readonly NewAttempt[]): Promise<number[]> {
  if (batch.length === 0) return []
  const ids = await newIds(tx, batch.length)
  // Identical reports (a seeded corpus repeats them) are serialized once.
  const json = new Map<StorableReport, string>()
  const rows: (typeof attempts.$inferInsert)[] = []
  const criteria: ReturnType<typeof criterionRows> = []
  const tags: ReturnType<typeof tagRows> = []
  const areas: AreaRows = { areas: [], criteria: [] }
  batch.forEach((a, i) => {
    const id = ids[i]!
    const { report, createdAt } = a
    let text = a.reportJson ?? json.get(report)
    if (text === undefined) {
      text = JSON.stringify(report)
      json.set(report, text)
    }
    rows.push({
      id,
      promptId: a.promptId,
      answer: a.answer,
      durationMs: a.durationMs ?? null,
      createdAt,
      scoredAt: createdAt,
      ownerId: a.ownerId ?? null,
      ...reportColumns(report, text),
    })
    for (const c of criterionRows(id, report, createdAt)) criteria.push(c)
    for (const t of tagRows(id, report.score, a.tags, createdAt)) tags.push(t)
    if (a.areaScores !== undefined) {
      const area = areaRows(id, a.areaScores, createdAt)
      for (const r of area.areas) areas.areas.push(r)
      for (const r of area.criteria) areas.criteria.push(r)
    }
  })
  await insertInChunks(rows, (chunk) => tx.insert(attempts).values(chunk))
  await insertCriteria(tx, criteria)
  await insertTags(tx, tags)
  await insertAreaRows(tx, areas)
  // Last: the rollup's rows of today are shared by every writer, and their locks are held until the commit.
  await rollup(tx, ids, 1)
  return ids
}

/** Stores an attempt, its per-criterion scores and its tags in one transaction; returns the new id. */
export async function insertAttempt(db: PgDb, attempt: NewAttempt): Promise<number> {
  return (await insertAttempts(db, [attempt]))[0]!
}

/**
 * Stores many attempts in one transaction, a few multi-row statements for all of them: for imports and for
 * seeding benchmarks. Same rows as `insertAttempt`. Returns the new ids in order (ascending).
 */
export async function insertAttempts(db: PgDb, batch: readonly NewAttempt[]): Promise<number[]> {
  const ids = await db.transaction((tx) => insertRows(tx, batch))
  // A bulk load changes the shape of the data the planner's statistics describe, before autovacuum notices.
  if (batch.length >= ANALYZE_AFTER_ROWS) {
    await db.execute(
      sql`ANALYZE attempts, attempt_criteria, attempt_tags, attempt_area_scores, attempt_area_criteria, trend_days`,
    )
  }
  return ids
}

interface Waiting {
  attempt: NewAttempt
  resolve(id: number): void
  reject(err: unknown): void
}

interface Group {
  members: Waiting[]
  /** Characters of answer and report JSON in the group: what its commit writes, roughly. */
  size: number
}

/** Per database: the groups waiting, oldest first, and whether one is being committed now. */
interface Groups {
  waiting: Group[]
  committing: boolean
}

const groupsOf = new WeakMap<PgDb, Groups>()

/** A group closes at about this many characters of answers and reports, as on SQLite (db/attempts-group.ts). */
const GROUP_CHARS = 512 * 1024

/**
 * Stores an attempt as `insertAttempt` does, together with the others stored meanwhile: those of the same turn of
 * the event loop, and those that arrive while this process's previous group commits. One transaction a group,
 * one group committing at a time: every attempt of a day adds to the same trend rollup row, whose lock each
 * transaction holds until its commit, so attempts committed one by one would queue there anyway, one commit each
 * (1,000 attempts stored 50 at a time through two pools: about 100 a second one by one, 500 to 800 grouped). Each promise settles after the
 * commit that holds its attempt. When a group's transaction fails, nothing of it was stored, and each attempt is
 * tried again alone: a row that cannot be written fails its own call only.
 */
export function storeAttempt(db: PgDb, attempt: NewAttempt): Promise<number> {
  return new Promise((resolve, reject) => {
    let groups = groupsOf.get(db)
    if (groups === undefined) {
      groups = { waiting: [], committing: false }
      groupsOf.set(db, groups)
    }
    const { waiting } = groups
    if (waiting.length === 0 && !groups.committing) setImmediate(() => void commitNext(db))
    const size = attempt.answer.length + (attempt.reportJson?.length ?? 0)
    let group = waiting.at(-1)
    if (group === undefined || (group.members.length > 0 && group.size + size > GROUP_CHARS)) {
      group = { members: [], size: 0 }
      waiting.push(group)
    }
    group.members.push({ attempt, resolve, reject })
    group.size += size
  })
}

/** Commits the oldest waiting group, then the next, until none waits. */
async function commitNext(db: PgDb): Promise<void> {
  const groups = groupsOf.get(db)
  const group = groups?.waiting.shift()
  if (groups === undefined || group === undefined) return
  groups.committing = true
  try {
    await commitGroup(db, group.members)
  } finally {
    groups.committing = false
    if (groups.waiting.length > 0) void commitNext(db)
  }
}

async function commitGroup(db: PgDb, group: Waiting[]): Promise<void> {
  let ids: number[]
  try {
    ids = await db.transaction((tx) =>
      insertRows(
        tx,
        group.map((w) => w.attempt),
      ),
    )
  } catch (err) {
    if (group.length === 1) {
      group[0]!.reject(err)
      return
    }
    // Rolled back as a whole: each alone, so a neighbour's failure does not become this one's.
    await Promise.all(
      group.map((w) =>
        insertAttempt(db, w.attempt).then(
          (id) => w.resolve(id),
          (e: unknown) => w.reject(e),
        ),
      ),
    )
    return
  }
  group.forEach((w, i) => {
    w.resolve(ids[i]!)
  })
}

/** The attempt with its current report and tags, or undefined when there is no such attempt. */
export async function findAttempt(db: PgDb, id: number): Promise<AttemptRecord | undefined> {
  const [row] = await db.select().from(attempts).where(eq(attempts.id, id))
  if (row === undefined) return undefined
  const tags = await db
    .select({ tag: attemptTags.tag })
    .from(attemptTags)
    .where(eq(attemptTags.attemptId, id))
    .orderBy(sql`${attemptTags.tag} COLLATE "C"`)
  return { ...row, report: JSON.parse(row.report) as unknown, tags: tags.map((t) => t.tag) }
}

/** Reports this attempt had before it was re-scored, oldest first: at most the latest HISTORY_LIMIT. */
export async function listReplacedReports(db: PgDb, attemptId: number): Promise<ReplacedReport[]> {
  // The newest first, limited, then reversed: a database from before the limit may hold more.
  const newest = await db
    .select({
      id: attemptReports.id,
      rubricId: attemptReports.rubricId,
      rubricHash: attemptReports.rubricHash,
      engineVersion: attemptReports.engineVersion,
      score: attemptReports.score,
      bandId: attemptReports.bandId,
      bandLabel: attemptReports.bandLabel,
      scoredAt: attemptReports.scoredAt,
      replacedAt: attemptReports.replacedAt,
      report: attemptReports.report,
    })
    .from(attemptReports)
    .where(eq(attemptReports.attemptId, attemptId))
    .orderBy(desc(attemptReports.scoredAt), desc(attemptReports.id))
    .limit(HISTORY_LIMIT)
  return newest.reverse().map((r) => ({ ...r, report: JSON.parse(r.report) as unknown }))
}

/**
 * Deletes an attempt with its criteria, tags and old reports; false when there was none. The attempt's row is
 * locked first, so two deletes of it take it out of the rollup once: the second finds it gone.
 */
export async function deleteAttempt(db: PgDb, id: number): Promise<boolean> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ createdAt: attempts.createdAt })
      .from(attempts)
      .where(eq(attempts.id, id))
      .for('update')
    if (row === undefined) return false
    await rollup(tx, [id], -1)
    await pruneRollup(tx, Math.trunc(row.createdAt / DAY_MS))
    // Foreign keys cascade to the child tables.
    const deleted = await tx.delete(attempts).where(eq(attempts.id, id)).returning({ id: attempts.id })
    return deleted.length > 0
  })
}

/**
 * Gives an attempt a new current report: the old one moves to the history (which keeps the latest
 * HISTORY_LIMIT), per-criterion rows and tags are replaced, all in one transaction. A report byte-identical
 * to the current one changes nothing but the tags. Returns the report that was replaced, or undefined when
 * there is no such attempt.
 */
export async function replaceAttemptReport(
  db: PgDb,
  id: number,
  next: NextReport,
): Promise<ReportReplacement | undefined> {
  return await db.transaction((tx) => replaceReportRows(tx, id, next))
}
