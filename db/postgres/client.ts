// Opens a PostgreSQL database (a node-postgres pool, through drizzle) and brings its schema up to date with the
// committed PostgreSQL migrations, one process at a time.

import { fileURLToPath } from 'node:url'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema'

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool }

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** The advisory lock that processes starting together take turns on while migrating (an arbitrary constant). */
const MIGRATION_LOCK = 7_246_001

/** Connections each process keeps at most; several processes share the server's max_connections. */
const DEFAULT_POOL_SIZE = 10

// node-postgres answers bigint (int8) and numeric as strings by default: counts and sums here fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

/** Why the database at a URL could not be opened, in one line that names it (without its password). */
export class PostgresOpenError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(`Cannot open the PostgreSQL database at ${withoutPassword(url)}: ${reason}`, { cause })
    this.name = 'PostgresOpenError'
  }
}

/** The URL with its password replaced by ***, for messages and logs. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'an unreadable URL'
  }
}

/**
 * Connects to the database at `url` (postgres://user:password@host:port/name) and applies the migrations it has
 * not seen. Throws PostgresOpenError when it cannot connect or migrate. Close it with `closePgDb`.
 */
export async function createPgDb(url: string, options: { poolSize?: number } = {}): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? DEFAULT_POOL_SIZE })
  // An idle connection that the server drops (a restart, a failover) must not crash the process.
  pool.on('error', () => {})
  try {
    const db = drizzle({ client: pool, schema })
    const lock = await pool.connect()
    try {
      // Processes opening a fresh database at the same moment wait here; the first creates the tables.
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      // On the connection that holds the lock: a pool of one has no other.
      await migrate(drizzle({ client: lock }), { migrationsFolder })
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
      lock.release()
    }
    return db
  } catch (err) {
    await pool.end().catch(() => {})
    throw new PostgresOpenError(url, err)
  }
}

export async function closePgDb(db: PgDb): Promise<void> {
  if (!db.$client.ended) await db.$client.end()
}
