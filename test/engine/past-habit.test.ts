// One reading of a habit told in the past, shared by the real-story check and the evidence checks: what kept
// happening in the story happened; a habit in the present, or what someone would do, did not.
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { pastHabit } from '../../engine/features/hypothetical'

function reads(sentence: string): boolean {
  const s = analyze(sentence).sentences[0]!
  return pastHabit(s.words, s.features.past, s.features.iDid || s.features.weDid)
}

describe('pastHabit', () => {
  it.each([
    'After that the support lead came to me first whenever a customer escalated.',
    'Usually the customer escalated twice before anyone heard about it.',
    "Every time it broke we logged why, and one team's test would wipe the tables another team needed.",
    "The export didn't break again, and the team always checked it on Mondays.",
  ])('reads "%s" as what happened', (sentence) => {
    expect(reads(sentence)).toBe(true)
  })

  it.each([
    'Whenever a customer escalates, the support lead comes to me first.',
    'Usually I would page the on-call engineer before touching anything.',
    'I would have escalated it sooner.',
    "Usually the team didn't wait, and they'll fix it themselves.",
    'Every time it broke, I would log why.',
    'Nothing changed, because nobody can fix a report they never read.',
    'In that case the client may have told us plainly that they were leaving.',
  ])('reads "%s" as no story', (sentence) => {
    expect(reads(sentence)).toBe(false)
  })
})
