// scoreAnalysis: one analysis scored under several rubrics gives, under each, exactly what score() gives.

import { describe, expect, it } from 'vitest'
import { analyze, score, scoreAnalysis } from '../../engine/index'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

describe('scoreAnalysis', () => {
  it('gives the same report as score() under every shipped rubric, from one shared analysis', () => {
    const rubrics = [...shippedRubrics().values()]
    const answers = [
      ...loadCorpus(CORPUS_DIR)
        .slice(0, 12)
        .map((c) => c.answer),
      '',
      'We would maybe try.',
    ]
    for (const answer of answers) {
      const analysis = analyze(answer)
      for (const rubric of rubrics) {
        // Byte for byte: the stored report's JSON is what the API answers.
        expect(JSON.stringify(scoreAnalysis(analysis, rubric))).toBe(JSON.stringify(score(answer, rubric)))
      }
    }
  })

  it('leaves the shared analysis as it found it', () => {
    const answer = loadCorpus(CORPUS_DIR)[0]!.answer
    const analysis = analyze(answer)
    const before = JSON.stringify(analysis)
    for (const rubric of shippedRubrics().values()) scoreAnalysis(analysis, rubric)
    expect(JSON.stringify(analysis)).toBe(before)
  })
})
