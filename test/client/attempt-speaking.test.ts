// How long the Attempt page says an answer takes to say: the answer as told, the words its length note counts, and
// with its follow-ups, as the report's stats count them.

import { describe, expect, it } from 'vitest'
import { spokenLength } from '../../client/pages/Attempt/speaking'
import { followUpTexts, scoreWithFollowUps } from '../../engine/follow-up-score'
import { score } from '../../engine/score'
import { shippedRubrics } from '../engine/helpers'

const OWNERSHIP = shippedRubrics().get('ownership')!
const ANSWER = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert.
Result: Checkout worked again and the team was relieved. I learned to check pool limits first.`
const FOLLOW_UP = {
  probeId: 'probe-measurable-result',
  criterionId: 'measurable-result',
  answer: 'Checkout errors fell from 9% to 0.2% within the hour, and we took 1,200 more orders that evening.',
}

describe('spokenLength', () => {
  it('is the answer as told, as the length note counts it, with the follow-ups beside it', () => {
    const alone = score(ANSWER, OWNERSHIP)
    const report = scoreWithFollowUps(ANSWER, followUpTexts([FOLLOW_UP], OWNERSHIP.criteria), OWNERSHIP)
    expect(report.stats.speakingSeconds).toBeGreaterThan(alone.stats.speakingSeconds)
    const spoken = spokenLength(ANSWER, 1, report)
    expect(spoken).toEqual({ told: alone.stats.speakingSeconds, withFollowUps: report.stats.speakingSeconds })
    const note = report.criteria.find((c) => c.check === 'length')!.messages[0]!.reason
    expect(note).toContain(`${alone.stats.words} words (${spoken.told} seconds spoken)`)
  })

  it('counts the answer at the rate its report was made with, and at 150 words a minute for older reports', () => {
    const report = scoreWithFollowUps(ANSWER, followUpTexts([FOLLOW_UP], OWNERSHIP.criteria), OWNERSHIP)
    const words = score(ANSWER, OWNERSHIP).stats.words
    const at = (wordsPerMinute?: number) =>
      spokenLength(ANSWER, 1, { stats: { ...report.stats, wordsPerMinute } }).told
    expect(at(100)).toBe(Math.round((words / 100) * 60))
    expect(at(undefined)).toBe(Math.round((words / 150) * 60))
  })

  it('is the report’s alone without follow-ups', () => {
    const report = score(ANSWER, OWNERSHIP)
    expect(spokenLength(ANSWER, 0, report)).toEqual({ told: report.stats.speakingSeconds })
  })
})
