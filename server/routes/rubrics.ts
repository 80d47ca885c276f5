// Rubric routes: the rubrics in service, one compiled rubric, and the problems in rubric files.

import { basename } from 'node:path'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../errors'
import { errorSchema, rubricErrorSchema, rubricParams, rubricSchema, rubricSummarySchema } from '../schemas'

export const rubricRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rubrics',
    {
      schema: {
        tags: ['rubrics'],
        summary: 'Rubrics in service',
        response: { 200: z.object({ rubrics: z.array(rubricSummarySchema) }) },
      },
    },
    async () => {
      const stale = new Set(app.rubrics.stale().map((s) => s.rubricId))
      return {
        rubrics: app.rubrics.list().map((r) => ({
          id: r.id,
          title: r.title,
          kind: r.kind,
          summary: r.summary,
          extends: r.extends,
          file: app.rubrics.fileName(r.file),
          hash: r.hash,
          prompts: r.prompts.length,
          criteria: r.criteria.length,
          stale: stale.has(r.id),
        })),
      }
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
        response: {
          200: z.object({
            errors: z.array(rubricErrorSchema),
            stale: z.array(z.object({ rubricId: z.string(), file: z.string(), hash: z.string() })),
            loadedAt: z.string().describe('When the folder was last read.'),
          }),
        },
      },
    },
    async () => ({
      errors: app.rubrics.errors().map((e) => ({ ...e, file: app.rubrics.fileName(e.file) })),
      stale: app.rubrics.stale().map((s) => ({ ...s, file: app.rubrics.fileName(s.file) })),
      loadedAt: new Date(app.rubrics.loadedAt).toISOString(),
    }),
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
      if (rubric !== undefined) return { ...rubric, file: app.rubrics.fileName(rubric.file) }
      const id = request.params.id
      const broken = app.rubrics.errors().find((e) => basename(e.file).replace(/\.ya?ml$/i, '') === id)
      throw notFound(
        broken === undefined
          ? `No rubric '${id}' is in service; GET /api/rubrics lists them`
          : `No rubric '${id}' is in service: ${app.rubrics.fileName(broken.file)} has errors (GET /api/rubrics/errors)`,
      )
    },
  )
}
