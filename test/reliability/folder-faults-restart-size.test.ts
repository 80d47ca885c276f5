import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterEach, describe, expect, test } from 'vitest'
import { MAX_RUBRIC_FILE_BYTES } from '../../server/rubric-files'
import { eventually, GOOD_ANSWER, PRESSURE_RUBRIC, startApp } from '../server/helpers'
import {
  cleanUp,
  editIsPickedUp,
  errorsFor,
  errorsOf,
  forgetRunning,
  json,
  type RubricErrorBody,
  running,
  served,
  shippedCopy,
  tempDir,
} from './folder-fault-server'

afterEach(cleanUp)

describe('a restart reaches the state of the running server', () => {
  /** Starts a server on `dir`, reads what it serves, and stops it. */
  async function restartedState(dir: string, dbPath: string) {
    const again = await startApp({ rubricsDir: dir, dbPath })
    try {
      return {
        served: await served(again),
        errors: await errorsOf(again),
        health: await json(again, '/api/health'),
      }
    } finally {
      await again.close()
    }
  }
  const warningsOnly = (errors: RubricErrorBody[]) => errors.every((e) => e.ruleId === 'unknown-tag')

  test.each([
    {
      change: 'renaming the id of a rubric 19 others tag (ownership → ownership-renamed)',
      apply: (dir: string) => {
        const file = join(dir, 'ownership.yaml')
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: ownership$/m, 'id: ownership-renamed'))
      },
      gone: 'ownership',
    },
    {
      change: 'deleting a rubric 23 others tag (earn-trust)',
      apply: (dir: string) => rmSync(join(dir, 'earn-trust.yaml')),
      gone: 'earn-trust',
    },
  ])('$change: the others stay in service, tags naming it are warnings', async ({ apply, gone }) => {
    const dir = shippedCopy()
    const dbPath = join(tempDir('starboard-db-'), 'starboard.db')
    const app = await running(dir, dbPath)
    expect((await served(app)).length).toBe(28)
    const prompt = (await json(app, `/api/rubrics/${gone}`)).prompts[0].id as string
    const stored = await app.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: prompt, answer: GOOD_ANSWER },
    })
    expect(stored.statusCode).toBe(201)
    const generation = app.app.rubrics.generation
    apply(dir)
    await eventually(async () => (app.app.rubrics.generation > generation ? true : undefined))
    await eventually(async () =>
      (await app.app.inject(`/api/rubrics/${gone}`)).statusCode === 404 ? true : undefined,
    )
    const now = { served: await served(app), errors: await errorsOf(app) }
    expect(now.served.length).toBe(gone === 'ownership' ? 28 : 27)
    expect(now.errors.length).toBeGreaterThan(0)
    expect(warningsOnly(now.errors)).toBe(true)
    expect((await json(app, '/api/health')).status).toBe('ok')
    // The attempt on the vanished rubric's prompt is still readable.
    const attempt = await app.app.inject(`/api/attempts/${stored.json().id}`)
    expect(attempt.statusCode).toBe(200)
    expect(attempt.json().report.rubricId).toBe(gone)
    await app.close()
    forgetRunning()

    const after = await restartedState(dir, dbPath)
    expect(after.served).toEqual(now.served)
    expect(after.errors).toEqual(now.errors)
    expect(after.health.status).toBe('ok')

    const again = await startApp({ rubricsDir: dir, dbPath })
    try {
      const res = await again.app.inject(`/api/attempts/${stored.json().id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json().promptId).toBe(prompt)
      expect((await again.app.inject('/api/attempts')).json().attempts).toHaveLength(1)
    } finally {
      await again.close()
    }
  })
})

describe('bytes that are not UTF-8 are an error naming the file, not U+FFFD', () => {
  test.each([
    { fault: 'a stray 0xFF byte', bytes: Buffer.from([0xff]), line: 5 },
    { fault: 'Latin-1 é', bytes: Buffer.from([0xe9]), line: 5 },
    { fault: 'a UTF-8 sequence cut short', bytes: Buffer.from([0xe2, 0x82]), line: 5 },
    { fault: 'an encoded surrogate', bytes: Buffer.from([0xed, 0xa0, 0x80]), line: 5 },
  ])('$fault', async ({ bytes, line }) => {
    const app = await running()
    const before = await served(app)
    const [head, tail] = PRESSURE_RUBRIC.split('Keeps')
    writeFileSync(
      join(app.rubricsDir, 'pressure.yaml'),
      Buffer.concat([Buffer.from(`${head}Keeps `), bytes, Buffer.from(tail!)]),
    )
    const [e] = await errorsFor(app, 'pressure.yaml')
    expect(e).toMatchObject({ ruleId: 'encoding', line, column: 16 })
    expect(e!.message).toMatch(/UTF-8/)
    expect(await served(app)).toEqual(before)
  })
})

/** A valid rubric of about `bytes` characters: many small keyword criteria. */
function bigRubric(id: string, bytes: number): string {
  // Within the rubric size limits (at most 40 criteria with star-core's, 200 phrases a group): 30 criteria, each
  // with as many keyword groups of 20 phrases as it takes to reach `bytes`.
  const CRITERIA = 30
  const group = (c: number, g: number) =>
    `      - label: g${c}-${g}\n        any: [${Array.from({ length: 20 }, (_, k) => `alpha${c}x${g}x${k}`).join(', ')}]\n`
  const groupsPer = Math.ceil(bytes / CRITERIA / group(99, 99).length)
  let text = `id: ${id}
title: Big
kind: theme
extends: star-core
summary: A rubric with very many keyword groups.
criteria:
`
  for (let c = 0; c < CRITERIA; c++) {
    text += `  - id: extra-${c}\n    label: Extra ${c}\n    check: keywords\n    weight: 1\n    section: action\n    min: 1\n    groups:\n`
    for (let g = 0; g < groupsPer; g++) text += group(c, g)
  }
  return text
}

describe('file size: a file over the limit is refused without stalling the server', () => {
  test('a 4 MB file is an error naming it; the event loop never waits long while it is refused', async () => {
    const app = await running()
    const before = await served(app)
    const criterion = (i: number) =>
      `  - id: extra-${i}\n    label: Extra ${i}\n    check: keywords\n    weight: 1\n    section: action\n    groups:\n      - label: g${i}\n        any: [alpha${i}, beta${i}]\n`
    let text = `${PRESSURE_RUBRIC}criteria:\n`
    for (let i = 0; text.length < 4 * 1024 * 1024; i++) text += criterion(i)
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    writeFileSync(join(app.rubricsDir, 'pressure.yaml'), text)
    const [e] = await errorsFor(app, 'pressure.yaml', 'file-too-large')
    delay.disable()
    expect(e!.message).toContain(`${MAX_RUBRIC_FILE_BYTES / 1024} KB`)
    expect(await served(app)).toEqual(before)
    // Milliseconds: a parse of the whole file took seconds.
    expect(delay.max / 1e6).toBeLessThan(250)
  })
})

describe('a large file within the limit loads without holding up requests', () => {
  test('a 200 KB rubric is parsed off the main thread; an edit elsewhere afterwards is quick', async () => {
    const app = await running()
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    writeFileSync(join(app.rubricsDir, 'big.yaml'), bigRubric('big', 200 * 1024))
    // Waits on the short list (the big rubric itself is a large answer to serialize, not the reload's cost).
    await eventually(async () => ((await served(app)).some((r) => r.id === 'big') ? true : undefined), 60_000)
    delay.disable()
    const big = await json(app, '/api/rubrics/big')
    expect(big.criteria.length).toBeGreaterThanOrEqual(30)
    expect(delay.max / 1e6).toBeLessThan(100)

    // Every later reload parses only what changed: the big file is not parsed again for an edit elsewhere.
    delay.reset()
    delay.enable()
    const started = Date.now()
    await editIsPickedUp(app, 'Owns it, with a big rubric beside it.')
    const reloadMs = Date.now() - started
    delay.disable()
    expect(delay.max / 1e6).toBeLessThan(100)
    expect(reloadMs).toBeLessThan(2000)
  })
})

describe('health says degraded, with every reason, and ok only when all is well', () => {
  test('rubric errors, then no rubrics at all, then ok again', async () => {
    const app = await running()
    expect(await json(app, '/api/health')).toMatchObject({ status: 'ok', reasons: [], rubricErrors: 0 })
    writeFileSync(join(app.rubricsDir, 'pressure.yaml'), 'id: pressure\ntitle: [unclosed\n')
    await errorsFor(app, 'pressure.yaml')
    expect(await json(app, '/api/health')).toMatchObject({
      status: 'degraded',
      reasons: [{ code: 'rubric-errors' }],
      rubrics: 4,
      rubricErrors: 1,
    })
    writeFileSync(join(app.rubricsDir, 'pressure.yaml'), PRESSURE_RUBRIC)
    await eventually(async () => ((await json(app, '/api/health')).status === 'ok' ? true : undefined))
  })

  test('a server started on an empty folder is degraded: no rubrics', async () => {
    const dir = tempDir('starboard-empty-')
    const app = await running(dir)
    expect(await json(app, '/api/health')).toMatchObject({
      status: 'degraded',
      reasons: [{ code: 'no-rubrics' }],
      rubrics: 0,
    })
  })

  test('the database file deleted while the server runs', async () => {
    const data = tempDir('starboard-data-')
    const app = await running(undefined, join(data, 'starboard.db'))
    expect((await json(app, '/api/health')).status).toBe('ok')
    rmSync(data, { recursive: true, force: true })
    const health = await json(app, '/api/health')
    expect(health.status).toBe('degraded')
    expect(health.database).toBe('degraded')
    expect(health.reasons.map((r: { code: string }) => r.code)).toEqual(['database-file-gone'])
  })
})
