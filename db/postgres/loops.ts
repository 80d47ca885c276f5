// PostgreSQL queries of db/loops.ts: the same functions, on a PgDb, answering promises.

export {}
