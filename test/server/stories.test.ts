// The story bank's API: write a story and see its fit with every area, edit it into versions, list, read, delete,
// plan; and the errors.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { MAX_ANSWER_CHARACTERS } from '../../contract/common'
import { compileRubrics, storyFit } from '../../engine/index'
import { readRubricFolder } from '../../server/rubric-files'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const SHIPPED = fileURLToPath(new URL('../../rubrics', import.meta.url))

/** A second principle, so the plan has two to fill. */
const DIVE_DEEP_RUBRIC = `id: dive-deep
title: Dive Deep
kind: leadership-principle
extends: star-core
summary: Stays connected to the details and audits them.
prompts:
  - id: dive-deep-root-cause
    text: Tell me about a time you found the root cause of a hard problem.
criteria:
  - id: root-cause
    label: Found the root cause
    check: keywords
    weight: 20
    section: action
    groups:
      - label: root cause
        any: [root cause, traced, logs]
`

const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) })

async function addStory(title: string, text: string): Promise<number> {
  const res = await send('POST', '/api/stories', { title, text })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

describe('POST /api/stories', () => {
  test("answers 201 with the story's fit under every area rubric, best first; star-core is no area", async () => {
    t = await startApp()
    const res = await send('POST', '/api/stories', { title: 'Checkout rescue', text: GOOD_ANSWER })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(res.headers.location).toBe(`/api/stories/${body.id}`)
    expect(body.version).toBe(1)
    expect(body.fit.map((f: { rubricId: string }) => f.rubricId)).toEqual([
      'ownership',
      'conflict',
      'pressure',
    ])
    // Ownership's own criterion is met; the other two areas add no criteria of their own, so their share is 0.
    expect(body.fit[0]).toMatchObject({ rubricId: 'ownership', kind: 'leadership-principle', share: 1 })
    expect(body.fit[0].met).toEqual(['ownership-signals'])
    expect(body.fit.slice(1).map((f: { share: number }) => f.share)).toEqual([0, 0])
    // The score and band under each area rubric are what POST /api/score gives with that rubric.
    for (const f of body.fit) {
      const scored = (await send('POST', '/api/score', { answer: GOOD_ANSWER, rubricId: f.rubricId })).json()
      expect([f.rubricId, f.score, f.band]).toEqual([f.rubricId, scored.score, scored.band])
    }
  })

  test('with the shipped rubrics, fits every area; a long story is fitted off the main thread, identically', async () => {
    t = await startApp({ rubricsDir: SHIPPED })
    const rubrics = compileRubrics(readRubricFolder(SHIPPED).sources).rubrics
    const areas = rubrics.filter((r) => r.kind !== 'general')
    const long = `${GOOD_ANSWER}\n\n${GOOD_ANSWER.replace('Last spring', 'In May 2024')}`
    expect(long.length).toBeGreaterThan(1_000)
    for (const text of [WEAK_ANSWER, long]) {
      const res = await send('POST', '/api/stories', { title: 'Story', text })
      expect(res.statusCode).toBe(201)
      expect(res.json().fit).toHaveLength(areas.length)
      expect(JSON.stringify(res.json().fit)).toBe(JSON.stringify(storyFit(text, rubrics)))
    }
  })

  test('empty title or text, a text over the answer limit, and a missing field: 400 naming the field', async () => {
    t = await startApp()
    const cases: [unknown, string, RegExp][] = [
      [{ title: '  ', text: GOOD_ANSWER }, 'title', /title is empty/],
      [{ title: 'T', text: ' \n ' }, 'text', /text is empty/],
      [
        { title: 'T', text: 'x'.repeat(MAX_ANSWER_CHARACTERS + 1) },
        'text',
        /^text is longer than the limit of 20,000/,
      ],
      [{ title: 'x'.repeat(121), text: GOOD_ANSWER }, 'title', /too long/],
      [{ text: GOOD_ANSWER }, 'title', /title is required/],
    ]
    for (const [payload, field, message] of cases) {
      const res = await send('POST', '/api/stories', payload)
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400)
      expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', field })
      expect(res.json().message).toMatch(message)
    }
    expect((await t.app.inject('/api/stories')).json().stories).toEqual([])
  })
})

describe('versions, list, read, delete', () => {
  test('an edit is a new version, kept with the earlier ones; the list shows the latest edited first', async () => {
    t = await startApp()
    const a = await addStory('Weak first draft', WEAK_ANSWER)
    t.clock.now += 1000
    const b = await addStory('Another', GOOD_ANSWER)
    t.clock.now += 1000
    const edit = await send('PUT', `/api/stories/${a}`, { title: 'Checkout rescue', text: GOOD_ANSWER })
    expect(edit.statusCode).toBe(200)
    expect(edit.json()).toMatchObject({ id: a, version: 2, unchanged: false })
    expect(edit.json().fit[0]).toMatchObject({ rubricId: 'ownership', share: 1 })

    const same = await send('PUT', `/api/stories/${a}`, { title: 'Checkout rescue', text: GOOD_ANSWER })
    expect(same.json()).toMatchObject({ version: 2, unchanged: true })

    const one = (await t.app.inject(`/api/stories/${a}`)).json()
    expect(one).toMatchObject({ id: a, title: 'Checkout rescue', version: 2, text: GOOD_ANSWER })
    expect(one.createdAt).toBe('2025-03-03T10:00:00.000Z')
    expect(one.updatedAt).toBe('2025-03-03T10:00:02.000Z')
    expect(one.versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [1, 'Weak first draft'],
      [2, 'Checkout rescue'],
    ])
    // The story improved: its ownership share went up from the first version to the second.
    const share = (v: { fit: { rubricId: string; share: number }[] }) =>
      v.fit.find((f) => f.rubricId === 'ownership')!.share
    expect(share(one.versions[0])).toBeLessThan(share(one.versions[1]))

    const list = (await t.app.inject('/api/stories')).json().stories
    expect(list.map((s: { id: number }) => s.id)).toEqual([a, b])
    expect(list[0]).not.toHaveProperty('text')
  })

  test('unknown ids are 404; a deleted story is 410 with its title, and leaves the list', async () => {
    t = await startApp()
    const id = await addStory('Billing export rescue', GOOD_ANSWER)
    for (const bad of ['999', 'abc', '0', '-1']) {
      expect((await t.app.inject(`/api/stories/${bad}`)).statusCode).toBe(404)
      expect((await send('PUT', `/api/stories/${bad}`, { title: 'x', text: 'y' })).statusCode).toBe(404)
      expect((await send('DELETE', `/api/stories/${bad}`)).statusCode).toBe(404)
    }
    expect((await t.app.inject('/api/stories/999')).json().message).toMatch(/No story with id '999'/)

    t.clock.now = Date.parse('2025-03-04T08:00:00Z')
    const del = await send('DELETE', `/api/stories/${id}`)
    expect(del.statusCode).toBe(204)
    for (const res of [
      await t.app.inject(`/api/stories/${id}`),
      await send('PUT', `/api/stories/${id}`, { title: 'Back', text: GOOD_ANSWER }),
      await send('DELETE', `/api/stories/${id}`),
    ]) {
      expect(res.statusCode).toBe(410)
      expect(res.json()).toMatchObject({ statusCode: 410, error: 'Gone' })
      expect(res.json().message).toBe(
        `Story ${id} ("Billing export rescue") was deleted on 2025-03-04; pick another story or write it again`,
      )
    }
    expect((await t.app.inject('/api/stories')).json().stories).toEqual([])
  })

  test('a fit made with rubrics that changed since is made again on reading', async () => {
    t = await startApp()
    const id = await addStory('Checkout rescue', GOOD_ANSWER)
    expect((await t.app.inject(`/api/stories/${id}`)).json().fit[0]).toMatchObject({
      rubricId: 'ownership',
      share: 1,
    })
    // Ownership now asks for words the story does not have.
    writeFileSync(
      join(t.rubricsDir, 'ownership.yaml'),
      OWNERSHIP_RUBRIC.replace('[took ownership, volunteered, stepped up]', '[my own initiative]'),
    )
    t.app.rubrics.reload()
    const list = (await t.app.inject('/api/stories')).json().stories
    const ownership = list[0].fit.find((f: { rubricId: string }) => f.rubricId === 'ownership')
    expect(ownership.share).toBe(0)
    // The new fit is stored, without a new version.
    const one = (await t.app.inject(`/api/stories/${id}`)).json()
    expect(one.version).toBe(1)
    expect(one.versions[0].fit.find((f: { rubricId: string }) => f.rubricId === 'ownership').share).toBe(0)
  })
})

describe('GET /api/stories/plan', () => {
  test('lists every principle with its stories, the gaps, and the limits', async () => {
    t = await startApp({ rubricFiles: { 'dive-deep.yaml': DIVE_DEEP_RUBRIC } })
    const empty = (await t.app.inject('/api/stories/plan')).json()
    expect(empty.principles).toEqual([
      { rubricId: 'dive-deep', stories: [] },
      { rubricId: 'ownership', stories: [] },
    ])
    expect(empty.gaps).toEqual(['dive-deep', 'ownership'])
    expect(empty.limits).toEqual({ fitFrom: 0.5, storiesPerPrinciple: 2, stretchLimit: 3 })

    // GOOD_ANSWER fits both principles; the second story only ownership.
    const both = await addStory('Checkout rescue', GOOD_ANSWER)
    const owner = await addStory(
      'Volunteered for the pager',
      'I volunteered and stepped up to own the pager.',
    )
    const plan = (await t.app.inject('/api/stories/plan')).json()
    expect(plan.principles).toEqual([
      { rubricId: 'dive-deep', stories: [{ id: both, title: 'Checkout rescue', share: 1 }] },
      {
        rubricId: 'ownership',
        stories: [
          { id: both, title: 'Checkout rescue', share: 1 },
          { id: owner, title: 'Volunteered for the pager', share: 1 },
        ],
      },
    ])
    expect(plan.gaps).toEqual(['dive-deep'])
    expect(plan.stretched).toEqual([])
  })

  test('leaves out a draft principle: candidates are not offered it, so it is no gap to fill', async () => {
    const draft = DIVE_DEEP_RUBRIC.replace('extends: star-core', 'extends: star-core\ndraft: true')
    t = await startApp({ rubricFiles: { 'dive-deep.yaml': draft } })
    const plan = (await t.app.inject('/api/stories/plan')).json()
    expect(plan.principles).toEqual([{ rubricId: 'ownership', stories: [] }])
    expect(plan.gaps).toEqual(['ownership'])
  })

  test("leaves a draft area out of a story's fit: candidates are not offered it", async () => {
    const draft = DIVE_DEEP_RUBRIC.replace('extends: star-core', 'extends: star-core\ndraft: true')
    t = await startApp({ rubricFiles: { 'dive-deep.yaml': draft } })
    const ids = (fit: { rubricId: string }[]) => fit.map((f) => f.rubricId).sort()
    const created = await send('POST', '/api/stories', { title: 'Queue backlog', text: WEAK_ANSWER })
    expect(created.statusCode, created.body).toBe(201)
    expect(ids(created.json().fit)).toEqual(['conflict', 'ownership', 'pressure'])
    expect(ids((await t.app.inject('/api/stories')).json().stories[0].fit)).toEqual([
      'conflict',
      'ownership',
      'pressure',
    ])
  })
})

describe('OpenAPI', () => {
  test('documents every story route with its errors', async () => {
    t = await startApp()
    const spec = (await t.app.inject('/docs/json')).json()
    expect(
      Object.keys(spec.paths)
        .filter((p) => p.includes('stories'))
        .sort(),
    ).toEqual(['/api/stories', '/api/stories/plan', '/api/stories/{id}'])
    const create = spec.paths['/api/stories'].post
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['title', 'text'])
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '413']))
    expect(Object.keys(spec.paths['/api/stories/{id}'].get.responses)).toEqual(['200', '404', '410'])
    expect(Object.keys(spec.paths['/api/stories/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    )
    expect(spec.paths['/api/stories/plan'].get.responses['200']).toBeDefined()
  })
})
