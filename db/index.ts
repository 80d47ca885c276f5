// The database package's public surface: opening the database and the query functions.

export * from './attempts'
export { closeDb, createDb, type Db } from './client'
