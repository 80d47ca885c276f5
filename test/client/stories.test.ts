// The Stories page's pure helpers: share levels and percentages, the matrix's column order, the practice link.

import { describe, expect, it } from 'vitest'
import { percent, readDraft } from '../../client/format'
import {
  fitLevel,
  fitsById,
  matrixColumns,
  practiceChoices,
  practiseWithStory,
} from '../../client/pages/Stories/fit-view'
import type { ServedPrompt } from '../../contract/rubrics'
import type { StorySummary } from '../../contract/stories'
import { memoryStorage } from './memory-storage'

const areaFit = (
  rubricId: string,
  share: number,
  kind: 'leadership-principle' | 'competency' = 'leadership-principle',
) => ({
  rubricId,
  kind,
  share,
  band: { id: 'developing', label: 'Developing' },
  score: 60,
  met: [],
})

const story = (id: number, fits: ReturnType<typeof areaFit>[]): StorySummary => ({
  id,
  title: `Story ${id}`,
  version: 1,
  createdAt: '2025-03-03T10:00:00.000Z',
  updatedAt: '2025-03-03T10:00:00.000Z',
  fit: fits,
})

describe('story fit helpers', () => {
  it('shows shares as whole percentages and levels', () => {
    expect(percent(0.825)).toBe('83%')
    expect(percent(0)).toBe('0%')
    expect([1, 0.8, 0.79, 0.5, 0.49, 0.01, 0].map(fitLevel)).toEqual([
      'strong',
      'strong',
      'some',
      'some',
      'weak',
      'weak',
      'none',
    ])
  })

  it('orders the columns of one kind by the best share, then the sum, then the title', () => {
    const stories = [
      story(1, [areaFit('a', 0.5), areaFit('b', 1), areaFit('c', 0.5), areaFit('x', 1, 'competency')]),
      story(2, [areaFit('a', 0.5), areaFit('b', 0), areaFit('c', 0.25), areaFit('d', 0.5)]),
    ]
    const titles: Record<string, string> = { a: 'Zeta', c: 'Alpha', d: 'Beta', b: 'B' }
    // b: best 1; a: best 0.5, sum 1; c and d: best 0.5, sum 0.75 and 0.5.
    expect(matrixColumns(stories, 'leadership-principle', (id) => titles[id]!)).toEqual(['b', 'a', 'c', 'd'])
    expect(matrixColumns(stories, 'competency', (id) => id)).toEqual(['x'])
    expect(matrixColumns([], 'theme', (id) => id)).toEqual([])
    expect(fitsById(stories[0]!.fit).get('b')?.share).toBe(1)
  })

  it("puts the story into the prompt's draft and links to Practice naming the story", () => {
    const storage = memoryStorage()
    const href = practiseWithStory(storage, 'ownership-outside-scope', { id: 7, text: 'I volunteered.' })
    expect(href).toBe('/practice/ownership-outside-scope?story=7')
    expect(readDraft(storage, 'ownership-outside-scope')).toBe('I volunteered.')
    // Storage that throws leaves the link working.
    expect(practiseWithStory(memoryStorage(true), 'p', { id: 1, text: 'x' })).toBe('/practice/p?story=1')
  })

  it("offers an area's own prompts first, then the other prompts tagged with it", () => {
    const prompt = (id: string, rubricId: string, tags: string[]) => ({ id, rubricId, tags }) as ServedPrompt
    // Served in rubric id order: another area's prompt tagged with the area comes before the area's own.
    const prompts = [
      prompt('code-opt-rollback', 'code-optimization', ['code-optimization', 'insist']),
      prompt('insist-bar', 'insist', ['insist']),
      prompt('insist-defect', 'insist', ['insist', 'ownership']),
      prompt('ownership-scope', 'ownership', ['ownership']),
    ]
    const choices = practiceChoices(['insist', 'ownership', 'frugality'], prompts)
    expect(choices.map((c) => [c.area, c.prompts.map((p) => p.id)])).toEqual([
      ['insist', ['insist-bar', 'insist-defect', 'code-opt-rollback']],
      ['ownership', ['ownership-scope', 'insist-defect']],
      ['frugality', []],
    ])
  })
})
