// A running server on a folder of rubric files, for the folder- and file-fault suites: the folders it uses,
// what it serves and lists as errors, and its cleaning up after every test.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { eventually, GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp } from '../server/helpers'

export interface RubricErrorBody {
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

export const SHIPPED = join(process.cwd(), 'rubrics')
export const asRoot = process.getuid?.() === 0

let t: TestApp | undefined
let cleanup: string[] = []

/** Stops the server `running` started, if any, and removes the folders made since; run after every test. */
export async function cleanUp(): Promise<void> {
  await t?.close()
  t = undefined
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true })
  cleanup = []
}

/** Removes `dir` after the test, with the folders `tempDir` made. */
export function removeAfterTest(dir: string): void {
  cleanup.push(dir)
}

/** Forgets the server `running` started, once the test has closed it itself. */
export function forgetRunning(): void {
  t = undefined
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanup.push(dir)
  return dir
}

/** A copy of the shipped rubric files (28 rubrics, tagging each other) in a folder of its own. */
export function shippedCopy(): string {
  const dir = join(tempDir('starboard-shipped-'), 'rubrics')
  mkdirSync(dir)
  for (const name of readdirSync(SHIPPED)) {
    if (/\.ya?ml$/.test(name)) cpSync(join(SHIPPED, name), join(dir, name))
  }
  return dir
}

export async function running(rubricsDir?: string, dbPath?: string): Promise<TestApp> {
  t = await startApp({
    watchRubrics: true,
    rubricDebounceMs: 30,
    ...(rubricsDir === undefined ? {} : { rubricsDir }),
    ...(dbPath === undefined ? {} : { dbPath }),
  })
  return t
}

export const json = async (app: TestApp, url: string) => (await app.app.inject(url)).json()
export const served = async (app: TestApp): Promise<Served[]> =>
  ((await json(app, '/api/rubrics')).rubrics as Served[]).map((r) => ({ id: r.id, hash: r.hash }))
export const errorsOf = async (app: TestApp): Promise<RubricErrorBody[]> =>
  (await json(app, '/api/rubrics/errors')).errors
export const errorsFor = (app: TestApp, file: string, ruleId?: string) =>
  eventually(async () => {
    const mine = (await errorsOf(app)).filter(
      (e) => e.file === file && (ruleId === undefined || e.ruleId === ruleId),
    )
    return mine.length > 0 ? mine : undefined
  })
export const scorePressure = async (app: TestApp) => {
  const res = await app.app.inject({
    method: 'POST',
    url: '/api/score',
    payload: { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}

/** Edits ownership.yaml and waits until the server serves the edit: the watcher and reloads work. */
export async function editIsPickedUp(app: TestApp, summary: string) {
  writeFileSync(
    join(app.rubricsDir, 'ownership.yaml'),
    OWNERSHIP_RUBRIC.replace(/summary: .*/, `summary: ${summary}`),
  )
  await eventually(async () =>
    (await json(app, '/api/rubrics/ownership')).summary === summary ? true : undefined,
  )
}
