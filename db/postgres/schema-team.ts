// The team-mode tables (PostgreSQL), as in db/schema-team.ts: accounts and sign-in, the sign-in rate limit's counts,
// and cohorts with their members and invites. The four auth tables are better-auth's (user, session, account,
// verification), read and written by its drizzle adapter; times there are Date objects (timestamptz, milliseconds).

import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/** An account. `role` is admin, instructor or candidate; the first account becomes admin. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role', { enum: ['admin', 'instructor', 'candidate'] })
    .notNull()
    .default('candidate'),
  createdAt: timestamp('created_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
})

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** How an account signs in: its password hash (provider "credential") or an OpenID Connect identity. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', {
      mode: 'date',
      precision: 3,
      withTimezone: true,
    }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', {
      mode: 'date',
      precision: 3,
      withTimezone: true,
    }),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamp('created_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
)

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', precision: 3, withTimezone: true }).notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
)

/** The sign-in rate limit's counts, as in db/schema-team.ts. */
export const authRateLimits = pgTable(
  'auth_rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('auth_rate_limits_window_idx').on(t.windowStart)],
)

/** A class or training group: its instructors follow its candidates' progress. */
export const cohorts = pgTable('cohorts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
})

/**
 * Who belongs to a cohort and as what. `shareAnswers`: a candidate lets the cohort's instructors read every
 * answer text of theirs (off by default; one attempt can also be shared on its own).
 */
export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: integer('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['instructor', 'candidate'] }).notNull(),
    shareAnswers: boolean('share_answers').notNull().default(false),
    joinedAt: bigint('joined_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_members_user_idx').on(t.userId)],
)

/** An invite link to a cohort: the token's SHA-256 is kept, never the token; a revoked invite is refused. */
export const cohortInvites = pgTable('cohort_invites', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  cohortId: integer('cohort_id')
    .notNull()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
  /** When the token stops working (epoch ms); null for invites made before invites expired. */
  expiresAt: bigint('expires_at', { mode: 'number' }),
})
