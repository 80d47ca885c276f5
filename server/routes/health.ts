// GET /api/health: whether the server, its database and its rubrics are in working order.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { healthSchema } from '../../contract/common'
import { databaseAnswers, databaseReasons } from '../../db/index'
import { ENGINE_VERSION } from '../../engine/index'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health',
        response: { 200: healthSchema },
      },
    },
    async () => {
      if (!databaseAnswers(app.db)) throw new Error('The database did not answer SELECT 1')
      const databaseProblems = databaseReasons(app.db)
      const reasons = [...databaseProblems]
      return {
        status: reasons.length === 0 ? ('ok' as const) : ('degraded' as const),
        reasons,
        engineVersion: ENGINE_VERSION,
        database: databaseProblems.length === 0 ? ('ok' as const) : ('degraded' as const),
        rubrics: app.rubrics.list().length,
        rubricErrors: app.rubrics.errors().length,
      }
    },
  )
}
