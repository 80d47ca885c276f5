// Typed fetch wrapper for the Starboard HTTP API: one function per endpoint, errors as ApiError.

import type { CriterionStatus, Prompt, Rubric, RubricError, RubricKind, ScoreReport } from '../engine/types'

/** A failed request: the server's `{statusCode, error, message}`, or status 0 when it could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field the message is about, when the server's message names one. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface RubricSummary {
  id: string
  title: string
  kind: RubricKind
  summary: string
  extends: string[]
  file: string
  hash: string
  /** How many prompts the rubric defines. */
  prompts: number
  /** How many criteria it scores, inherited ones included. */
  criteria: number
  /** The file has errors now and this is its last good version. */
  stale: boolean
}

/** A prompt as listed by the API: the engine's Prompt plus the rubric that defines it. */
export interface PromptItem extends Prompt {
  rubricId: string
  rubricTitle: string
}

export interface NextPrompt {
  prompt: PromptItem
  area: { id: string; title: string; kind: RubricKind } | null
  reason: 'unpractised' | 'lowest-recent-average' | 'least-practised-prompt'
  attempts: number
  recentAverage: number | null
}

export interface AttemptSummary {
  id: number
  promptId: string
  /** null when no rubric in service has the prompt now. */
  promptText: string | null
  rubricId: string
  score: number
  band: { id: string; label: string }
  durationMs: number | null
  /** ISO 8601, UTC. */
  createdAt: string
  scoredAt: string
  /** The first 160 characters of the answer. */
  excerpt: string
  answerLength: number
}

export interface ReplacedReport {
  rubricId: string
  rubricHash: string
  engineVersion: string
  score: number
  band: { id: string; label: string }
  scoredAt: string
  replacedAt: string
}

export interface Attempt extends AttemptSummary {
  rubricHash: string
  engineVersion: string
  answer: string
  tags: string[]
  report: ScoreReport
  /** Reports this attempt had before re-scoring, oldest first. */
  history: (ReplacedReport & { report: ScoreReport })[]
}

export interface AttemptPage {
  items: AttemptSummary[]
  nextCursor: string | null
}

export interface AttemptFilters {
  promptId?: string
  rubricId?: string
  tag?: string
  /** yyyy-mm-dd (UTC) or an ISO date-time, inclusive. */
  from?: string
  to?: string
  minScore?: number
  maxScore?: number
  /** Server-side order: createdAt (default) or score; desc (default) or asc. A cursor continues its own order. */
  sort?: 'createdAt' | 'score'
  order?: 'asc' | 'desc'
  cursor?: string
  limit?: number
}

export interface TrendPoint {
  /** yyyy-mm-dd: the day, or the Monday starting the week (UTC). */
  period: string
  attempts: number
  /** Overall: average total score. Per criterion: average as a percentage of the criterion's maximum. */
  average: number
}

export interface Trends {
  interval: 'day' | 'week'
  timezone: 'UTC'
  /** The window answered (ISO 8601): by default the 90 days (26 weeks) up to the latest attempt. */
  from: string | null
  to: string | null
  overall: TrendPoint[]
  /** promptId: a prompt that trains the criterion, or null. */
  criteria: { criterionId: string; label: string; promptId: string | null; points: TrendPoint[] }[]
}

export interface CoverageArea {
  id: string
  title: string
  kind: 'leadership-principle' | 'competency' | 'theme'
  attempts: number
  best: number | null
  bestAttemptId: number | null
  bestBandId: string | null
  bestBand: string | null
  /** "none yet", or the best band label. */
  status: string
}

export interface Coverage {
  areas: CoverageArea[]
  practised: number
  total: number
}

export interface CriterionDifference {
  criterionId: string
  label: string
  before: number | null
  after: number | null
  change: number
  statusBefore: CriterionStatus | null
  statusAfter: CriterionStatus | null
}

export interface RescoreResult {
  id: number
  report: ScoreReport
  previous: ReplacedReport
  difference: { score: number; rubricChanged: boolean; criteria: CriterionDifference[] }
}

type Query = Record<string, string | number | undefined | null>

function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

/** Guesses which request field a 4xx message is about, so the page can show it next to that field. */
export function fieldOf(message: string): string | undefined {
  const m = /\b(answer|promptId|durationMs|format|cursor|from|to|minScore|maxScore|tag|rubricId|q)\b/.exec(
    message,
  )
  return m?.[1]
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'Cannot reach the Starboard server. Is it running? Start it with npm start.')
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown
  try {
    data = text ? JSON.parse(text) : undefined
  } catch {
    data = undefined
  }
  if (!res.ok) {
    const message =
      (data as { message?: string } | undefined)?.message ??
      `The server answered ${res.status} ${res.statusText}`
    throw new ApiError(res.status, message, fieldOf(message))
  }
  return data as T
}

/** Lists may come bare or wrapped (`{rubrics: [...]}`, `{items: [...]}`); this takes the array either way. */
export function listOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[]
  if (data && typeof data === 'object') {
    for (const v of Object.values(data)) if (Array.isArray(v)) return v as T[]
  }
  return []
}

export const api = {
  rubrics: async () => listOf<RubricSummary>(await request('GET', '/api/rubrics')),
  rubric: (id: string) => request<Rubric>('GET', `/api/rubrics/${encodeURIComponent(id)}`),
  rubricErrors: async () => listOf<RubricError>(await request('GET', '/api/rubrics/errors')),
  prompts: async (q: { tag?: string; rubricId?: string; q?: string } = {}) =>
    listOf<PromptItem>(await request('GET', withQuery('/api/prompts', q))),
  nextPrompt: () => request<NextPrompt>('GET', '/api/prompts/next'),
  prompt: (id: string) => request<PromptItem>('GET', `/api/prompts/${encodeURIComponent(id)}`),
  score: (body: { answer: string; promptId?: string; rubricId?: string }) =>
    request<ScoreReport>('POST', '/api/score', body),
  createAttempt: (body: { promptId: string; answer: string; durationMs?: number }) =>
    request<{ id: number; report: ScoreReport }>('POST', '/api/attempts', body),
  attempts: async (filters: AttemptFilters = {}): Promise<AttemptPage> => {
    const data = await request<unknown>('GET', withQuery('/api/attempts', filters as Query))
    const nextCursor = (data as { nextCursor?: string | null } | undefined)?.nextCursor ?? null
    return { items: listOf<AttemptSummary>(data), nextCursor }
  },
  attempt: (id: number | string) => request<Attempt>('GET', `/api/attempts/${id}`),
  deleteAttempt: (id: number | string) => request<void>('DELETE', `/api/attempts/${id}`),
  // Every write is JSON; a re-score has no fields.
  rescore: (id: number | string) => request<RescoreResult>('POST', `/api/attempts/${id}/rescore`, {}),
  exportUrl: (format: 'json' | 'csv' | 'md', filters: AttemptFilters = {}) =>
    withQuery('/api/attempts/export', {
      format,
      ...filters,
      cursor: undefined,
      limit: undefined,
      sort: undefined,
      order: undefined,
    } as Query),
  trends: (q: { interval: 'day' | 'week'; tag?: string; rubricId?: string }) =>
    request<Trends>('GET', withQuery('/api/trends', q)),
  coverage: () => request<Coverage>('GET', '/api/coverage'),
}

export type Api = typeof api
