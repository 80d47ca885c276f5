// PostgreSQL queries of db/attempts.ts: the same functions, on a PgDb, answering promises.

export {}
