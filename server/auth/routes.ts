// Team mode's account routes: the account probe the client starts from, and accounts and roles for admins.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../contract/common'
import { accountSchema, roleBody, userListSchema, userParams } from '../../contract/team'
import { HttpError, notFound } from '../errors'
import type { WriteRouteOptions } from '../routes/write-limit'
import { iso } from '../views'

export const accountRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const team = app.team
  const store = app.store
  if (team === undefined) {
    // Local mode: the client asks once which mode it is in. Not listed in the API documentation, which is local
    // mode's as it always was.
    app.get('/api/account', { schema: { hide: true, response: { 200: accountSchema } } }, async () => ({
      mode: 'local' as const,
    }))
    return
  }

  app.get(
    '/api/account',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Team mode, and who is signed in',
        description:
          'Answered without a session: the sign-up policy, whether the first (admin) account is still to be made, ' +
          'whether single sign-on is configured, and the signed-in account or null. Not served in local mode.',
        response: { 200: accountSchema },
      },
    },
    async (request) => ({
      mode: 'team' as const,
      signup: team.options.signup,
      firstAccount: (await store.countUsers()) === 0,
      sso: team.options.oidc !== undefined,
      user: request.viewer,
    }),
  )

  const adminOnly = async (request: { viewer: { role: string } | null }) => {
    if (request.viewer?.role !== 'admin')
      throw new HttpError(403, 'Only an admin may see and change accounts.')
  }

  app.get(
    '/api/users',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: 'Every account with its role (admins)',
        response: { 200: userListSchema, 403: errorSchema },
      },
    },
    async () => ({
      users: (await store.listUsers()).map((u) => ({ ...u, createdAt: iso(u.createdAt) })),
    }),
  )

  app.put(
    '/api/users/:id/role',
    {
      config: options.writeConfig,
      preHandler: adminOnly,
      schema: {
        tags: ['accounts'],
        summary: "Change an account's role (admins)",
        description: 'admin, instructor or candidate. An admin cannot change their own role.',
        params: userParams,
        body: roleBody,
        response: {
          200: z.object({ id: z.string(), role: roleBody.shape.role }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params
      if (id === request.viewer?.id)
        throw new HttpError(400, 'An admin cannot change their own role; ask another admin.')
      if (!(await store.setUserRole(id, request.body.role))) throw notFound(`No account with id '${id}'`)
      return { id, role: request.body.role }
    },
  )
}
