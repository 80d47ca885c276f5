// Attempt routes: store a scored answer, list and filter attempts, read one, delete one, re-score one.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  type AttemptPosition,
  type AttemptSort,
  type AttemptSummary,
  deleteAttempt,
  findAttempt,
  insertAttempt,
  listAttempts,
  listReplacedReports,
  type ReplacedReport,
  replaceAttemptReport,
  type SortOrder,
} from '../../db/index'
import { criterionDifferences, type ScoreReport, score } from '../../engine/index'
import { badRequest, HttpError, notFound } from '../errors'
import {
  attemptParams,
  attemptSchema,
  attemptSummarySchema,
  createAttemptBody,
  errorSchema,
  listAttemptsQuery,
  reportSchema,
  rescoreSchema,
} from '../schemas'
import type { WriteRouteOptions } from './write-limit'

export const iso = (ms: number) => new Date(ms).toISOString()

/** Attempt ids are positive integers; anything else cannot name an attempt, so it is simply unknown. */
export function parseAttemptId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined
  const id = Number(text)
  return Number.isSafeInteger(id) ? id : undefined
}

const noAttempt = (id: string) =>
  notFound(`No attempt with id '${id}'; GET /api/attempts lists the stored attempts`)

export interface ListOrder {
  sort: AttemptSort
  order: SortOrder
}

const NEWEST_FIRST: ListOrder = { sort: 'createdAt', order: 'desc' }

/** What a cursor starts with for each order; newest first keeps the bare `createdAt:id` it always had. */
function cursorPrefix({ sort, order }: ListOrder): string {
  return sort === 'createdAt' && order === 'desc'
    ? ''
    : `${sort === 'score' ? 's' : 't'}${order === 'asc' ? 'a' : 'd'}:`
}

/** Cursors are opaque to clients: base64url of the list's order and where the previous page ended. */
export function encodeCursor(position: AttemptPosition, list: ListOrder = NEWEST_FIRST): string {
  const key = list.sort === 'score' ? `${position.score}:` : ''
  return Buffer.from(`${cursorPrefix(list)}${key}${position.createdAt}:${position.id}`).toString('base64url')
}

export function decodeCursor(cursor: string, list: ListOrder = NEWEST_FIRST): AttemptPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const prefix = cursorPrefix(list)
  const match = /^(?:(\d{1,3}):)?(\d{1,16}):(\d{1,16})$/.exec(text.slice(prefix.length))
  if (!text.startsWith(prefix) || match === null || (match[1] !== undefined) !== (list.sort === 'score')) {
    throw badRequest(
      'cursor is not one this server gave out for this sort and order; pass nextCursor from the previous ' +
        'page unchanged, with the same sort and order (or leave cursor out to start again)',
    )
  }
  return {
    createdAt: Number(match[2]),
    id: Number(match[3]),
    ...(match[1] === undefined ? {} : { score: Number(match[1]) }),
  }
}

export function summaryOf(a: AttemptSummary, promptText: string | null = null) {
  return {
    id: a.id,
    promptId: a.promptId,
    promptText,
    rubricId: a.rubricId,
    score: a.score,
    band: { id: a.bandId, label: a.bandLabel },
    durationMs: a.durationMs,
    createdAt: iso(a.createdAt),
    scoredAt: iso(a.scoredAt),
    excerpt: a.excerpt,
    answerLength: a.answerLength,
  }
}

function replacedOf(r: ReplacedReport) {
  return {
    rubricId: r.rubricId,
    rubricHash: r.rubricHash,
    engineVersion: r.engineVersion,
    score: r.score,
    band: { id: r.bandId, label: r.bandLabel },
    scoredAt: iso(r.scoredAt),
    replacedAt: iso(r.replacedAt),
    report: r.report as ScoreReport,
  }
}

export const attemptRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const writeConfig = options.writeConfig

  app.post(
    '/api/attempts',
    {
      config: writeConfig,
      schema: {
        tags: ['attempts'],
        summary: 'Score and store an attempt',
        description:
          'Scores the answer with the rubric of the prompt and stores attempt, report, per-criterion ' +
          'scores and tags in one transaction. Answers up to 20,000 characters.',
        body: createAttemptBody,
        // Documented for OpenAPI; the handler sends the report as the engine made it, already serialized once
        // for storage, so the schema is not checked again on the way out (the engine's types are the contract).
        response: {
          201: z.object({ id: z.number().int(), report: reportSchema }),
          400: errorSchema,
          404: errorSchema,
          413: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { promptId, answer, durationMs } = request.body
      const entry = app.rubrics.findPrompt(promptId)
      if (entry === undefined) {
        throw notFound(`No prompt '${promptId}' is in service; GET /api/prompts lists them`)
      }
      const report = score(answer, entry.rubric)
      const reportJson = JSON.stringify(report)
      const id = insertAttempt(app.db, {
        promptId,
        answer,
        durationMs: durationMs ?? null,
        tags: entry.prompt.tags,
        report,
        reportJson,
        createdAt: app.clock(),
      })
      // A string payload skips the route's serializer: the stored JSON text is the answer's report. The type
      // provider only knows the object form of the 201 schema, hence the cast.
      const body = `{"id":${id},"report":${reportJson}}`
      return reply
        .code(201)
        .header('location', `/api/attempts/${id}`)
        .type('application/json; charset=utf-8')
        .send(body as never)
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
        response: {
          200: z.object({ attempts: z.array(attemptSummarySchema), nextCursor: z.string().nullable() }),
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const { limit, cursor, sort, order, ...filters } = request.query
      const list = { sort, order }
      const page = listAttempts(app.db, filters, {
        limit,
        sort,
        order,
        after: cursor === undefined ? undefined : decodeCursor(cursor, list),
      })
      const last = page.attempts[page.attempts.length - 1]
      return {
        attempts: page.attempts.map((a) =>
          summaryOf(a, app.rubrics.findPrompt(a.promptId)?.prompt.text ?? null),
        ),
        nextCursor: page.more && last !== undefined ? encodeCursor(last, list) : null,
      }
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
      const id = parseAttemptId(request.params.id)
      const attempt = id === undefined ? undefined : findAttempt(app.db, id)
      if (attempt === undefined) throw noAttempt(request.params.id)
      return {
        id: attempt.id,
        promptId: attempt.promptId,
        promptText: app.rubrics.findPrompt(attempt.promptId)?.prompt.text ?? null,
        rubricId: attempt.rubricId,
        rubricHash: attempt.rubricHash,
        engineVersion: attempt.engineVersion,
        answer: attempt.answer,
        score: attempt.score,
        band: { id: attempt.bandId, label: attempt.bandLabel },
        durationMs: attempt.durationMs,
        createdAt: iso(attempt.createdAt),
        scoredAt: iso(attempt.scoredAt),
        tags: attempt.tags,
        report: attempt.report as ScoreReport,
        history: listReplacedReports(app.db, attempt.id).map(replacedOf),
      }
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
        response: { 204: z.null().describe('Deleted.'), 404: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const id = parseAttemptId(request.params.id)
      if (id === undefined || !deleteAttempt(app.db, id)) throw noAttempt(request.params.id)
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
          "attempt's report; the old one is kept in its history. Answers the per-criterion difference.",
        params: attemptParams,
        response: { 200: rescoreSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (request) => {
      const id = parseAttemptId(request.params.id)
      const attempt = id === undefined ? undefined : findAttempt(app.db, id)
      if (id === undefined || attempt === undefined) throw noAttempt(request.params.id)
      const entry = app.rubrics.findPrompt(attempt.promptId)
      // A prompt that moved out of every rubric can still be scored by the rubric it was scored with.
      const rubric = entry?.rubric ?? app.rubrics.get(attempt.rubricId)
      if (rubric === undefined) {
        throw new HttpError(
          409,
          `Neither prompt '${attempt.promptId}' nor rubric '${attempt.rubricId}' is in service now, so this ` +
            'attempt cannot be re-scored; restore the rubric file (see GET /api/rubrics/errors)',
        )
      }
      const report = score(attempt.answer, rubric)
      const replaced = replaceAttemptReport(app.db, id, {
        report,
        tags: entry?.prompt.tags ?? attempt.tags,
        scoredAt: app.clock(),
      })
      if (replaced === undefined) throw noAttempt(request.params.id)
      const before = replaced.report as ScoreReport
      const { report: _old, ...previous } = replacedOf(replaced)
      return {
        id,
        report,
        previous,
        difference: {
          score: report.score - before.score,
          rubricChanged: report.rubricHash !== before.rubricHash,
          criteria: criterionDifferences(before, report),
        },
      }
    },
  )
}
