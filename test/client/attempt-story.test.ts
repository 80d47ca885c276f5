// The text the Attempt page shows a report on: the answer with its follow-ups where the report read them, a
// follow-up about the scene with the Situation, and, for a report stored before that, every follow-up after.

import { describe, expect, it } from 'vitest'
import { attemptStory } from '../../client/pages/Attempt/story'
import { followUpTexts, scoreWithFollowUps } from '../../engine/follow-up-score'
import { combineAnswer } from '../../engine/probes'
import { shippedRubrics } from '../engine/helpers'

const OWNERSHIP = shippedRubrics().get('ownership')!
const ANSWER = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert.
Result: Checkout errors fell from 9% to 0.2% within an hour. I learned to check pool limits first.`
const followUps = [
  {
    probeId: 'probe-specificity',
    criterionId: 'specificity',
    answer: 'It was in March 2023 at a grocery delivery company; I used Grafana and pgbouncer.',
  },
  {
    probeId: 'probe-reflection',
    criterionId: 'reflection',
    answer: 'Next time I would add the alert first.',
  },
]

const shows = (text: string, report: { sentences: { start: number; end: number; text: string }[] }) =>
  report.sentences.every((s) => text.slice(s.start, s.end) === s.text)

describe('attemptStory', () => {
  it('gives the text the report describes, the scene with the Situation and the rest after the answer', () => {
    const report = scoreWithFollowUps(ANSWER, followUpTexts(followUps, OWNERSHIP.criteria), OWNERSHIP)
    const story = attemptStory(ANSWER, followUps, report)
    expect(shows(story.text, report)).toBe(true)
    expect(story.text).not.toBe(combineAnswer(ANSWER, followUps))
    expect(story.placed.map((p) => p.scene)).toEqual([true, false])
    expect(story.text.indexOf(followUps[0]!.answer)).toBeLessThan(story.text.indexOf('Task:'))
    expect(story.text.endsWith(followUps[1]!.answer)).toBe(true)
  })

  it('gives a report stored when every follow-up was read after the answer that text, so its marks still fit', () => {
    const stored = scoreWithFollowUps(
      ANSWER,
      followUps.map((f) => ({ answer: f.answer })),
      OWNERSHIP,
    )
    const story = attemptStory(ANSWER, followUps, stored)
    expect(story.text).toBe(combineAnswer(ANSWER, followUps))
    expect(shows(story.text, stored)).toBe(true)
    expect(story.placed.every((p) => !p.scene)).toBe(true)
  })
})
