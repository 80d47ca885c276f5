// Story routes: write a story once and see its fit with every area, edit it (a new version), list, read, delete,
// and the plan of two distinct stories per Leadership Principle.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errorSchema } from '../../contract/common'
import {
  createdStorySchema,
  type Story,
  type StorySummary,
  storyBody,
  storyListSchema,
  storyParams,
  storyPlanSchema,
  storySchema,
  updatedStorySchema,
} from '../../contract/stories'
import type { DeletedStory, StorySummary as StoryRow } from '../../db/index'
import { hashString } from '../../engine/hash'
import { type Rubric, type StoryFit, storyPlan } from '../../engine/index'
import { ownerOf, visibleId } from '../auth/scope'
import { HttpError, notFound } from '../errors'
import { fitSoon } from '../story-queue'
import { iso } from '../views'
import { refuseWritesWhileStorageFails, WRITE_ERRORS, type WriteRouteOptions } from './write-limit'

const noStory = (id: string) => notFound(`No story with id '${id}'; GET /api/stories lists the stories`)
const wasDeleted = (d: DeletedStory) =>
  new HttpError(
    410,
    `Story ${d.id} ("${d.title}") was deleted on ${iso(d.deletedAt).slice(0, 10)}; pick another story or write it again`,
  )

const parseFit = (json: string) => JSON.parse(json) as StoryFit[]

const WRITE_RESPONSES = {
  400: errorSchema,
  404: errorSchema,
  410: errorSchema,
  413: errorSchema,
  ...WRITE_ERRORS,
} as const

export const storyRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, options) => {
  const writeConfig = options.writeConfig
  const store = app.store

  /**
   * The rubrics a fit is made with (every rubric in service: the areas and what they extend), and their key. A draft
   * is in the list (a rubric may extend it) and in the key (marking a draft changes no hash), but a story's fit leaves
   * it out: candidates are not offered a draft's area.
   */
  const rubricsNow = () => {
    const rubrics = app.rubrics.list()
    return {
      rubrics,
      key: hashString(rubrics.map((r) => `${r.id}@${r.hash}${r.draft ? ' draft' : ''}`).join('\n')),
    }
  }

  /** The story's fit with every area in service that is not a draft. */
  async function fitNow(text: string, rubrics: readonly Rubric[]): Promise<StoryFit[]> {
    const drafts = new Set(rubrics.filter((r) => r.draft === true).map((r) => r.id))
    return (await fitSoon(text, rubrics)).filter((f) => !drafts.has(f.rubricId))
  }

  /** A stored story's fit, made again when the rubrics changed since (the new fit is stored; no version added). */
  async function currentFit(row: Pick<StoryRow, 'id' | 'version' | 'fit' | 'rubricsKey'> & { text: string }) {
    const { rubrics, key } = rubricsNow()
    if (row.rubricsKey === key) return parseFit(row.fit)
    const fit = await fitNow(row.text, rubrics)
    await store.refitStory(row.id, row.version, JSON.stringify(fit), key)
    return fit
  }

  /** Every story with its fit up to date with today's rubrics. */
  async function storiesNow(ownerId: string | undefined): Promise<StorySummary[]> {
    const out: StorySummary[] = []
    const { key } = rubricsNow()
    for (const row of await store.listStories(ownerId)) {
      let fit: StoryFit[]
      if (row.rubricsKey === key) fit = parseFit(row.fit)
      else {
        const found = await store.findStory(row.id)
        if (found === undefined || 'deleted' in found) continue
        fit = await currentFit(found.story)
      }
      out.push({
        id: row.id,
        title: row.title,
        version: row.version,
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
        fit,
      })
    }
    return out
  }

  refuseWritesWhileStorageFails(app)

  app.post(
    '/api/stories',
    {
      config: writeConfig,
      schema: {
        tags: ['stories'],
        summary: 'Write a story and see its fit with every area',
        description:
          'Stores the story as its version 1 and scores it against every area rubric in service (Leadership ' +
          "Principles, competencies, themes) from one analysis: per rubric, the share of the rubric's own " +
          'criteria the story meets (partial counts half), the band and score of the story under the whole ' +
          'rubric. Best fit first. Stories up to 20,000 characters, as answers.',
        body: storyBody,
        response: { 201: createdStorySchema, ...WRITE_RESPONSES },
      },
    },
    async (request, reply) => {
      const { title, text } = request.body
      const { rubrics, key } = rubricsNow()
      const fit = await fitNow(text, rubrics)
      const id = await store.insertStory(
        { title: title.trim(), text, fit: JSON.stringify(fit), rubricsKey: key },
        app.clock(),
        ownerOf(request) ?? null,
      )
      return reply.code(201).header('location', `/api/stories/${id}`).send({ id, version: 1, fit })
    },
  )

  app.put(
    '/api/stories/:id',
    {
      config: writeConfig,
      schema: {
        tags: ['stories'],
        summary: 'Edit a story: a new version',
        description:
          'Stores title and text as the next version of the story, which becomes current, and fits it again. ' +
          'Earlier versions are kept. Sending the current title and text changes nothing (unchanged: true). ' +
          '410 for a deleted story.',
        params: storyParams,
        body: storyBody,
        response: { 200: updatedStorySchema, ...WRITE_RESPONSES },
      },
    },
    async (request) => {
      const id = await visibleId(app, request, 'story', request.params.id)
      if (id === undefined) throw noStory(request.params.id)
      const { title, text } = request.body
      const { rubrics, key } = rubricsNow()
      const fit = await fitNow(text, rubrics)
      const updated = await store.updateStory(
        id,
        { title: title.trim(), text, fit: JSON.stringify(fit), rubricsKey: key },
        app.clock(),
      )
      if (updated === undefined) throw noStory(request.params.id)
      if ('deleted' in updated) throw wasDeleted(updated.deleted)
      const { story, unchanged } = updated
      return { id, version: story.version, unchanged, fit: unchanged ? await currentFit(story) : fit }
    },
  )

  app.get(
    '/api/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'Every story with its fit',
        description:
          'Every story (not deleted), the latest edited first, each with its current fit: the story × principle ' +
          'matrix. A fit made with rubrics that changed since is made again first.',
        response: { 200: storyListSchema },
      },
    },
    async (request) => ({ stories: await storiesNow(ownerOf(request)) }),
  )

  app.get(
    '/api/stories/plan',
    {
      schema: {
        tags: ['stories'],
        summary: 'Which stories to tell for which Leadership Principle',
        description:
          'Aims for limits.storiesPerPrinciple distinct stories per Leadership Principle in service (not drafts). A story ' +
          'counts for a principle from share limits.fitFrom; principles with the fewest such stories are served ' +
          'first, each preferring the story used least so far, then the best share. gaps: principles short of ' +
          'stories; stretched: stories the plan places under more than limits.stretchLimit principles.',
        response: { 200: storyPlanSchema },
      },
    },
    async (request) => {
      const principles = app.rubrics
        .list()
        // A draft principle is not offered to candidates yet: no stories to plan for it.
        .filter((r) => r.kind === 'leadership-principle' && r.draft !== true)
        .map((r) => r.id)
      return storyPlan(await storiesNow(ownerOf(request)), principles)
    },
  )

  app.get(
    '/api/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: 'One story with every version',
        description: '404 for an id no story ever had; 410 for a story that was deleted.',
        params: storyParams,
        response: { 200: storySchema, 404: errorSchema, 410: errorSchema },
      },
    },
    async (request): Promise<Story> => {
      const id = await visibleId(app, request, 'story', request.params.id)
      const found = id === undefined ? undefined : await store.findStory(id)
      if (found === undefined) throw noStory(request.params.id)
      if ('deleted' in found) throw wasDeleted(found.deleted)
      const { story } = found
      return {
        id: story.id,
        title: story.title,
        version: story.version,
        createdAt: iso(story.createdAt),
        updatedAt: iso(story.updatedAt),
        text: story.text,
        fit: await currentFit(story),
        versions: (await store.listStoryVersions(story.id)).map((v) => ({
          version: v.version,
          title: v.title,
          text: v.text,
          createdAt: iso(v.createdAt),
          fit: parseFit(v.fit),
        })),
      }
    },
  )

  app.delete(
    '/api/stories/:id',
    {
      config: writeConfig,
      schema: {
        tags: ['stories'],
        summary: 'Delete a story and its versions',
        description:
          'Removes the text of every version. The id and title are kept, so a reference to the story is told it ' +
          'was deleted (410) rather than unknown (404).',
        params: storyParams,
        response: {
          204: z.null().describe('Deleted.'),
          404: errorSchema,
          410: errorSchema,
          ...WRITE_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const id = await visibleId(app, request, 'story', request.params.id)
      const found = id === undefined ? undefined : await store.deleteStory(id, app.clock())
      if (found === undefined) throw noStory(request.params.id)
      if ('deleted' in found) throw wasDeleted(found.deleted)
      return reply.code(204).send(null)
    },
  )
}
