// Behaviour shared by every check kind: an empty answer, the speaking time, and looking back versus hypotheticals.
import { describe, expect, it } from 'vitest'
import { score } from '../../engine/score'
import { golden, rubricFor, words } from './check-table'

describe('every check kind', () => {
  it('gives no credit and no messages for an empty answer, and says so once', () => {
    for (const kind of [
      'star-sections',
      'ownership',
      'quantified-result',
      'hypothetical',
      'length',
      'specificity',
      'reflection',
      'hedging',
    ]) {
      const report = score('   \n', rubricFor(kind))
      expect(report.criteria.map((c) => [c.id, c.status, c.score, c.messages.length])).toEqual([
        [kind, 'missed', 0, 0],
      ])
      expect(report.messages.map(golden)).toEqual([
        '- empty-answer: The answer is empty: write one real story, Situation to Result',
      ])
    }
  })

  it('reports the speaking time at 150 words a minute', () => {
    expect(score(words(120), rubricFor('length')).stats.speakingSeconds).toBe(48)
    expect(score(words(450), rubricFor('length')).stats.speakingSeconds).toBe(180)
  })

  it("reports the speaking time at the length criterion's own rate, as its notes count it", () => {
    const slow = score(words(120), rubricFor('length', { wordsPerMinute: 120 }))
    expect(slow.stats).toMatchObject({ speakingSeconds: 60, wordsPerMinute: 120 })
    expect(slow.criteria[0]!.messages.map((m) => m.reason).join(' ')).toContain('60 seconds spoken')
  })
})

describe('looking back is not hypothetical', () => {
  it.each([
    ['Next time, I would loop in the data team earlier.'],
    ['If I did it again, I would write the runbook first.'],
    ['Since then I always check the job schedule first.'],
  ])('"%s" is reflection, not a hypothetical', (closing) => {
    const text = `In 2022 I owned the billing export. I profiled the nightly job and rewrote its queries. I added an index and moved it to the replica. The job dropped from 40 minutes to 6. ${closing}`
    const hypothetical = score(text, rubricFor('hypothetical')).criteria[0]!
    expect(hypothetical.status).toBe('met')
    expect(hypothetical.messages).toEqual([])
    const reflection = score(text, rubricFor('reflection')).criteria[0]!
    expect(reflection.status).toBe('met')
  })
})
