// Team mode's accounts and ownership: roles, the first admin taking over a local database's rows, and owner checks.

import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from './client'
import { attempts, loops, stories, users } from './schema'

export type Role = 'admin' | 'instructor' | 'candidate'

/** How many accounts exist. */
export function countUsers(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0
}

/** The first admin: the earliest account with the admin role, or undefined before any exists. */
function firstAdmin(db: Db): string | undefined {
  return db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1)
    .get()?.id
}

/**
 * Gives the first admin every attempt, story and loop that has no owner (those written in local mode), in one
 * transaction, so a database switched to team mode keeps its history under one account. Does nothing before an
 * admin exists. Returns how many rows changed owner.
 */
export function adoptOwnerlessRows(db: Db): number {
  return db.transaction((tx) => {
    const admin = firstAdmin(tx as unknown as Db)
    if (admin === undefined) return 0
    let changed = 0
    for (const table of [attempts, stories, loops]) {
      changed += tx.update(table).set({ ownerId: admin }).where(isNull(table.ownerId)).run().changes
    }
    return changed
  })
}

/**
 * Settles the first admin after a sign-up that found no account and so made its account an admin: when another
 * admin exists by now (a sign-up at the same moment, in this or another process), this account becomes a candidate
 * instead. Each call is one IMMEDIATE transaction, so calls run one after another and each sees the ones before:
 * of sign-ups that all found the database empty, exactly one account stays admin. Answers whether `userId` is
 * (still) an admin.
 */
export function settleFirstAdmin(db: Db, userId: string): boolean {
  return db.$client
    .transaction(() => {
      const other = db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), ne(users.id, userId)))
        .limit(1)
        .get()
      if (other === undefined) {
        return (
          db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.id, userId), eq(users.role, 'admin')))
            .get() !== undefined
        )
      }
      db.update(users)
        .set({ role: 'candidate', updatedAt: new Date() })
        .where(and(eq(users.id, userId), eq(users.role, 'admin')))
        .run()
      return false
    })
    .immediate()
}

export interface UserSummary {
  id: string
  name: string
  email: string
  role: Role
  createdAt: number
}

/** Every account, oldest first (for an admin). */
export function listUsers(db: Db): UserSummary[] {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.id))
    .all()
    .map((u) => ({ ...u, createdAt: u.createdAt.getTime() }))
}

/** Sets an account's role; false when there is no such account. */
export function setUserRole(db: Db, id: string, role: Role): boolean {
  return db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id)).run().changes > 0
}

export type OwnedKind = 'attempt' | 'story' | 'loop'

const OWNED = { attempt: attempts, story: stories, loop: loops } as const

/** Whether the attempt, story or loop `id` exists and belongs to `owner`. */
export function ownsRow(db: Db, kind: OwnedKind, id: number, owner: string): boolean {
  const table = OWNED[kind]
  return (
    db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), eq(table.ownerId, owner)))
      .get() !== undefined
  )
}
