// The text the Attempt and Compare pages show a report on: the answer with its follow-ups where the report read
// them, a follow-up about the scene with the Situation, and, for a report stored before that, every follow-up
// after; when neither is the text the report was made from, the report's own sentences.

import { describe, expect, it } from 'vitest'
import { attemptStory, sentenceStory } from '../../client/pages/Attempt/story'
import { followUpTexts, scoreWithFollowUps } from '../../engine/follow-up-score'
import { combineAnswer } from '../../engine/probes'
import { score } from '../../engine/score'
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

  it('gives a report made from neither text its own sentences, not words at offsets that moved', () => {
    // The scene read after the Task, as a report stored under other label weights could have placed it.
    const elsewhere = ANSWER.replace('\nAction:', ` ${followUps[0]!.answer}\nAction:`)
    const text = `${elsewhere}\n\n${followUps[1]!.answer}`
    const stored = score(text, OWNERSHIP)
    expect(shows(text, stored)).toBe(true)
    const placed = attemptStory(
      ANSWER,
      followUps,
      scoreWithFollowUps(ANSWER, followUpTexts(followUps, OWNERSHIP.criteria), OWNERSHIP),
    )
    expect(shows(placed.text, stored)).toBe(false)
    expect(shows(combineAnswer(ANSWER, followUps), stored)).toBe(false)

    const story = attemptStory(ANSWER, followUps, stored)
    expect(story.exact).toBe(false)
    expect(story.placed).toEqual([])
    expect(story.sentences.map((s) => s.text)).toEqual(stored.sentences.map((s) => s.text))
    expect(story.sentences.map((s) => s.star)).toEqual(stored.sentences.map((s) => s.star))
    expect(shows(story.text, { sentences: [...story.sentences] })).toBe(true)
    expect(story.text).toBe(stored.sentences.map((s) => s.text).join(' '))
  })

  it('checks a text with no scene follow-up against the report too, rather than trusting it', () => {
    const reflection = [followUps[1]!]
    const other = score(`${ANSWER} ${reflection[0]!.answer} And one more sentence.`, OWNERSHIP)
    const story = attemptStory(ANSWER, reflection, other)
    expect(story.exact).toBe(false)
    expect(shows(story.text, { sentences: [...story.sentences] })).toBe(true)

    const fits = attemptStory(
      ANSWER,
      reflection,
      scoreWithFollowUps(ANSWER, [{ answer: reflection[0]!.answer }], OWNERSHIP),
    )
    expect(fits.exact).toBe(true)
    expect(fits.text).toBe(combineAnswer(ANSWER, reflection))
  })

  it('carries a place inside a sentence to the same words when the sentences are shown on their own', () => {
    const report = {
      sentences: [
        { text: 'First one.', start: 5, end: 15, star: 'situation' as const, cues: [] },
        { text: 'Second here.', start: 20, end: 32, star: 'result' as const, cues: [] },
      ],
    }
    const story = sentenceStory(report)
    expect(story.text).toBe('First one. Second here.')
    const second = story.carry({ start: 27, end: 31 })!
    expect(story.text.slice(second.start, second.end)).toBe('here')
    const both = story.carry({ start: 11, end: 26 })!
    expect(story.text.slice(both.start, both.end)).toBe('one. Second')
    // Between the sentences: the words there are not known, so the place is not carried.
    expect(story.carry({ start: 16, end: 18 })).toBeUndefined()
  })

  it('keeps the report offsets and places as they are when the text is the one the report was made from', () => {
    const report = scoreWithFollowUps(ANSWER, followUpTexts(followUps, OWNERSHIP.criteria), OWNERSHIP)
    const story = attemptStory(ANSWER, followUps, report)
    expect(story.exact).toBe(true)
    expect(story.sentences).toBe(report.sentences)
    expect(story.carry({ start: 3, end: 9 })).toEqual({ start: 3, end: 9 })
  })
})
