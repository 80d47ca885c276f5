// The database schema (drizzle, SQLite), written by domain: attempts with their reports' rows, replaced reports and
// follow-ups (schema-attempts.ts); mock loops and stories (schema-loops-stories.ts); team mode's accounts, sign-in
// and cohorts (schema-team.ts). This module is the whole schema: drizzle-kit (drizzle.config.ts) and the client
// (db/client.ts) read it, and query modules import their tables from it.

export * from './schema-attempts'
export * from './schema-loops-stories'
export * from './schema-team'
