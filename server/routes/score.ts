// POST /api/score: scores an answer and returns the report; nothing is stored (for live feedback and graders).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../contract/common'
import { reportSchema, scoreBody } from '../../contract/report'
import { notFound } from '../errors'
import { chooseRubric } from '../rubric-set'
import { scoreSoon } from '../score-queue'

export const scoreRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/score',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Score an answer without storing it',
        description:
          'Uses rubricId if given, else the rubric of promptId, else star-core. Answers up to 20,000 characters.',
        body: scoreBody,
        response: { 200: reportSchema, 400: errorSchema, 404: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      const { answer, promptId, rubricId } = request.body
      const chosen = chooseRubric(app.rubrics, { rubricId, promptId })
      if ('missing' in chosen) {
        throw notFound(
          chosen.missing === 'rubric'
            ? `No rubric '${chosen.id}' is in service; GET /api/rubrics lists them`
            : chosen.missing === 'prompt'
              ? `No prompt '${chosen.id}' is in service; GET /api/prompts lists them`
              : `The default rubric '${chosen.id}' is not in service; pass a rubricId or promptId, or fix ${chosen.id}.yaml`,
        )
      }
      const { json } = await scoreSoon(answer, chosen.rubric)
      // A string payload skips the route's serializer, whose validation of a report of thousands of sentences
      // would hold the event loop; the engine's report matches the schema by type (test/contract).
      return reply.type('application/json; charset=utf-8').send(json as never)
    },
  )
}
