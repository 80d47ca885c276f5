// The first admin: sign-ups that all found the database empty made their accounts admin; settling them leaves
// exactly one, also when they settle at the same moment from two connections (two processes on one database).

import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../../db/client'
import * as pgSchema from '../../db/postgres/schema'
import { postgresStore } from '../../db/postgres/store'
import * as sqliteSchema from '../../db/schema'
import { type Store, sqliteStore } from '../../db/store'
import { freshPostgresUrl, onPostgres } from '../support/postgres'

type Role = 'admin' | 'instructor' | 'candidate'

interface Opened {
  /** Two stores on the same database, as two app processes would have. */
  stores: [Store, Store]
  /** Adds an account as better-auth's adapter would (its sign-up having decided the role). */
  addUser(id: string, role: Role, createdAt: number): Promise<void>
  /** Every account's role, by id. */
  roles(): Promise<Record<string, Role>>
  removeUsers(): Promise<void>
}

async function open(): Promise<Opened> {
  if (onPostgres()) {
    const url = await freshPostgresUrl()
    const first = await postgresStore(url)
    const second = await postgresStore(url)
    const { users } = pgSchema
    return {
      stores: [first, second],
      async addUser(id, role, createdAt) {
        const at = new Date(createdAt)
        await first.db
          .insert(users)
          .values({ id, name: id, email: `${id}@example.test`, role, createdAt: at, updatedAt: at })
      },
      async roles() {
        const rows = await first.db.select({ id: users.id, role: users.role }).from(users)
        return Object.fromEntries(rows.map((r) => [r.id, r.role]))
      },
      async removeUsers() {
        await first.db.delete(users)
      },
    }
  }
  // One SQLite database in memory: both stores are the same connection, as the server's writes are serialised.
  const db = createDb(':memory:')
  const store = sqliteStore(db)
  const { users } = sqliteSchema
  return {
    stores: [store, { ...store, close: async () => {} }],
    async addUser(id, role, createdAt) {
      const at = new Date(createdAt)
      db.insert(users)
        .values({ id, name: id, email: `${id}@example.test`, role, createdAt: at, updatedAt: at })
        .run()
    },
    async roles() {
      const rows = db.select({ id: users.id, role: users.role }).from(users).all()
      return Object.fromEntries(rows.map((r) => [r.id, r.role]))
    },
    async removeUsers() {
      db.delete(users).run()
    },
  }
}

describe('settleFirstAdmin', () => {
  let opened: Opened | undefined
  afterEach(async () => {
    for (const store of opened?.stores ?? []) await store.close()
    opened = undefined
  })

  it('keeps the only admin', async () => {
    opened = await open()
    const [store] = opened.stores
    await opened.addUser('ada', 'admin', 1000)
    expect(await store.settleFirstAdmin('ada')).toBe(true)
    expect(await opened.roles()).toEqual({ ada: 'admin' })
  })

  it('of two accounts made admin at once, the one settled second stays admin and the other becomes a candidate', async () => {
    opened = await open()
    const [store] = opened.stores
    await opened.addUser('ada', 'admin', 1000)
    await opened.addUser('bo', 'admin', 1000)
    expect(await store.settleFirstAdmin('ada')).toBe(false)
    expect(await store.settleFirstAdmin('bo')).toBe(true)
    expect(await opened.roles()).toEqual({ ada: 'candidate', bo: 'admin' })
  })

  it('an account made admin after the first admin was settled becomes a candidate', async () => {
    opened = await open()
    const [store] = opened.stores
    await opened.addUser('ada', 'admin', 1000)
    expect(await store.settleFirstAdmin('ada')).toBe(true)
    await opened.addUser('bo', 'admin', 2000)
    expect(await store.settleFirstAdmin('bo')).toBe(false)
    expect(await opened.roles()).toEqual({ ada: 'admin', bo: 'candidate' })
    // Settling again changes nothing; nor does settling an account that is not an admin.
    expect(await store.settleFirstAdmin('ada')).toBe(true)
    expect(await store.settleFirstAdmin('bo')).toBe(false)
    expect(await opened.roles()).toEqual({ ada: 'admin', bo: 'candidate' })
  })

  it('two settling at the same moment from two connections leave exactly one admin', async () => {
    opened = await open()
    const [one, two] = opened.stores
    for (let round = 0; round < 10; round++) {
      await opened.removeUsers()
      await opened.addUser('ada', 'admin', 1000)
      await opened.addUser('bo', 'admin', 1000)
      const kept = await Promise.all([one.settleFirstAdmin('ada'), two.settleFirstAdmin('bo')])
      expect(kept.filter((k) => k)).toHaveLength(1)
      const roles = Object.values(await opened.roles())
      expect(
        roles.filter((r) => r === 'admin'),
        `round ${round}`,
      ).toHaveLength(1)
      expect(
        roles.filter((r) => r === 'candidate'),
        `round ${round}`,
      ).toHaveLength(1)
    }
  })
})
