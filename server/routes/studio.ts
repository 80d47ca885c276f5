// The rubric studio's routes: try a draft (never written), read a rubric's file, save a draft (only when
// STARBOARD_STUDIO_WRITE=1), and the event stream that tells pages the rubrics in service changed.

import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../contract/common'
import {
  MAX_DRAFT_BYTES,
  previewRequestSchema,
  previewResponseSchema,
  rubricParams,
  rubricSourceSchema,
  saveRefusedSchema,
  saveRubricRequestSchema,
  saveRubricResponseSchema,
  studioSchema,
} from '../../contract/rubrics'
import { errorBody, HttpError, notFound } from '../errors'
import { EventHub } from '../events'
import { RubricPreviewer } from '../rubric-preview'
import { RUBRIC_SCAFFOLD } from '../rubric-scaffold'
import type { WriteRouteOptions } from './write-limit'

export interface StudioRoutesOptions extends WriteRouteOptions {
  /**
   * Whether PUT /api/rubrics/:id writes rubric files (STARBOARD_STUDIO_WRITE=1); in team mode, decided per request
   * (instructors and admins).
   */
  write: boolean | ((request: FastifyRequest) => boolean)
  /** How often the event stream sends a keep-alive comment (default 15 s). */
  heartbeatMs?: number
}

/** Room for a draft of MAX_DRAFT_BYTES even when every character is sent as a `\uXXXX` escape, and an answer. */
const DRAFT_BODY_LIMIT = MAX_DRAFT_BYTES * 6 + 128 * 1024

const WRITE_OFF_MESSAGE =
  'Saving from the studio is switched off. Start the server with STARBOARD_STUDIO_WRITE=1 to let the studio ' +
  'write rubric files into the rubrics folder; until then, copy the YAML into the folder yourself.'

const TEAM_WRITE_MESSAGE =
  'Saving rubrics from the studio is for instructors and admins; ask an admin of this server for the instructor role.'

const saveParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'id must be kebab-case: lower-case letters, digits and single hyphens',
    })
    .max(100, { error: 'id must be at most 100 characters' }),
})

/** A fingerprint of what pages show of the rubrics: which are served, at which version, and the file problems. */
function servedState(app: Parameters<FastifyPluginAsyncZod>[0]): string {
  return JSON.stringify([
    app.rubrics.list().map((r) => [r.id, r.hash, r.file]),
    app.rubrics.stale(),
    app.rubrics.errors().map((e) => [e.file, e.line, e.column, e.ruleId, e.message, e.severity]),
  ])
}

export const studioRoutes: FastifyPluginAsyncZod<StudioRoutesOptions> = async (app, options) => {
  const previewer = new RubricPreviewer({ served: () => app.rubrics.list() })
  const hub = new EventHub(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs })
  let served = servedState(app)
  const stop = app.rubrics.onChange(() => {
    try {
      const now = servedState(app)
      if (now === served) return
      served = now
      hub.send('rubrics', { generation: app.rubrics.generation, loadedAt: app.rubrics.loadedAt })
    } catch (err) {
      app.log.error({ err }, 'Telling pages about the rubrics failed')
    }
  })
  // Streams end before the server closes, so closing never waits on a page that is listening.
  app.addHook('preClose', async () => {
    stop()
    hub.close()
  })
  app.addHook('onClose', async () => previewer.close())

  app.get(
    '/api/rubrics/studio',
    {
      schema: {
        tags: ['rubrics'],
        summary: 'What the rubric studio may do, and a new rubric to start from',
        response: { 200: studioSchema },
      },
    },
    async (request) => {
      const write = typeof options.write === 'function' ? options.write(request) : options.write
      return {
        write,
        writeHelp: write
          ? `Saving writes <id>.yaml into the rubrics folder; the server picks it up within a second.`
          : typeof options.write === 'function'
            ? TEAM_WRITE_MESSAGE
            : WRITE_OFF_MESSAGE,
        scaffold: RUBRIC_SCAFFOLD,
        maxBytes: MAX_DRAFT_BYTES,
      }
    },
  )

  app.get(
    '/api/rubrics/:id/source',
    {
      schema: {
        tags: ['rubrics'],
        summary: "A rubric's file as it is on disk, to edit in the studio",
        description:
          'The file of the rubric in service with this id, or else the file named `<id>.yaml` when it has errors.',
        params: rubricParams,
        response: { 200: rubricSourceSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { id } = request.params
      // A rubric in service, or the file named after it that has errors (to fix it in the studio).
      const file = app.rubrics.get(id)?.file ?? app.rubrics.fileWithErrors(id)
      if (file === undefined) throw notFound(`No rubric '${id}' is in service; GET /api/rubrics lists them`)
      try {
        const yaml = await readFile(join(app.rubrics.dir, basename(file)), 'utf8')
        return { id, file, yaml }
      } catch {
        throw notFound(`The file of rubric '${id}' (${file}) cannot be read now; it may have been removed`)
      }
    },
  )

  app.post(
    '/api/rubrics/preview',
    {
      bodyLimit: DRAFT_BODY_LIMIT,
      schema: {
        tags: ['rubrics'],
        summary: 'Try a draft rubric file: its problems, an answer scored with it, its examples run',
        description:
          'Validates the draft against the rubrics in service, so `extends` and tags resolve; a draft with the id ' +
          'of a rubric in service stands in for it, for this preview only. Problems carry line, column, path and ' +
          'rule id; failing examples and coverage gaps are warnings. `evidence` lists every span of the answer a ' +
          'criterion matched. Nothing is written.',
        body: previewRequestSchema,
        response: { 200: previewResponseSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request) => previewer.preview(request.body.yaml, request.body.answer),
  )

  app.put(
    '/api/rubrics/:id',
    {
      bodyLimit: DRAFT_BODY_LIMIT,
      config: options.writeConfig,
      // Refused before the body is looked at, so the answer says at once how to switch saving on.
      preValidation: async (request) => {
        const { write } = options
        if (typeof write === 'function') {
          if (!write(request)) throw new HttpError(403, TEAM_WRITE_MESSAGE)
        } else if (!write) throw new HttpError(403, WRITE_OFF_MESSAGE)
      },
      schema: {
        tags: ['rubrics'],
        summary: 'Save a rubric file from the studio',
        description:
          'Only when the server runs with STARBOARD_STUDIO_WRITE=1 (else 403). The draft must have no errors ' +
          '(else 422 with its problems) and name the id in the path. Writes `<id>.yaml` into the rubrics folder ' +
          'in one step (a temporary file, then renamed); the folder watcher then puts it in service.',
        params: saveParams,
        body: saveRubricRequestSchema,
        response: {
          200: saveRubricResponseSchema,
          400: errorSchema,
          403: errorSchema,
          409: errorSchema,
          413: errorSchema,
          422: saveRefusedSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const draft = await previewer.compile(request.body.yaml)
      const problems = draft.problems.filter((p) => p.severity === 'error')
      const named = draft.rubric?.id
      if (problems.length === 0 && named !== undefined && named !== id) {
        problems.push({
          line: 1,
          column: 1,
          path: 'id',
          ruleId: 'id-mismatch',
          message: `The draft's id is '${named}', but it is being saved as '${id}'; make them the same`,
          severity: 'error',
        })
      }
      if (problems.length > 0 || draft.rubric === undefined) {
        const first = problems[0]
        const message =
          first === undefined
            ? 'The draft cannot be saved'
            : `The draft has ${problems.length === 1 ? 'an error' : `${problems.length} errors`}; fix ${problems.length === 1 ? 'it' : 'them'} before saving (line ${first.line}: ${first.message})`
        return reply.code(422).send({ ...errorBody(422, message, 'yaml'), problems })
      }
      const file = `${id}.yaml`
      const inService = app.rubrics.get(id)
      if (inService !== undefined && inService.file !== file) {
        throw new HttpError(
          409,
          `Rubric '${id}' is kept in ${inService.file}, not ${file}; rename that file to ${file} first, so the two never compete for the id`,
        )
      }
      const target = join(app.rubrics.dir, file)
      const created = !existsSync(target)
      // Written whole, then renamed over the old file: the watcher never reads half a file. The temporary
      // name does not end in .yaml, so the watcher ignores it.
      const temp = join(app.rubrics.dir, `.${file}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        await writeFile(temp, request.body.yaml, { encoding: 'utf8', flag: 'wx' })
        await rename(temp, target)
      } catch (err) {
        await rm(temp, { force: true })
        request.log.error({ err }, `Saving ${target} failed`)
        throw new HttpError(
          500,
          `The rubric file could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}); check that the rubrics folder is writable`,
        )
      }
      request.log.info(`Studio saved rubric '${id}' to ${target}`)
      return { id, file, created }
    },
  )

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['service'],
        summary: 'Server-Sent Events: tells open pages when the rubrics in service change',
        description:
          'A `text/event-stream`. `event: rubrics` (data: `{generation, loadedAt}`) whenever the rubrics in ' +
          'service, their versions or the problems in their files change; a comment line every 15 s keeps the ' +
          'connection alive. The stream is not ended by the request timeout. At most a quarter of the connection ' +
          'cap may listen at once; beyond that, 503.',
        response: { 503: errorSchema },
      },
    },
    async (request, reply) => {
      const cap = app.server.maxConnections
      const most = Number.isFinite(cap) && cap > 0 ? Math.max(1, Math.floor(cap / 4)) : 64
      if (hub.size >= most) {
        reply.header('retry-after', '30')
        throw new HttpError(
          503,
          `Too many pages are listening for changes (${hub.size}); close some Starboard tabs, or raise STARBOARD_MAX_CONNECTIONS`,
        )
      }
      reply.hijack()
      hub.open(request.raw, reply.raw)
    },
  )
}
