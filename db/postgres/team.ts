// PostgreSQL queries of db/team.ts: the same functions, on a PgDb, answering promises.

import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { OwnedKind, Role, UserSummary } from '../team'
import type { PgDb } from './client'
import { attempts, loops, stories, users } from './schema'

/** How many accounts exist. */
export async function countUsers(db: PgDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users)
  return row?.n ?? 0
}

/**
 * Gives the first admin (the earliest account with the admin role) every attempt, story and loop that has no
 * owner (those written in local mode), in one transaction. Does nothing before an admin exists. Returns how many
 * rows changed owner. Two processes doing it at once give the rows once: each UPDATE skips the rows the other
 * gave away (READ COMMITTED re-reads a row it waited for), so the counts add up to the rows adopted.
 */
export async function adoptOwnerlessRows(db: PgDb): Promise<number> {
  return await db.transaction(async (tx) => {
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, 'admin'))
      .orderBy(asc(users.createdAt), asc(sql`${users.id} collate "C"`))
      .limit(1)
    if (admin === undefined) return 0
    let changed = 0
    for (const table of [attempts, stories, loops]) {
      const result = await tx.update(table).set({ ownerId: admin.id }).where(isNull(table.ownerId))
      changed += result.rowCount ?? 0
    }
    return changed
  })
}

/** Every account, oldest first (for an admin). */
export async function listUsers(db: PgDb): Promise<UserSummary[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.createdAt), asc(sql`${users.id} collate "C"`))
  return rows.map((u) => ({ ...u, createdAt: u.createdAt.getTime() }))
}

/** Sets an account's role; false when there is no such account. */
export async function setUserRole(db: PgDb, id: string, role: Role): Promise<boolean> {
  const result = await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id))
  return (result.rowCount ?? 0) > 0
}

const OWNED = { attempt: attempts, story: stories, loop: loops } as const

/** Whether the attempt, story or loop `id` exists and belongs to `owner`. */
export async function ownsRow(db: PgDb, kind: OwnedKind, id: number, owner: string): Promise<boolean> {
  const table = OWNED[kind]
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.ownerId, owner)))
    .limit(1)
  return rows.length > 0
}
