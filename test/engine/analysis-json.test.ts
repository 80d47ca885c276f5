import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'

describe('analyses stay plain data', () => {
  it('an analysis serialises after texts with one-word sentences', () => {
    const oneWords = analyze('Situation. Fixed. I fixed the export. Done.')
    expect(oneWords.sentences.some((s) => s.words.length === 1)).toBe(true)
    const other = analyze('I fixed the export. Fixed. We shipped it on Friday and done.')
    for (const a of [oneWords, other, analyze('I fixed the export job that failed every night.')]) {
      const json = JSON.stringify(a)
      expect(JSON.parse(json).sentences.length).toBe(a.sentences.length)
    }
  })
})
