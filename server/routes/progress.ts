// Progress routes: score trends per day or week, and coverage of every area (best score so far).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorSchema } from '../../contract/common'
import { coverageSchema, trendsQuery, trendsSchema } from '../../contract/progress'
import { ownerOf, practiceFor } from '../auth/scope'
import { coverageOfAreas, promptsForCriteria } from '../practice'
import { trendsJson } from '../trends-cache'
import { coverageView, trendsView } from '../views'

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  const store = app.store
  app.get(
    '/api/trends',
    {
      schema: {
        tags: ['progress'],
        summary: 'Average scores per day or week',
        description:
          'overall: average total score per period. criteria: per criterion, the average as a percentage ' +
          "of the criterion's maximum points, with a prompt that trains it. Periods are UTC days, or weeks " +
          'starting Monday. Without from, the answer covers the 90 days (26 weeks) up to the latest attempt, or ' +
          'up to to; pass from (and to) to widen or move the window. By area (tag), totals and criteria are ' +
          "each attempt's results under the area's own rubric.",
        querystring: trendsQuery,
        // Documented for OpenAPI; the handler sends the answer serialized once (see trends-cache), so ~1,000
        // points are not validated and serialized again by the route's schema.
        response: { 200: trendsSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { interval, ...asked } = request.query
      const filters = await store.trendWindow({ ...asked, ownerId: ownerOf(request) }, interval)
      const rubrics = app.rubrics.list()
      const rows = await store.trends(filters, interval)
      const json = trendsJson(rows, rubrics, () =>
        trendsView(rows, filters, interval, {
          rubrics,
          // By area, the criteria are the area's rubric's: its labels come first.
          preferred:
            filters.tag !== undefined
              ? app.rubrics.get(filters.tag)
              : filters.rubricId === undefined
                ? undefined
                : app.rubrics.get(filters.rubricId),
          promptFor: promptsForCriteria(rubrics),
        }),
      )
      // A Buffer payload skips the route's serializer; the type provider only knows the object form of the
      // 200 schema, hence the cast.
      return reply.type('application/json; charset=utf-8').send(json as never)
    },
  )

  app.get(
    '/api/coverage',
    {
      schema: {
        tags: ['progress'],
        summary: 'Best score so far per leadership principle, competency and theme',
        description:
          'An attempt counts for every area its prompt is tagged with, at its score under that area’s own ' +
          'rubric (its own report may come from another rubric: bestAttempt says which, and its score there). ' +
          'An area never practised has best: null and status "none yet".',
        response: { 200: coverageSchema },
      },
    },
    async (request) => {
      const practice = new Map((await practiceFor(app, request)).map((p) => [p.tag, p]))
      // A draft is no area to practise yet.
      const areas = app.rubrics.list().filter((r) => r.draft !== true)
      return coverageView(coverageOfAreas(areas, practice))
    },
  )
}
