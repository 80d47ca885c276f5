// Folder and file faults on a running server: every last good version stays in service, every fault is listed
// with its file, the watcher recovers, and a restart reaches the state the running server is in.

import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, test } from 'vitest'
import { main } from '../../server/cli'
import { MAX_RUBRIC_FILE_BYTES } from '../../server/rubric-files'
import {
  eventually,
  GOOD_ANSWER,
  OWNERSHIP_RUBRIC,
  PRESSURE_RUBRIC,
  startApp,
  type TestApp,
} from '../server/helpers'

interface RubricErrorBody {
  file: string
  line: number
  column: number
  ruleId: string
  message: string
}
interface Served {
  id: string
  hash: string
}

const SHIPPED = join(process.cwd(), 'rubrics')
const asRoot = process.getuid?.() === 0

let t: TestApp | undefined
let cleanup: string[] = []
afterEach(async () => {
  await t?.close()
  t = undefined
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true })
  cleanup = []
})

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(dir)
  return dir
}

/** A copy of the shipped rubric files (28 rubrics, tagging each other) in a folder of its own. */
function shippedCopy(): string {
  const dir = join(tempDir('starboard-shipped-'), 'rubrics')
  mkdirSync(dir)
  for (const name of readdirSync(SHIPPED)) {
    if (/\.ya?ml$/.test(name)) cpSync(join(SHIPPED, name), join(dir, name))
  }
  return dir
}

async function running(rubricsDir?: string, dbPath?: string): Promise<TestApp> {
  t = await startApp({
    watchRubrics: true,
    rubricDebounceMs: 30,
    ...(rubricsDir === undefined ? {} : { rubricsDir }),
    ...(dbPath === undefined ? {} : { dbPath }),
  })
  return t
}

const json = async (app: TestApp, url: string) => (await app.app.inject(url)).json()
const served = async (app: TestApp): Promise<Served[]> =>
  ((await json(app, '/api/rubrics')).rubrics as Served[]).map((r) => ({ id: r.id, hash: r.hash }))
const errorsOf = async (app: TestApp): Promise<RubricErrorBody[]> =>
  (await json(app, '/api/rubrics/errors')).errors
const errorsFor = (app: TestApp, file: string, ruleId?: string) =>
  eventually(async () => {
    const mine = (await errorsOf(app)).filter(
      (e) => e.file === file && (ruleId === undefined || e.ruleId === ruleId),
    )
    return mine.length > 0 ? mine : undefined
  })
const scorePressure = async (app: TestApp) => {
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/score',
    payload: { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}

/** Edits ownership.yaml and waits until the server serves the edit: the watcher and reloads work. */
async function editIsPickedUp(app: TestApp, summary: string) {
  writeFileSync(
    join(app.rubricsDir, 'ownership.yaml'),
    OWNERSHIP_RUBRIC.replace(/summary: .*/, `summary: ${summary}`),
  )
  await eventually(async () =>
    (await json(app, '/api/rubrics/ownership')).summary === summary ? true : undefined,
  )
}

describe('the rubrics folder goes away or cannot be read: everything stays in service, the watcher recovers', () => {
  const faults = [
    {
      fault: 'moved away',
      apply: (dir: string) => renameSync(dir, `${dir}.moved`),
      undo: (dir: string) => renameSync(`${dir}.moved`, dir),
    },
    {
      fault: 'deleted',
      apply: (dir: string) => {
        cpSync(dir, `${dir}.backup`, { recursive: true })
        rmSync(dir, { recursive: true })
      },
      undo: (dir: string) => renameSync(`${dir}.backup`, dir),
    },
    {
      fault: 'replaced by a file',
      apply: (dir: string) => {
        renameSync(dir, `${dir}.moved`)
        writeFileSync(dir, 'not a folder')
      },
      undo: (dir: string) => {
        rmSync(dir)
        renameSync(`${dir}.moved`, dir)
      },
    },
    {
      fault: 'made unreadable (chmod 000)',
      // Root reads anything, so permissions cannot make the folder unreadable there.
      skip: asRoot,
      apply: (dir: string) => chmodSync(dir, 0o000),
      undo: (dir: string) => chmodSync(dir, 0o755),
    },
  ]
  test.for(faults)('$fault', async ({ apply, undo, skip }, ctx) => {
    ctx.skip(skip === true, 'root can read any folder')
    const app = await running()
    const before = await served(app)
    const scored = await scorePressure(app)
    apply(app.rubricsDir)

    const [folderError] = await eventually(async () => {
      const errors = (await errorsOf(app)).filter((e) => e.ruleId === 'rubrics-folder')
      return errors.length > 0 ? errors : undefined
    })
    expect(folderError!.file).toBe(app.rubricsDir)
    // Never an empty set: every rubric is still served as it was, marked stale, and still scores.
    expect(await served(app)).toEqual(before)
    const body = await json(app, '/api/rubrics/errors')
    expect(body.stale.map((s: { rubricId: string }) => s.rubricId).sort()).toEqual(before.map((r) => r.id))
    expect(await scorePressure(app)).toEqual(scored)
    const health = await json(app, '/api/health')
    expect(health.status).toBe('degraded')
    expect(health.reasons.map((r: { code: string }) => r.code)).toContain('rubric-errors')

    // The folder comes back: the error goes, and later edits are seen again.
    undo(app.rubricsDir)
    await eventually(async () => ((await errorsOf(app)).length === 0 ? true : undefined))
    expect(await served(app)).toEqual(before)
    await editIsPickedUp(app, 'Owns what the team needs, back after the folder returned.')
    expect((await json(app, '/api/health')).status).toBe('ok')
  })

  test('a different folder put in its place is read, and watched', async () => {
    const app = await running()
    const dir = app.rubricsDir
    renameSync(dir, `${dir}.old`)
    cleanup.push(`${dir}.old`)
    await errorsFor(app, dir, 'rubrics-folder')
    cpSync(`${dir}.old`, `${dir}.new`, { recursive: true })
    rmSync(join(`${dir}.new`, 'pressure.yaml'))
    renameSync(`${dir}.new`, dir)
    await eventually(async () =>
      (await app.app.inject('/api/rubrics/pressure')).statusCode === 404 ? true : undefined,
    )
    expect(await errorsOf(app)).toEqual([])
    // Edits in the old folder (now elsewhere) are not the server's business; edits in the new one are.
    writeFileSync(join(`${dir}.old`, 'ownership.yaml'), OWNERSHIP_RUBRIC.replace('Ownership', 'Old'))
    await editIsPickedUp(app, 'Owns the new folder.')
  })
})

describe('an exception while parsing one file stays with that file', () => {
  // Each level repeats the one before nine times: 9^7 strings if it were expanded.
  const BOMB = `id: pressure
title: Leading under pressure
kind: theme
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`
  test('an alias bomb: reported with its file; the last good version serves; later edits load', async () => {
    const app = await running()
    const before = await served(app)
    writeFileSync(join(app.rubricsDir, 'pressure.yaml'), BOMB)
    const [e] = await errorsFor(app, 'pressure.yaml')
    expect(e).toMatchObject({ ruleId: 'yaml-aliases', line: 1, column: 1 })
    expect(e!.message).toMatch(/alias/i)
    expect(await served(app)).toEqual(before)
    await editIsPickedUp(app, 'Still reloading after the bomb.')
  })

  test('an alias bomb in a new file: every other rubric loads, now and after a restart', async () => {
    const app = await running()
    writeFileSync(join(app.rubricsDir, 'bomb.yaml'), BOMB.replace('id: pressure', 'id: bomb'))
    await errorsFor(app, 'bomb.yaml', 'yaml-aliases')
    await editIsPickedUp(app, 'Owns things despite the bomb.')
    const runningState = await served(app)
    expect(runningState.map((r) => r.id)).toEqual(['conflict', 'ownership', 'pressure', 'star-core'])

    const restarted = await startApp({ rubricsDir: app.rubricsDir })
    try {
      expect(await served(restarted)).toEqual(runningState)
      expect((await errorsOf(restarted)).map((x) => [x.file, x.ruleId])).toEqual([
        ['bomb.yaml', 'yaml-aliases'],
      ])
      expect((await json(restarted, '/api/health')).rubricErrors).toBe(1)
    } finally {
      await restarted.close()
    }
  })

  test('`rubrics check` prints the bomb as one problem line naming the file, no stack trace', async () => {
    const dir = tempDir('starboard-check-')
    cpSync(join(SHIPPED, 'star-core.yaml'), join(dir, 'star-core.yaml'))
    writeFileSync(join(dir, 'bomb.yaml'), BOMB.replace('id: pressure', 'id: bomb'))
    let output = ''
    const out = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk)
        done()
      },
    })
    const code = await main(['rubrics', 'check', dir], out)
    expect(code).toBe(1)
    const lines = output.trim().split('\n')
    expect(lines[0]).toMatch(/bomb\.yaml:1:1 {2}yaml-aliases {2}/)
    expect(output).not.toMatch(/\n\s+at /)
    expect(lines.at(-1)).toMatch(/1 problem$/)
  })
})

describe('a rubric file that is there but cannot be read keeps its last good version', () => {
  const faults = [
    { fault: 'a dangling link', apply: (file: string) => symlinkSync(`${file}.nowhere`, file) },
    { fault: 'a link to itself', apply: (file: string) => symlinkSync(file, file) },
    // Opening a pipe would wait for a writer forever: it must be refused without being opened.
    { fault: 'a named pipe', apply: (file: string) => execFileSync('mkfifo', [file]) },
    {
      fault: 'no read permission',
      skip: asRoot,
      apply: (file: string) => {
        writeFileSync(file, PRESSURE_RUBRIC)
        chmodSync(file, 0o000)
      },
    },
  ]
  test.for(faults)('$fault', async ({ apply, skip }, ctx) => {
    ctx.skip(skip === true, 'root can read any file')
    const app = await running()
    const before = await served(app)
    const scored = await scorePressure(app)
    const file = join(app.rubricsDir, 'pressure.yaml')
    rmSync(file)
    apply(file)
    const [e] = await errorsFor(app, 'pressure.yaml')
    expect(e!.ruleId).toBe('unreadable')
    expect(await served(app)).toEqual(before)
    expect(await scorePressure(app)).toEqual(scored)
    expect((await json(app, '/api/rubrics/errors')).stale).toEqual([
      { rubricId: 'pressure', file: 'pressure.yaml', hash: before.find((r) => r.id === 'pressure')!.hash },
    ])
    // Readable again: no error, same rubric.
    rmSync(file)
    writeFileSync(file, PRESSURE_RUBRIC)
    await eventually(async () => ((await errorsOf(app)).length === 0 ? true : undefined))
    expect(await served(app)).toEqual(before)
  })
})

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
    t = undefined

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
  let text = `id: ${id}
title: Big
kind: theme
extends: star-core
summary: A rubric with very many criteria.
criteria:
`
  for (let i = 0; text.length < bytes; i++) {
    text += `  - id: extra-${i}\n    label: Extra ${i}\n    check: keywords\n    weight: 1\n    section: action\n    groups:\n      - label: g${i}\n        any: [alpha${i}, beta${i}]\n`
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
    expect(big.criteria.length).toBeGreaterThan(1000)
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
