// PostgreSQL queries of db/team.ts: the same functions, on a PgDb, answering promises.

export {}
