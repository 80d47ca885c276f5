// PostgreSQL's Store: the query functions of db/postgres/*, with the same names and answers as SQLite's.

import { bindQueries, type QueriesOf, type Store } from '../store'
import * as areaScores from './area-scores'
import * as attemptList from './attempt-list'
import * as attempts from './attempts'
import { closePgDb, createPgDb, type PgDb } from './client'
import * as cohorts from './cohorts'
import * as firstAdmin from './first-admin'
import * as followUps from './follow-ups'
import * as loops from './loops'
import * as practice from './practice'
import * as rateLimits from './rate-limits'
import * as status from './status'
import * as stories from './stories'
import * as team from './team'
import * as trends from './trends'

export const postgresQueries: QueriesOf<PgDb> = {
  ...attempts,
  ...attemptList,
  ...areaScores,
  ...followUps,
  ...loops,
  ...practice,
  ...trends,
  ...stories,
  ...team,
  ...firstAdmin,
  ...cohorts,
  ...status,
  ...rateLimits,
}

/** Opens the PostgreSQL database at `url` (migrating it) as a Store; closing the store ends its pool. */
export async function postgresStore(
  url: string,
  options: { poolSize?: number } = {},
): Promise<Store & { readonly db: PgDb }> {
  const db = await createPgDb(url, options)
  return {
    ...bindQueries(postgresQueries, db),
    dialect: 'postgres',
    db,
    async close() {
      await closePgDb(db)
    },
  }
}
