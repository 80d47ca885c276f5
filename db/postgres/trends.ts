// PostgreSQL queries of db/trends.ts: the same functions, on a PgDb, answering promises.

export {}
