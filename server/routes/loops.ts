// Mock loops: start one (questions chosen from the practice history and a seed), answer its questions with one
// probe round each, read it back with its debrief, and export the debrief as Markdown.

import { randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../contract/common'
import {
  createdLoopSchema,
  createLoopBody,
  LOOP_SIZE,
  listLoopsQuery,
  loopAnswerBody,
  loopAnsweredSchema,
  loopListSchema,
  loopParams,
  loopSchema,
} from '../../contract/loops'
import { probeCriterionId } from '../../engine/index'
import { attemptCountsFor, ownerOf, practiceFor, visibleId } from '../auth/scope'
import { badRequest, HttpError, notFound } from '../errors'
import { debriefMarkdown } from '../loop-debrief'
import { planLoop } from '../loop-plan'
import { type LoopLookups, loopSummaryView, loopView } from '../loop-views'
import { scoreSoon } from '../score-queue'
import {
  promptTakingAnswers,
  refuseWritesWhileStorageFails,
  WRITE_ERRORS,
  type WriteRouteOptions,
} from './write-limit'

const noLoop = (id: string) => notFound(`No loop with id '${id}'; GET /api/loops lists the loops`)

export const loopRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const writeConfig = options.writeConfig
  const rubricFor = (id: string) => app.rubrics.get(id)
  const lookups: LoopLookups = {
    findPrompt: (id) => app.rubrics.findPrompt(id),
    rubric: (id) => app.rubrics.get(id),
  }
  const store = app.store
  const loaded = async (request: FastifyRequest, idText: string) => {
    const id = await visibleId(app, request, 'loop', idText)
    const loop = id === undefined ? undefined : await store.findLoop(id)
    if (loop === undefined) throw noLoop(idText)
    return loop
  }

  refuseWritesWhileStorageFails(app)

  app.post(
    '/api/loops',
    {
      config: writeConfig,
      schema: {
        tags: ['loops'],
        summary: 'Start a mock loop',
        description:
          `Chooses ${LOOP_SIZE.default} questions by default (${LOOP_SIZE.min}–${LOOP_SIZE.max}), each from a ` +
          'different Leadership Principle: the pinned principles first, then areas never practised, then the ' +
          'weakest by their recent average under their own rubric. The same seed on the same history gives the ' +
          'same questions; without one, a seed is made and answered. The body is JSON ({} for the defaults).',
        body: createLoopBody,
        response: {
          201: createdLoopSchema,
          400: errorSchema,
          409: errorSchema,
          429: errorSchema,
          503: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const size = request.body.size ?? LOOP_SIZE.default
      const seed = request.body.seed ?? randomBytes(6).toString('hex')
      const pinned = request.body.principles ?? []
      const plan = planLoop({
        rubrics: app.rubrics.list(),
        practice: new Map((await practiceFor(app, request)).map((p) => [p.tag, p])),
        attemptsByPrompt: await attemptCountsFor(app, request),
        size,
        pinned,
        seed,
      })
      if (!plan.ok) {
        throw plan.status === 400
          ? badRequest(plan.message, plan.field)
          : new HttpError(plan.status, plan.message)
      }
      const id = await store.insertLoop({
        seed,
        principles: [...new Set(pinned)],
        createdAt: app.clock(),
        questions: plan.questions,
        ownerId: ownerOf(request) ?? null,
      })
      return reply
        .code(201)
        .header('location', `/api/loops/${id}`)
        .send({ id, seed, status: 'in-progress' as const, questions: plan.questions })
    },
  )

  app.get(
    '/api/loops',
    {
      schema: {
        tags: ['loops'],
        summary: 'List loops, newest first',
        querystring: listLoopsQuery,
        response: { 200: loopListSchema, 400: errorSchema },
      },
    },
    async (request) => ({
      loops: (await store.listLoops({ limit: request.query.limit, ownerId: ownerOf(request) })).map(
        loopSummaryView,
      ),
    }),
  )

  app.get(
    '/api/loops/:id',
    {
      schema: {
        tags: ['loops'],
        summary: 'One loop: its questions, answered or not, and the debrief once every one is answered',
        description:
          'status is in-progress until every question has an attempt (a deleted attempt makes its question ' +
          'unanswered again). The debrief gives per question the score, band, STAR balance and probe answers; ' +
          'per principle a verdict; the strongest and weakest principles; and story-reused warnings for two ' +
          'answers that tell the same story (shingled word overlap, with the threshold).',
        params: loopParams,
        response: { 200: loopSchema, 404: errorSchema },
      },
    },
    async (request) => loopView(store, await loaded(request, request.params.id), lookups),
  )

  app.get(
    '/api/loops/:id/debrief.md',
    {
      schema: {
        tags: ['loops'],
        summary: "The loop's debrief as Markdown",
        params: loopParams,
        produces: ['text/markdown'],
        response: {
          200: z.string().describe('The debrief, as a Markdown download.'),
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const view = await loopView(store, await loaded(request, request.params.id), lookups)
      if (view.debrief === null) {
        const left = view.questions.filter((q) => q.attemptId === null).length
        throw new HttpError(
          409,
          `Loop ${view.id} has ${left} unanswered question${left === 1 ? '' : 's'}; the debrief comes once every question is answered`,
        )
      }
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="starboard-loop-${view.id}-debrief.md"`)
        .send(debriefMarkdown(view, view.debrief))
    },
  )

  app.post(
    '/api/loops/:id/answers',
    {
      config: writeConfig,
      schema: {
        tags: ['loops'],
        summary: 'Answer one question of a loop, with its probe round',
        description:
          'Scores the answer with the rubric of its prompt and stores it as an attempt linked to the loop. ' +
          'followUps answer probes of that report (probe-<criterionId>); the answer and its follow-ups are ' +
          'scored together, a follow-up only adding (no criterion earns less than the answer alone did), and ' +
          'the report of the answer alone stays in the attempt’s history. Each question ' +
          'is answered once (409 after); a question whose rubric became a draft takes no answer (409).',
        params: loopParams,
        body: loopAnswerBody,
        response: {
          201: loopAnsweredSchema,
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const loop = await loaded(request, request.params.id)
      const { promptId, answer, durationMs } = request.body
      const question = loop.questions.find((q) => q.promptId === promptId)
      if (question === undefined) {
        throw notFound(
          `Prompt '${promptId}' is not a question of loop ${loop.id}; its questions are ${loop.questions.map((q) => q.promptId).join(', ')}`,
        )
      }
      if (question.attemptId !== null) throw answeredTwice(loop.id, promptId, question.attemptId)
      // As POST /api/attempts: a draft's prompt takes no attempts, even in a loop started before it became one.
      const entry = promptTakingAnswers(app.rubrics, promptId)
      const rubric = entry?.rubric ?? app.rubrics.get(question.rubricId)
      if (rubric === undefined) {
        throw new HttpError(
          409,
          `Prompt '${promptId}' and rubric '${question.rubricId}' are no longer in service, so this answer cannot be scored; restore the rubric file (see GET /api/rubrics/errors)`,
        )
      }
      const followUps = (request.body.followUps ?? []).map((f, i) => {
        const criterion = rubric.criteria.find(
          (c) => c.id === probeCriterionId(f.probeId) && c.probe !== undefined,
        )
        if (criterion === undefined || criterion.probe === undefined) {
          throw new HttpError(
            404,
            `No probe '${f.probeId}' in rubric '${rubric.id}'; a follow-up answers one of the report's probes (probe-<criterionId>)`,
            `followUps.${i}.probeId`,
          )
        }
        return { probeId: f.probeId, criterionId: criterion.id, question: criterion.probe, answer: f.answer }
      })
      if (new Set(followUps.map((f) => f.probeId)).size < followUps.length) {
        throw badRequest('followUps answer the same probe twice; answer each probe once', 'followUps')
      }
      const tags = entry?.prompt.tags ?? [question.rubricId]
      const alone = await scoreSoon(answer, rubric, { tags, rubricFor })
      const together =
        followUps.length === 0 ? alone : await scoreSoon(answer, rubric, { tags, rubricFor }, followUps)
      const outcome = await store.answerLoopQuestion(
        loop.id,
        promptId,
        {
          promptId,
          answer,
          durationMs: durationMs ?? null,
          tags,
          report: alone.report(),
          areaScores: alone.areaScores,
          reportJson: alone.json,
          createdAt: app.clock(),
        },
        followUps.length === 0
          ? undefined
          : { items: followUps, report: together.report(), areaScores: together.areaScores },
      )
      if (outcome.kind === 'no-loop') throw noLoop(request.params.id)
      if (outcome.kind === 'no-question')
        throw notFound(`Prompt '${promptId}' is not a question of loop ${loop.id}`)
      if (outcome.kind === 'answered-already') throw answeredTwice(loop.id, promptId, outcome.attemptId)
      const answeredNow = loop.questions.filter((q) => q.attemptId !== null).length + 1
      return reply
        .code(201)
        .header('location', `/api/attempts/${outcome.attemptId}`)
        .send({
          loopId: loop.id,
          attemptId: outcome.attemptId,
          promptId,
          status: answeredNow === loop.questions.length ? ('complete' as const) : ('in-progress' as const),
          report: together.report(),
        })
    },
  )
}

const answeredTwice = (loopId: number, promptId: string, attemptId: number) =>
  new HttpError(
    409,
    `Question '${promptId}' of loop ${loopId} is answered already (attempt ${attemptId}); a loop question is answered once`,
  )
