// How `npm start`'s server logs, as a process: short lines for a person by default, and pino's JSON lines, one
// object per line, with LOG_FORMAT=json for a log collector.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { startBanner } from '../../server/log-lines'
import { type ServerProcess, startServerProcess } from '../support/server-process'

const RUBRICS = fileURLToPath(new URL('../../rubrics', import.meta.url))

let server: ServerProcess | undefined
let dir: string | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

/** Starts the server with `env`, asks GET /api/health and a missing path, and answers every line it wrote. */
async function linesWith(env: Record<string, string>, logLevel: string, until: RegExp): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'starboard-log-'))
  server = await startServerProcess({ dbPath: join(dir, 'log.db'), rubricsDir: RUBRICS, logLevel, env })
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404)
  const running = server
  // The log lines follow the answers: wait until the last one is written.
  await expect.poll(() => until.test(running.output()), { timeout: 10_000 }).toBe(true)
  await running.stop()
  return running.output().split('\n')
}

/** The start's own lines, which are words in either format: the URL, alone and easy to find. */
const banner = (url: string) => new Set(startBanner(`${url}/`, false).split('\n'))

describe('LOG_FORMAT', () => {
  test('json: every log line is one JSON object, two per request, the URL still printed in words', async () => {
    const lines = await linesWith({ LOG_FORMAT: 'json' }, 'info', /"statusCode":404/)
    const words = banner(/Starboard is running at (http:\/\/[^/\s]+)\//.exec(lines.join('\n'))![1]!)
    const logged = lines.filter((l) => l.trim() !== '' && !words.has(l))
    expect(logged.length).toBeGreaterThanOrEqual(4)
    const entries = logged.map((l) => JSON.parse(l) as Record<string, unknown>)
    for (const e of entries) {
      expect(typeof e.level).toBe('number')
      expect(typeof e.time).toBe('number')
      expect(typeof e.msg).toBe('string')
    }
    const incoming = entries.filter((e) => e.msg === 'incoming request')
    const completed = entries.filter((e) => e.msg === 'request completed')
    expect(incoming.map((e) => (e.req as { url: string }).url)).toEqual(['/api/health', '/api/nothing-here'])
    expect(completed.map((e) => (e.res as { statusCode: number }).statusCode)).toEqual([200, 404])
    expect(lines.join('\n')).toContain('Starboard is running at http://127.0.0.1:')
  })

  test('unset: short lines in words, one per request at debug, and no JSON', async () => {
    const lines = await linesWith({}, 'debug', /GET \/api\/nothing-here 404 \d+ ms/)
    expect(lines.some((l) => l.trimStart().startsWith('{'))).toBe(false)
    expect(lines.filter((l) => /^GET \/api\//.test(l))).toEqual([
      expect.stringMatching(/^GET \/api\/health 200 \d+ ms$/),
      expect.stringMatching(/^GET \/api\/nothing-here 404 \d+ ms$/),
    ])
  })
})
