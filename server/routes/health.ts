// GET /api/health: whether the server, its database and its rubrics are in working order.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { healthSchema } from '../../contract/common'
import { databaseAnswers } from '../../db/index'
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
      return {
        status: 'ok' as const,
        engineVersion: ENGINE_VERSION,
        database: 'ok' as const,
        rubrics: app.rubrics.list().length,
        rubricErrors: app.rubrics.errors().length,
      }
    },
  )
}
