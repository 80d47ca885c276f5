// PostgreSQL's settling of the first admin (db/team.ts `settleFirstAdmin`): sign-ups in several processes that all
// found the database empty end with exactly one admin.

import { and, eq, ne, sql } from 'drizzle-orm'
import type { PgDb } from './client'
import { users } from './schema'

/** The transaction-level advisory lock that settling sign-ups take turns on (an arbitrary constant). */
const FIRST_ADMIN_LOCK = 7_246_002

/**
 * As SQLite's: when another admin exists, `userId` becomes a candidate. The calls take one advisory lock in turn,
 * and each statement after it reads what the calls before committed (READ COMMITTED), so exactly one of the
 * accounts made admin at the same moment stays admin. Answers whether `userId` is (still) an admin.
 */
export async function settleFirstAdmin(db: PgDb, userId: string): Promise<boolean> {
  return await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`)
    const other = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), ne(users.id, userId)))
      .limit(1)
    if (other.length === 0) {
      const self = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.role, 'admin')))
      return self.length > 0
    }
    await tx
      .update(users)
      .set({ role: 'candidate', updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.role, 'admin')))
    return false
  })
}
