// Load: 20,000 attempts over 50 concurrent connections on loopback; no errors, and every acknowledged attempt is stored.

import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { GOOD_ANSWER, WEAK_ANSWER } from '../server/helpers'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { serverFolders } from './server-folders'

const ATTEMPTS = 20_000
let server: ServerProcess | undefined
const { rubricsDir, dbPath } = serverFolders('starboard-load-', () => server)

test(`${ATTEMPTS.toLocaleString('en-US')} attempts over 50 connections: all 201, and stored count equals acknowledged count`, async () => {
  server = await startServerProcess({ dbPath, rubricsDir })
  const body = (promptId: string, answer: string) => JSON.stringify({ promptId, answer, durationMs: 1000 })
  const result = await autocannon({
    url: server.url,
    connections: 50,
    amount: ATTEMPTS,
    // Bounded: a request that takes longer than this counts as a timeout, which fails the test.
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: '/api/attempts',
        headers: { 'content-type': 'application/json' },
        body: body('ownership-outside-scope', GOOD_ANSWER),
      },
      {
        method: 'POST',
        path: '/api/attempts',
        headers: { 'content-type': 'application/json' },
        body: body('conflict-disagreement', WEAK_ANSWER),
      },
      {
        method: 'POST',
        path: '/api/attempts',
        headers: { 'content-type': 'application/json' },
        body: body('pressure-deadline', GOOD_ANSWER),
      },
    ],
  })
  const acknowledged = result.statusCodeStats['201']?.count ?? 0
  expect({
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    resets: result.resets,
  }).toEqual({
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    resets: 0,
  })
  expect(acknowledged).toBe(ATTEMPTS)

  // The server reports the same count through its own API (coverage counts per tag)…
  const coverage = (await (await fetch(`${server.url}/api/coverage`)).json()) as {
    areas: { id: string; attempts: number }[]
  }
  const perArea = Object.fromEntries(
    coverage.areas.map((a: { id: string; attempts: number }) => [a.id, a.attempts]),
  )
  // Every prompt here carries the conflict tag or the pressure tag, never both.
  expect((perArea.conflict ?? 0) + (perArea.pressure ?? 0)).toBe(ATTEMPTS)
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  await server.stop()
  server = undefined

  // …and the file holds exactly the acknowledged attempts, each whole.
  const sqlite = new Database(dbPath, { readonly: true })
  try {
    expect(sqlite.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(acknowledged)
    expect(sqlite.prepare('SELECT count(DISTINCT attempt_id) FROM attempt_criteria').pluck().get()).toBe(
      acknowledged,
    )
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    sqlite.close()
  }
})
