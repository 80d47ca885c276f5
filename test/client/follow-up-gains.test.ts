// The Attempt page's gain of each follow-up, read from attempts a real server stored: each follow-up's own gain,
// the second's included, whether the follow-ups came a minute apart, in the same millisecond, or in a loop's round.

import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { followUpGains } from '../../client/pages/Attempt/follow-up-gains'
import type { Attempt } from '../../contract/attempts'
import { reportDifference } from '../../engine/difference'
import { PRIVACY_ANSWER, WE_MEASURED } from '../fixtures/follow-ups'
import {
  changeOwnershipRubric,
  MEASURE_FOLLOW_UP as MEASURE,
  NO_NUMBERS_ANSWER as NO_NUMBERS,
  postJson,
  REFLECTION_FOLLOW_UP as REFLECTION,
  startApp,
  type TestApp,
} from '../server/helpers'

const RUBRICS = fileURLToPath(new URL('../../rubrics', import.meta.url))

let t: TestApp
afterEach(async () => t?.close())

const attempt = async (id: number): Promise<Attempt> =>
  (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()

async function answerTwo(minuteApart: boolean) {
  const stored = await postJson(t.app, '/api/attempts', {
    promptId: 'ownership-outside-scope',
    answer: NO_NUMBERS,
  })
  expect(stored.statusCode, stored.body).toBe(201)
  const id: number = stored.json().id
  const differences = []
  for (const [probeId, answer] of [
    ['probe-measurable-result', MEASURE],
    ['probe-reflection', REFLECTION],
  ] as const) {
    if (minuteApart) t.clock.now += 60_000
    const res = await postJson(t.app, `/api/attempts/${id}/follow-ups`, { probeId, answer })
    expect(res.statusCode, res.body).toBe(201)
    differences.push(res.json().difference)
  }
  return { id, alone: stored.json().report, differences }
}

describe('followUpGains', () => {
  for (const minuteApart of [true, false]) {
    it(`gives each follow-up its own gain, the second's too (${minuteApart ? 'a minute apart' : 'in one millisecond'})`, async () => {
      t = await startApp()
      const { id, alone, differences } = await answerTwo(minuteApart)
      const a = await attempt(id)
      const gains = followUpGains(a.followUps, a.history, a.report)
      // What the server said each follow-up added when it was answered.
      expect(gains.get('probe-measurable-result')).toEqual(differences[0])
      expect(gains.get('probe-reflection')).toEqual(differences[1])
      // Both added something, so the second's gain is not what the two added together.
      const together = reportDifference(alone, a.report)
      expect(differences[0].score).toBeGreaterThan(0)
      expect(differences[1].score).toBeGreaterThan(0)
      expect(gains.get('probe-reflection')!.score).toBeLessThan(together.score)
      expect(differences[0].score + differences[1].score).toBe(together.score)
    })
  }

  it('gives a re-score after the follow-ups no part of their gain', async () => {
    t = await startApp()
    const { id, differences } = await answerTwo(true)
    t.clock.now += 60_000
    // A changed rubric: the re-score changes the report, and adds a report to the history.
    changeOwnershipRubric(t)
    const rescore = await postJson(t.app, `/api/attempts/${id}/rescore`)
    expect(rescore.statusCode).toBe(200)
    expect(rescore.json().unchanged).toBe(false)
    const a = await attempt(id)
    expect(a.history).toHaveLength(3)
    expect(a.report.score).not.toBe(a.history[2]!.score)
    const gains = followUpGains(a.followUps, a.history, a.report)
    expect(gains.get('probe-measurable-result')).toEqual(differences[0])
    expect(gains.get('probe-reflection')).toEqual(differences[1])
  })

  it('gives a loop round, which replaced one report, its gain once, on its last follow-up', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const principle = 'success-and-scale-bring-broad-responsibility'
    const loop = (
      await postJson(t.app, '/api/loops', { size: 2, principles: [principle], seed: 'gains' })
    ).json()
    const q = loop.questions.find((x: { rubricId: string }) => x.rubricId === principle)
    const res = await postJson(t.app, `/api/loops/${loop.id}/answers`, {
      promptId: q.promptId,
      answer: PRIVACY_ANSWER,
      followUps: [
        { probeId: 'probe-responsible-result', answer: WE_MEASURED },
        { probeId: 'probe-reflection', answer: 'I would ask the partner what they need before we build it.' },
      ],
    })
    expect(res.statusCode, res.body).toBe(201)
    const a = await attempt(res.json().attemptId)
    expect(a.history).toHaveLength(1)
    const gains = followUpGains(a.followUps, a.history, a.report)
    expect([...gains.keys()]).toEqual(['probe-reflection'])
    expect(gains.get('probe-reflection')).toEqual(reportDifference(a.history[0]!.report, a.report))
    expect(gains.get('probe-reflection')!.score).toBeGreaterThan(0)
  })

  it('gives no gain to a follow-up whose replaced report the history no longer holds', async () => {
    t = await startApp()
    const { id } = await answerTwo(true)
    const a = await attempt(id)
    const gains = followUpGains(a.followUps, a.history.slice(1), a.report)
    expect([...gains.keys()]).toEqual(['probe-reflection'])
  })
})
