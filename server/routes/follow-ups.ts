// Follow-ups: a candidate answers one of an attempt's probes; the answer and every follow-up are scored together.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { attemptParams } from '../../contract/attempts'
import { errorSchema } from '../../contract/common'
import { followUpBody } from '../../contract/follow-ups'
import { followUpAddedSchema } from '../../contract/loops'
import { isDuplicateFollowUp } from '../../db/index'
import { probeCriterionId, reportDifference, type ScoreReport } from '../../engine/index'
import { visibleId } from '../auth/scope'
import { HttpError, notFound } from '../errors'
import { scoreSoon } from '../score-queue'
import { followUpView, replacedReportView } from '../views'
import { refuseWritesWhileStorageFails, WRITE_ERRORS, type WriteRouteOptions } from './write-limit'

export const followUpRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const rubricFor = (id: string) => app.rubrics.get(id)
  const store = app.store

  refuseWritesWhileStorageFails(app)

  app.post(
    '/api/attempts/:id/follow-ups',
    {
      config: options.writeConfig,
      schema: {
        tags: ['attempts'],
        summary: "Answer one of an attempt's probes",
        description:
          'Stores the answer to a probe (probeId from the report’s probes) with the attempt, and scores the ' +
          'answer and every follow-up together, as an interviewer hears them. A follow-up only adds: each ' +
          'criterion keeps the best of what the answer earned alone and with each follow-up added, and the total ' +
          'is computed from those, so answering never lowers the score. That report becomes the attempt’s, the ' +
          'one it replaces goes to its history, and `difference` says what the follow-up added. Each probe is ' +
          'answered once: a second answer is refused with 409 and `code` `answered-already` (the first is ' +
          'stored: a client that saw its request fail reads the attempt). A follow-up to an attempt whose ' +
          'rubric is not in service now is refused with 409 and `code` `rubric-not-in-service`.',
        params: attemptParams,
        body: followUpBody,
        response: {
          201: followUpAddedSchema,
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const id = await visibleId(app, request, 'attempt', request.params.id)
      const attempt = id === undefined ? undefined : await store.findAttempt(id)
      if (id === undefined || attempt === undefined) {
        throw notFound(
          `No attempt with id '${request.params.id}'; GET /api/attempts lists the stored attempts`,
        )
      }
      const { probeId, answer } = request.body
      // Answered already comes first: a client retrying a follow-up that was stored learns so even while the
      // rubric is out of service.
      const earlier = await store.listFollowUps(id)
      if (earlier.some((f) => f.probeId === probeId)) throw answeredAlready(probeId)
      const entry = app.rubrics.findPrompt(attempt.promptId)
      const rubric = entry?.rubric ?? app.rubrics.get(attempt.rubricId)
      if (rubric === undefined) {
        throw new HttpError(
          409,
          `Neither prompt '${attempt.promptId}' nor rubric '${attempt.rubricId}' is in service now, so a follow-up ` +
            'cannot be scored; restore the rubric file (see GET /api/rubrics/errors)',
          undefined,
          'rubric-not-in-service',
        )
      }
      const criterionId = probeCriterionId(probeId)
      const criterion = rubric.criteria.find((c) => c.id === criterionId && c.probe !== undefined)
      if (criterion === undefined || criterion.probe === undefined) {
        const offered = (attempt.report as ScoreReport).probes?.map((p) => p.id) ?? []
        throw notFound(
          `No probe '${probeId}' in rubric '${rubric.id}'; ` +
            (offered.length === 0
              ? 'this attempt’s report asks no follow-up questions'
              : `this attempt’s report asks ${offered.join(', ')}`),
        )
      }
      const followUp = { probeId, criterionId: criterion.id, question: criterion.probe, answer }
      const tags = entry?.prompt.tags ?? attempt.tags
      // A follow-up only adds: what the answer (and the follow-ups before this one) earned stays.
      const scored = await scoreSoon(attempt.answer, rubric, { tags, rubricFor }, [...earlier, followUp])
      const report = scored.report()
      const at = app.clock()
      let added: Awaited<ReturnType<typeof store.addFollowUp>>
      try {
        added = await store.addFollowUp(id, followUp, { report, tags, areaScores: scored.areaScores, at })
      } catch (err) {
        // Another request answered the same probe while this one was scoring.
        if (isDuplicateFollowUp(err)) throw answeredAlready(probeId)
        throw err
      }
      if (added === undefined) {
        throw notFound(
          `No attempt with id '${request.params.id}'; GET /api/attempts lists the stored attempts`,
        )
      }
      const before = added.replaced.report as ScoreReport
      return reply
        .code(201)
        .header('location', `/api/attempts/${id}`)
        .send({
          id,
          followUp: followUpView({ ...followUp, id: added.followUpId, attemptId: id, createdAt: at }),
          report,
          previous: replacedReportView(added.replaced),
          difference: reportDifference(before, report),
        })
    },
  )
}

const answeredAlready = (probeId: string) =>
  new HttpError(
    409,
    `Probe '${probeId}' is answered already for this attempt; answer another of its probes`,
    undefined,
    'answered-already',
  )
