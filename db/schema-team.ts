// The team-mode tables (STARBOARD_MODE=team; SQLite): accounts and sign-in, the sign-in rate limit's counts, and
// cohorts with their members and invites. The four auth tables are better-auth's (user, session, account,
// verification), read and written by its drizzle adapter; times there are Date objects stored as milliseconds.

import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** An account. `role` is admin, instructor or candidate; the first account becomes admin. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  role: text('role', { enum: ['admin', 'instructor', 'candidate'] })
    .notNull()
    .default('candidate'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** How an account signs in: its password hash (provider "credential") or an OpenID Connect identity. */
export const accounts = sqliteTable(
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
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
)

export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
)

/**
 * The sign-in rate limit's counts (team mode): one fixed window per client address and auth path, kept in the
 * database so that every server process on it counts the same tries.
 */
export const authRateLimits = sqliteTable(
  'auth_rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('auth_rate_limits_window_idx').on(t.windowStart)],
)

/** A class or training group: its instructors follow its candidates' progress. */
export const cohorts = sqliteTable('cohorts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
})

/**
 * Who belongs to a cohort and as what. `shareAnswers`: a candidate lets the cohort's instructors read every
 * answer text of theirs (off by default; one attempt can also be shared on its own).
 */
export const cohortMembers = sqliteTable(
  'cohort_members',
  {
    cohortId: integer('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['instructor', 'candidate'] }).notNull(),
    shareAnswers: integer('share_answers', { mode: 'boolean' }).notNull().default(false),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_members_user_idx').on(t.userId)],
)

/** An invite link to a cohort: the token's SHA-256 is kept, never the token; a revoked invite is refused. */
export const cohortInvites = sqliteTable('cohort_invites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  cohortId: integer('cohort_id')
    .notNull()
    .references(() => cohorts.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
  /** When the token stops working (epoch ms); null for invites made before invites expired. */
  expiresAt: integer('expires_at'),
})
