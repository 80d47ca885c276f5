// Cohort routes (team mode): create a cohort, invite links (create, revoke), join with a token, list one's cohorts,
// a cohort's progress for its instructors, and sharing of answer texts (per cohort or per attempt; off by default).

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { attemptParams } from '../../contract/attempts'
import { errorSchema } from '../../contract/common'
import {
  cohortBody,
  cohortListSchema,
  cohortParams,
  cohortProgressSchema,
  createdCohortSchema,
  INVITE_DAYS,
  inviteBody,
  inviteParams,
  inviteSchema,
  joinBody,
  joinedSchema,
  sharingBody,
  sharingSchema,
} from '../../contract/team'
import type { CohortRole } from '../../db/cohorts'
import type { Viewer } from '../auth/plugin'
import { visibleId } from '../auth/scope'
import { hashToken, newToken } from '../auth/tokens'
import { cohortProgressView } from '../cohort-progress'
import { HttpError, notFound } from '../errors'
import { iso } from '../views'
import { parseRowId, type WriteRouteOptions } from './write-limit'

const noCohort = (id: string) => notFound(`No cohort with id '${id}'; GET /api/cohorts lists yours`)

const INSTRUCTORS_ONLY = "Only the cohort's instructors and admins may do this."

export const cohortRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const team = app.team
  if (team === undefined) return
  const writeConfig = options.writeConfig
  const store = app.store

  const viewerOf = (request: { viewer: Viewer | null }): Viewer => {
    // The team plugin answers 401 before any route here runs without a session.
    if (request.viewer === null) throw new HttpError(401, 'Sign in first.')
    return request.viewer
  }

  /**
   * The cohort the path names, when the viewer may see it: a member or an admin. Another cohort answers 404, as
   * one that does not exist; `instructor` further needs the viewer to teach it (a candidate member gets 403).
   */
  const cohortFor = async (viewer: Viewer, idText: string, need: 'member' | 'instructor') => {
    const id = parseRowId(idText)
    if (id === undefined || !(await store.cohortExists(id))) throw noCohort(idText)
    const member: CohortRole | undefined =
      viewer.role === 'admin' ? 'instructor' : await store.membership(id, viewer.id)
    if (member === undefined) throw noCohort(idText)
    // An account moved back to candidate teaches no more: its instructor memberships stay on record, but give
    // nothing until the account is an instructor again.
    const role: CohortRole = member === 'instructor' && viewer.role === 'candidate' ? 'candidate' : member
    if (need === 'instructor' && role !== 'instructor') throw new HttpError(403, INSTRUCTORS_ONLY)
    return { id, role }
  }

  app.post(
    '/api/cohorts',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: 'Create a cohort (instructors and admins)',
        body: cohortBody,
        response: { 201: createdCohortSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request)
      if (viewer.role === 'candidate') throw new HttpError(403, 'Only instructors and admins create cohorts.')
      const { name } = request.body
      const id = await store.createCohort(name, viewer.id, app.clock())
      return reply.code(201).header('location', `/api/cohorts/${id}`).send({ id, name })
    },
  )

  app.get(
    '/api/cohorts',
    {
      schema: {
        tags: ['cohorts'],
        summary: "The viewer's cohorts (an admin's: every cohort)",
        response: { 200: cohortListSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(request)
      return {
        cohorts: (await store.listCohorts(viewer.id, viewer.role === 'admin')).map((c) => ({
          ...c,
          createdAt: iso(c.createdAt),
        })),
      }
    },
  )

  app.post(
    '/api/cohorts/:id/invites',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: 'Make an invite link to the cohort',
        description:
          'The token is shown once (only its hash is kept). Anyone holding it may sign up (also when sign-up is ' +
          `invite-only) and join the cohort as a candidate, until the invite expires (after ${INVITE_DAYS.default} ` +
          `days, or \`expiresInDays\`, 1 to ${INVITE_DAYS.max}) or is revoked. The body is {} or {expiresInDays} as JSON.`,
        params: cohortParams,
        body: inviteBody,
        response: { 201: inviteSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request)
      const cohort = await cohortFor(viewer, request.params.id, 'instructor')
      const token = newToken()
      const now = app.clock()
      const expiresAt = now + (request.body?.expiresInDays ?? INVITE_DAYS.default) * 86_400_000
      const id = await store.createInvite(cohort.id, hashToken(token), viewer.id, now, expiresAt)
      const url = `${team.options.baseURL}/signup?invite=${encodeURIComponent(token)}`
      return reply.code(201).send({ id, token, url, expiresAt: iso(expiresAt) })
    },
  )

  app.delete(
    '/api/cohorts/:id/invites/:inviteId',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: 'Revoke an invite link: its token is refused from now on',
        params: inviteParams,
        response: { 204: z.null().describe('Revoked.'), 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request)
      const cohort = await cohortFor(viewer, request.params.id, 'instructor')
      const inviteId = parseRowId(request.params.inviteId)
      if (inviteId === undefined || !(await store.revokeInvite(cohort.id, inviteId, app.clock()))) {
        throw notFound(`Cohort ${cohort.id} has no invite with id '${request.params.inviteId}'`)
      }
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/cohorts/join',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: 'Join a cohort with an invite token',
        description:
          'As a candidate; an instructor of the cohort stays its instructor. A revoked or expired token is refused ' +
          '(404).',
        body: joinBody,
        response: { 200: joinedSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(request)
      const invite = await store.findUsableInvite(hashToken(request.body.token), app.clock())
      if (invite === undefined)
        throw notFound(
          'No invite has this token, or it expired or was revoked; ask your instructor for a new link.',
        )
      const role = await store.joinCohort(invite.cohortId, viewer.id, 'candidate', app.clock())
      return { cohortId: invite.cohortId, name: (await store.cohortName(invite.cohortId)) ?? '', role }
    },
  )

  app.get(
    '/api/cohorts/:id/progress',
    {
      schema: {
        tags: ['cohorts'],
        summary: "A cohort's progress, for its instructors and admins",
        description:
          'Members with their attempts per week and whether they practised this week, the coverage heat map (each ' +
          "candidate's best score per area), the weakest criteria with a prompt for each, and the latest attempts " +
          'with scores and criteria. Answer texts only where the candidate shares them. A candidate of the cohort ' +
          'gets 403; anyone outside it 404.',
        params: cohortParams,
        response: { 200: cohortProgressSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(request)
      const cohort = await cohortFor(viewer, request.params.id, 'instructor')
      const [name, members, attempts, coverage] = await Promise.all([
        store.cohortName(cohort.id),
        store.cohortMembersOf(cohort.id),
        store.cohortAttempts(cohort.id),
        store.cohortCoverage(cohort.id),
      ])
      return cohortProgressView({
        cohort: { id: cohort.id, name: name ?? '' },
        members,
        attempts,
        coverage,
        rubrics: app.rubrics.list().filter((r) => r.draft !== true),
        promptText: (id) => app.rubrics.findPrompt(id)?.prompt.text,
        now: app.clock(),
      })
    },
  )

  app.put(
    '/api/cohorts/:id/sharing',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: "Share (or stop sharing) every answer text of one's own with the cohort's instructors",
        params: cohortParams,
        body: sharingBody,
        response: { 200: sharingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(request)
      const id = parseRowId(request.params.id)
      if (id === undefined || !(await store.setCohortSharing(id, viewer.id, request.body.share))) {
        throw noCohort(request.params.id)
      }
      return { share: request.body.share }
    },
  )

  app.put(
    '/api/attempts/:id/sharing',
    {
      config: writeConfig,
      schema: {
        tags: ['cohorts'],
        summary: "Share (or stop sharing) one attempt's answer text with the instructors of one's cohorts",
        params: attemptParams,
        body: sharingBody,
        response: { 200: sharingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const viewer = viewerOf(request)
      const id = await visibleId(app, request, 'attempt', request.params.id)
      if (id === undefined || !(await store.setAttemptSharing(id, viewer.id, request.body.share))) {
        throw notFound(
          `No attempt with id '${request.params.id}'; GET /api/attempts lists the stored attempts`,
        )
      }
      return { share: request.body.share }
    },
  )
}
