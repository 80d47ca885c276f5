// Raw SQL on the database behind a test store, for set-up and for checks that no query function answers (how many
// rows a table holds, what a column keeps): the same statement runs on either dialect.

import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { PgDb } from '../../db/postgres/client'
import type { Store } from '../../db/store'

/** The open database behind a store (openTestStore's), told apart by its dialect. */
export function databaseOf(store: Store): { dialect: 'sqlite'; db: Db } | { dialect: 'postgres'; db: PgDb } {
  const { db } = store as Store & { db?: Db | PgDb }
  if (db === undefined) throw new Error('this store does not show its database')
  return store.dialect === 'sqlite'
    ? { dialect: 'sqlite', db: db as Db }
    : { dialect: 'postgres', db: db as PgDb }
}

/** The rows a query answers on the store's database. */
export async function rowsOf<T extends Record<string, unknown>>(store: Store, query: SQL): Promise<T[]> {
  const opened = databaseOf(store)
  if (opened.dialect === 'sqlite') return opened.db.all<T>(query)
  return (await opened.db.execute(query)).rows as T[]
}

/** How many rows the table `table` holds. */
export async function countRows(store: Store, table: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(store, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)
  return Number(row?.n)
}
