// PostgreSQL queries of db/cohorts.ts: the same functions, on a PgDb, answering promises.

export {}
