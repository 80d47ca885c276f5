// Prompt routes: the prompts in service (filtered), one prompt, and the prompt for the weakest area.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { attemptCountsByPrompt, practiceByArea } from '../../db/index'
import { notFound } from '../errors'
import { choosePromptToPractise } from '../practice'
import type { RegisteredPrompt } from '../rubric-registry'
import { errorSchema, nextPromptSchema, promptParams, promptsQuery, servedPromptSchema } from '../schemas'

export function servedPrompt({ prompt, rubric }: RegisteredPrompt) {
  return {
    id: prompt.id,
    text: prompt.text,
    tips: prompt.tips,
    tags: prompt.tags,
    rubricId: rubric.id,
    rubricTitle: rubric.title,
  }
}

export const promptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/prompts',
    {
      schema: {
        tags: ['prompts'],
        summary: 'Prompts in service',
        querystring: promptsQuery,
        response: { 200: z.object({ prompts: z.array(servedPromptSchema) }) },
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
      return { prompts: prompts.map(servedPrompt) }
    },
  )

  app.get(
    '/api/prompts/next',
    {
      schema: {
        tags: ['prompts'],
        summary: 'The prompt for the weakest area',
        description:
          'Deterministic: the first area (leadership principle, competency or theme, by id) with no ' +
          'attempts; otherwise the area with the lowest average over its latest 5 attempts (ties by id). ' +
          'Within the area, the prompt with the fewest attempts (ties by id).',
        response: { 200: nextPromptSchema, 404: errorSchema },
      },
    },
    async () => {
      const practice = new Map(practiceByArea(app.db).map((p) => [p.tag, p]))
      const choice = choosePromptToPractise(
        app.rubrics.list(),
        app.rubrics.prompts(),
        practice,
        attemptCountsByPrompt(app.db),
      )
      if (choice === undefined) {
        throw notFound(`No prompts are in service; add prompts to a rubric file in ${app.rubrics.dir}`)
      }
      return {
        prompt: servedPrompt(choice.entry),
        area:
          choice.area === null
            ? null
            : { id: choice.area.id, title: choice.area.title, kind: choice.area.kind },
        reason: choice.reason,
        attempts: choice.attempts,
        recentAverage: choice.recentAverage,
      }
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
      return servedPrompt(entry)
    },
  )
}
