// The Attempt page's account of its score: what the answer alone scored and what it scores with its follow-ups,
// told apart from re-scores, read from attempts a real server stored.

import { afterEach, describe, expect, it } from 'vitest'
import { type ReplacedScore, scoreHistory } from '../../client/pages/Attempt/score-history'
import type { Attempt, RescoreResult } from '../../contract/attempts'
import type { FollowUpAdded } from '../../contract/loops'
import {
  changeOwnershipRubric,
  MEASURE_FOLLOW_UP as MEASURE,
  NO_NUMBERS_ANSWER as NO_NUMBERS,
  postJson,
  REFLECTION_FOLLOW_UP as REFLECTION,
  startApp,
  type TestApp,
} from '../server/helpers'

let t: TestApp
afterEach(async () => t?.close())

const attempt = async (id: number): Promise<Attempt> =>
  (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()

async function stored(answer: string) {
  const res = await postJson(t.app, '/api/attempts', { promptId: 'ownership-outside-scope', answer })
  expect(res.statusCode, res.body).toBe(201)
  return { id: res.json().id as number, alone: res.json().report.score as number }
}

async function followUp(id: number, probeId: string, answer: string) {
  t.clock.now += 60_000
  const res = await postJson(t.app, `/api/attempts/${id}/follow-ups`, { probeId, answer })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().report.score as number
}

async function rescore(id: number) {
  t.clock.now += 60_000
  changeOwnershipRubric(t)
  const res = await postJson(t.app, `/api/attempts/${id}/rescore`)
  expect(res.statusCode).toBe(200)
  expect(res.json().unchanged).toBe(false)
  return res.json().report.score as number
}

describe('scoreHistory', () => {
  it('tells a follow-up as what the answer alone scored and what it scores with it, not as a re-score', async () => {
    t = await startApp()
    const { id, alone } = await stored(NO_NUMBERS)
    const withOne = await followUp(id, 'probe-measurable-result', MEASURE)
    expect(withOne).toBeGreaterThan(alone)
    let a = await attempt(id)
    expect(a.history).toHaveLength(1)
    expect(scoreHistory(a.followUps, a.history, a.report)).toEqual({
      followUps: { count: 1, alone, withFollowUps: withOne, isCurrent: true },
    })
    // A second follow-up: still the answer alone against the answer with both.
    const withTwo = await followUp(id, 'probe-reflection', REFLECTION)
    a = await attempt(id)
    expect(scoreHistory(a.followUps, a.history, a.report)).toEqual({
      followUps: { count: 2, alone, withFollowUps: withTwo, isCurrent: true },
    })
  })

  it('tells a re-score after a follow-up apart from it, with the score the follow-up made kept', async () => {
    t = await startApp()
    const { id, alone } = await stored(NO_NUMBERS)
    const withOne = await followUp(id, 'probe-measurable-result', MEASURE)
    const now = await rescore(id)
    const a = await attempt(id)
    expect(a.history).toHaveLength(2)
    expect(a.report.score).toBe(now)
    expect(scoreHistory(a.followUps, a.history, a.report)).toEqual({
      followUps: { count: 1, alone, withFollowUps: withOne, isCurrent: false },
      rescores: { count: 1, firstScore: alone, firstRubricHash: a.history[0]!.rubricHash },
    })
  })

  it('tells only re-scores when there is no follow-up, and nothing for an attempt scored once', async () => {
    t = await startApp()
    const { id, alone } = await stored(NO_NUMBERS)
    expect(scoreHistory([], [], (await attempt(id)).report)).toEqual({})
    await rescore(id)
    const a = await attempt(id)
    expect(scoreHistory(a.followUps, a.history, a.report)).toEqual({
      rescores: { count: 1, firstScore: alone, firstRubricHash: a.history[0]!.rubricHash },
    })
  })

  it('reads the same from the reports the server says each step replaced as from the attempt read again', async () => {
    // The Attempt page adds each response's replaced report to the history it loaded, without reading it again.
    t = await startApp()
    const { id, alone } = await stored(NO_NUMBERS)
    const loaded = await attempt(id)
    let history: ReplacedScore[] = loaded.history
    let followUps = loaded.followUps
    const answer = async (probeId: string, text: string) => {
      t.clock.now += 60_000
      const res = await postJson(t.app, `/api/attempts/${id}/follow-ups`, { probeId, answer: text })
      expect(res.statusCode, res.body).toBe(201)
      const added = res.json() as FollowUpAdded
      history = [...history, added.previous]
      followUps = [...followUps, added.followUp]
      return added.report
    }
    const sameAsReadAgain = async (report: { score: number }) => {
      const a = await attempt(id)
      expect(a.report.score).toBe(report.score)
      expect(scoreHistory(followUps, history, report)).toEqual(scoreHistory(a.followUps, a.history, a.report))
    }
    const one = await answer('probe-measurable-result', MEASURE)
    expect(scoreHistory(followUps, history, one)).toEqual({
      followUps: { count: 1, alone, withFollowUps: one.score, isCurrent: true },
    })
    await sameAsReadAgain(one)
    const two = await answer('probe-reflection', REFLECTION)
    expect(scoreHistory(followUps, history, two)).toEqual({
      followUps: { count: 2, alone, withFollowUps: two.score, isCurrent: true },
    })
    await sameAsReadAgain(two)
    // A re-score with a changed rubric adds the report it replaced; the follow-ups' score is kept as it was.
    t.clock.now += 60_000
    changeOwnershipRubric(t)
    const res = await postJson(t.app, `/api/attempts/${id}/rescore`)
    expect(res.statusCode).toBe(200)
    const rescored = res.json() as RescoreResult
    expect(rescored.unchanged).toBe(false)
    history = [...history, rescored.previous]
    expect(scoreHistory(followUps, history, rescored.report)).toEqual({
      followUps: { count: 2, alone, withFollowUps: two.score, isCurrent: false },
      rescores: { count: 1, firstScore: alone, firstRubricHash: loaded.report.rubricHash },
    })
    await sameAsReadAgain(rescored.report)
  })

  it("counts a loop round's follow-ups, which replaced one report between them, as one step", () => {
    const at = '2026-01-01T10:00:00.000Z'
    const history = [{ replacedAt: at, score: 70, rubricHash: 'a'.repeat(64) }]
    expect(scoreHistory([{ createdAt: at }, { createdAt: at }], history, { score: 78 })).toEqual({
      followUps: { count: 2, alone: 70, withFollowUps: 78, isCurrent: true },
    })
  })
})
