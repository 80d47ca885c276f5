// Scale and faults on PostgreSQL: 20,000 attempts over 50 connections spread across 4 app processes on one
// PostgreSQL, one process killed with SIGKILL mid-burst, then a rubric change seen by every process; and the same
// load on SQLite with one process, for comparison. Each case prints one line of figures ("[scale] …") for the log.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, makeRubricsDir, PRESSURE_RUBRIC, WEAK_ANSWER } from '../server/helpers'
import { freshDatabaseOn, startPostgres, type TestPostgres } from '../support/postgres'
import { type ServerProcess, type ServerProcessOptions, startServerProcess } from '../support/server-process'

/** Attempts in the burst: the figure the scale target names. Keep it: the printed rate is measured at this size. */
const ATTEMPTS = 20_000
/** Client connections open at once, spread evenly across the processes. */
const CONNECTIONS = 50
/** App processes sharing the one PostgreSQL database. */
const PROCESSES = 4
/** The burst is cut (one process killed) once this many attempts are acknowledged: a third of the way in. */
const KILL_AFTER = Math.round(ATTEMPTS / 3)
/** Every process serves a changed rubric file within this long of its writing. */
const RELOAD_WITHIN_MS = 2_000
/**
 * Bound on the PostgreSQL case, above the suite's 4 minutes. Measured on the shared 2-core machine (other work
 * keeping its load near 15), the 4 processes stored 28 to 60 attempts/s, so the burst alone takes 6 to 12
 * minutes there: each attempt is a transaction of its own (a statement per table, then a commit that waits for
 * the disk), and every one of them updates the same rows of today's trend rollup (trend_days), so the writers
 * queue on those rows' locks until each commit. A bound, not an expectation: the figures line says how long it
 * took.
 */
const POSTGRES_TIMEOUT_MS = 20 * 60_000

const PROMPTS = [
  { promptId: 'ownership-outside-scope', answer: GOOD_ANSWER },
  { promptId: 'conflict-disagreement', answer: WEAK_ANSWER },
  { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
] as const

/** The i-th attempt of the burst: the three prompts in turn, each answer unique so a stored row names its request. */
function attemptBody(i: number): { promptId: string; answer: string; durationMs: number } {
  const { promptId, answer } = PROMPTS[i % PROMPTS.length]!
  return { promptId, answer: `${answer}\n(practice run ${i})`, durationMs: 1000 }
}

/**
 * POSTs JSON with node:http over `agent`'s kept-alive connections: far less work per request for the client than
 * fetch, which on this machine shares the cores with the servers it measures.
 */
function post(agent: Agent, url: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

interface Acknowledged {
  id: number
  answer: string
  /** Index of the process that answered 201. */
  by: number
}

interface Burst {
  acknowledged: Acknowledged[]
  /** Milliseconds per acknowledged request. */
  latencies: number[]
  seconds: number
  /** Requests to a live process that failed (a status other than 201, or a network error). */
  errors: number
  /** The first few error messages, for the failure message. */
  errorSamples: string[]
  /**
   * Requests to the killed process that failed: in flight when it died, or sent before the client noticed. None
   * was acknowledged; each was sent again to a surviving process (as a proxy or client retrying would do), so the
   * burst still ends with ATTEMPTS acknowledged. One may have committed without its answer reaching the client.
   */
  cutByKill: number
  /** The kill, if the burst had one. */
  kill?: { index: number; pid: number; afterAcknowledged: number }
}

/**
 * Posts ATTEMPTS attempts over CONNECTIONS connections, connection n to process n mod the count (round robin, as a
 * proxy without sticky sessions would). With `killIndex`, that process is killed with SIGKILL once KILL_AFTER
 * attempts are acknowledged, and its connections move on to the survivors.
 */
async function burst(servers: ServerProcess[], killIndex?: number): Promise<Burst> {
  const alive = servers.map(() => true)
  const result: Burst = {
    acknowledged: [],
    latencies: [],
    seconds: 0,
    errors: 0,
    errorSamples: [],
    cutByKill: 0,
  }
  const agents = servers.map(() => new Agent({ keepAlive: true }))
  let next = 0
  const maybeKill = () => {
    if (killIndex === undefined || result.kill !== undefined || result.acknowledged.length < KILL_AFTER)
      return
    const victim = servers[killIndex]!
    // Marked dead before the signal, so every failure from here on to this process is counted as the kill's.
    alive[killIndex] = false
    result.kill = { index: killIndex, pid: victim.pid, afterAcknowledged: result.acknowledged.length }
    victim.child.kill('SIGKILL')
  }
  const connection = async (n: number) => {
    let target = n % servers.length
    let i = next++
    while (i < ATTEMPTS) {
      if (!alive[target]) {
        const survivors = servers.map((_, k) => k).filter((k) => alive[k])
        target = survivors[n % survivors.length]!
      }
      const body = attemptBody(i)
      const started = performance.now()
      try {
        const { status, text } = await post(agents[target]!, `${servers[target]!.url}/api/attempts`, body)
        if (status !== 201) throw new Error(`answered ${status}: ${text.slice(0, 300)}`)
        const { id } = JSON.parse(text) as { id: number }
        result.latencies.push(performance.now() - started)
        result.acknowledged.push({ id, answer: body.answer, by: target })
        i = next++
      } catch (err) {
        if (!alive[target]) {
          // Cut by the kill: never acknowledged; the same attempt goes to a survivor on the next turn.
          result.cutByKill++
          continue
        }
        result.errors++
        if (result.errorSamples.length < 5)
          result.errorSamples.push(`process ${target}: ${(err as Error).message}`)
        i = next++
      }
      maybeKill()
    }
  }
  const started = performance.now()
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, n) => connection(n)))
  } finally {
    for (const agent of agents) agent.destroy()
  }
  result.seconds = (performance.now() - started) / 1000
  return result
}

/**
 * One attempt per process before the burst, not counted in its figures: each process has answered once (its
 * first request pays for compiling), and on PostgreSQL the database shows that the processes write there.
 */
async function warmUp(servers: ServerProcess[]): Promise<Acknowledged[]> {
  return await Promise.all(
    servers.map(async (s, by) => {
      const body = {
        promptId: 'ownership-outside-scope',
        answer: `${GOOD_ANSWER}\n(warm-up ${by})`,
        durationMs: 1,
      }
      const res = await fetch(`${s.url}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const text = await res.text()
      expect(res.status, text).toBe(201)
      return { id: (JSON.parse(text) as { id: number }).id, answer: body.answer, by }
    }),
  )
}

/** The value at fraction `q` of the sorted `values` (nearest rank). */
function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

/** One line of figures for the log; printed before any assertion, so a failing run still shows them. */
function report(
  label: string,
  b: Burst,
  lost: number,
  storedUnacknowledged: number,
  reloadMs: number[],
): void {
  const acknowledged = b.acknowledged.length
  const kill =
    b.kill === undefined
      ? 'no kill'
      : `SIGKILL process ${b.kill.index} (pid ${b.kill.pid}) after ${b.kill.afterAcknowledged} acknowledged, ` +
        `${b.acknowledged.filter((a) => a.by === b.kill!.index).length} acknowledged by it, ` +
        `${b.cutByKill} cut in flight and retried`
  console.log(
    `[scale] ${label}, ${CONNECTIONS} connections: ${acknowledged} attempts in ${b.seconds.toFixed(1)} s ` +
      `(${Math.round(acknowledged / b.seconds)}/s), p50 ${percentile(b.latencies, 0.5).toFixed(0)} ms, ` +
      `p99 ${percentile(b.latencies, 0.99).toFixed(0)} ms; errors ${b.errors}, lost ${lost}, ` +
      `stored unacknowledged ${storedUnacknowledged}; ${kill}; rubric reload ms ` +
      `${reloadMs.map((ms) => ms.toFixed(0)).join('/')}`,
  )
}

/** An open /api/events stream, read as it arrives; `waitFor` answers when a line first arrived (performance.now()). */
async function openEvents(url: string) {
  const aborter = new AbortController()
  const res = await fetch(`${url}/api/events`, { signal: aborter.signal })
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let ended = false
  const arrived = new Map<string, number>()
  const watched = [': listening', 'event: rubrics']
  const pump = (async () => {
    try {
      for (;;) {
        const chunk = await reader.read()
        if (chunk.done) break
        text += decoder.decode(chunk.value, { stream: true })
        for (const line of watched)
          if (!arrived.has(line) && text.includes(line)) arrived.set(line, performance.now())
      }
    } catch {
      // Aborted by close().
    }
    ended = true
  })()
  const waitFor = async (line: string, ms: number): Promise<number> => {
    const deadline = Date.now() + ms
    for (;;) {
      const at = arrived.get(line)
      if (at !== undefined) return at
      if (ended) throw new Error(`${url}/api/events ended before '${line}'`)
      if (Date.now() > deadline) throw new Error(`no '${line}' on ${url}/api/events within ${ms} ms`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  return {
    waitFor,
    async close() {
      aborter.abort()
      await pump
    },
  }
}

/** The reload's figures, or what went wrong, so the burst's figures are printed either way. */
async function measured(reload: Promise<number[]>): Promise<{ reloadMs: number[]; reloadError?: unknown }> {
  try {
    return { reloadMs: await reload }
  } catch (reloadError) {
    return { reloadMs: [], reloadError }
  }
}

/**
 * Changes a rubric file in the shared folder and answers, per process, how many ms after the write its event
 * stream announced the change; then checks that each serves the new version.
 */
async function rubricReload(servers: ServerProcess[], rubricsDir: string): Promise<number[]> {
  const hashOn = async (s: ServerProcess) =>
    ((await (await fetch(`${s.url}/api/rubrics/pressure`)).json()) as { hash: string }).hash
  const before = await Promise.all(servers.map(hashOn))
  expect(new Set(before).size).toBe(1)
  const streams = await Promise.all(servers.map((s) => openEvents(s.url)))
  try {
    // Each stream is registered once its first comment arrives.
    await Promise.all(streams.map((s) => s.waitFor(': listening', 10_000)))
    const written = performance.now()
    writeFileSync(
      join(rubricsDir, 'pressure.yaml'),
      PRESSURE_RUBRIC.replace('Keeps judgement', 'Keeps calm judgement'),
    )
    const ms = await Promise.all(
      streams.map(async (s) => (await s.waitFor('event: rubrics', 10_000)) - written),
    )
    const after = await Promise.all(servers.map(hashOn))
    expect(after.every((hash) => hash !== before[0])).toBe(true)
    expect(new Set(after).size).toBe(1)
    return ms
  } finally {
    await Promise.all(streams.map((s) => s.close()))
  }
}

/** What the database holds after the burst: every attempt's id and answer, and attempts stored only in part. */
interface Stored {
  answers: Map<number, string>
  /** Attempts whose criteria rows do not match the criteria of their report. */
  partial: number
}

/**
 * The stored attempts against the acknowledged ones (the warm-up's and the burst's): how many acknowledged are
 * not there with their answer (lost), and how many are stored without an acknowledgement (extra).
 */
function lostAndExtra(b: Burst, warm: Acknowledged[], stored: Stored): { lost: number; extra: number } {
  const all = [...warm, ...b.acknowledged]
  const lost = all.filter((a) => stored.answers.get(a.id) !== a.answer).length
  return { lost, extra: stored.answers.size - all.length }
}

function expectSound(b: Burst, stored: Stored, lost: number, extra: number): void {
  expect({ errors: b.errors, samples: b.errorSamples }).toEqual({ errors: 0, samples: [] })
  expect(b.acknowledged.length).toBe(ATTEMPTS)
  expect(new Set(b.acknowledged.map((a) => a.id)).size).toBe(ATTEMPTS)
  expect(lost).toBe(0)
  // A request cut by the kill may have committed before the process died: stored, never acknowledged.
  expect(extra).toBeGreaterThanOrEqual(0)
  expect(extra).toBeLessThanOrEqual(b.cutByKill)
  expect(stored.partial).toBe(0)
}

/** What to stop and remove after each case, newest first (its describe's afterAll), before the next case starts. */
const cleanups: (() => Promise<void> | void)[] = []
async function cleanUp(): Promise<void> {
  for (let clean = cleanups.pop(); clean !== undefined; clean = cleanups.pop()) await clean()
}

/** A temporary folder and a copy of the test rubrics, removed after the file. */
function folders(prefix: string): { dir: string; rubricsDir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const rubricsDir = makeRubricsDir()
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(rubricsDir, { recursive: true, force: true })
  })
  return { dir, rubricsDir }
}

/** Starts a server process that is stopped after the file (if still running). */
async function started(options: ServerProcessOptions): Promise<ServerProcess> {
  const server = await startServerProcess(options)
  cleanups.push(() => server.stop())
  return server
}

describe('PostgreSQL, 4 processes', () => {
  afterAll(cleanUp)
  test(
    `${ATTEMPTS.toLocaleString('en-US')} attempts over ${CONNECTIONS} connections across ${PROCESSES} processes, one killed mid-burst: 0 errors, 0 lost; a rubric change reaches all ${PROCESSES} within ${RELOAD_WITHIN_MS} ms`,
    async () => {
      const postgres: TestPostgres = await startPostgres()
      cleanups.push(() => postgres.stop())
      const databaseUrl = await freshDatabaseOn(postgres.url)
      const { dir, rubricsDir } = folders('starboard-pg-scale-')
      // STARBOARD_DB names a file of each process's own: were the URL ignored, the check below fails at once
      // instead of the processes sharing one SQLite file.
      const options = (k: number): ServerProcessOptions => ({
        dbPath: join(dir, `unused-${k}.db`),
        rubricsDir,
        env: { STARBOARD_DATABASE_URL: databaseUrl },
      })
      // Started together: their migrations take turns on the advisory lock.
      const servers = await Promise.all(Array.from({ length: PROCESSES }, (_, k) => started(options(k))))

      const sql = new pg.Client({ connectionString: databaseUrl })
      await sql.connect()
      cleanups.push(() => sql.end())
      const count = async () =>
        (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM attempts')).rows[0]!.n
      const warm = await warmUp(servers)
      expect(await count(), 'the processes write to PostgreSQL').toBe(PROCESSES)

      const b = await burst(servers, 0)
      expect(b.kill, 'the kill happened mid-burst').toBeDefined()
      const killed = b.kill!.index
      expect(await servers[killed]!.exited).toBe('SIGKILL')

      const rows = await sql.query<{ id: number; answer: string }>('SELECT id, answer FROM attempts')
      const partial = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM attempts a
       WHERE (SELECT count(*) FROM attempt_criteria c WHERE c.attempt_id = a.id)
         <> json_array_length((a.report::json) -> 'criteria')`,
      )
      const stored: Stored = {
        answers: new Map(rows.rows.map((r) => [r.id, r.answer])),
        partial: partial.rows[0]!.n,
      }
      const { lost, extra } = lostAndExtra(b, warm, stored)

      // The killed process comes back on the same database, so that all 4 take part in the rubric change; it also
      // shows that a restarted process reads what the others wrote, and what it acknowledged before dying.
      servers[killed] = await started(options(killed))
      const { reloadMs, reloadError } = await measured(rubricReload(servers, rubricsDir))
      report(`postgres, ${PROCESSES} processes`, b, lost, extra, reloadMs)
      if (reloadError !== undefined) throw reloadError

      expectSound(b, stored, lost, extra)
      expect(await count()).toBe(stored.answers.size)
      const byKilled = b.acknowledged.filter((a) => a.by === killed)
      expect(byKilled.length, 'the killed process had acknowledged attempts').toBeGreaterThan(0)
      // Every attempt the killed process acknowledged reads back through the API, from each process.
      for (const [n, a] of byKilled.entries()) {
        const from = servers[n % servers.length]!
        const res = await fetch(`${from.url}/api/attempts/${a.id}`)
        expect(res.status).toBe(200)
        expect(((await res.json()) as { answer: string }).answer).toBe(a.answer)
      }
      expect(b.cutByKill).toBeLessThanOrEqual(Math.ceil(CONNECTIONS / PROCESSES))
      expect(reloadMs).toHaveLength(PROCESSES)
      for (const [k, ms] of reloadMs.entries())
        expect(ms, `process ${k}`).toBeLessThanOrEqual(RELOAD_WITHIN_MS)
    },
    POSTGRES_TIMEOUT_MS,
  )
})

describe('SQLite, 1 process', () => {
  afterAll(cleanUp)
  test(`${ATTEMPTS.toLocaleString('en-US')} attempts over ${CONNECTIONS} connections on one process: 0 errors, 0 lost; a rubric change within ${RELOAD_WITHIN_MS} ms`, async () => {
    const { dir, rubricsDir } = folders('starboard-sqlite-scale-')
    const dbPath = join(dir, 'starboard.db')
    const server = await started({ dbPath, rubricsDir })
    // No kill here: with one process there is nothing to move to (crash.test.ts kills and restarts one).
    const warm = await warmUp([server])
    const b = await burst([server])
    const { reloadMs, reloadError } = await measured(rubricReload([server], rubricsDir))
    await server.stop()

    const sqlite = new Database(dbPath, { readonly: true })
    let stored: Stored
    try {
      const rows = sqlite.prepare('SELECT id, answer FROM attempts').all() as { id: number; answer: string }[]
      const partial = sqlite
        .prepare(
          `SELECT count(*) FROM attempts a
           WHERE (SELECT count(*) FROM attempt_criteria c WHERE c.attempt_id = a.id)
             <> json_array_length(a.report, '$.criteria')`,
        )
        .pluck()
        .get() as number
      stored = { answers: new Map(rows.map((r) => [r.id, r.answer])), partial }
    } finally {
      sqlite.close()
    }
    const { lost, extra } = lostAndExtra(b, warm, stored)
    report('sqlite, 1 process', b, lost, extra, reloadMs)
    if (reloadError !== undefined) throw reloadError

    expectSound(b, stored, lost, extra)
    expect(extra).toBe(0)
    expect(reloadMs).toHaveLength(1)
    expect(reloadMs[0]).toBeLessThanOrEqual(RELOAD_WITHIN_MS)
  })
})
