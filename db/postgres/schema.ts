// The PostgreSQL schema (drizzle pg-core): the same tables, columns and indexes as db/schema.ts (SQLite), column for
// column under the same names, so one set of query functions reads both. Where the types differ: times in
// milliseconds are bigint (read as numbers), REAL is double precision, booleans are boolean, ids are identity columns.
// The tables are written by domain, as in db/schema.ts: schema-attempts.ts, schema-loops-stories.ts and
// schema-team.ts. This module is the whole schema: drizzle-kit (drizzle.postgres.config.ts) and the client
// (db/postgres/client.ts) read it, and query modules import their tables from it.

export * from './schema-attempts'
export * from './schema-loops-stories'
export * from './schema-team'
