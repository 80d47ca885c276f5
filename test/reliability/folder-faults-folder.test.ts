// Folder and file faults on a running server: the rubrics folder goes away or cannot be read, one file's parse
// throws, or a file cannot be read; every last good version stays in service and the watcher recovers.

import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, test } from 'vitest'
import { main } from '../../server/cli'
import { eventually, OWNERSHIP_RUBRIC, PRESSURE_RUBRIC, startApp } from '../server/helpers'
import {
  asRoot,
  cleanUp,
  editIsPickedUp,
  errorsFor,
  errorsOf,
  json,
  removeAfterTest,
  running,
  SHIPPED,
  scorePressure,
  served,
  tempDir,
} from './folder-fault-server'

afterEach(cleanUp)

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
    removeAfterTest(`${dir}.old`)
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
