// API throughput benchmark: autocannon against a server child process, POST /api/attempts against GET /api/health.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon, { type Result } from 'autocannon'
import { CORPUS_DIR, loadCorpus } from '../test/fixtures/corpus'
import { startServerProcess } from '../test/support/server-process'
import { RUBRICS_DIR, sampleAnswers } from './data'

interface LoadFigures {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

export interface ApiBench {
  health: LoadFigures
  attempts: LoadFigures
  apiRatio: number
}

const CONNECTIONS = 10

function figures(r: Result): LoadFigures {
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  }
}

export async function benchApi(seconds = 5): Promise<ApiBench> {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-bench-api-'))
  // autocannon keeps writing on a connection the server has closed after its request limit, so the limit is
  // raised here: otherwise most of the reference's requests fail and its rate means nothing.
  const server = await startServerProcess({
    dbPath: join(dir, 'bench.db'),
    rubricsDir: RUBRICS_DIR,
    env: { STARBOARD_MAX_REQUESTS_PER_CONNECTION: '1000000000' },
  })
  try {
    // Every corpus answer, each paired with prompts in turn, cycled: what real use looks like, where no two
    // submissions are alike (nothing on the server may key a cache on the answer text).
    const samples = sampleAnswers(loadCorpus(CORPUS_DIR).length * 3)
    const requests = samples.map((s) => ({
      method: 'POST',
      path: '/api/attempts',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ promptId: s.promptId, answer: s.answer, durationMs: 90_000 }),
    }))
    const health = { url: `${server.url}/api/health`, connections: CONNECTIONS }
    const attempts = { url: server.url, connections: CONNECTIONS, requests }
    // A short warm-up of each, so the JIT and SQLite's page cache are settled before measuring.
    await autocannon({ ...health, duration: 1 })
    await autocannon({ ...attempts, duration: 1 })
    const h = figures(await autocannon({ ...health, duration: seconds }))
    const a = figures(await autocannon({ ...attempts, duration: seconds }))
    return { health: h, attempts: a, apiRatio: a.requestsPerSecond / h.requestsPerSecond }
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

// `npx tsx bench/api.ts [seconds]`: the API rows alone, without the rest of the bench.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? 5)
  const { health, attempts, apiRatio } = await benchApi(seconds)
  const row = (name: string, f: LoadFigures) =>
    `${name}: ${f.requestsPerSecond.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors + f.non2xx} failed`
  console.log(row('GET /api/health', health))
  console.log(row('POST /api/attempts', attempts))
  console.log(`bench: api_ratio=${apiRatio.toFixed(2)}`)
}
