// Shared test setup for the server suites: a temp rubrics folder with small rubrics, an app on a real database.

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { type BuildAppOptions, buildApp } from '../../server/app'
import { freshPostgresUrl, onPostgres } from '../support/postgres'

const STAR_CORE = fileURLToPath(new URL('../../rubrics/star-core.yaml', import.meta.url))

/** A leadership principle whose one prompt also trains the `conflict` competency. */
export const OWNERSHIP_RUBRIC = `id: ownership
title: Ownership
kind: leadership-principle
extends: star-core
summary: Acts on behalf of the whole team and never says "that's not my job".
prompts:
  - id: ownership-outside-scope
    text: Tell me about a time you took on something outside your area of responsibility.
    tags: [conflict]
criteria:
  - id: ownership-signals
    label: Took ownership
    check: keywords
    weight: 20
    section: action
    groups:
      - label: took responsibility
        any: [took ownership, volunteered, stepped up]
`

export const CONFLICT_RUBRIC = `id: conflict
title: Handling conflict
kind: competency
extends: star-core
summary: Disagrees with respect, looks for the facts, and commits once a decision is made.
prompts:
  - id: conflict-disagreement
    text: Tell me about a time you disagreed with a colleague about an approach.
  - id: conflict-difficult-peer
    text: Describe working with a peer who was hard to work with.
`

export const PRESSURE_RUBRIC = `id: pressure
title: Leading under pressure
kind: theme
extends: star-core
summary: Keeps judgement and people steady when time is short.
prompts:
  - id: pressure-deadline
    text: Tell me about a time you delivered against a very tight deadline.
`

/** A strong-ish STAR answer that names ownership. */
export const GOOD_ANSWER = `Situation: Last spring our checkout service failed twice during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert. I wrote a runbook and walked the on-call rotation through it.
Result: Checkout errors fell by 92% within an hour and revenue recovered $40,000 that day. I learned to load-test before every launch.`

/** GOOD_ANSWER with no number in its Result: the ownership rubric probes for the measure and the reflection. */
export const NO_NUMBERS_ANSWER = GOOD_ANSWER.replace(
  /Result:.*$/s,
  'Result: Checkout worked again and the team was relieved.',
)
/** A follow-up that answers the probe for a measured Result. */
export const MEASURE_FOLLOW_UP =
  'We measured it: checkout errors fell by 92% within an hour and revenue recovered $40,000 that day.'
/** A follow-up that answers the probe for a lesson. */
export const REFLECTION_FOLLOW_UP =
  'Looking back, I learned to load-test every launch, and next time I would add the alert first.'

/** A weak answer: hypothetical, no result. */
export const WEAK_ANSWER = 'I would probably talk to the team and maybe we would fix it together somehow.'

export function makeRubricsDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-rubrics-'))
  copyFileSync(STAR_CORE, join(dir, 'star-core.yaml'))
  const all = {
    'ownership.yaml': OWNERSHIP_RUBRIC,
    'conflict.yaml': CONFLICT_RUBRIC,
    'pressure.yaml': PRESSURE_RUBRIC,
    ...files,
  }
  for (const [name, text] of Object.entries(all)) writeFileSync(join(dir, name), text)
  return dir
}

export interface TestApp {
  app: FastifyInstance
  rubricsDir: string
  /** The app's clock: set `clock.now` to place the next attempts in time. */
  clock: { now: number }
  close(): Promise<void>
}

export async function startApp(
  options: Partial<BuildAppOptions> & { rubricFiles?: Record<string, string> } = {},
): Promise<TestApp> {
  const { rubricFiles, ...rest } = options
  const made = options.rubricsDir === undefined
  const rubricsDir = options.rubricsDir ?? makeRubricsDir(rubricFiles)
  const clock = { now: Date.parse('2025-03-03T10:00:00Z') }
  // Under `npm run test:postgres`, an app given no SQLite file of its own runs on a fresh PostgreSQL database.
  const onPg = onPostgres() && options.dbPath === undefined && options.databaseUrl === undefined
  const app = await buildApp({
    dbPath: ':memory:',
    ...(onPg ? { databaseUrl: await freshPostgresUrl() } : {}),
    rubricsDir,
    rateLimit: false,
    watchRubrics: false,
    clientDir: join(rubricsDir, 'no-client-here'),
    now: () => clock.now,
    ...rest,
  })
  return {
    app,
    rubricsDir,
    clock,
    async close() {
      await app.close()
      if (made) rmSync(rubricsDir, { recursive: true, force: true })
    },
  }
}

/**
 * The rows a read-only SQL query answers on the app's database, SQLite or PostgreSQL: for assertions on what was
 * stored that no API route shows. Placeholders are `?`; counts come back as numbers on both.
 */
export async function sqlRows(
  app: FastifyInstance,
  text: string,
  ...params: (string | number)[]
): Promise<Record<string, unknown>[]> {
  const database = app.database
  if (database.dialect === 'sqlite') {
    return database.db.$client.prepare(text).all(...params) as Record<string, unknown>[]
  }
  let n = 0
  return (
    await database.db.$client.query(
      text.replace(/\?/g, () => `$${++n}`),
      params,
    )
  ).rows
}

/** POSTs `payload` as JSON. Every write is JSON: a re-score, which takes no fields, sends {}. */
export function postJson(app: FastifyInstance, url: string, payload: unknown = {}) {
  return app.inject({ method: 'POST', url, payload: payload as object })
}

/** POSTs JSON that must be refused with `status`; returns the error body. */
export async function refusedPost(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  status: number,
): Promise<{ statusCode: number; error: string; message: string; field?: string }> {
  const res = await postJson(app, url, payload)
  expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status)
  return res.json()
}

/** POSTs a body as given (text or bytes), with `headers` (JSON's content type unless told otherwise). */
export function postRaw(
  app: FastifyInstance,
  url: string,
  payload: string | Buffer,
  headers: Record<string, string> = JSON_TYPE,
) {
  return app.inject({ method: 'POST', url, headers, payload })
}

/** Stores an attempt through POST /api/attempts, expects 201, and returns its id. */
export async function storeAttempt(
  app: FastifyInstance,
  promptId: string,
  answer: string,
  durationMs?: number,
): Promise<number> {
  const res = await postJson(app, '/api/attempts', {
    promptId,
    answer,
    ...(durationMs === undefined ? {} : { durationMs }),
  })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

/** The content type of every JSON write. */
export const JSON_TYPE = { 'content-type': 'application/json' }

/** An attempt's earlier reports, as GET /api/attempts/:id lists them. */
export async function historyOf(app: FastifyInstance, id: number): Promise<unknown[]> {
  return (await app.inject(`/api/attempts/${id}`)).json().history
}

/** How many attempts are stored (up to 100). */
export async function attemptCount(app: FastifyInstance): Promise<number> {
  return (await app.inject('/api/attempts?limit=100')).json().attempts.length
}

/** Changes the ownership rubric, so that the next re-score that goes through gives a new report (and history). */
export function changeOwnershipRubric(t: TestApp): void {
  writeFileSync(join(t.rubricsDir, 'ownership.yaml'), OWNERSHIP_RUBRIC.replace('weight: 20', 'weight: 5'))
  t.app.rubrics.reload()
}

/** The score and band an answer gets under rubric `rubricId` (POST /api/score; nothing is stored). */
export async function scoreUnder(
  app: FastifyInstance,
  rubricId: string,
  answer: string,
): Promise<{ score: number; band: { id: string; label: string } }> {
  const res = await app.inject({ method: 'POST', url: '/api/score', payload: { answer, rubricId } })
  if (res.statusCode !== 200) throw new Error(`POST /api/score answered ${res.statusCode}: ${res.body}`)
  const { score, band } = res.json()
  return { score, band }
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`; for the file watcher. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
