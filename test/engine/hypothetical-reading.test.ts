// What counts as a hypothetical in a story: what the candidate would or usually does, not a counterfactual of
// what the story avoided, nor a step told after "In that case". The sentence labeller keeps the opener reading
// it was trained on (`hypotheticalCue`).
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { tellsAvoided } from '../../engine/features/hypothetical'
import { score } from '../../engine/score'
import { shippedRubrics } from './helpers'

const STORY =
  'In March 2023 I ran purchasing for a chain of six bakeries in Leeds. I called four other mills that afternoon and placed a split order with two of them. '

/** The features of `sentence`, told as the third sentence of a past story. */
function last(sentence: string) {
  const a = analyze(STORY + sentence)
  return a.sentences[a.sentences.length - 1]!.features
}

describe('hypothetical reading', () => {
  it.each([
    'Without the extra orders we would have run out on day nine.',
    'If we had waited for the vendor, we would have missed Black Friday.',
    'We could have lost the whole weekend.',
    'We should have tested it on a copy.',
    "Without it we'd have lost the contract.",
    'In that case, we rolled back the release.',
    "I tell her I'll check in with her for twenty minutes every Monday.",
    'After a week like that, we would always hold a retro the next morning, and I wrote the notes.',
    // What was then to come, or could not be done, told inside a past sentence.
    'At the end of that call I agreed a fixed time with her, every Tuesday at ten, when I would ring her with an update.',
    'We had a deadline we could not move.',
    'By June it was clear we would not get there.',
    'When a customer complained, I called them back the same day.',
    // Choosing the story to tell.
    "Um, so, the one I'd pick is from when I ran the night shift at a parcel depot.",
    'The example I would use is the Kafka migration.',
    // A past or present inability that opens a clause of its own is still a hypothetical; these are not that.
  ])('reads "%s" as part of the story', (sentence) => {
    expect(last(sentence).hypothetical).toBe(false)
  })

  it.each([
    'In that situation I would gather the data first.',
    'I would talk to the team first.',
    'If I had more time, I would refactor it.',
    'In general, when I make a change in mapping, I would always ask every customer first.',
    'I go to the people affected first in these situations, and I tend to explain the trade-off.',
    'In a case like that, I would look at what was scheduled.',
    'When someone tells me no, I would ask why.',
    'When a client says they are unhappy, I would call them the same day.',
    // Still supposed, and still a case.
    'If the deploy failed, we could not roll back.',
    "The one thing I'd change is the rollout.",
    // An inability that opens a clause of its own, after any past verb, is what the candidate would do.
    'That happened to a colleague, and I could not see myself ignoring it.',
    'I was asked this before; honestly, I could never stay quiet in that meeting.',
  ])('reads "%s" as what the candidate would or usually does', (sentence) => {
    expect(last(sentence).hypothetical).toBe(true)
  })

  describe('a case told of anyone, and what the speaker does in it, in the present', () => {
    const realStory = (sentence: string) =>
      score(
        `${STORY}${sentence} Sales held steady all month.`,
        shippedRubrics().get('star-core')!,
      ).criteria.find((c) => c.id === 'real-story')!.score
    const story = realStory('I checked the stock levels with every shop manager.')

    it.each([
      'If a customer complains, I ring them back myself the same day.',
      'When someone is stuck, I pair with them for an hour.',
      'If a user reports a bug, we fix it within a day.',
    ])('costs "%s" the real story', (sentence) => {
      expect(realStory(sentence)).toBeLessThan(story)
    })

    it.each([
      'When a customer complained, I immediately called them back.',
      'Once a week, I quietly reviewed every open ticket.',
      'If any test failed, we simply rolled back the release.',
    ])('leaves "%s" to the story', (sentence) => {
      expect(realStory(sentence)).toBe(story)
    })

    it('leaves a story told in the present its own cases', () => {
      const present =
        'It is Black Friday at the bakery chain, and I run purchasing. I call four mills that afternoon and place a split order. When a customer calls the desk, I pick up myself. By Monday every shop has flour again.'
      const report = score(present, shippedRubrics().get('star-core')!)
      expect(report.suggestions.map((s) => s.message).join('\n')).not.toMatch(/Replace "When a customer/)
    })
  })

  it('leaves the labeller its opener reading: a counterfactual still carries the cue it was trained on', () => {
    const f = last('Without the extra orders we would have run out on day nine.')
    expect(f.hypotheticalCue).toBe(true)
    expect(f.hypothetical).toBe(false)
  })

  it('does not tell a candidate to replace a counterfactual of their story with what they did', () => {
    const answer = `${STORY}Without the split order we would have lost about £40,000 of sales. In the end no shop closed for a single day, and we kept all of our weekly sales. I learned to keep a second supplier warm even when the first is reliable.`
    const report = score(answer, shippedRubrics().get('bias-for-action')!)
    expect(report.suggestions.map((s) => s.message).join('\n')).not.toMatch(
      /Replace "Without the split order/,
    )
    expect(report.criteria.find((c) => c.id === 'real-story')!.status).toBe('met')
  })

  it('tells what the story avoided from what the candidate regrets', () => {
    const avoided = (t: string) => tellsAvoided(analyze(t).sentences[0]!.words)
    expect(avoided('Without the extra orders we would have run out on day nine.')).toBe(true)
    expect(avoided('If we had waited, we would have missed Black Friday.')).toBe(true)
    expect(avoided('Otherwise the clinic could have lost its licence.')).toBe(true)
    expect(avoided('That would have cost us 40,000 pounds.')).toBe(true)
    expect(avoided('I should have talked to customers and asked what they needed.')).toBe(false)
    expect(avoided('We could have lost the whole weekend.')).toBe(false)
  })
})
