// The Store a db test runs against: SQLite in memory under `npm test`, a fresh PostgreSQL database under
// `npm run test:postgres`. The same assertions then hold for both dialects.

import { createDb } from '../../db/client'
import { postgresStore } from '../../db/postgres/store'
import { type Store, sqliteStore } from '../../db/store'
import { freshPostgresUrl, onPostgres } from './postgres'

export async function openTestStore(): Promise<Store> {
  if (onPostgres()) return await postgresStore(await freshPostgresUrl())
  return sqliteStore(createDb(':memory:'))
}
