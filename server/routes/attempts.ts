// Attempt routes: store a scored answer, list and filter attempts, read one, delete one, re-score one.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  attemptPageSchema,
  attemptParams,
  attemptSchema,
  createAttemptBody,
  createdAttemptSchema,
  listAttemptsQuery,
  rescoreBody,
  rescoreSchema,
} from '../../contract/attempts'
import { errorSchema } from '../../contract/common'
import { ownerOf, visibleId } from '../auth/scope'
import { decodeCursor } from '../cursor'
import { HttpError, notFound } from '../errors'
import { scoreSoon } from '../score-queue'
import { attemptPageView, attemptView, createdAttemptJson, rescoreView } from '../views'
import {
  promptTakingAnswers,
  refuseWritesWhileStorageFails,
  WRITE_ERRORS,
  type WriteRouteOptions,
} from './write-limit'

const noAttempt = (id: string) =>
  notFound(`No attempt with id '${id}'; GET /api/attempts lists the stored attempts`)

export const attemptRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const writeConfig = options.writeConfig
  const promptText = (promptId: string) => app.rubrics.findPrompt(promptId)?.prompt.text ?? null
  const rubricFor = (id: string) => app.rubrics.get(id)
  const store = app.store

  refuseWritesWhileStorageFails(app)

  app.post(
    '/api/attempts',
    {
      config: writeConfig,
      schema: {
        tags: ['attempts'],
        summary: 'Score and store an attempt',
        description:
          'Scores the answer with the rubric of the prompt and stores attempt, report, per-criterion ' +
          'scores, tags and its score under the rubric of each area the prompt is tagged with (for coverage) ' +
          'in one transaction. Answers up to 20,000 characters.',
        body: createAttemptBody,
        // Documented for OpenAPI; the handler sends the report as the engine made it, already serialized once
        // for storage, so the schema is not checked again on the way out (the engine's types are the contract).
        response: {
          201: createdAttemptSchema,
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          413: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { promptId, answer, durationMs } = request.body
      const entry = promptTakingAnswers(app.rubrics, promptId)
      if (entry === undefined) {
        throw notFound(`No prompt '${promptId}' is in service; GET /api/prompts lists them`)
      }
      const scored = await scoreSoon(answer, entry.rubric, { tags: entry.prompt.tags, rubricFor })
      const reportJson = scored.json
      // Stored together with the other attempts ready in this turn, and answered once their commit is done.
      const id = await store.storeAttempt({
        promptId,
        answer,
        durationMs: durationMs ?? null,
        tags: entry.prompt.tags,
        // The stored JSON is the engine's report as scored; `stored` holds the fields the database indexes.
        report: scored.stored,
        areaScores: scored.areaScores,
        reportJson,
        createdAt: app.clock(),
        ownerId: ownerOf(request) ?? null,
      })
      // A string payload skips the route's serializer. The type provider only knows the object form of the
      // 201 schema, hence the cast.
      return reply
        .code(201)
        .header('location', `/api/attempts/${id}`)
        .type('application/json; charset=utf-8')
        .send(createdAttemptJson(id, reportJson) as never)
    },
  )

  app.get(
    '/api/attempts',
    {
      schema: {
        tags: ['attempts'],
        summary: 'List attempts, newest first or by score',
        description:
          'Summary rows (no reports), each with its prompt text (null when no rubric has the prompt now). ' +
          'Filters combine with AND. sort=createdAt|score and order=asc|desc choose the order (default ' +
          'createdAt desc; score ties go by time, then id). Pass nextCursor as cursor, with the same sort and ' +
          'order, for the next page; nextCursor is null on the last page.',
        querystring: listAttemptsQuery,
        response: { 200: attemptPageSchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { limit, cursor, sort, order, ...filters } = request.query
      const list = { sort, order }
      const page = await store.listAttempts(
        { ...filters, ownerId: ownerOf(request) },
        {
          limit,
          sort,
          order,
          after: cursor === undefined ? undefined : decodeCursor(cursor, list),
        },
      )
      return attemptPageView(page, list, promptText)
    },
  )

  app.get(
    '/api/attempts/:id',
    {
      schema: {
        tags: ['attempts'],
        summary: 'One attempt with its report and earlier reports',
        params: attemptParams,
        response: { 200: attemptSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const id = await visibleId(app, request, 'attempt', request.params.id)
      const attempt = id === undefined ? undefined : await store.findAttempt(id)
      if (attempt === undefined) throw noAttempt(request.params.id)
      const [history, followUps, loop] = await Promise.all([
        store.listReplacedReports(attempt.id),
        store.listFollowUps(attempt.id),
        store.loopOfAttempt(attempt.id),
      ])
      return attemptView(attempt, promptText(attempt.promptId), history, followUps, loop)
    },
  )

  app.delete(
    '/api/attempts/:id',
    {
      config: writeConfig,
      schema: {
        tags: ['attempts'],
        summary: 'Delete an attempt and its reports',
        params: attemptParams,
        response: {
          204: z.null().describe('Deleted.'),
          404: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const id = await visibleId(app, request, 'attempt', request.params.id)
      if (id === undefined || !(await store.deleteAttempt(id))) throw noAttempt(request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/attempts/:id/rescore',
    {
      config: writeConfig,
      schema: {
        tags: ['attempts'],
        summary: "Re-score an attempt with today's rubric",
        description:
          "Scores the stored answer with the prompt's rubric as it is now. The new report becomes the " +
          "attempt's report; the old one is kept in its history, which holds the latest 20 (the oldest " +
          'is dropped). A report byte-identical to the stored one changes nothing and adds no history entry ' +
          '(unchanged: true). The answer and its follow-ups are scored together as when they were answered ' +
          '(a follow-up only adds). Answers the per-criterion difference. The body is {} as JSON. An attempt ' +
          'whose prompt and rubric are both out of service is refused with 409 and `code` `rubric-not-in-service`.',
        params: attemptParams,
        body: rescoreBody,
        response: {
          200: rescoreSchema,
          404: errorSchema,
          409: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const id = await visibleId(app, request, 'attempt', request.params.id)
      const attempt = id === undefined ? undefined : await store.findAttempt(id)
      if (id === undefined || attempt === undefined) throw noAttempt(request.params.id)
      const entry = app.rubrics.findPrompt(attempt.promptId)
      // A prompt that moved out of every rubric can still be scored by the rubric it was scored with.
      const rubric = entry?.rubric ?? app.rubrics.get(attempt.rubricId)
      if (rubric === undefined) {
        throw new HttpError(
          409,
          `Neither prompt '${attempt.promptId}' nor rubric '${attempt.rubricId}' is in service now, so this ` +
            'attempt cannot be re-scored; restore the rubric file (see GET /api/rubrics/errors)',
          undefined,
          'rubric-not-in-service',
        )
      }
      const tags = entry?.prompt.tags ?? attempt.tags
      // The answer and its follow-ups are one story: a re-score scores them together, as they were scored, and
      // a follow-up only adds to what the answer earned.
      const followUps = await store.listFollowUps(id)
      const scored = await scoreSoon(attempt.answer, rubric, { tags, rubricFor }, followUps)
      const report = scored.report()
      const replaced = await store.replaceAttemptReport(id, {
        report,
        tags,
        areaScores: scored.areaScores,
        scoredAt: app.clock(),
      })
      if (replaced === undefined) throw noAttempt(request.params.id)
      // Serialized here, as the stored report is: the route's serializer would validate every sentence again.
      return reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(rescoreView(id, report, replaced)) as never)
    },
  )
}
