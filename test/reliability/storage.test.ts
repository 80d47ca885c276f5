// Storage across processes: several processes on one database file lose no write to a stale read and can all
// start at once on a fresh file; a server whose database path cannot be used says why in one line.

import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { closeDb, createDb, HISTORY_LIMIT, insertAttempts } from '../../db/index'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WORKER = fileURLToPath(new URL('./storage-worker.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'starboard-storage-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Outcome {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to its end, or kills it after `timeoutMs`. */
function run(args: string[], timeoutMs = 120_000, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8')
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8')
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Runs the storage worker and answers the JSON line it prints. */
async function worker(...args: (string | number)[]): Promise<{ failures: string[] }> {
  const outcome = await run(['--import', 'tsx', WORKER, ...args.map(String)])
  const line = outcome.stdout.trim().split('\n').at(-1) ?? ''
  expect(outcome.code, `${outcome.stdout}\n${outcome.stderr}`).toBe(0)
  return JSON.parse(line) as { failures: string[] }
}

/** A moment far enough ahead that every worker has started (tsx startup on a loaded machine) before it. */
const startAfter = (ms: number) => Date.now() + ms

test('two processes re-scoring the same attempts lose none to a stale read (SQLITE_BUSY_SNAPSHOT)', async () => {
  const file = join(dir, 'rescore.db')
  const db = createDb(file)
  const report = {
    rubricId: 'ownership',
    rubricHash: 'h',
    engineVersion: '1',
    score: 50,
    band: { id: 'b', label: 'B' },
    criteria: [{ id: 'star-structure', score: 10, max: 20, status: 'partial' as const }],
  }
  insertAttempts(
    db,
    Array.from({ length: 10 }, (_, i) => ({
      promptId: 'p',
      answer: `answer ${i}`,
      tags: ['ownership'],
      report,
      createdAt: Date.UTC(2025, 2, 3) + i,
    })),
  )
  closeDb(db)

  const perProcess = 300
  const at = startAfter(6000)
  const results = await Promise.all([
    worker('rescore', file, at, perProcess),
    worker('rescore', file, at, perProcess),
  ])
  expect(results.flatMap((r) => r.failures)).toEqual([])

  const check = new Database(file, { readonly: true })
  try {
    // Every re-score moved a report to the history (ids are never reused, so the sequence counts them all);
    // each attempt keeps the latest HISTORY_LIMIT.
    expect(
      check.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'attempt_reports'").pluck().get(),
    ).toBe(2 * perProcess)
    expect(check.prepare('SELECT count(*) FROM attempt_reports').pluck().get()).toBe(10 * HISTORY_LIMIT)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    // The rollup the triggers keep still matches the attempts' current criteria.
    expect(
      check.prepare("SELECT attempts FROM trend_days WHERE criterion_id = 'star-structure'").pluck().get(),
    ).toBe(10)
  } finally {
    check.close()
  }
})

test('three processes opening one fresh database at the same moment all start, and migrate it once', async () => {
  const rounds = 12
  const folder = join(dir, 'fresh')
  const at = startAfter(6000)
  const results = await Promise.all(
    Array.from({ length: 3 }, () => worker('migrate', folder, at, rounds, 300)),
  )
  expect(results.flatMap((r) => r.failures)).toEqual([])

  const journal = JSON.parse(
    readFileSync(join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] }
  for (let round = 0; round < rounds; round++) {
    const check = new Database(join(folder, `${round}.db`), { readonly: true })
    try {
      expect(check.prepare('SELECT count(*) FROM "__drizzle_migrations"').pluck().get()).toBe(
        journal.entries.length,
      )
    } finally {
      check.close()
    }
  }
})

test('a server started on a garbage file, a folder or a path under a file says so in one line and exits 1', async () => {
  const garbage = join(dir, 'garbage.db')
  writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
  const folder = join(dir, 'folder.db')
  mkdirSync(folder)
  const cases: [string, string][] = [
    [garbage, 'the file is not a SQLite database, or it is damaged'],
    [folder, 'it is a folder, not a database file'],
    [join(garbage, 'starboard.db'), `a file stands where its folder ${garbage} should be`],
  ]
  for (const [dbPath, reason] of cases) {
    const outcome = await run(['--import', 'tsx', 'server/main.ts'], 60_000, {
      HOST: '127.0.0.1',
      PORT: '0',
      STARBOARD_DB: dbPath,
      LOG_LEVEL: 'warn',
    })
    expect(outcome.code, outcome.stderr).toBe(1)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toBe(`Cannot open the database ${dbPath}: ${reason} (STARBOARD_DB)\n`)
  }
})
