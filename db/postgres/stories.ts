// PostgreSQL queries of db/stories.ts: the same functions, on a PgDb, answering promises.

export {}
