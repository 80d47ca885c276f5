// The load behind postgres-scale.test.ts: a burst of attempts over many connections to several server processes
// (one of them killed part of the way in), its figures, a rubric change timed on every process's event stream,
// and the folders and processes each case starts and removes.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect } from 'vitest'
import { GOOD_ANSWER, makeRubricsDir, PRESSURE_RUBRIC, WEAK_ANSWER } from '../server/helpers'
import { type ServerProcess, type ServerProcessOptions, startServerProcess } from '../support/server-process'

/** Attempts in the burst: the figure the scale target names. Keep it: the printed rate is measured at this size. */
export const ATTEMPTS = 20_000
/** Client connections open at once, spread evenly across the processes. */
export const CONNECTIONS = 50
/** The burst is cut (one process killed) once this many attempts are acknowledged: a third of the way in. */
const KILL_AFTER = Math.round(ATTEMPTS / 3)

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

export interface Burst {
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
export async function burst(servers: ServerProcess[], killIndex?: number): Promise<Burst> {
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
export async function warmUp(servers: ServerProcess[]): Promise<Acknowledged[]> {
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
export function report(
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
export async function measured(
  reload: Promise<number[]>,
): Promise<{ reloadMs: number[]; reloadError?: unknown }> {
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
export async function rubricReload(servers: ServerProcess[], rubricsDir: string): Promise<number[]> {
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
export interface Stored {
  answers: Map<number, string>
  /** Attempts whose criteria rows do not match the criteria of their report. */
  partial: number
}

/**
 * The stored attempts against the acknowledged ones (the warm-up's and the burst's): how many acknowledged are
 * not there with their answer (lost), and how many are stored without an acknowledgement (extra).
 */
export function lostAndExtra(
  b: Burst,
  warm: Acknowledged[],
  stored: Stored,
): { lost: number; extra: number } {
  const all = [...warm, ...b.acknowledged]
  const lost = all.filter((a) => stored.answers.get(a.id) !== a.answer).length
  return { lost, extra: stored.answers.size - all.length }
}

/** What to stop and remove after each case, newest first (its describe's afterAll), before the next case starts. */
export const cleanups: (() => Promise<void> | void)[] = []
export async function cleanUp(): Promise<void> {
  for (let clean = cleanups.pop(); clean !== undefined; clean = cleanups.pop()) await clean()
}

/** A temporary folder and a copy of the test rubrics, removed after the file. */
export function folders(prefix: string): { dir: string; rubricsDir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const rubricsDir = makeRubricsDir()
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true })
    rmSync(rubricsDir, { recursive: true, force: true })
  })
  return { dir, rubricsDir }
}

/** Starts a server process that is stopped after the file (if still running). */
export async function started(options: ServerProcessOptions): Promise<ServerProcess> {
  const server = await startServerProcess(options)
  cleanups.push(() => server.stop())
  return server
}
