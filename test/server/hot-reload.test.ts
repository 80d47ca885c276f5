// The rubric registry's file watcher: broken files keep the last good version, fixes and deletions go live.

import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { eventually, GOOD_ANSWER, PRESSURE_RUBRIC, startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const json = async (url: string) => (await t.app.inject(url)).json()

test('broken → last good served and error listed; fixed → new version; deleted → gone; scoring goes on', async () => {
  t = await startApp({ watchRubrics: true, rubricDebounceMs: 50 })
  const file = join(t.rubricsDir, 'pressure.yaml')
  const original = await json('/api/rubrics/pressure')
  const score = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/score',
      payload: { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
    })
    expect(res.statusCode).toBe(200)
    return res.json()
  }
  const before = await score()

  // 1. Break it: a misspelt key on line 4.
  writeFileSync(file, PRESSURE_RUBRIC.replace('extends: star-core', 'extnds: star-core'))
  const errors = await eventually(async () => {
    const body = await json('/api/rubrics/errors')
    return body.errors.length > 0 ? body : undefined
  })
  expect(errors.errors).toEqual([
    {
      file: 'pressure.yaml',
      line: 4,
      column: 1,
      path: '',
      ruleId: 'unknown-key',
      message: "Unknown key 'extnds' (did you mean 'extends'?); remove it or fix its spelling",
    },
  ])
  expect(errors.stale).toEqual([{ rubricId: 'pressure', file: 'pressure.yaml', hash: original.hash }])
  // The last good version stays in service and scores exactly as before.
  expect(await json('/api/rubrics/pressure')).toEqual(original)
  expect((await json('/api/rubrics')).rubrics.find((r: { id: string }) => r.id === 'pressure').stale).toBe(
    true,
  )
  expect(await score()).toEqual(before)

  // 2. Fix it with a change: a new summary and an extra prompt.
  writeFileSync(
    file,
    PRESSURE_RUBRIC.replace('Keeps judgement', 'Keeps calm judgement').concat(
      '  - id: pressure-incident\n    text: Tell me about a production incident you led the response to.\n',
    ),
  )
  const fixed = await eventually(async () => {
    const r = await json('/api/rubrics/pressure')
    return r.hash !== original.hash ? r : undefined
  })
  expect(fixed.summary).toBe('Keeps calm judgement and people steady when time is short.')
  expect(fixed.prompts.map((p: { id: string }) => p.id)).toEqual(['pressure-deadline', 'pressure-incident'])
  expect(await json('/api/rubrics/errors')).toMatchObject({ errors: [], stale: [] })
  expect((await json('/api/prompts/pressure-incident')).rubricId).toBe('pressure')
  expect((await score()).rubricHash).toBe(fixed.hash)

  // 3. Delete it: the rubric and its prompts leave service.
  rmSync(file)
  await eventually(async () =>
    (await t.app.inject('/api/rubrics/pressure')).statusCode === 404 ? true : undefined,
  )
  expect((await t.app.inject('/api/prompts/pressure-deadline')).statusCode).toBe(404)
  expect((await json('/api/rubrics/errors')).errors).toEqual([])
  expect((await json('/api/health')).status).toBe('ok')
  // Other rubrics were never disturbed.
  expect((await json('/api/rubrics')).rubrics.map((r: { id: string }) => r.id)).toEqual([
    'conflict',
    'ownership',
    'star-core',
  ])
})

test('a new file is picked up; a broken parent keeps its children compiling against its last good version', async () => {
  t = await startApp({ watchRubrics: true, rubricDebounceMs: 50 })
  writeFileSync(
    join(t.rubricsDir, 'frugality.yml'),
    PRESSURE_RUBRIC.replace('id: pressure\n', 'id: frugality\n').replace(
      'pressure-deadline',
      'frugality-budget',
    ),
  )
  await eventually(async () =>
    (await t.app.inject('/api/rubrics/frugality')).statusCode === 200 ? true : undefined,
  )

  // Break star-core with a YAML syntax error, then touch a child: the child still compiles.
  writeFileSync(join(t.rubricsDir, 'star-core.yaml'), 'id: star-core\ntitle: [unclosed\n')
  writeFileSync(
    join(t.rubricsDir, 'conflict.yaml'),
    (await import('./helpers')).CONFLICT_RUBRIC.replace('Disagrees', 'Argues'),
  )
  const conflict = await eventually(async () => {
    const r = await json('/api/rubrics/conflict')
    return r.summary?.startsWith('Argues') ? r : undefined
  })
  expect(conflict.extends).toEqual(['star-core'])
  const errors = await json('/api/rubrics/errors')
  expect(errors.errors.map((e: { file: string; ruleId: string }) => [e.file, e.ruleId])).toEqual([
    ['star-core.yaml', 'yaml-syntax'],
  ])
  expect(errors.errors[0].line).toBeGreaterThan(0)
  expect(errors.stale.map((s: { rubricId: string }) => s.rubricId)).toEqual(['star-core'])
  const res = await t.app.inject({ method: 'POST', url: '/api/score', payload: { answer: GOOD_ANSWER } })
  expect(res.statusCode).toBe(200)
  expect(res.json().rubricId).toBe('star-core')
})

test('a missing rubrics folder is an error served, not a crash', async () => {
  t = await startApp({ rubricsDir: join(process.cwd(), 'test-output', 'no-such-rubrics-folder') })
  const body = await json('/api/rubrics/errors')
  expect(body.errors[0]).toMatchObject({ ruleId: 'rubrics-folder', line: 1, column: 1 })
  expect(body.errors[0].message).toContain('does not exist')
  expect((await json('/api/rubrics')).rubrics).toEqual([])
  // Serving without rubrics is not "ok": health says why.
  const health = await json('/api/health')
  expect(health.status).toBe('degraded')
  expect(health.reasons.map((r: { code: string }) => r.code)).toEqual(['no-rubrics', 'rubric-errors'])
})
