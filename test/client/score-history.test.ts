// The Attempt page's account of its score: what the answer alone scored and what it scores with its follow-ups,
// told apart from re-scores, read from attempts a real server stored.

import { afterEach, describe, expect, it } from 'vitest'
import { scoreHistory } from '../../client/pages/Attempt/score-history'
import type { Attempt } from '../../contract/attempts'
import { changeOwnershipRubric, GOOD_ANSWER, postJson, startApp, type TestApp } from '../server/helpers'

let t: TestApp
afterEach(async () => t?.close())

const NO_NUMBERS = GOOD_ANSWER.replace(
  /Result:.*$/s,
  'Result: Checkout worked again and the team was relieved.',
)
const MEASURE =
  'We measured it: checkout errors fell by 92% within an hour and revenue recovered $40,000 that day.'
const REFLECTION =
  'Looking back, I learned to load-test every launch, and next time I would add the alert first.'

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

  it("counts a loop round's follow-ups, which replaced one report between them, as one step", () => {
    const at = '2026-01-01T10:00:00.000Z'
    const history = [{ replacedAt: at, score: 70, rubricHash: 'a'.repeat(64) }]
    expect(scoreHistory([{ createdAt: at }, { createdAt: at }], history, { score: 78 })).toEqual({
      followUps: { count: 2, alone: 70, withFollowUps: 78, isCurrent: true },
    })
  })
})
