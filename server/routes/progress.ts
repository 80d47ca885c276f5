// Progress routes: score trends per day or week, and coverage of every area (best score so far).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { practiceByArea, type Trends, trends, trendWindow } from '../../db/index'
import type { Rubric } from '../../engine/index'
import { coverageOfAreas, promptsForCriteria } from '../practice'
import { coverageSchema, errorSchema, trendsQuery, trendsSchema } from '../schemas'

/**
 * The JSON last sent for a trends answer, with the rubrics it was labelled from. The db layer hands out the same
 * Trends object until the data changes (its aggregate cache), and a rubric reload replaces the Rubric objects, so
 * the same answer with the same rubrics is the same text: ~1,000 points are not re-assembled and serialized.
 */
const sentTrends = new WeakMap<Trends, { rubrics: readonly Rubric[]; json: Buffer }>()

const sameRubrics = (a: readonly Rubric[], b: readonly Rubric[]) =>
  a.length === b.length && a.every((r, i) => r === b[i])

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
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
          'up to to; pass from (and to) to widen or move the window.',
        querystring: trendsQuery,
        // Documented for OpenAPI; the handler sends the answer serialized once (see below), so ~1,000 points are
        // not validated and serialized again by the route's schema.
        response: { 200: trendsSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { interval, ...asked } = request.query
      const filters = trendWindow(app.db, asked, interval)
      const rubrics = app.rubrics.list()
      const answer = trends(app.db, filters, interval)
      const json = 'application/json; charset=utf-8'
      const sent = sentTrends.get(answer)
      if (sent !== undefined && sameRubrics(sent.rubrics, rubrics))
        return reply.type(json).send(sent.json as never)
      const promptFor = promptsForCriteria(rubrics)
      const labels = new Map<string, string>()
      // Label criteria as the filtered rubric names them, else as the first rubric that has them.
      const preferred = filters.rubricId === undefined ? undefined : app.rubrics.get(filters.rubricId)
      for (const r of preferred === undefined ? rubrics : [preferred, ...rubrics]) {
        for (const c of r.criteria) if (!labels.has(c.id)) labels.set(c.id, c.label)
      }
      const criteria: {
        criterionId: string
        label: string
        promptId: string | null
        points: { period: string; attempts: number; average: number }[]
      }[] = []
      for (const row of answer.criteria) {
        let entry = criteria[criteria.length - 1]
        if (entry?.criterionId !== row.criterionId) {
          entry = {
            criterionId: row.criterionId,
            label: labels.get(row.criterionId) ?? row.criterionId,
            promptId: promptFor.get(row.criterionId) ?? null,
            points: [],
          }
          criteria.push(entry)
        }
        entry.points.push({ period: row.period, attempts: row.attempts, average: row.average })
      }
      const body: z.infer<typeof trendsSchema> = {
        interval,
        timezone: 'UTC',
        from: filters.from === undefined ? null : new Date(filters.from).toISOString(),
        to: filters.to === undefined ? null : new Date(filters.to).toISOString(),
        overall: answer.overall,
        criteria,
      }
      // A string payload skips the route's serializer; the type above keeps the shape the schema documents.
      // The type provider only knows the object form of the 200 schema, hence the cast.
      // Kept as UTF-8 bytes: a repeat sends them without encoding ~200 KB of text again.
      const bytes = Buffer.from(JSON.stringify(body))
      sentTrends.set(answer, { rubrics, json: bytes })
      return reply.type(json).send(bytes as never)
    },
  )

  app.get(
    '/api/coverage',
    {
      schema: {
        tags: ['progress'],
        summary: 'Best score so far per leadership principle, competency and theme',
        description:
          'An attempt counts for every tag of its prompt. An area never practised has best: null and ' +
          'status "none yet".',
        response: { 200: coverageSchema },
      },
    },
    async () => {
      const practice = new Map(practiceByArea(app.db).map((p) => [p.tag, p]))
      const areas = coverageOfAreas(app.rubrics.list(), practice)
      return { areas, practised: areas.filter((a) => a.best !== null).length, total: areas.length }
    },
  )
}
