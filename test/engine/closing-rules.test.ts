// Rules that keep a degraded answer from passing for a complete one, and a complete one from being marked down:
// how details are counted, a lesson told in the present, a closing step read as the Result, and a closing
// outcome read as the Action.
import { describe, expect, it } from 'vitest'
import { score } from '../../engine/index'
import { starCore } from './helpers'

const rubric = starCore()
const points = (text: string, id: string) => score(text, rubric).criteria.find((c) => c.id === id)!
const reasons = (text: string, id: string) => points(text, id).messages.map((m) => m.reason)

const BASE =
  'In 2022 I led the billing team at Acme. My goal was to stop double charges before the March audit. ' +
  'I traced the duplicates to a retry in the payment worker and added an idempotency key to every charge.'

describe('specificity counts details, not repetitions of one word', () => {
  it('"two days" and "two months" are two details; "two days" said twice is one', () => {
    // Long and plain, so the answer stays short of the details it needs and the count shows in the message.
    const plain = 'I talked with the team about the problem and we agreed on a plan together. '.repeat(8)
    const twoKinds = `${BASE} ${plain}Two days later the duplicates stopped, and two months later the audit passed.`
    const sameTwice = `${BASE} ${plain}Two days later the duplicates stopped, and two days later the audit passed.`
    const count = (text: string) =>
      Number(/^(\d+) specific detail/.exec(reasons(text, 'specificity')[0]!)![1])
    expect(count(twoKinds)).toBe(count(sameTwice) + 1)
    expect(points(twoKinds, 'specificity').score).toBeGreaterThan(points(sameTwice, 'specificity').score)
  })

  it('reads "six-month" and "thirty-minute" as numbers, not "one-off"', () => {
    const plain = 'I ran a review with the team. I met the manager each week.'
    const counted = 'I ran a six-month review with the team. I met the manager in a thirty-minute slot.'
    const vague = 'I ran a one-off review with the team. I met the manager in a single slot.'
    expect(points(counted, 'specificity').score).toBeGreaterThan(points(plain, 'specificity').score)
    expect(points(vague, 'specificity').score).toBe(points(plain, 'specificity').score)
  })
})

describe('reflection in the present tense', () => {
  it('"What I learn is…" in a story told in the historic present is a lesson', () => {
    const story =
      "So it's 2021 and I'm the lead on the app. I argue for a staged rollout and I put it in writing. " +
      'She decides on one launch day, so I commit and I build a switch for each flow. ' +
      'We ship with a 99.8% crash-free rate.'
    const withLesson = `${story} What I learn is to argue hard before the decision and then make the other option work.`
    expect(points(story, 'reflection').score).toBe(0)
    expect(points(withLesson, 'reflection').score).toBeGreaterThan(0)
  })
})

describe('a closing step read as the Result earns no measured result', () => {
  const actions =
    'In 2021 I was a senior engineer at a logistics company. My director asked me to lead the extraction of two ' +
    'domains from the monolith. I mapped every call path into those domains and wrote a design doc for a gradual move. ' +
    'I ran a review with the tech leads of all six teams.'
  it('a step the speaker took, with a figure in it, is not a measured outcome', () => {
    const step = `${actions} I set the rule that no carrier moved until its responses had matched for 48 hours straight.`
    expect(points(step, 'measurable-result').score).toBeLessThan(points(step, 'measurable-result').max / 2)
  })
  it('an outcome told with "I" still counts', () => {
    const outcome = `${actions} In the end I cut deploy time from 90 minutes to 12, and no carrier saw an error.`
    expect(points(outcome, 'measurable-result').score).toBe(points(outcome, 'measurable-result').max)
  })
})

describe('a closing outcome read as the Action is the Result', () => {
  it('counts as the Result section, as it counts as the measured result', () => {
    const text =
      'Action: I traced the duplicates to a retry in the payment worker. I added an idempotency key to every charge. In the end, the error rate went from 4% to 0.3%.'
    const starSentences = score(text, rubric).sentences.map((s) => s.star)
    expect(starSentences.at(-1)).toBe('action')
    expect(reasons(text, 'star-structure')).not.toContain(
      'No Result found: say what happened because of your actions, with a number if you can',
    )
    expect(points(text, 'measurable-result').messages.some((m) => m.reason === 'Measured outcome')).toBe(true)
  })
})
