// PostgreSQL queries of db/practice.ts: the same functions, on a PgDb, answering promises.

export {}
