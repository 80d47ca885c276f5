// The one set of query functions the server calls, as a Store: the same names and arguments on SQLite and on
// PostgreSQL, every answer a promise. SQLite's functions are synchronous (better-sqlite3); its Store wraps them.

import { areaScoreBackfillQueued, backfillAreaScores, pendingAreaScoreBackfill } from './area-scores'
import { listAttempts, listAttemptsInFull, listStoredAttempts } from './attempt-list'
import {
  deleteAttempt,
  findAttempt,
  insertAttempt,
  insertAttempts,
  listReplacedReports,
  replaceAttemptReport,
} from './attempts'
import { storeAttempt } from './attempts-group'
import { closeDb, type Db } from './client'
import {
  cohortAttempts,
  cohortCoverage,
  cohortExists,
  cohortMembersOf,
  cohortName,
  createCohort,
  createInvite,
  findUsableInvite,
  joinCohort,
  listCohorts,
  membership,
  revokeInvite,
  setAttemptSharing,
  setCohortSharing,
} from './cohorts'
import { addFollowUp, listFollowUps } from './follow-ups'
import { answerLoopQuestion, findLoop, insertLoop, listLoops, loopOfAttempt } from './loops'
import { attemptCountsByPrompt, attemptCountsByPromptOf, practiceByArea, practiceByAreaOf } from './practice'
import { consumeRateLimit } from './rate-limits'
import { databaseAnswers } from './status'
import {
  deleteStory,
  findStory,
  insertStory,
  listStories,
  listStoryVersions,
  refitStory,
  updateStory,
} from './stories'
import { adoptOwnerlessRows, countUsers, listUsers, ownsRow, settleFirstAdmin, setUserRole } from './team'
import { trends, trendWindow } from './trends'

/**
 * SQLite's query functions, each taking the database first. A PostgreSQL module provides a function of the same
 * name for each, taking its own database first and answering the same value in a promise (see PostgresQueries).
 */
export const sqliteQueries = {
  // Attempts
  storeAttempt,
  insertAttempt,
  insertAttempts,
  findAttempt,
  deleteAttempt,
  replaceAttemptReport,
  listReplacedReports,
  listAttempts,
  listStoredAttempts,
  listAttemptsInFull,
  // Area scores
  areaScoreBackfillQueued,
  pendingAreaScoreBackfill,
  backfillAreaScores,
  // Follow-ups and loops
  addFollowUp,
  listFollowUps,
  insertLoop,
  findLoop,
  listLoops,
  answerLoopQuestion,
  loopOfAttempt,
  // Practice, trends
  attemptCountsByPrompt,
  attemptCountsByPromptOf,
  practiceByArea,
  practiceByAreaOf,
  trends,
  trendWindow,
  // Stories
  insertStory,
  findStory,
  listStories,
  listStoryVersions,
  updateStory,
  refitStory,
  deleteStory,
  // Team mode: accounts, ownership, cohorts
  countUsers,
  settleFirstAdmin,
  adoptOwnerlessRows,
  listUsers,
  setUserRole,
  ownsRow,
  createCohort,
  cohortExists,
  cohortName,
  listCohorts,
  joinCohort,
  membership,
  cohortMembersOf,
  createInvite,
  findUsableInvite,
  revokeInvite,
  cohortAttempts,
  cohortCoverage,
  setAttemptSharing,
  setCohortSharing,
  consumeRateLimit,
  // Service
  databaseAnswers,
}

type SqliteQueries = typeof sqliteQueries

/** The arguments of a query after the database. */
type ArgsOf<F> = F extends (db: Db, ...args: infer A) => unknown ? A : never

/** What a query answers, without its promise. */
type AnswerOf<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never

/** The query functions one database dialect provides, taking its database `D` first. */
export type QueriesOf<D> = {
  [K in keyof SqliteQueries]: (
    db: D,
    ...args: ArgsOf<SqliteQueries[K]>
  ) => Promise<AnswerOf<SqliteQueries[K]>>
}

type Dialect = 'sqlite' | 'postgres'

/** The query functions bound to one open database, every answer a promise. */
export type Store = {
  [K in keyof SqliteQueries]: (...args: ArgsOf<SqliteQueries[K]>) => Promise<AnswerOf<SqliteQueries[K]>>
} & {
  readonly dialect: Dialect
  /** Closes the database (its pool, for PostgreSQL). */
  close(): Promise<void>
}

/** Binds every query of `queries` to `db`. */
export function bindQueries<D>(queries: QueriesOf<D>, db: D): Omit<Store, 'dialect' | 'close'> {
  const bound: Record<string, unknown> = {}
  for (const [name, query] of Object.entries(queries) as [string, (db: D, ...args: unknown[]) => unknown][]) {
    bound[name] = (...args: unknown[]) => query(db, ...args)
  }
  return bound as Omit<Store, 'dialect' | 'close'>
}

/** SQLite's queries as promises: each runs synchronously and settles with its answer (or its error). */
const sqliteAsync = Object.fromEntries(
  Object.entries(sqliteQueries).map(([name, query]) => [
    name,
    async (db: Db, ...args: unknown[]) => (query as (db: Db, ...args: unknown[]) => unknown)(db, ...args),
  ]),
) as unknown as QueriesOf<Db>

/** The Store of an open SQLite database; closing it closes the database. */
export function sqliteStore(db: Db): Store & { readonly db: Db } {
  return {
    ...bindQueries(sqliteAsync, db),
    dialect: 'sqlite',
    db,
    async close() {
      closeDb(db)
    },
  }
}
