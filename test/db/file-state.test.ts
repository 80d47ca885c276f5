// databaseFileState tells whether the open database's file is still at its path and can be written.

import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  closeDb,
  createDb,
  type Db,
  databaseAnswers,
  databaseFileState,
  diskFullRecently,
  findAttempt,
  insertAttempt,
  writeRefusal,
} from '../../db/index'
import { MON, report } from './helpers'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DB_INDEX = fileURLToPath(new URL('../../db/index.ts', import.meta.url))

let dir: string
let path: string
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-file-'))
  path = join(dir, 'data', 'starboard.db')
  db = createDb(path)
})
afterEach(() => {
  closeDb(db)
  chmodSync(dir, 0o700)
  rmSync(dir, { recursive: true, force: true })
})

const add = () =>
  insertAttempt(db, { promptId: 'p', answer: 'a', tags: ['ownership'], report: report(50), createdAt: MON })

test('an open database on its file is present and writable', () => {
  expect(databaseFileState(db)).toEqual({ present: true, writable: true })
})

test('a deleted data folder: the handle still answers, but the file is gone', () => {
  const id = add()
  rmSync(join(dir, 'data'), { recursive: true, force: true })
  // What made the loss silent: queries and even writes still succeed on the unlinked file.
  expect(databaseAnswers(db)).toBe(true)
  expect(findAttempt(db, id)?.score).toBe(50)
  expect(databaseFileState(db)).toEqual({ present: false, writable: false })
})

test('a file moved away, or replaced by another at the same path, is not the open database', () => {
  renameSync(path, `${path}.moved`)
  expect(databaseFileState(db).present).toBe(false)
  writeFileSync(path, '')
  expect(databaseFileState(db)).toEqual({ present: false, writable: false })
  // Put back, it is the same file again.
  renameSync(`${path}.moved`, path)
  expect(databaseFileState(db)).toEqual({ present: true, writable: true })
})

test('an in-memory database is always present', () => {
  const memory = createDb(':memory:')
  try {
    expect(databaseFileState(memory)).toEqual({ present: true, writable: true })
  } finally {
    closeDb(memory)
  }
})

test('a file, or its folder, made read-only while open is present but not writable', async () => {
  // Root may write anything whatever its mode, so the process that checks runs as an unprivileged user.
  const isRoot = process.getuid?.() === 0
  const file = join(dir, 'shared', 'starboard.db')
  chmodSync(dir, 0o777)
  const script = `import(${JSON.stringify(DB_INDEX)}).then((m) => {
    const db = m.createDb(${JSON.stringify(file)})
    const report = () => console.log(JSON.stringify(m.databaseFileState(db)))
    report()
    process.stdin.on('data', (chunk) => {
      for (const line of String(chunk).trim().split('\\n')) {
        if (line === 'check') report()
        else { m.closeDb(db); process.exit(0) }
      }
    })
  })`
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
  })
  const lines: string[] = []
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8')
  })
  let waiting: (() => void) | undefined
  child.stdout.on('data', (c: Buffer) => {
    lines.push(...c.toString('utf8').trim().split('\n'))
    waiting?.()
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const nextState = async (count: number) => {
    const deadline = Date.now() + 20_000
    while (lines.length < count) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no answer from the child:\n${stderr}`)
      await new Promise<void>((resolve) => {
        waiting = resolve
        setTimeout(resolve, 100)
      })
    }
    return JSON.parse(lines[count - 1]!) as unknown
  }
  try {
    expect(await nextState(1)).toEqual({ present: true, writable: true })
    chmodSync(file, 0o444)
    child.stdin.write('check\n')
    expect(await nextState(2)).toEqual({ present: true, writable: false })
    chmodSync(file, 0o644)
    chmodSync(join(dir, 'shared'), 0o555)
    child.stdin.write('check\n')
    expect(await nextState(3)).toEqual({ present: true, writable: false })
    chmodSync(join(dir, 'shared'), 0o755)
    child.stdin.write('check\n')
    expect(await nextState(4)).toEqual({ present: true, writable: true })
    child.stdin.write('close\n')
    await exited
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
})

test('writeRefusal: nothing while all is well; a gone file refuses writes', () => {
  expect(databaseFileState(db)).toEqual({ present: true, writable: true })
  expect(writeRefusal(db)).toBeUndefined()
  rmSync(join(dir, 'data'), { recursive: true, force: true })
  expect(databaseFileState(db)).toEqual({ present: false, writable: false })
  expect(writeRefusal(db)).toMatch(/^The database file is gone: .*Restart the server/)
})

test('a write that finds the disk full is remembered for a minute, or until a write succeeds', () => {
  add()
  const pages = db.$client.pragma('page_count', { simple: true }) as number
  db.$client.pragma(`max_page_count = ${pages}`)
  let failed: unknown
  for (let i = 0; i < 50 && failed === undefined; i++) {
    try {
      add()
    } catch (err) {
      failed = err
    }
  }
  expect((failed as { code?: string }).code).toBe('SQLITE_FULL')
  const now = Date.now()
  expect(diskFullRecently(db, now)).toBe(true)
  expect(diskFullRecently(db, now + 59_000)).toBe(true)
  expect(diskFullRecently(db, now + 61_000)).toBe(false)
  // Full is not gone: writes are not refused up front, they fail (507) while there is no room.
  expect(writeRefusal(db)).toBeUndefined()
  db.$client.pragma('max_page_count = 1073741823')
  add()
  expect(diskFullRecently(db, now)).toBe(false)
})
