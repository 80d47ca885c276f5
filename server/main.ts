// Starts the Starboard server: reads configuration from the environment, listens, prints the URL.

import { DatabaseOpenError } from '../db/index'
import { buildApp } from './app'
import { type TeamOptions, teamOptionsFromEnv } from './auth/config'
import { startBanner, terminalLogStream } from './log-lines'
import { type GuardOptions, guardOptionsFromEnv } from './plugins/guard'

function port(text: string | undefined): number {
  const value = Number(text ?? '3000')
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not '${text}'`)
    process.exit(1)
  }
  return value
}

/** STARBOARD_RATE_LIMIT: write requests per minute per client address; 0 switches the limit off. */
function writeLimit(text: string | undefined) {
  if (text === undefined || text === '') return undefined
  const max = Number(text)
  if (!Number.isInteger(max) || max < 0) {
    console.error(
      `STARBOARD_RATE_LIMIT must be a whole number of requests per minute (0: no limit), not '${text}'`,
    )
    process.exit(1)
  }
  return max === 0 ? (false as const) : { max, timeWindow: '1 minute' }
}

/** STARBOARD_DATABASE_URL: a PostgreSQL database instead of the SQLite file; unset or empty, SQLite. */
function postgresUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined
  if (!/^postgres(ql)?:\/\//i.test(text)) {
    console.error(
      'STARBOARD_DATABASE_URL must be a PostgreSQL URL, postgres://user:password@host:5432/name (or postgresql://); ' +
        'leave it unset to use the SQLite file of STARBOARD_DB',
    )
    process.exit(1)
  }
  return text
}

const host = process.env.HOST || '127.0.0.1'
const listenPort = port(process.env.PORT || undefined)
const dbPath = process.env.STARBOARD_DB || './data/starboard.db'
const databaseUrl = postgresUrl(process.env.STARBOARD_DATABASE_URL)
const rubricsDir = process.env.STARBOARD_RUBRICS || './rubrics'
const rateLimit = writeLimit(process.env.STARBOARD_RATE_LIMIT)
const studioWrite = process.env.STARBOARD_STUDIO_WRITE === '1'
const logLevel = process.env.LOG_LEVEL || 'info'
// LOG_FORMAT=json: pino's JSON lines, two per request, for a log collector. Otherwise short lines for a person.
const logger =
  process.env.LOG_FORMAT === 'json'
    ? { level: logLevel }
    : {
        level: logLevel,
        stream: terminalLogStream(logLevel, (line) => process.stdout.write(`${line}\n`)),
      }
let guard: GuardOptions
let team: TeamOptions | undefined
try {
  guard = { ...guardOptionsFromEnv(process.env), bindHost: host }
  const shown = host.includes(':') ? `[${host}]` : host
  team = teamOptionsFromEnv(process.env, `http://${shown}:${listenPort}`)
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}

/** Builds the app; a database that cannot be opened ends the start with one line, as a bad PORT does. */
async function build() {
  try {
    return await buildApp({
      dbPath,
      ...(databaseUrl === undefined ? {} : { databaseUrl }),
      rubricsDir,
      logger,
      guard,
      studioWrite,
      ...(team === undefined ? {} : { team }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
    })
  } catch (err) {
    if (databaseUrl !== undefined) {
      // Loaded only for a PostgreSQL start, as the app loads the driver. The message hides the password.
      const { PostgresOpenError } = await import('../db/postgres/client')
      if (!(err instanceof PostgresOpenError)) throw err
      console.error(`${err.message} (STARBOARD_DATABASE_URL)`)
      process.exit(1)
    }
    if (!(err instanceof DatabaseOpenError)) throw err
    console.error(`${err.message} (STARBOARD_DB)`)
    process.exit(1)
  }
}

const app = await build()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}

try {
  await app.listen({ host, port: listenPort })
} catch (err) {
  app.log.error({ err }, 'Could not start listening')
  process.exit(1)
}
const address = app.server.address()
const actualPort = typeof address === 'object' && address !== null ? address.port : listenPort
const shownHost = host.includes(':') ? `[${host}]` : host
console.log(startBanner(`http://${shownHost}:${actualPort}/`, process.stdout.isTTY === true))
