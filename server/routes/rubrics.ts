// Rubric routes: the rubrics in service, one compiled rubric, and the problems in rubric files.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../contract/common'
import { rubricErrorsSchema, rubricListSchema, rubricParams, rubricSchema } from '../../contract/rubrics'
import { notFound } from '../errors'
import { rubricErrorsView, rubricSummaryView, rubricView } from '../views'

export const rubricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rubrics',
    {
      schema: {
        tags: ['rubrics'],
        summary: 'Rubrics in service',
        response: { 200: rubricListSchema },
      },
    },
    async () => {
      const stale = new Set(app.rubrics.stale().map((s) => s.rubricId))
      return { rubrics: app.rubrics.list().map((r) => rubricSummaryView(r, stale.has(r.id))) }
    },
  )

  app.get(
    '/api/rubrics/errors',
    {
      schema: {
        tags: ['rubrics'],
        summary: 'Problems in rubric files',
        description:
          'Every problem in the rubric files as they are on disk now, with file, line and column. ' +
          'A rubric whose file has errors stays in service at its last good version (listed in `stale`). ' +
          'File names are relative to the rubrics folder.',
        response: { 200: rubricErrorsSchema },
      },
    },
    async () => rubricErrorsView(app.rubrics.errors(), app.rubrics.stale(), app.rubrics.loadedAt),
  )

  app.get(
    '/api/rubrics/:id',
    {
      schema: {
        tags: ['rubrics'],
        summary: 'One compiled rubric: criteria, prompts, bands',
        description: 'The compiled rubric, as the engine scores with it (pass it to `score()` unchanged).',
        params: rubricParams,
        response: { 200: rubricSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const rubric = app.rubrics.get(request.params.id)
      if (rubric !== undefined) return rubricView(rubric)
      const id = request.params.id
      const broken = app.rubrics.fileWithErrors(id)
      throw notFound(
        broken === undefined
          ? `No rubric '${id}' is in service; GET /api/rubrics lists them`
          : `No rubric '${id}' is in service: ${broken} has errors (GET /api/rubrics/errors)`,
      )
    },
  )
}
