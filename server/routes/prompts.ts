// Prompt routes: the prompts in service (filtered), one prompt, and the prompt for the weakest area.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../contract/common'
import { nextPromptSchema } from '../../contract/progress'
import { promptListSchema, promptParams, promptsQuery, servedPromptSchema } from '../../contract/rubrics'
import { attemptCountsFor, practiceFor } from '../auth/scope'
import { notFound } from '../errors'
import { choosePromptToPractise } from '../practice'
import { nextPromptView, servedPromptView } from '../views'

export const promptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/prompts',
    {
      schema: {
        tags: ['prompts'],
        summary: 'Prompts in service',
        querystring: promptsQuery,
        response: { 200: promptListSchema },
      },
    },
    async (request) => {
      const { tag, rubricId, q } = request.query
      const needle = q?.trim().toLowerCase()
      const prompts = app.rubrics
        .prompts()
        .filter(
          (e) =>
            (tag === undefined || e.prompt.tags.includes(tag)) &&
            (rubricId === undefined || e.rubric.id === rubricId) &&
            (needle === undefined || needle === '' || e.prompt.text.toLowerCase().includes(needle)),
        )
      return { prompts: prompts.map(servedPromptView) }
    },
  )

  app.get(
    '/api/prompts/next',
    {
      schema: {
        tags: ['prompts'],
        summary: 'The prompt for the weakest area',
        description:
          'Deterministic: the first area (leadership principle, competency or theme) with no attempts, ' +
          'the principles most asked in interviews first (Ownership, Customer Obsession, Deliver Results, ' +
          'Dive Deep, …), then principles, competencies and themes, each by id; otherwise the area with the lowest average over its latest 5 attempts, each scored under ' +
          "the area's own rubric (ties by id). " +
          'Within the area, the prompt with the fewest attempts (ties by id).',
        response: { 200: nextPromptSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const practice = new Map((await practiceFor(app, request)).map((p) => [p.tag, p]))
      const choice = choosePromptToPractise(
        app.rubrics.list().filter((r) => r.draft !== true),
        app.rubrics.prompts(),
        practice,
        await attemptCountsFor(app, request),
      )
      if (choice === undefined) {
        throw notFound(`No prompts are in service; add prompts to a rubric file in ${app.rubrics.dir}`)
      }
      return nextPromptView(choice)
    },
  )

  app.get(
    '/api/prompts/:id',
    {
      schema: {
        tags: ['prompts'],
        summary: 'One prompt',
        params: promptParams,
        response: { 200: servedPromptSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const entry = app.rubrics.findPrompt(request.params.id)
      if (entry === undefined) {
        throw notFound(`No prompt '${request.params.id}' is in service; GET /api/prompts lists them`)
      }
      return servedPromptView(entry)
    },
  )
}
