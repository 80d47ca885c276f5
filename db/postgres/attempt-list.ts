// PostgreSQL queries of db/attempt-list.ts: the same functions, on a PgDb, answering promises.

export {}
