// POST /api/score: scores an answer and returns the report; nothing is stored (for live feedback and graders).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../contract/common'
import { reportSchema, scoreBody } from '../../contract/report'
import { type Rubric, score } from '../../engine/index'
import { notFound } from '../errors'

/** The rubric every other rubric extends; used when a request names neither rubric nor prompt. */
export const DEFAULT_RUBRIC_ID = 'star-core'

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
    async (request) => {
      const { answer, promptId, rubricId } = request.body
      let rubric: Rubric | undefined
      if (rubricId !== undefined) {
        rubric = app.rubrics.get(rubricId)
        if (rubric === undefined) {
          throw notFound(`No rubric '${rubricId}' is in service; GET /api/rubrics lists them`)
        }
      } else if (promptId !== undefined) {
        rubric = app.rubrics.findPrompt(promptId)?.rubric
        if (rubric === undefined) {
          throw notFound(`No prompt '${promptId}' is in service; GET /api/prompts lists them`)
        }
      } else {
        rubric = app.rubrics.get(DEFAULT_RUBRIC_ID)
        if (rubric === undefined) {
          throw notFound(
            `The default rubric '${DEFAULT_RUBRIC_ID}' is not in service; pass a rubricId or promptId, or fix ${DEFAULT_RUBRIC_ID}.yaml`,
          )
        }
      }
      return score(answer, rubric)
    },
  )
}
