// Typed fetch wrapper for the Starboard HTTP API: one function per endpoint, errors as ApiError.
// Every shape comes from contract/ as a type only, so none of its zod code reaches the client bundle.

import type {
  Attempt,
  AttemptListQuery,
  AttemptPage,
  CreateAttemptRequest,
  CreatedAttempt,
  ExportFormat,
  RescoreResult,
} from '../contract/attempts'
import type { ErrorBody, ErrorCode } from '../contract/common'
import type { FollowUpRequest } from '../contract/follow-ups'
import type {
  CreatedLoop,
  CreateLoopRequest,
  FollowUpAdded,
  Loop,
  LoopAnswered,
  LoopAnswerRequest,
  LoopSummary,
} from '../contract/loops'
import type { Coverage, NextPrompt, Trends, TrendsQuery } from '../contract/progress'
import type { Report, ScoreRequest } from '../contract/report'
import type {
  CompiledRubric,
  Preview,
  PreviewRequest,
  PromptList,
  PromptsQuery,
  RubricErrors,
  RubricList,
  RubricSourceText,
  SaveRubricResponse,
  ServedPrompt,
  Studio,
} from '../contract/rubrics'
import type {
  CreatedStory,
  Story,
  StoryBody,
  StoryList,
  StoryPlanBody,
  UpdatedStory,
} from '../contract/stories'
import { withoutFieldPrefix } from './format'

/** A failed request: the server's error body, or status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field the message is about: the error body's `field`, sent for invalid fields. */
    readonly field?: string,
    /** The whole error body, for answers that carry more (a refused save lists its problems). */
    readonly body?: unknown,
    /** What the refusal means, the error body's `code`: sent where a client acts on it (`answered-already`). */
    readonly code?: ErrorCode,
  ) {
    super(message)
    this.name = 'ApiError'
  }
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

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (e) {
    // A request given up on by the caller is not a server that is down.
    if (signal?.aborted) throw e
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
    const error = data as Partial<ErrorBody> | undefined
    throw new ApiError(
      res.status,
      // The field is named by `field` and highlighted, so its path is left out of the words.
      error?.message
        ? withoutFieldPrefix(error.message)
        : `The server answered ${res.status} ${res.statusText}`,
      error?.field,
      data,
      error?.code,
    )
  }
  return data as T
}

export const api = {
  rubrics: async () => (await request<RubricList>('GET', '/api/rubrics')).rubrics,
  rubric: (id: string) => request<CompiledRubric>('GET', `/api/rubrics/${encodeURIComponent(id)}`),
  rubricErrors: async () => (await request<RubricErrors>('GET', '/api/rubrics/errors')).errors,
  prompts: async (q: PromptsQuery = {}) =>
    (await request<PromptList>('GET', withQuery('/api/prompts', q))).prompts,
  nextPrompt: () => request<NextPrompt>('GET', '/api/prompts/next'),
  prompt: (id: string) => request<ServedPrompt>('GET', `/api/prompts/${encodeURIComponent(id)}`),
  score: (body: ScoreRequest) => request<Report>('POST', '/api/score', body),
  createAttempt: (body: CreateAttemptRequest) => request<CreatedAttempt>('POST', '/api/attempts', body),
  attempts: (query: AttemptListQuery = {}) => request<AttemptPage>('GET', withQuery('/api/attempts', query)),
  attempt: (id: number | string) => request<Attempt>('GET', `/api/attempts/${id}`),
  deleteAttempt: (id: number | string) => request<void>('DELETE', `/api/attempts/${id}`),
  // Every write is JSON; a re-score has no fields.
  rescore: (id: number | string) => request<RescoreResult>('POST', `/api/attempts/${id}/rescore`, {}),
  exportUrl: (format: ExportFormat, query: AttemptListQuery = {}) =>
    withQuery('/api/attempts/export', {
      format,
      ...query,
      cursor: undefined,
      limit: undefined,
      sort: undefined,
      order: undefined,
    }),
  trends: (q: TrendsQuery) => request<Trends>('GET', withQuery('/api/trends', q)),
  coverage: () => request<Coverage>('GET', '/api/coverage'),
  followUp: (attemptId: number | string, body: FollowUpRequest) =>
    request<FollowUpAdded>('POST', `/api/attempts/${attemptId}/follow-ups`, body),
  createLoop: (body: CreateLoopRequest) => request<CreatedLoop>('POST', '/api/loops', body),
  loops: async () => (await request<{ loops: LoopSummary[] }>('GET', '/api/loops')).loops,
  loop: (id: number | string) => request<Loop>('GET', `/api/loops/${id}`),
  answerLoop: (id: number | string, body: LoopAnswerRequest) =>
    request<LoopAnswered>('POST', `/api/loops/${id}/answers`, body),
  debriefUrl: (id: number | string) => `/api/loops/${id}/debrief.md`,
  stories: async () => (await request<StoryList>('GET', '/api/stories')).stories,
  story: (id: number | string) => request<Story>('GET', `/api/stories/${encodeURIComponent(id)}`),
  createStory: (body: StoryBody) => request<CreatedStory>('POST', '/api/stories', body),
  updateStory: (id: number | string, body: StoryBody) =>
    request<UpdatedStory>('PUT', `/api/stories/${encodeURIComponent(id)}`, body),
  deleteStory: (id: number | string) => request<void>('DELETE', `/api/stories/${encodeURIComponent(id)}`),
  storyPlan: () => request<StoryPlanBody>('GET', '/api/stories/plan'),
  // The rubric studio.
  studio: () => request<Studio>('GET', '/api/rubrics/studio'),
  rubricSource: (id: string) =>
    request<RubricSourceText>('GET', `/api/rubrics/${encodeURIComponent(id)}/source`),
  preview: (body: PreviewRequest, signal?: AbortSignal) =>
    request<Preview>('POST', '/api/rubrics/preview', body, signal),
  saveRubric: (id: string, yaml: string) =>
    request<SaveRubricResponse>('PUT', `/api/rubrics/${encodeURIComponent(id)}`, { yaml }),
}

export type Api = typeof api
