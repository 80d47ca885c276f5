// Shared by the database suites that run on either dialect: a Store per test, an attempt writer through it, and
// raw reads of its tables (for assertions about rows no query answers) on whichever database it is.

import type { SQL } from 'drizzle-orm'
import { afterEach, beforeEach } from 'vitest'
import type { Db } from '../../db/client'
import type { PgDb } from '../../db/postgres/client'
import type { Store } from '../../db/store'
import { openTestStore } from '../support/store'
import { scoredAttempt } from './helpers'

/** A suite's Store: a new database for each of its tests, closed after the test. */
export interface TestStore {
  readonly store: Store
  /** Stores an attempt scoring `score` whose report is rubric `tags[0]` (see test/db/helpers.ts); returns its id. */
  add(score: number, createdAt: number, promptId?: string, tags?: string[]): Promise<number>
}

/** Opens a fresh Store before each test of the calling suite and closes it after. */
export function useTestStore(): TestStore {
  let current: Store | undefined
  beforeEach(async () => {
    current = await openTestStore()
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  const now = () => {
    if (current === undefined) throw new Error('the store is open only while a test runs')
    return current
  }
  return {
    get store() {
      return now()
    },
    add: (...args) => now().insertAttempt(scoredAttempt(...args)),
  }
}

/** The rows a raw query answers on the store's own database (SQL both dialects read the same way). */
export async function rowsOf<T>(store: Store, query: SQL): Promise<T[]> {
  const { db } = store as Store & { db: Db | PgDb }
  if (store.dialect === 'postgres') return (await (db as PgDb).execute(query)).rows as T[]
  return (db as Db).all<T>(query)
}

/** Runs a raw statement on the store's own database. */
export async function runOn(store: Store, query: SQL): Promise<void> {
  const { db } = store as Store & { db: Db | PgDb }
  if (store.dialect === 'postgres') await (db as PgDb).execute(query)
  else (db as Db).run(query)
}
