// The Store every dialect provides: the same query names, and a database that answers.

import { afterEach, describe, expect, it } from 'vitest'
import { postgresQueries } from '../../db/postgres/store'
import { type Store, sqliteQueries } from '../../db/store'
import { onPostgres } from '../support/postgres'
import { openTestStore } from '../support/store'

describe('the store', () => {
  let store: Store | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  it('answers SELECT 1 on the dialect under test', async () => {
    store = await openTestStore()
    expect(store.dialect).toBe(onPostgres() ? 'postgres' : 'sqlite')
    expect(await store.databaseAnswers()).toBe(true)
  })

  it('has a PostgreSQL query for every SQLite query, and no other export', () => {
    const sqlite = Object.keys(sqliteQueries).sort()
    const postgres = Object.keys(postgresQueries).sort()
    expect(postgres.filter((name) => !sqlite.includes(name))).toEqual([])
    expect(sqlite.filter((name) => !postgres.includes(name))).toEqual([])
    for (const name of postgres)
      expect(typeof postgresQueries[name as keyof typeof postgresQueries]).toBe('function')
  })
})
