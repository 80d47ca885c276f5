// Rubric faults while serving: broken, duplicate, cyclic, half-written and vanishing files never take a good rubric down.

import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { RubricErrors } from '../../contract/rubrics'
import {
  eventually,
  GOOD_ANSWER,
  OWNERSHIP_RUBRIC,
  PRESSURE_RUBRIC,
  startApp,
  type TestApp,
} from '../server/helpers'

let t: TestApp
let original: { hash: string }
let scoredBefore: unknown

const json = async (url: string) => (await t.app.inject(url)).json()
const score = async (promptId: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/score',
    payload: { promptId, answer: GOOD_ANSWER },
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}
const errorsFor = (file: string) =>
  eventually(async () => {
    const body = (await json('/api/rubrics/errors')) as RubricErrors
    const mine = body.errors.filter((e) => e.file === file)
    return mine.length > 0 ? mine : undefined
  })

/**
 * The last good pressure rubric is still served, and scores exactly as before. Health says `degraded` while a
 * file has errors (and why), `ok` once none has.
 */
async function lastGoodStillServes(health: 'ok' | 'degraded') {
  expect((await json('/api/rubrics/pressure')).hash).toBe(original.hash)
  expect(await score('pressure-deadline')).toEqual(scoredBefore)
  const body = await json('/api/health')
  expect(body.status).toBe(health)
  expect(body.reasons.map((r: { code: string }) => r.code)).toEqual(health === 'ok' ? [] : ['rubric-errors'])
}

beforeEach(async () => {
  t = await startApp({ watchRubrics: true, rubricDebounceMs: 30 })
  original = await json('/api/rubrics/pressure')
  scoredBefore = await score('pressure-deadline')
})
afterEach(async () => t?.close())

const CRITERION = (fields: string) => `criteria:\n  - id: calm\n    label: Stays calm\n${fields}`

describe('a broken pressure.yaml: the last good version keeps serving, the error has a position', () => {
  test.each([
    {
      fault: 'YAML syntax error (unclosed quote)',
      text: PRESSURE_RUBRIC.replace('summary: Keeps', 'summary: "Keeps'),
      ruleId: 'yaml-syntax',
      // The YAML parser notices an unclosed quote where the document ends, not where the quote opens.
      line: undefined,
    },
    {
      fault: 'YAML syntax error (bad indentation)',
      text: PRESSURE_RUBRIC.replace('    text: Tell me', '      text: Tell me').concat('   bad: [\n'),
      ruleId: 'yaml-syntax',
      line: undefined,
    },
    {
      fault: 'schema error (a weight that is not a number)',
      text: `${PRESSURE_RUBRIC}${CRITERION('    check: length\n    weight: heavy\n')}`,
      ruleId: 'invalid-value',
      line: 13,
    },
    {
      fault: 'schema error (kind not in the list)',
      text: PRESSURE_RUBRIC.replace('kind: theme', 'kind: vibe'),
      ruleId: 'invalid-value',
      line: 3,
    },
    {
      fault: 'unknown check kind',
      text: `${PRESSURE_RUBRIC}${CRITERION('    check: telepathy\n    weight: 5\n')}`,
      ruleId: undefined,
      line: 12,
    },
    {
      fault: 'duplicate criterion id inside the file',
      text: `${PRESSURE_RUBRIC}${CRITERION('    check: length\n    weight: 5\n  - id: calm\n    check: length\n    weight: 5\n')}`,
      ruleId: 'duplicate-id',
      line: 14,
    },
    {
      fault: 'half-written file (cut mid-line)',
      text: PRESSURE_RUBRIC.slice(0, PRESSURE_RUBRIC.indexOf('prompts:') + 12),
      ruleId: undefined,
      line: undefined,
    },
    { fault: 'empty file (truncated to nothing)', text: '', ruleId: undefined, line: undefined },
  ])('$fault', async ({ text, ruleId, line }) => {
    writeFileSync(join(t.rubricsDir, 'pressure.yaml'), text)
    const errors = await errorsFor('pressure.yaml')
    for (const e of errors) {
      expect(e.line).toBeGreaterThanOrEqual(1)
      expect(e.column).toBeGreaterThanOrEqual(1)
      expect(e.message.length).toBeGreaterThan(10)
    }
    if (ruleId !== undefined) expect(errors.map((e) => e.ruleId)).toContain(ruleId)
    if (line !== undefined) expect(errors.map((e) => e.line)).toContain(line)
    if (text.includes('telepathy')) expect(errors.map((e) => e.message).join('\n')).toMatch(/check/)
    const stale = (await json('/api/rubrics/errors')).stale
    expect(stale).toEqual([{ rubricId: 'pressure', file: 'pressure.yaml', hash: original.hash }])
    await lastGoodStillServes('degraded')

    // Fixing the file brings it back as it was, with no errors left.
    writeFileSync(join(t.rubricsDir, 'pressure.yaml'), PRESSURE_RUBRIC)
    await eventually(async () => ((await json('/api/rubrics/errors')).errors.length === 0 ? true : undefined))
    await lastGoodStillServes('ok')
  })
})

// A copy named to sort earlier ("pressure copy.yaml", "a-copy.yaml") must not take the id over: the file already
// in service keeps it, and the newcomer is reported as a duplicate.
test('a second file claiming the id pressure is reported, and the rubric in service is untouched', async () => {
  // Named to sort before pressure.yaml: load order must not let the newcomer take the id over.
  writeFileSync(
    join(t.rubricsDir, 'a-copy.yaml'),
    PRESSURE_RUBRIC.replace('pressure-deadline', 'copy-deadline'),
  )
  const errors = await eventually(async () => {
    const body = (await json('/api/rubrics/errors')) as RubricErrors
    return body.errors.length > 0 ? body.errors : undefined
  })
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatchObject({ ruleId: 'duplicate-id', line: 1 })
  expect(errors[0]!.message).toContain('pressure')
  expect((await json('/api/rubrics/pressure')).file).toBe('pressure.yaml')
  await lastGoodStillServes('degraded')
})

test('an extends cycle between two new files is reported at the extends key of each; the rest serves on', async () => {
  const cyc = (id: string, parent: string) =>
    PRESSURE_RUBRIC.replace('id: pressure\n', `id: ${id}\n`)
      .replace('extends: star-core', `extends: ${parent}`)
      .replace('pressure-deadline', `${id}-deadline`)
  writeFileSync(join(t.rubricsDir, 'cyc-a.yaml'), cyc('cyc-a', 'cyc-b'))
  writeFileSync(join(t.rubricsDir, 'cyc-b.yaml'), cyc('cyc-b', 'cyc-a'))
  const errors = await eventually(async () => {
    const body = (await json('/api/rubrics/errors')) as RubricErrors
    return body.errors.length >= 2 ? body.errors : undefined
  })
  expect(errors.map((e) => e.ruleId)).toContain('extends-cycle')
  for (const e of errors) expect(e).toMatchObject({ line: 4, column: 10, path: 'extends' })
  expect((await t.app.inject('/api/rubrics/cyc-a')).statusCode).toBe(404)
  await lastGoodStillServes('degraded')
})

test('files written, cut short and deleted in quick succession while answers are scored: no crash, last state wins', async () => {
  const ownership = join(t.rubricsDir, 'ownership.yaml')
  const extra = join(t.rubricsDir, 'extra.yaml')
  const extraText = PRESSURE_RUBRIC.replace('id: pressure\n', 'id: extra\n').replace(
    'pressure-deadline',
    'extra-deadline',
  )
  for (let i = 0; i < 40; i++) {
    // Half-written, then whole, then the other file appears and vanishes: reloads land anywhere in between.
    writeFileSync(ownership, OWNERSHIP_RUBRIC.slice(0, (i * 37) % OWNERSHIP_RUBRIC.length))
    writeFileSync(extra, extraText.slice(0, (i * 53) % extraText.length))
    if (i % 3 === 0) rmSync(extra, { force: true })
    await score('pressure-deadline')
    await new Promise((resolve) => setTimeout(resolve, 5 + (i % 4) * 15))
    writeFileSync(ownership, OWNERSHIP_RUBRIC)
  }
  rmSync(extra, { force: true })
  await eventually(async () => {
    const body = await json('/api/rubrics/errors')
    const served = await t.app.inject('/api/prompts/ownership-outside-scope')
    return body.errors.length === 0 && served.statusCode === 200 ? true : undefined
  })
  expect((await t.app.inject('/api/rubrics/extra')).statusCode).toBe(404)
  expect((await score('ownership-outside-scope')).rubricId).toBe('ownership')
  await lastGoodStillServes('ok')
})
