// Global set-up of `npm run test:postgres`: one PostgreSQL server for the whole run, stopped at its end.

import { POSTGRES_URL_VARIABLE, startPostgres, type TestPostgres } from './postgres'

let server: TestPostgres | undefined

export async function setup(): Promise<void> {
  server = await startPostgres()
  // Test files run in worker processes started after this, which inherit the variable.
  process.env[POSTGRES_URL_VARIABLE] = server.url
}

export async function teardown(): Promise<void> {
  await server?.stop()
}
