// PostgreSQL queries of db/follow-ups.ts: the same functions, on a PgDb, answering promises.

export {}
