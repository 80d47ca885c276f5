// Follow-ups: answering a probe scores answer and follow-up together, keeps the answer-alone report, says what it added.

import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { combineAnswer, score, scoreWithFollowUps } from '../../engine/index'
import { shippedRubrics } from '../engine/helpers'
import { PRIVACY_ANSWER, PRIVACY_PROMPT, WE_MEASURED } from '../fixtures/follow-ups'
import { MEASURE_FOLLOW_UP as MEASURE, sqlRows, startApp, type TestApp } from './helpers'

const RUBRICS = fileURLToPath(new URL('../../rubrics', import.meta.url))

let t: TestApp
afterEach(async () => t?.close())

const post = (url: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object })

/** A story with no number in its Result: the report probes for the measure. */
const NO_NUMBERS = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert. I wrote a runbook and walked the on-call rotation through it.
Result: Checkout worked again and the team was relieved.`

async function storeAttempt(): Promise<{ id: number; probes: { id: string; question: string }[] }> {
  const res = await post('/api/attempts', { promptId: 'ownership-outside-scope', answer: NO_NUMBERS })
  expect(res.statusCode).toBe(201)
  return { id: res.json().id, probes: res.json().report.probes }
}

describe('POST /api/attempts/:id/follow-ups', () => {
  test('scores the answer and the follow-up together and answers what it added', async () => {
    t = await startApp()
    const { id, probes } = await storeAttempt()
    // The report asks up to three probes; any probe of the rubric may be answered, as an interviewer may ask it.
    expect(probes.length).toBeGreaterThan(0)
    expect(probes.length).toBeLessThanOrEqual(3)
    const before = (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()
    expect(before.followUps).toEqual([])

    t.clock.now += 60_000
    const res = await post(`/api/attempts/${id}/follow-ups`, {
      probeId: 'probe-measurable-result',
      answer: MEASURE,
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers.location).toBe(`/api/attempts/${id}`)
    const body = res.json()
    expect(body.followUp).toMatchObject({
      probeId: 'probe-measurable-result',
      criterionId: 'measurable-result',
      question: 'How did you measure the result? What number changed?',
      answer: MEASURE,
    })
    expect(body.previous.score).toBe(before.score)
    expect(body.report.score).toBeGreaterThan(before.score)
    expect(body.difference.score).toBe(body.report.score - before.score)
    const measured = body.difference.criteria.find(
      (c: { criterionId: string }) => c.criterionId === 'measurable-result',
    )
    expect(measured.change).toBeGreaterThan(0)
    // The combined story is what the report describes: its last sentence is the follow-up's.
    expect(body.report.sentences.at(-1).text).toContain('92%')

    const after = (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()
    expect(after.score).toBe(body.report.score)
    expect(after.answer).toBe(NO_NUMBERS)
    expect(after.followUps).toHaveLength(1)
    // The answer-alone report is in the history, replaced when the follow-up came.
    expect(after.history.at(-1).score).toBe(before.score)
    expect(after.history.at(-1).replacedAt).toBe(after.followUps[0].createdAt)

    // A re-score scores the same combined story: nothing changes.
    const rescore = (await post(`/api/attempts/${id}/rescore`)).json()
    expect(rescore.unchanged).toBe(true)
    expect(rescore.report.score).toBe(body.report.score)
  })

  test('refuses an unknown probe, a probe answered twice, empty text and an unknown attempt', async () => {
    t = await startApp()
    const { id } = await storeAttempt()
    const unknown = await post(`/api/attempts/${id}/follow-ups`, {
      probeId: 'probe-nonsense',
      answer: MEASURE,
    })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toMatch(
      /^No probe 'probe-nonsense' in rubric 'ownership'; this attempt’s report asks probe-/,
    )
    const empty = await post(`/api/attempts/${id}/follow-ups`, {
      probeId: 'probe-measurable-result',
      answer: '  \n',
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({
      field: 'answer',
      message: expect.stringContaining('answer is empty'),
    })
    const missing = await post(`/api/attempts/${id}/follow-ups`, { answer: MEASURE })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().field).toBe('probeId')

    expect(
      (
        await post(`/api/attempts/${id}/follow-ups`, {
          probeId: 'probe-reflection',
          answer: 'I learned to load-test first.',
        })
      ).statusCode,
    ).toBe(201)
    const twice = await post(`/api/attempts/${id}/follow-ups`, {
      probeId: 'probe-reflection',
      answer: 'Again.',
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().message).toContain("Probe 'probe-reflection' is answered already")
    // A client that saw its first send fail tells this refusal from the other 409 by its code.
    expect(twice.json().code).toBe('answered-already')
    const none = await post('/api/attempts/999/follow-ups', { probeId: 'probe-reflection', answer: 'x' })
    expect(none.statusCode).toBe(404)
    expect(none.json().message).toContain("No attempt with id '999'")
  })

  test('tells a probe answered already from a rubric out of service by the code of the 409', async () => {
    t = await startApp()
    const { id } = await storeAttempt()
    const send = () =>
      post(`/api/attempts/${id}/follow-ups`, { probeId: 'probe-measurable-result', answer: MEASURE })
    expect((await send()).statusCode).toBe(201)
    const again = await send()
    expect(again.statusCode).toBe(409)
    expect(again.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message:
        "Probe 'probe-measurable-result' is answered already for this attempt; answer another of its probes",
      code: 'answered-already',
    })

    rmSync(join(t.rubricsDir, 'ownership.yaml'))
    t.app.rubrics.reload()
    const gone = await post(`/api/attempts/${id}/follow-ups`, {
      probeId: 'probe-reflection',
      answer: 'I learned to load-test first.',
    })
    expect(gone.statusCode).toBe(409)
    expect(gone.json()).toMatchObject({
      statusCode: 409,
      code: 'rubric-not-in-service',
      message: expect.stringContaining("nor rubric 'ownership' is in service now"),
    })
    // A probe answered already says so first, even without the rubric: a client retrying a stored follow-up
    // learns it was stored.
    expect((await send()).json().code).toBe('answered-already')
    const rescore = await t.app.inject({
      method: 'POST',
      url: `/api/attempts/${id}/rescore`,
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    })
    expect(rescore.statusCode).toBe(409)
    expect(rescore.json().code).toBe('rubric-not-in-service')
    const attempt = (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()
    expect(attempt.followUps.map((f: { probeId: string }) => f.probeId)).toEqual(['probe-measurable-result'])
  })

  test('two follow-ups both count: each is scored with the answer and the ones before it', async () => {
    t = await startApp()
    const { id } = await storeAttempt()
    const first = (
      await post(`/api/attempts/${id}/follow-ups`, { probeId: 'probe-measurable-result', answer: MEASURE })
    ).json()
    const second = (
      await post(`/api/attempts/${id}/follow-ups`, {
        probeId: 'probe-reflection',
        answer:
          'Looking back, I learned to load-test every launch, and next time I would add the alert first.',
      })
    ).json()
    expect(second.previous.score).toBe(first.report.score)
    expect(second.report.sentences.some((s: { text: string }) => s.text.includes('92%'))).toBe(true)
    const attempt = (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()
    expect(attempt.followUps.map((f: { probeId: string }) => f.probeId)).toEqual([
      'probe-measurable-result',
      'probe-reflection',
    ])
  })

  test('a "we measured" follow-up on a Success-and-Scale answer adds points instead of costing some', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const rubrics = shippedRubrics()
    const rubric = rubrics.get('success-and-scale-bring-broad-responsibility')!
    const stored = await post('/api/attempts', { promptId: PRIVACY_PROMPT, answer: PRIVACY_ANSWER })
    expect(stored.statusCode, stored.body).toBe(201)
    const { id, report: alone } = stored.json()
    expect(alone.probes.map((p: { id: string }) => p.id)).toContain('probe-responsible-result')
    const followUp = { probeId: 'probe-responsible-result', answer: WE_MEASURED }
    // The case: scored as one text with the answer, this follow-up lowered the total by 8.
    expect(score(combineAnswer(PRIVACY_ANSWER, [followUp]), rubric).score).toBeLessThan(alone.score)

    t.clock.now += 60_000
    const res = await post(`/api/attempts/${id}/follow-ups`, followUp)
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body.report).toEqual(scoreWithFollowUps(PRIVACY_ANSWER, [followUp], rubric))
    expect(body.report.score).toBeGreaterThan(alone.score)
    expect(body.difference.score).toBe(body.report.score - alone.score)
    for (const c of body.difference.criteria) expect(c.change, c.criterionId).toBeGreaterThanOrEqual(0)
    const wider = body.difference.criteria.find(
      (c: { criterionId: string }) => c.criterionId === 'responsible-result',
    )
    expect(wider.change).toBeGreaterThan(0)

    // The prompt's other areas are judged the same way: no area lost what the answer earned there.
    const areas = (await sqlRows(
      t.app,
      'SELECT rubric_id AS "rubricId", score FROM attempt_area_scores WHERE attempt_id = ?',
      id,
    )) as { rubricId: string; score: number }[]
    expect(areas.map((a) => a.rubricId).sort()).toEqual(
      [
        'earn-trust',
        'insist-on-the-highest-standards',
        'success-and-scale-bring-broad-responsibility',
        'system-design',
      ]
        .filter((r) => rubrics.has(r))
        .sort(),
    )
    for (const a of areas) {
      const area = rubrics.get(a.rubricId)!
      expect(a.score, a.rubricId).toBe(scoreWithFollowUps(PRIVACY_ANSWER, [followUp], area).score)
      expect(a.score, a.rubricId).toBeGreaterThanOrEqual(score(PRIVACY_ANSWER, area).score)
    }

    // A re-score scores the answer and its follow-up the same way: nothing changes.
    const rescore = (await post(`/api/attempts/${id}/rescore`)).json()
    expect(rescore.unchanged).toBe(true)
    expect(rescore.report.score).toBe(body.report.score)
  })
})
