// The Store every dialect provides: the same query names, and a database that answers.

import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../db/store'
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
})
