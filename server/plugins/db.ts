// Plugin: opens the database (running migrations) and decorates the app with it; closes it when the app closes.

import type { FastifyInstance } from 'fastify'
import { closeDb, createDb, type Db } from '../../db/index'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
  }
}

export async function dbPlugin(app: FastifyInstance, options: { path: string }): Promise<void> {
  const db = createDb(options.path)
  app.decorate('db', db)
  app.addHook('onClose', async () => {
    closeDb(db)
  })
}

// Decorate the parent instance rather than an encapsulated child (what fastify-plugin does).
Object.assign(dbPlugin, { [Symbol.for('skip-override')]: true })
