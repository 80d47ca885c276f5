// `draft: true`: a rubric being written is listed and can be tried out, but candidates are not offered it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp } from './helpers'

const DRAFT = `id: craft
title: Craft
kind: value
extends: star-core
draft: true
summary: Cares about the details of the work.
prompts:
  - id: craft-detail
    text: Tell me about a time a small detail made a big difference.
`

let t: TestApp

beforeAll(async () => {
  t = await startApp({ rubricFiles: { 'craft.yaml': DRAFT } })
})

afterAll(async () => {
  await t.close()
})

describe('a draft rubric', () => {
  it('is listed on GET /api/rubrics with draft: true; the others carry no draft key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rubrics' })
    expect(res.statusCode).toBe(200)
    const rows = res.json().rubrics as { id: string; draft?: boolean; kind: string }[]
    expect(rows.find((r) => r.id === 'craft')).toMatchObject({ draft: true, kind: 'value', prompts: 1 })
    expect(rows.filter((r) => r.draft !== undefined).map((r) => r.id)).toEqual(['craft'])
    const one = await t.app.inject({ method: 'GET', url: '/api/rubrics/craft' })
    expect(one.statusCode).toBe(200)
    expect(one.json()).toMatchObject({ id: 'craft', draft: true })
  })

  it('has no problems: a draft is not an error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rubrics/errors' })
    expect(res.json().errors).toEqual([])
  })

  it('offers its prompts nowhere a candidate picks one', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/prompts' })
    const ids = (list.json().prompts as { id: string }[]).map((p) => p.id)
    expect(ids).toContain('ownership-outside-scope')
    expect(ids).not.toContain('craft-detail')
    const byRubric = await t.app.inject({ method: 'GET', url: '/api/prompts?rubricId=craft' })
    expect(byRubric.json().prompts).toEqual([])
    const one = await t.app.inject({ method: 'GET', url: '/api/prompts/craft-detail' })
    expect(one.statusCode).toBe(404)
    const coverage = await t.app.inject({ method: 'GET', url: '/api/coverage' })
    expect((coverage.json().areas as { id: string }[]).map((a) => a.id)).not.toContain('craft')
    const next = await t.app.inject({ method: 'GET', url: '/api/prompts/next' })
    expect(next.statusCode).toBe(200)
    expect(next.json().prompt.id).not.toBe('craft-detail')
  })

  it('refuses an attempt at its prompt with 409, saying why', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'craft-detail', answer: GOOD_ANSWER },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({
      statusCode: 409,
      field: 'promptId',
      message:
        "Prompt 'craft-detail' belongs to 'craft', which is a draft: it takes no attempts until 'draft: true' is removed from craft.yaml",
    })
    const stored = await t.app.inject({ method: 'GET', url: '/api/attempts' })
    expect(stored.json().attempts).toEqual([])
  })

  it('scores an answer without storing it, by rubric or by prompt, to try the draft out', async () => {
    for (const payload of [
      { answer: GOOD_ANSWER, rubricId: 'craft' },
      { answer: GOOD_ANSWER, promptId: 'craft-detail' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/score', payload })
      expect(res.statusCode).toBe(200)
      expect(res.json().rubricId).toBe('craft')
    }
  })
})
