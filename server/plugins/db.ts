// Plugin: opens the database (running migrations) and decorates the app with it; closes it when the app closes.

import type { FastifyInstance } from 'fastify'
import { closeDb, createDb, type Db, startCheckpointer } from '../../db/index'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

export async function dbPlugin(app: FastifyInstance, options: { path: string }): Promise<void> {
  const db = createDb(options.path)
  app.decorate('db', db)
  // The WAL is copied into the database file on another thread, not by the commit of a request.
  const checkpointer = startCheckpointer(db)
  app.addHook('onClose', async () => {
    await checkpointer.stop()
    closeDb(db)
  })
}

// Decorate the parent instance rather than an encapsulated child (what fastify-plugin does).
Object.assign(dbPlugin, { [Symbol.for('skip-override')]: true })
