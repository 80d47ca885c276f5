// Application state as signals: createAppState() (shared, provided through context) and the practice session.

import { computed, type Signal, signal } from '@preact/signals'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { RubricSummary, ServedPrompt } from '../contract/rubrics'
import { AREA_KINDS } from '../engine/kinds'
import { score } from '../engine/score'
import type { Prompt, Rubric, RubricKind, ScoreReport } from '../engine/types'
import { type Api, api as defaultApi } from './api'
import { readDraft, writeDraft } from './format'

export type Load<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  /** `field`: the request field the error is about, when the server named one. */
  | { state: 'error'; message: string; status?: number; field?: string }

export function errorLoad(e: unknown): Load<never> {
  const err = e as { message?: string; status?: number; field?: string }
  return { state: 'error', message: err?.message ?? String(e), status: err?.status, field: err?.field }
}

export function createAppState(options: { api?: Api; storage?: Storage } = {}) {
  const api = options.api ?? defaultApi
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)
  const rubrics = signal<Load<RubricSummary[]>>({ state: 'loading' })
  // Compiled rubrics by id, fetched once per page load unless asked fresh (Practice is, on every visit):
  // live scoring needs the full criteria and options.
  const compiled = new Map<string, Promise<Rubric>>()

  async function loadRubrics(): Promise<void> {
    try {
      rubrics.value = { state: 'ready', data: await api.rubrics() }
    } catch (e) {
      rubrics.value = errorLoad(e)
    }
  }

  function rubric(id: string, fresh = false): Promise<Rubric> {
    let p = compiled.get(id)
    if (!p || fresh) {
      p = api.rubric(id)
      compiled.set(id, p)
      p.catch(() => compiled.delete(id))
    }
    return p
  }

  // Every prompt, fetched once per page load: History and Trends look a prompt's text up here by id.
  let promptList: Promise<ServedPrompt[]> | undefined
  function allPrompts(fresh = false): Promise<ServedPrompt[]> {
    if (!promptList || fresh) {
      const p = api.prompts()
      promptList = p
      p.catch(() => {
        if (promptList === p) promptList = undefined
      })
    }
    return promptList
  }

  /** The rubric summaries as a lookup by id, empty until they are loaded. */
  const rubricIndex = computed(() => {
    const r = rubrics.value
    return new Map(r.state === 'ready' ? r.data.map((x) => [x.id, x]) : [])
  })

  return { api, storage, rubrics, rubricIndex, loadRubrics, rubric, allPrompts }
}

export type AppState = ReturnType<typeof createAppState>

export const AppStateContext = createContext<AppState | null>(null)

export function useAppState(): AppState {
  const s = useContext(AppStateContext)
  if (!s) throw new Error('useAppState() outside <AppStateContext.Provider>')
  return s
}

/** The spoken answer's target: an interviewer expects a story to take two to three minutes aloud. */
export const SPOKEN_MIN_MS = 120_000
export const SPOKEN_MAX_MS = 180_000

/** Where a spoken duration stands against the 2–3 minute target. */
export function spokenVerdict(ms: number): 'short' | 'on-target' | 'long' {
  if (ms < SPOKEN_MIN_MS) return 'short'
  return ms <= SPOKEN_MAX_MS ? 'on-target' : 'long'
}

/** A count-up stopwatch: elapsed = banked time + the running stretch since `startedAt`; `tick` re-reads the clock. */
function createStopwatch(now: () => number, tick: Signal<number>) {
  const startedAt = signal<number | null>(null)
  const banked = signal(0)
  const elapsed = computed(() => {
    tick.value
    const s = startedAt.value
    return banked.value + (s === null ? 0 : Math.max(0, now() - s))
  })
  const running = computed(() => startedAt.value !== null)
  return {
    elapsed,
    running,
    start() {
      if (startedAt.peek() === null) startedAt.value = now()
    },
    pause() {
      const s = startedAt.peek()
      if (s === null) return
      banked.value = banked.peek() + Math.max(0, now() - s)
      startedAt.value = null
    },
    reset() {
      startedAt.value = null
      banked.value = 0
    },
  }
}

/**
 * One practice session on one prompt: the answer (restored from its draft), the live report computed
 * in the browser from the same engine the server uses, a writing timer that starts on the first keystroke,
 * and a separate rehearsal stopwatch for saying the answer aloud.
 */
export function createPracticeSession(opts: {
  prompt: Prompt
  rubric: Signal<Rubric | null>
  storage?: Storage
  now?: () => number
}) {
  const now = opts.now ?? (() => Date.now())
  const answer = signal(readDraft(opts.storage, opts.prompt.id))
  const restored = answer.peek() !== ''
  const report = computed<ScoreReport | null>(() => {
    const r = opts.rubric.value
    return r ? score(answer.value, r) : null
  })
  /** True until the answer has words: no score is shown before the first sentence. */
  const blank = computed(() => answer.value.trim() === '')

  const tick = signal(0)
  const writing = createStopwatch(now, tick)
  const rehearsal = createStopwatch(now, tick)

  let saveTimer: ReturnType<typeof setTimeout> | undefined
  function setAnswer(text: string) {
    answer.value = text
    if (text !== '') writing.start()
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => writeDraft(opts.storage, opts.prompt.id, text), 250)
  }
  /** Saves now (before leaving the page) instead of after the debounce. */
  function flushDraft() {
    clearTimeout(saveTimer)
    writeDraft(opts.storage, opts.prompt.id, answer.peek())
  }
  function clearDraft() {
    clearTimeout(saveTimer)
    writeDraft(opts.storage, opts.prompt.id, '')
  }

  return {
    prompt: opts.prompt,
    answer,
    restored,
    report,
    blank,
    /** Time spent writing: starts on the first keystroke, Esc pauses it. */
    elapsed: writing.elapsed,
    running: writing.running,
    start: writing.start,
    pause: writing.pause,
    resetTimer: writing.reset,
    /** The "say it aloud" stopwatch, judged against the 2–3 minute spoken target. */
    rehearsal,
    tick,
    setAnswer,
    flushDraft,
    clearDraft,
  }
}

export type PracticeSession = ReturnType<typeof createPracticeSession>

/** The kinds of area a rubric trains, named for headings and filters; KIND_ORDER is the order pages show them in. */
export const KIND_LABEL: Record<RubricKind, string> = {
  'leadership-principle': 'Leadership Principles',
  value: 'Company values',
  competency: 'Competencies',
  theme: 'Themes',
  general: 'General',
}

/** One area of each kind, for labels such as "Competency: Code optimization". */
export const KIND_SINGULAR: Record<RubricKind, string> = {
  'leadership-principle': 'Leadership Principle',
  value: 'Company value',
  competency: 'Competency',
  theme: 'Theme',
  general: 'General',
}
/** Areas first, in their own order, then general rubrics. */
export const KIND_ORDER: readonly RubricKind[] = [...AREA_KINDS, 'general']

/** The areas a candidate can practise or pin: a draft rubric's prompts are not offered, so it is left out. */
export const offeredAreas = (rubrics: readonly RubricSummary[]): RubricSummary[] =>
  rubrics.filter((r) => r.draft !== true)
