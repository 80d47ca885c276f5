// Crash safety: a server process killed with SIGKILL mid-burst loses no acknowledged attempt and leaves a sound database.

import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { GOOD_ANSWER } from '../server/helpers'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { serverFolders } from './server-folders'

let server: ServerProcess | undefined
const { rubricsDir, dbPath } = serverFolders('starboard-crash-', () => server)

interface Acknowledged {
  id: number
  answer: string
  score: number
  rubricHash: string
}

test('every attempt answered 201 before a SIGKILL is there and intact after a restart; integrity_check is ok', async () => {
  server = await startServerProcess({ dbPath, rubricsDir })
  const { url } = server
  const acknowledged: Acknowledged[] = []
  let failedAfterKill = 0
  let killed = false

  // 8 clients post as fast as they can; the kill lands while requests are in flight.
  const client = async (n: number) => {
    for (let i = 0; !killed || i < 0; i++) {
      const answer = `${GOOD_ANSWER}\nAttempt ${n}-${i}: ${'detail '.repeat((n * 7 + i) % 40)}`
      try {
        const res = await fetch(`${url}/api/attempts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ promptId: 'ownership-outside-scope', answer, durationMs: i }),
        })
        const body = (await res.json()) as { id: number; report: { score: number; rubricHash: string } }
        if (res.status === 201) {
          acknowledged.push({
            id: body.id,
            answer,
            score: body.report.score,
            rubricHash: body.report.rubricHash,
          })
        } else throw new Error(`answered ${res.status}: ${JSON.stringify(body)}`)
      } catch (err) {
        if (!killed) throw err
        failedAfterKill++
        return
      }
    }
  }
  const clients = Array.from({ length: 8 }, (_, n) => client(n))
  // Kill once a good number of attempts are in, or after a bounded wait on a slow machine.
  const deadline = Date.now() + 60_000
  while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  killed = true
  server.child.kill('SIGKILL')
  expect(await server.exited).toBe('SIGKILL')
  await Promise.all(clients)
  expect(acknowledged.length).toBeGreaterThan(0)

  // Restart on the same file: recovery replays the WAL.
  server = await startServerProcess({ dbPath, rubricsDir })
  for (const a of acknowledged) {
    const res = await fetch(`${server.url}/api/attempts/${a.id}`)
    expect(res.status).toBe(200)
    const stored = (await res.json()) as {
      answer: string
      score: number
      rubricHash: string
      report: { score: number }
      tags: string[]
    }
    expect({ answer: stored.answer, score: stored.score, rubricHash: stored.rubricHash }).toEqual({
      answer: a.answer,
      score: a.score,
      rubricHash: a.rubricHash,
    })
    expect(stored.report.score).toBe(a.score)
    expect(stored.tags).toEqual(['conflict', 'ownership'])
  }
  // Requests cut off by the kill may or may not have committed, but never half: counts stay consistent.
  await server.stop()
  server = undefined
  const sqlite = new Database(dbPath, { readonly: true })
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    const count = sqlite.prepare('SELECT count(*) FROM attempts').pluck().get() as number
    expect(count).toBeGreaterThanOrEqual(acknowledged.length)
    expect(count).toBeLessThanOrEqual(acknowledged.length + 8)
    // Every stored attempt has all its criteria and both tags: no attempt was written in part.
    const partial = sqlite
      .prepare(
        `SELECT count(*) FROM attempts a WHERE
           (SELECT count(*) FROM attempt_tags t WHERE t.attempt_id = a.id) <> 2 OR
           (SELECT count(*) FROM attempt_criteria c WHERE c.attempt_id = a.id) <>
             json_array_length(a.report, '$.criteria')`,
      )
      .pluck()
      .get()
    expect(partial).toBe(0)
  } finally {
    sqlite.close()
  }
  expect(failedAfterKill).toBeLessThanOrEqual(8)
})
