// GET /api/health: whether the server, its database and its rubrics are in working order.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { databaseAnswers } from '../../db/index'
import { ENGINE_VERSION } from '../../engine/index'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Service health',
        response: {
          200: z.object({
            status: z.literal('ok'),
            engineVersion: z.string(),
            database: z.literal('ok'),
            rubrics: z.number().int().describe('Rubrics in service.'),
            rubricErrors: z.number().int().describe('Problems in rubric files; see /api/rubrics/errors.'),
          }),
        },
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
