// Builds the Starboard HTTP app (API, docs, client) without listening, so tests can inject requests.

import { fileURLToPath } from 'node:url'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { BODY_LIMIT_BYTES } from '../contract/common'
import { ENGINE_VERSION } from '../engine/index'
import { type AreaScoreBackfill, areaScoreBackfill } from './area-scores'
import type { TeamOptions } from './auth/config'
import { teamPlugin } from './auth/plugin'
import { accountRoutes } from './auth/routes'
import { HttpError, installErrorHandlers } from './errors'
import { serveClient } from './plugins/client'
import { dbPlugin } from './plugins/db'
import { type GuardOptions, guardPlugin } from './plugins/guard'
import { rubricsPlugin } from './plugins/rubrics'
import { securityHeadersPlugin } from './plugins/security-headers'
import { attemptRoutes } from './routes/attempts'
import { cohortRoutes } from './routes/cohorts'
import { exportRoutes } from './routes/export'
import { followUpRoutes } from './routes/follow-ups'
import { healthRoutes, writeOutcomeChecks } from './routes/health'
import { loopRoutes } from './routes/loops'
import { progressRoutes } from './routes/progress'
import { promptRoutes } from './routes/prompts'
import { rubricRoutes } from './routes/rubrics'
import { scoreRoutes } from './routes/score'
import { storyRoutes } from './routes/stories'
import { studioRoutes } from './routes/studio'
import { type WriteLimit, writeRouteConfig } from './routes/write-limit'

declare module 'fastify' {
  interface FastifyInstance {
    /** Milliseconds since the epoch; injectable so tests can place attempts on chosen days. */
    clock: () => number
    /**
     * Scoring of earlier attempts by area, in the background: started once the server listens (an app that
     * only answers injected requests starts it itself), stopped on close.
     */
    areaScoreBackfill: AreaScoreBackfill
  }
}

export interface BuildAppOptions {
  /** SQLite file (its folder is created), or ':memory:'; not opened when `databaseUrl` is given. */
  dbPath: string
  /** A PostgreSQL database (postgres://…, STARBOARD_DATABASE_URL) instead of the SQLite file at `dbPath`. */
  databaseUrl?: string
  /** Folder of rubric YAML files, watched for changes. */
  rubricsDir: string
  /** The built client; default dist/client at the repository root. */
  clientDir?: string
  /** Limit on write routes per client address, or false for none. Default 60 per minute. */
  rateLimit?: WriteLimit | false
  /** Watch the rubrics folder (default true). */
  watchRubrics?: boolean
  /** Quiet time after a rubric file event before reloading, in ms (default 100). */
  rubricDebounceMs?: number
  logger?: FastifyServerOptions['logger']
  now?: () => number
  /** Host names, connection timeouts and the connection cap; see server/plugins/guard.ts. */
  guard?: GuardOptions
  /** Let the rubric studio save files into the rubrics folder (STARBOARD_STUDIO_WRITE=1). Default false. */
  studioWrite?: boolean
  /** How often the event stream (GET /api/events) sends a keep-alive comment, in ms (default 15 s). */
  eventsHeartbeatMs?: number
  /** Team mode (STARBOARD_MODE=team): accounts, ownership and cohorts. Absent: local mode, no sign-in. */
  team?: TeamOptions
}

const DEFAULT_WRITE_LIMIT: WriteLimit = { max: 60, timeWindow: '1 minute' }
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url))

/**
 * Content-Security-Policy for the Vite-built client and Swagger UI: scripts and styles come from
 * this origin only (Vite emits no inline scripts); inline style attributes are allowed because
 * components and charts set element styles; nothing is loaded from elsewhere.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // Served over plain HTTP on a local address: upgrading requests to https would break every load.
  'upgrade-insecure-requests': null,
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Close keep-alive connections on shutdown, so Ctrl-C does not wait for idle browsers to hang up.
    forceCloseConnections: true,
    // Team mode behind a reverse proxy: the client's address comes from X-Forwarded-For, sent by these proxies only.
    ...(options.team?.trustProxy === undefined ? {} : { trustProxy: options.team.trustProxy }),
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('clock', options.now ?? Date.now)
  installErrorHandlers(app, BODY_LIMIT_BYTES)
  await app.register(guardPlugin, options.guard ?? {})

  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: { useDefaults: true, directives: CONTENT_SECURITY_POLICY },
  })
  const limit = options.rateLimit ?? DEFAULT_WRITE_LIMIT
  if (limit !== false) {
    // Only routes that opt in (the write routes) are limited.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          context.statusCode,
          `Too many changes from your address: the limit is ${context.max} per ${
            typeof limit.timeWindow === 'number' ? `${limit.timeWindow} ms` : limit.timeWindow
          }. Try again in ${context.after}.`,
        ),
    })
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Starboard API',
        description:
          'Practice behavioral interview answers: deterministic STAR scoring, stored attempts, trends.',
        version: ENGINE_VERSION,
      },
      tags: [
        { name: 'service' },
        { name: 'rubrics' },
        { name: 'prompts' },
        { name: 'scoring' },
        { name: 'attempts' },
        { name: 'progress' },
        { name: 'loops' },
        { name: 'stories' },
        ...(options.team === undefined ? [] : [{ name: 'accounts' }, { name: 'cohorts' }]),
      ],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } })

  await app.register(
    dbPlugin,
    options.databaseUrl === undefined ? { path: options.dbPath } : { url: options.databaseUrl },
  )
  await app.register(teamPlugin, { team: options.team })
  await app.register(rubricsPlugin, {
    dir: options.rubricsDir,
    watch: options.watchRubrics ?? true,
    ...(options.rubricDebounceMs === undefined ? {} : { debounceMs: options.rubricDebounceMs }),
  })
  // Attempts stored before per-area scores existed are scored by area in the background once the server listens,
  // so a large back-fill does not hold the start; with no rubric in service there is nothing to score them under.
  const backfill = areaScoreBackfill(app.store, (id) => app.rubrics.get(id), app.log)
  app.decorate('areaScoreBackfill', {
    start: () => (app.rubrics.list().length > 0 ? backfill.start() : Promise.resolve(0)),
    stop: backfill.stop,
  })
  app.addHook('onListen', async () => {
    void app.areaScoreBackfill.start()
  })
  // Before the database closes: the batch in progress finishes, the rest stays queued for the next start.
  app.addHook('preClose', async () => {
    await backfill.stop()
  })

  const writeConfig = writeRouteConfig(limit)
  // PostgreSQL's storage is its server's: health knows of a full disk from the writes answered 507.
  const writes = app.sqlite === undefined ? writeOutcomeChecks() : undefined
  if (writes !== undefined)
    app.addHook('onResponse', async (request, reply) => writes.noteResponse(request.method, reply.statusCode))
  await app.register(healthRoutes, writes === undefined ? {} : { databaseChecks: writes.checks })
  await app.register(rubricRoutes)
  await app.register(studioRoutes, {
    // In team mode saving is a permission of instructors and admins, instead of STARBOARD_STUDIO_WRITE.
    write:
      options.team === undefined
        ? (options.studioWrite ?? false)
        : (request) => request.viewer?.role === 'admin' || request.viewer?.role === 'instructor',
    writeConfig,
    ...(options.eventsHeartbeatMs === undefined ? {} : { heartbeatMs: options.eventsHeartbeatMs }),
  })
  await app.register(promptRoutes)
  await app.register(scoreRoutes)
  await app.register(attemptRoutes, { writeConfig })
  await app.register(exportRoutes)
  await app.register(progressRoutes)
  await app.register(followUpRoutes, { writeConfig })
  await app.register(loopRoutes, { writeConfig })
  await app.register(storyRoutes, { writeConfig })
  await app.register(accountRoutes, { writeConfig })
  await app.register(cohortRoutes, { writeConfig })

  await serveClient(app, options.clientDir ?? DEFAULT_CLIENT_DIR)
  await app.ready()
  return app
}
