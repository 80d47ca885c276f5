// Holds the engine to the levels it reaches on the hand-labelled corpus: label accuracy and strong-vs-weak ordering.

import { describe, expect, it } from 'vitest'
import { score } from '../../engine/score'
import { CORPUS_DIR, type CorpusAnswer, HOLDOUT_DIR, loadCorpus } from '../fixtures/corpus'
import { degradedWins, labelFigures } from '../fixtures/measure'
import { starCore } from './helpers'

const rubric = starCore()

function measure(corpus: CorpusAnswer[]) {
  const scored = corpus.map((item) => ({ item, report: score(item.answer, rubric) }))
  const labels = labelFigures(scored)
  const wins = degradedWins(scored)
  return { accuracy: labels.accuracy, total: labels.total, perLabel: labels.perLabel, ...wins }
}

describe('development corpus', () => {
  const corpus = loadCorpus(CORPUS_DIR)
  const m = measure(corpus)

  it('has at least 60 labelled answers over every weak kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    const variants = new Set(corpus.map((c) => c.variant))
    for (const v of [
      'strong',
      'no-result',
      'we',
      'hypothetical',
      'no-numbers',
      'buzzword',
      'ramble',
      'short',
    ]) {
      expect(variants).toContain(v)
    }
  })

  it('labels sentences as a careful human does at least 86% of the time', () => {
    expect(m.total).toBeGreaterThan(1000)
    expect(m.accuracy).toBeGreaterThanOrEqual(0.86)
  })

  it('labels each STAR section with at least 75% recall', () => {
    for (const star of ['situation', 'task', 'action', 'result'] as const) {
      const l = m.perLabel.get(star)!
      expect(l.right / l.total, star).toBeGreaterThanOrEqual(0.75)
    }
  })

  it('scores every strong answer above each of its degraded versions', () => {
    expect(m.pairs).toBeGreaterThanOrEqual(100)
    expect(m.losses).toEqual([])
  })

  it('puts strong answers in the top band and hypothetical, buzzword and short ones in the bottom band', () => {
    for (const item of corpus) {
      const report = score(item.answer, rubric)
      if (item.variant === 'strong') expect(report.band.id, item.story).toBe('strong')
      if (['hypothetical', 'buzzword'].includes(item.variant))
        expect(report.band.id, `${item.story} ${item.variant}`).toBe('weak')
      if (['no-result', 'we', 'no-numbers'].includes(item.variant))
        expect(report.band.id, `${item.story} ${item.variant}`).not.toBe('strong')
    }
  })
})

describe('held-out corpus (never tuned against)', () => {
  const corpus = loadCorpus(HOLDOUT_DIR)
  const m = measure(corpus)

  it('labels at least 80% of sentences as a careful human does', () => {
    expect(m.total).toBeGreaterThan(500)
    expect(m.accuracy).toBeGreaterThanOrEqual(0.8)
  })

  it('scores a strong story above its degraded version at least 95% of the time', () => {
    expect((m.pairs - m.losses.length) / m.pairs).toBeGreaterThanOrEqual(0.95)
  })

  it('scores every answer the guides call good above every answer they call weak', () => {
    const guide = corpus.filter((c) => c.variant.startsWith('guide-'))
    const good = guide.filter((c) => c.variant === 'guide-good').map((c) => score(c.answer, rubric).score)
    const weak = guide.filter((c) => c.variant === 'guide-weak').map((c) => score(c.answer, rubric).score)
    expect(good.length).toBeGreaterThanOrEqual(5)
    expect(weak.length).toBeGreaterThanOrEqual(5)
    expect(Math.min(...good)).toBeGreaterThan(Math.max(...weak))
  })
})
