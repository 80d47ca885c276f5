// PostgreSQL queries of db/area-scores.ts: the same functions, on a PgDb, answering promises.

export {}
