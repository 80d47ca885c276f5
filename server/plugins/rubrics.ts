// Plugin: the rubric registry, loaded at start and kept in step with the rubrics folder by a file watcher.

import type { FastifyInstance } from 'fastify'
import { RubricRegistry } from '../rubric-registry'

declare module 'fastify' {
  interface FastifyInstance {
    rubrics: RubricRegistry
  }
}

export interface RubricsPluginOptions {
  dir: string
  /** Watch the folder for changes (default true); off makes the registry a one-time load. */
  watch?: boolean
  debounceMs?: number
}

export async function rubricsPlugin(app: FastifyInstance, options: RubricsPluginOptions): Promise<void> {
  const registry = new RubricRegistry({
    dir: options.dir,
    log: app.log,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  })
  registry.reload()
  if (options.watch !== false) await registry.watch()
  app.decorate('rubrics', registry)
  app.addHook('onClose', async () => registry.close())
}

Object.assign(rubricsPlugin, { [Symbol.for('skip-override')]: true })
