// Health, rubrics, rubric errors and prompts (list, one, next) through app.inject against a real database.

import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, scoreUnder, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

describe('GET /api/health', () => {
  test('says ok with the engine version and what is loaded', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', rubrics: 4, rubricErrors: 0 })
  })
})

describe('rubrics', () => {
  test('lists the rubrics in service with their kinds and counts', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/rubrics')
    expect(res.statusCode).toBe(200)
    const rubrics = res.json().rubrics as { id: string; kind: string; criteria: number; stale: boolean }[]
    expect(rubrics.map((r) => r.id)).toEqual(['conflict', 'ownership', 'pressure', 'star-core'])
    expect(rubrics.find((r) => r.id === 'ownership')).toMatchObject({
      kind: 'leadership-principle',
      extends: ['star-core'],
      prompts: 1,
      criteria: 9,
      stale: false,
      file: 'ownership.yaml',
    })
    expect(rubrics.every((r) => !('file' in r) || !String(r.file).includes(t.rubricsDir))).toBe(true)
  })

  test('one rubric is the compiled rubric: criteria (inherited ones too), prompts with tags, bands', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/rubrics/ownership')
    expect(res.statusCode).toBe(200)
    const rubric = res.json()
    expect(rubric.criteria.map((c: { id: string }) => c.id)).toContain('ownership-signals')
    expect(rubric.criteria.map((c: { id: string }) => c.id)).toContain('star-structure')
    expect(
      rubric.criteria.find((c: { id: string }) => c.id === 'ownership-signals').options.groups,
    ).toHaveLength(1)
    expect(rubric.prompts[0].tags).toEqual(['ownership', 'conflict'])
    expect(rubric.bands.map((b: { id: string }) => b.id)).toEqual(['strong', 'developing', 'weak'])
    expect(rubric.hash).toMatch(/^[0-9a-f]+$/)
    // The file relative to the rubrics folder, not where the server keeps it.
    expect(rubric.file).toBe('ownership.yaml')
  })

  test('an unknown rubric is 404 and says where to look', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/rubrics/nope')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: "No rubric 'nope' is in service; GET /api/rubrics lists them",
    })
  })

  test('a file broken at start is listed with file, line and column, and its rubric is absent', async () => {
    t = await startApp({
      rubricFiles: {
        'broken.yaml': 'id: broken\ntitle: Broken\nkind: theme\nextends: star-core\nsummary: x\nwieght: 3\n',
      },
    })
    const errors = (await t.app.inject('/api/rubrics/errors')).json()
    expect(errors.errors).toEqual([
      expect.objectContaining({
        // Relative to the rubrics folder: the API does not reveal where the server keeps its files.
        file: 'broken.yaml',
        line: 6,
        column: 1,
        ruleId: 'unknown-key',
        message: expect.stringContaining("Unknown key 'wieght'"),
      }),
    ])
    expect(errors.stale).toEqual([])
    const missing = await t.app.inject('/api/rubrics/broken')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().message).toContain('broken.yaml has errors')
    expect((await t.app.inject('/api/health')).json().rubricErrors).toBe(1)
  })

  test('rubric errors are logged as file:line:column lines', async () => {
    const lines: { level: number; msg: string }[] = []
    t = await startApp({
      rubricFiles: { 'broken.yaml': 'id: broken\ntitle: [unclosed\n' },
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    })
    const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg)
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^Rubric error: ${t.rubricsDir}/broken\\.yaml:\\d+:\\d+  yaml-syntax  `),
      ),
    ])
  })
})

describe('prompts', () => {
  test('lists every prompt with its rubric, filtered by tag, rubric and text', async () => {
    t = await startApp()
    const ids = async (query: string) =>
      ((await t.app.inject(`/api/prompts${query}`)).json().prompts as { id: string }[]).map((p) => p.id)
    const all = await ids('')
    expect(all).toEqual([
      'conflict-disagreement',
      'conflict-difficult-peer',
      'ownership-outside-scope',
      'pressure-deadline',
      'star-core-proud-project',
      'star-core-hard-problem',
      'star-core-recent-challenge',
    ])
    expect(await ids('?tag=conflict')).toEqual([
      'conflict-disagreement',
      'conflict-difficult-peer',
      'ownership-outside-scope',
    ])
    expect(await ids('?rubricId=conflict')).toEqual(['conflict-disagreement', 'conflict-difficult-peer'])
    expect(await ids('?q=DEADLINE')).toEqual(['pressure-deadline'])
    expect(await ids('?tag=conflict&q=peer')).toEqual(['conflict-difficult-peer'])
    expect(await ids('?tag=nothing')).toEqual([])
  })

  test('one prompt, or 404 for an unknown id', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/prompts/pressure-deadline')
    expect(res.json()).toMatchObject({ id: 'pressure-deadline', rubricId: 'pressure', tags: ['pressure'] })
    const missing = await t.app.inject('/api/prompts/nope')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().message).toContain("No prompt 'nope'")
  })

  test('next: unpractised areas first in starting order, then the lowest recent average, ties by id', async () => {
    t = await startApp()
    const next = async () => (await t.app.inject('/api/prompts/next')).json()
    const practise = async (promptId: string, answer: string) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/attempts', payload: { promptId, answer } })
      expect(res.statusCode).toBe(201)
      return res.json().report.score as number
    }

    // On an empty database: Ownership, the principle most asked in interviews, not the first area by id.
    let n = await next()
    expect(n).toMatchObject({
      area: { id: 'ownership' },
      reason: 'unpractised',
      attempts: 0,
      recentAverage: null,
      prompt: { id: 'ownership-outside-scope' },
    })

    // The ownership prompt is tagged conflict too: one attempt covers both areas.
    const strong = await practise('ownership-outside-scope', GOOD_ANSWER)
    n = await next()
    expect(n).toMatchObject({
      area: { id: 'pressure' },
      reason: 'unpractised',
      prompt: { id: 'pressure-deadline' },
    })

    const weak = await practise('pressure-deadline', WEAK_ANSWER)
    expect(weak).toBeLessThan(strong)
    n = await next()
    expect(n).toMatchObject({
      area: { id: 'pressure' },
      reason: 'lowest-recent-average',
      attempts: 1,
      recentAverage: weak,
    })

    const good = [
      await practise('pressure-deadline', GOOD_ANSWER),
      await practise('pressure-deadline', GOOD_ANSWER),
      await practise('pressure-deadline', GOOD_ANSWER),
    ]
    const pressureAverage = Math.round(((weak + good[0]! + good[1]! + good[2]!) / 4) * 100) / 100
    n = await next()
    expect(n).toMatchObject({ area: { id: 'pressure' }, attempts: 4, recentAverage: pressureAverage })

    // A weak ownership answer lowers ownership and conflict, each judged by its own rubric: conflict's average
    // (the two answers under the conflict rubric) is the lower, so conflict is next.
    const weakOwnership = await practise('ownership-outside-scope', WEAK_ANSWER)
    const average = (a: number, b: number) => Math.round(((a + b) / 2) * 100) / 100
    const ownershipAverage = average(strong, weakOwnership)
    const conflictAverage = average(
      (await scoreUnder(t.app, 'conflict', GOOD_ANSWER)).score,
      (await scoreUnder(t.app, 'conflict', WEAK_ANSWER)).score,
    )
    expect(conflictAverage).toBeLessThan(ownershipAverage)
    expect(conflictAverage).toBeLessThan(pressureAverage)
    n = await next()
    expect(n).toMatchObject({
      area: { id: 'conflict' },
      reason: 'lowest-recent-average',
      attempts: 2,
      recentAverage: conflictAverage,
      // The least practised of the prompts tagged conflict, ties by id.
      prompt: { id: 'conflict-difficult-peer' },
    })
    // Asking twice gives the same answer.
    expect(await next()).toEqual(n)
  })

  test('next on an empty database: the most asked principles in their order, then principles, competencies and themes by id', async () => {
    const area = (id: string, kind: string, extra = '') =>
      `id: ${id}\ntitle: ${id}\nkind: ${kind}\nextends: star-core\nsummary: An area.\nprompts:\n` +
      `  - id: ${id}-b\n    text: Tell me about ${id}, second.\n${extra}` +
      `  - id: ${id}-a\n    text: Tell me about ${id}, first.\n`
    t = await startApp({
      rubricFiles: {
        // Listed after Ownership among the most asked, though first by id.
        'customer-obsession.yaml': area('customer-obsession', 'leadership-principle'),
        // A principle that is not among the most asked, and a theme and a competency that sort before it.
        'frugality.yaml': area('frugality', 'leadership-principle'),
        'adapting.yaml': area('adapting', 'theme'),
        'coaching.yaml': area('coaching', 'competency'),
      },
    })
    const order: string[] = []
    for (;;) {
      const n = (await t.app.inject('/api/prompts/next')).json()
      if (n.reason !== 'unpractised') break
      order.push(n.area.id)
      // Within the area, the least practised prompt, ties by id.
      if (n.area.id === 'customer-obsession') expect(n.prompt.id).toBe('customer-obsession-a')
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/attempts',
        payload: { promptId: n.prompt.id, answer: GOOD_ANSWER },
      })
      expect(res.statusCode).toBe(201)
      expect(order.length).toBeLessThan(10)
    }
    // Ownership's prompt is tagged conflict too, so conflict is practised with it.
    expect(order).toEqual([
      'ownership',
      'customer-obsession',
      'frugality',
      'coaching',
      'adapting',
      'pressure',
    ])
  })

  test('next with no areas falls back to the least practised prompt; with no prompts it is 404', async () => {
    t = await startApp()
    for (const f of ['ownership.yaml', 'conflict.yaml', 'pressure.yaml']) rmSync(join(t.rubricsDir, f))
    t.app.rubrics.reload()
    await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'star-core-hard-problem', answer: GOOD_ANSWER },
    })
    const n = (await t.app.inject('/api/prompts/next')).json()
    expect(n).toMatchObject({
      area: null,
      reason: 'least-practised-prompt',
      prompt: { id: 'star-core-proud-project' },
    })

    // A star-core without prompts: nothing is left to practise.
    writeFileSync(
      join(t.rubricsDir, 'star-core.yaml'),
      'id: star-core\ntitle: STAR core\nkind: general\nsummary: Structure only.\n' +
        'criteria:\n  - { id: star-structure, check: star-sections, weight: 100 }\n' +
        'bands:\n  - { id: strong, label: Strong, min: 80 }\n  - { id: weak, label: Needs work, min: 0 }\n',
    )
    t.app.rubrics.reload()
    expect(t.app.rubrics.errors()).toEqual([])
    const none = await t.app.inject('/api/prompts/next')
    expect(none.statusCode).toBe(404)
    expect(none.json().message).toBe(
      `No prompts are in service; add prompts to a rubric file in ${t.rubricsDir}`,
    )
  })
})
