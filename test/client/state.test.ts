// App and practice state: live scoring with the shared engine, drafts, the timer, and the rubric cache.
import { signal } from '@preact/signals'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Api, ApiError } from '../../client/api'
import { draftKey } from '../../client/format'
import { createAppState, createPracticeSession, offeredAreas } from '../../client/state'
import type { RubricSummary } from '../../contract/rubrics'
import { compileRubrics } from '../../engine/index'
import { score } from '../../engine/score'
import type { Rubric } from '../../engine/types'
import starCore from '../../rubrics/star-core.yaml?raw'
import { memoryStorage } from './memory-storage'

const rubric = compileRubrics([{ file: 'star-core.yaml', text: starCore }]).rubrics[0]!
const prompt = rubric.prompts[0]!
const ANSWER =
  'Situation: In 2023 our releases slipped. Task: I had to cut review time. ' +
  'Action: I set up a reviewer rota and I split large changes. Result: Review time fell from 3 days to 6 hours.'

afterEach(() => {
  vi.useRealTimers()
})

describe('createPracticeSession', () => {
  it('restores the saved draft for its prompt', () => {
    const storage = memoryStorage()
    storage.setItem(draftKey(prompt.id), 'my draft')
    const s = createPracticeSession({ prompt, rubric: signal(rubric), storage })
    expect(s.answer.value).toBe('my draft')
    expect(s.restored).toBe(true)
    expect(
      createPracticeSession({ prompt: { ...prompt, id: 'other' }, rubric: signal(rubric), storage }).restored,
    ).toBe(false)
  })

  it('scores live with the same engine as the server, once the rubric has arrived', () => {
    const r = signal<Rubric | null>(null)
    const s = createPracticeSession({ prompt, rubric: r })
    expect(s.report.value).toBeNull()
    r.value = rubric
    expect(s.report.value!.score).toBe(0)
    s.setAnswer(ANSWER)
    expect(s.report.value).toEqual(score(ANSWER, rubric))
    expect(s.report.value!.sentences.map((x) => x.star)).toContain('result')
  })

  it('saves the draft after a pause in typing, at once on flush, and forgets it on clear', () => {
    vi.useFakeTimers()
    const storage = memoryStorage()
    const s = createPracticeSession({ prompt, rubric: signal(rubric), storage })
    s.setAnswer('Situation: one')
    expect(storage.getItem(draftKey(prompt.id))).toBeNull()
    vi.advanceTimersByTime(300)
    expect(storage.getItem(draftKey(prompt.id))).toBe('Situation: one')
    s.setAnswer('Situation: two')
    s.flushDraft()
    expect(storage.getItem(draftKey(prompt.id))).toBe('Situation: two')
    s.clearDraft()
    vi.advanceTimersByTime(300)
    expect(storage.getItem(draftKey(prompt.id))).toBeNull()
  })

  it('starts the timer on the first keystroke, pauses, resumes and resets', () => {
    let now = 1_000
    const s = createPracticeSession({ prompt, rubric: signal(rubric), now: () => now })
    expect(s.running.value).toBe(false)
    expect(s.elapsed.value).toBe(0)
    s.setAnswer('I')
    expect(s.running.value).toBe(true)
    now += 5_000
    s.tick.value++
    expect(s.elapsed.value).toBe(5_000)
    s.pause()
    now += 60_000
    s.tick.value++
    expect(s.elapsed.value).toBe(5_000)
    s.start()
    now += 1_000
    s.tick.value++
    expect(s.elapsed.value).toBe(6_000)
    s.resetTimer()
    expect(s.elapsed.value).toBe(0)
    expect(s.running.value).toBe(false)
  })
})

describe('createAppState', () => {
  function fakeApi(overrides: Partial<Api>): Api {
    return overrides as Api
  }

  it('fetches a compiled rubric once and shares it, unless asked for a fresh one', async () => {
    const get = vi.fn(async () => rubric)
    const state = createAppState({ api: fakeApi({ rubric: get }) })
    const [a, b] = await Promise.all([state.rubric('star-core'), state.rubric('star-core')])
    expect(a).toBe(b)
    expect(get).toHaveBeenCalledTimes(1)
    await state.rubric('star-core', true)
    expect(get).toHaveBeenCalledTimes(2)
  })

  it('forgets a failed rubric request so the next one retries', async () => {
    const get = vi.fn().mockRejectedValueOnce(new ApiError(0, 'down')).mockResolvedValueOnce(rubric)
    const state = createAppState({ api: fakeApi({ rubric: get }) })
    await expect(state.rubric('star-core')).rejects.toThrow('down')
    await expect(state.rubric('star-core')).resolves.toBe(rubric)
  })

  it('keeps the rubric list as loading, ready or error, with the status of the failure', async () => {
    const state = createAppState({
      api: fakeApi({
        rubrics: vi.fn().mockRejectedValue(new ApiError(0, 'Cannot reach the Starboard server')),
      }),
    })
    expect(state.rubrics.value.state).toBe('loading')
    await state.loadRubrics()
    expect(state.rubrics.value).toEqual({
      state: 'error',
      message: 'Cannot reach the Starboard server',
      status: 0,
    })
  })

  it('gives each app its own state (no module-level signals)', () => {
    const a = createAppState({ api: fakeApi({}) })
    const b = createAppState({ api: fakeApi({}) })
    a.rubrics.value = { state: 'ready', data: [] }
    expect(b.rubrics.value.state).toBe('loading')
  })
})

describe('offeredAreas', () => {
  it('leaves out draft rubrics: their prompts are not offered, so they are no area to practise or pin', () => {
    const summary = (id: string, draft?: true) =>
      ({
        id,
        title: id,
        kind: 'leadership-principle',
        prompts: 1,
        ...(draft ? { draft } : {}),
      }) as RubricSummary
    const list = [summary('ownership'), summary('craft-draft', true), summary('frugality')]
    expect(offeredAreas(list).map((r) => r.id)).toEqual(['ownership', 'frugality'])
  })
})
