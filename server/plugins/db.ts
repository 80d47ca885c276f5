// Plugin: opens the database (running migrations) and decorates the app with its Store, the query functions every
// route calls on either dialect; closes it when the app closes.

import type { FastifyInstance } from 'fastify'
import { createDb, type Db } from '../../db/index'
import type { PgDb } from '../../db/postgres/client'
import { type Store, sqliteStore } from '../../db/store'

/** The open database in its own dialect, for what works on the drizzle database itself (better-auth's adapter). */
export type Database = { dialect: 'sqlite'; db: Db } | { dialect: 'postgres'; db: PgDb }

declare module 'fastify' {
  interface FastifyInstance {
    /** The query functions, bound to the open database: the same on SQLite and PostgreSQL. */
    store: Store
    database: Database
    /**
     * The SQLite database, for what only SQLite has (the checks of its file, folder and disk); undefined on
     * PostgreSQL.
     */
    sqlite: Db | undefined
  }
}

/** A SQLite file (its folder is created) or ':memory:'; or a PostgreSQL URL (postgres://…). */
export type DbPluginOptions = { path: string } | { url: string }

export async function dbPlugin(app: FastifyInstance, options: DbPluginOptions): Promise<void> {
  let store: Store
  let database: Database
  if ('url' in options) {
    // Loaded only when asked for: a SQLite server never loads the PostgreSQL driver.
    const { postgresStore } = await import('../../db/postgres/store')
    const opened = await postgresStore(options.url)
    store = opened
    database = { dialect: 'postgres', db: opened.db }
  } else {
    const db = createDb(options.path)
    store = sqliteStore(db)
    database = { dialect: 'sqlite', db }
  }
  app.decorate('store', store)
  app.decorate<Database>('database', database)
  app.decorate('sqlite', database.dialect === 'sqlite' ? database.db : undefined)
  app.addHook('onClose', async () => {
    await store.close()
  })
}

// Decorate the parent instance rather than an encapsulated child (what fastify-plugin does).
Object.assign(dbPlugin, { [Symbol.for('skip-override')]: true })
