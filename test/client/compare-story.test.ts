// The Compare page shows each attempt's report on the text the report was made from: with a follow-up about the
// scene read after the Situation, the answer alone no longer holds the report's sentences at their offsets.

import { afterEach, describe, expect, it } from 'vitest'
import { attemptStory } from '../../client/pages/Attempt/story'
import type { Attempt } from '../../contract/attempts'
import { postJson, startApp, type TestApp } from '../server/helpers'

let t: TestApp
afterEach(async () => t?.close())

const VAGUE = `Situation: Our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert.
Result: Checkout errors fell from 9% to 0.2% within an hour. I learned to check pool limits first.`
const SCENE = 'It was in March 2023 at a grocery delivery company; I used Grafana and pgbouncer.'

const attempt = async (id: number): Promise<Attempt> =>
  (await t.app.inject({ method: 'GET', url: `/api/attempts/${id}` })).json()

const shows = (text: string, sentences: readonly { start: number; end: number; text: string }[]) =>
  sentences.every((s) => text.slice(s.start, s.end) === s.text)

describe('the text Compare highlights', () => {
  it('is the answer with its scene follow-up after the Situation, where every report sentence is', async () => {
    t = await startApp()
    const res = await postJson(t.app, '/api/attempts', { promptId: 'ownership-outside-scope', answer: VAGUE })
    expect(res.statusCode, res.body).toBe(201)
    const id = res.json().id as number
    const probe = (res.json().report.probes as { id: string; criterionId: string }[]).find(
      (p) => p.criterionId === 'specificity',
    )
    expect(probe, 'the vague answer is asked for its scene').toBeDefined()
    t.clock.now += 60_000
    const added = await postJson(t.app, `/api/attempts/${id}/follow-ups`, {
      probeId: probe!.id,
      answer: SCENE,
    })
    expect(added.statusCode, added.body).toBe(201)

    const later = await attempt(id)
    expect(later.followUps).toHaveLength(1)
    // The answer as sent does not hold the report's sentences: the scene moved every later one.
    expect(shows(later.answer, later.report.sentences)).toBe(false)
    const story = attemptStory(later.answer, later.followUps, later.report)
    expect(story.exact).toBe(true)
    expect(shows(story.text, story.sentences)).toBe(true)
    expect(story.text.indexOf(SCENE)).toBeLessThan(story.text.indexOf('Task:'))
    const scene = story.sentences.find((s) => s.text.includes('March 2023'))
    expect(scene?.star).toBe('situation')
  })

  it('is the answer itself for an attempt with no follow-ups', async () => {
    t = await startApp()
    const res = await postJson(t.app, '/api/attempts', { promptId: 'ownership-outside-scope', answer: VAGUE })
    const only = await attempt(res.json().id as number)
    const story = attemptStory(only.answer, only.followUps, only.report)
    expect(story.text).toBe(only.answer)
    expect(story.sentences).toEqual(only.report.sentences)
  })
})
