// A database path that cannot be used at start gives one DatabaseOpenError with a plain one-line message.

import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { closeDb, createDb, DatabaseOpenError } from '../../db/index'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DB_INDEX = fileURLToPath(new URL('../../db/index.ts', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-open-'))
})
afterEach(() => {
  chmodSync(dir, 0o700)
  rmSync(dir, { recursive: true, force: true })
})

/** The error createDb throws for `path`; fails the test when it opens. */
function openError(path: string): DatabaseOpenError {
  let db: ReturnType<typeof createDb> | undefined
  try {
    db = createDb(path)
  } catch (err) {
    expect(err).toBeInstanceOf(DatabaseOpenError)
    const error = err as DatabaseOpenError
    expect(error.path).toBe(path)
    expect(error.message).toBe(`Cannot open the database ${path}: ${error.reason}`)
    expect(error.message).not.toContain('\n')
    return error
  }
  closeDb(db)
  throw new Error(`createDb opened ${path}`)
}

test('a file that is not a SQLite database', () => {
  const path = join(dir, 'garbage.db')
  writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
  expect(openError(path).reason).toBe('the file is not a SQLite database, or it is damaged')
  // A text file is no better.
  writeFileSync(path, 'attempts,score\n1,80\n')
  expect(openError(path).reason).toBe('the file is not a SQLite database, or it is damaged')
})

test('a folder where the file should be', () => {
  const path = join(dir, 'starboard.db')
  mkdirSync(path)
  expect(openError(path).reason).toBe('it is a folder, not a database file')
})

test('a file where its folder should be', () => {
  writeFileSync(join(dir, 'data'), 'x')
  const path = join(dir, 'data', 'starboard.db')
  expect(openError(path).reason).toBe(`a file stands where its folder ${join(dir, 'data')} should be`)
})

test('a read-only database file', () => {
  const path = join(dir, 'starboard.db')
  closeDb(createDb(path))
  rmSync(`${path}-wal`, { force: true })
  rmSync(`${path}-shm`, { force: true })
  chmodSync(path, 0o444)
  // The folder stays writable, so only the file's own mode is at fault.
  chmodSync(dir, 0o777)
  const isRoot = process.getuid?.() === 0
  if (!isRoot) {
    expect(openError(path).reason).toMatch(/^it is read-only/)
    return
  }
  // Root writes any file whatever its mode: open it as an unprivileged user instead.
  const script = `import(${JSON.stringify(DB_INDEX)}).then((m) => {
    try { m.closeDb(m.createDb(${JSON.stringify(path)})); console.log('{"opened":true}') }
    catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message, reason: e.reason })) }
  })`
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(child.status, child.stderr).toBe(0)
  expect(JSON.parse(child.stdout.trim())).toEqual({
    name: 'DatabaseOpenError',
    message: `Cannot open the database ${path}: it is read-only (the file, or its folder ${dir}, cannot be written)`,
    reason: `it is read-only (the file, or its folder ${dir}, cannot be written)`,
  })
})
