// Story reuse by shingled word overlap: different stories stay apart, a retold story is flagged, with its threshold.

import { describe, expect, it } from 'vitest'
import { STORY_REUSE_THRESHOLD, shingles, storyReuse, storySimilarity } from '../../engine/similarity'
import { CORPUS_DIR, HOLDOUT_DIR, loadCorpus } from '../fixtures/corpus'

const corpus = [...loadCorpus(CORPUS_DIR), ...loadCorpus(HOLDOUT_DIR)]

describe('story similarity', () => {
  it('shingles content words two at a time, ignoring case, punctuation and function words', () => {
    expect([...shingles('I rescued the Billing export; the billing EXPORT ran.')]).toEqual([
      'rescued billing',
      'billing export',
      'export billing',
      'export ran',
    ])
    expect(shingles('the and of')).toEqual(new Set())
  })

  it('is 1 for a retelling, symmetric, and 0 when either answer has nothing to compare', () => {
    const a = corpus[0]!.answer
    expect(storySimilarity(a, a)).toBe(1)
    expect(storySimilarity(a, `Some context first. ${a}`)).toBe(1)
    const b = corpus.find((c) => c.story !== corpus[0]!.story)!.answer
    expect(storySimilarity(a, b)).toBe(storySimilarity(b, a))
    expect(storySimilarity(a, '')).toBe(0)
  })

  it('keeps every pair of different stories in the labelled sets below the threshold', () => {
    const answers = corpus.map((c, i) => ({ promptId: `${c.story}#${i}`, text: c.answer }))
    const story = (id: string) => id.slice(0, id.indexOf('#'))
    const flagged = storyReuse(answers)
    // Some retellings of one story are flagged; no two different stories are.
    expect(flagged.length).toBeGreaterThan(50)
    expect(flagged.filter((w) => story(w.promptIds[0]) !== story(w.promptIds[1]))).toEqual([])
    // At a threshold of 0.1, different stories would be flagged: the check can fail.
    const loose = storyReuse(answers, 0.1)
    expect(loose.some((w) => story(w.promptIds[0]) !== story(w.promptIds[1]))).toBe(true)
  })

  it('flags a story told twice in one loop, naming both prompts, the similarity and the threshold', () => {
    const story = corpus[0]!.answer
    const other = corpus.find((c) => c.story !== corpus[0]!.story)!.answer
    const retold = story.replace(/\bI\b/g, 'we').replace(/\./g, '!')
    const warnings = storyReuse([
      { promptId: 'p1', text: story },
      { promptId: 'p2', text: other },
      { promptId: 'p3', text: retold },
    ])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({
      kind: 'story-reused',
      promptIds: ['p1', 'p3'],
      threshold: STORY_REUSE_THRESHOLD,
    })
    expect(warnings[0]!.similarity).toBeGreaterThanOrEqual(0.9)
    expect(
      storyReuse(
        [
          { promptId: 'a', text: story },
          { promptId: 'b', text: other },
        ],
        0,
      ),
    ).toHaveLength(1)
  })
})
