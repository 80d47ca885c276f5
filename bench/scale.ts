// Scale benchmark: 100,000 seeded attempts, then p50/p95 latency of list, filtered list, trends and coverage against health.

import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDb, createDb, insertAttempts, type NewAttempt } from '../db/index'
import { analyze, scoreAnalysis } from '../engine/index'
import { areaScoresOf } from '../server/area-scoring'
import { startServerProcess } from '../test/support/server-process'
import { RUBRICS_DIR, sampleAnswers, shippedRubrics } from './data'

interface LatencyFigures {
  p50: number
  p95: number
  /** The first request's time: before SQLite's page cache holds what the query reads. */
  first: number
  samples: number
}

export interface ScaleBench {
  attempts: number
  seedSeconds: number
  health: LatencyFigures
  list: LatencyFigures
  listFiltered: LatencyFigures
  trends: LatencyFigures
  coverage: LatencyFigures
  listRatio: number
  listFilteredRatio: number
  trendsRatio: number
  coverageRatio: number
}

const DAY = 86_400_000
/** The seeded attempts span the year before this instant. */
const END = Date.parse('2025-06-30T18:00:00Z')
const FROM_DATE = '2025-01-01'

function seed(dbPath: string, count: number): number {
  const started = performance.now()
  const rubrics = shippedRubrics()
  const byPrompt = new Map(rubrics.flatMap((r) => r.prompts.map((p) => [p.id, { rubric: r, prompt: p }])))
  const byId = new Map(rubrics.map((r) => [r.id, r]))
  // Real reports from real answers: every shipped prompt, each with several answers of varying quality, with
  // their scores under the rubric of each area the prompt trains, as the server stores them.
  const scored = sampleAnswers(190, rubrics).map((s) => {
    const entry = byPrompt.get(s.promptId)!
    const analysis = analyze(s.answer)
    const report = scoreAnalysis(analysis, entry.rubric)
    const areaScores = areaScoresOf(
      (rubric) => scoreAnalysis(analysis, rubric),
      report,
      entry.prompt.tags,
      (id) => byId.get(id),
    )
    return { ...s, tags: entry.prompt.tags, report, areaScores }
  })
  const db = createDb(dbPath)
  // A fresh throwaway file: no journal while seeding, so 100,000 reports are written once, not via the WAL.
  db.$client.pragma('journal_mode = OFF')
  db.$client.pragma('synchronous = OFF')
  try {
    const span = 365 * DAY
    const BATCH = 10_000
    for (let start = 0; start < count; start += BATCH) {
      const batch: NewAttempt[] = []
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const s = scored[(i * 31) % scored.length]!
        batch.push({
          promptId: s.promptId,
          answer: s.answer,
          tags: s.tags,
          report: s.report,
          areaScores: s.areaScores,
          durationMs: 60_000 + (i % 120) * 1000,
          createdAt: END - span + Math.floor((i * span) / count),
        })
      }
      insertAttempts(db, batch)
    }
    db.$client.pragma('journal_mode = WAL')
  } finally {
    closeDb(db)
  }
  return (performance.now() - started) / 1000
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = request(url, { agent }, (res) => {
      res.on('data', () => {})
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`))
        else resolve(performance.now() - t0)
      })
    })
    req.on('error', reject)
    req.end()
  })
}

export async function benchScale(count = 100_000, budgetSeconds = 25): Promise<ScaleBench> {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-bench-scale-'))
  const dbPath = join(dir, 'scale.db')
  const seedSeconds = seed(dbPath, count)
  const server = await startServerProcess({ dbPath, rubricsDir: RUBRICS_DIR })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const paths = {
      health: '/api/health',
      list: '/api/attempts?limit=50',
      listFiltered: `/api/attempts?limit=50&tag=dive-deep&minScore=60&from=${FROM_DATE}`,
      trends: '/api/trends',
      coverage: '/api/coverage',
    }
    const names = Object.keys(paths) as (keyof typeof paths)[]
    const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
      keyof typeof paths,
      number[]
    >
    // Interleaved rounds, one request in flight: a busy machine slows every endpoint of a round alike.
    const deadline = performance.now() + budgetSeconds * 1000
    for (let round = 0; round < 200 && (round < 10 || performance.now() < deadline); round++) {
      for (const n of names) times[n].push(await get(agent, server.url + paths[n]))
    }
    const figures = (xs: number[]): LatencyFigures => {
      const rest = xs.slice(1).sort((a, b) => a - b)
      return { p50: percentile(rest, 50), p95: percentile(rest, 95), first: xs[0]!, samples: rest.length }
    }
    const f = Object.fromEntries(names.map((n) => [n, figures(times[n])])) as Record<
      keyof typeof paths,
      LatencyFigures
    >
    return {
      attempts: count,
      seedSeconds,
      ...f,
      listRatio: f.list.p50 / f.health.p50,
      listFilteredRatio: f.listFiltered.p50 / f.health.p50,
      trendsRatio: f.trends.p50 / f.health.p50,
      coverageRatio: f.coverage.p50 / f.health.p50,
    }
  } finally {
    agent.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
