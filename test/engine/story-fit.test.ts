// storyFit and storyPlan: a story scored once against every area rubric, and the plan of two stories per principle.

import { describe, expect, it } from 'vitest'
import {
  analyze,
  PLAN_FIT_FROM,
  type PlanStory,
  type Rubric,
  STRETCH_LIMIT,
  scoreAnalysis,
  storyFit,
  storyPlan,
} from '../../engine/index'
import { isAreaKind } from '../../engine/kinds'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

const rubrics = [...shippedRubrics().values()]
const byId = new Map(rubrics.map((r) => [r.id, r]))
const areaIds = rubrics.filter((r) => isAreaKind(r.kind)).map((r) => r.id)
const coreIds = new Set(byId.get('star-core')!.criteria.map((c) => c.id))
const story = byId.get('ownership')!.examples[0]!.answer

describe('storyFit', () => {
  it('covers every area rubric once, and no general rubric', () => {
    const fit = storyFit(story, rubrics)
    expect(areaIds.length).toBeGreaterThanOrEqual(20)
    expect(fit.map((f) => f.rubricId).sort()).toEqual([...areaIds].sort())
    expect(fit.some((f) => f.rubricId === 'star-core')).toBe(false)
    for (const f of fit) expect(f.kind).toBe(byId.get(f.rubricId)!.kind)
  })

  it("gives, under each rubric, score()'s score and band, and the share of the rubric's own criteria", () => {
    const answers = [
      story,
      ...loadCorpus(CORPUS_DIR)
        .slice(0, 8)
        .map((c) => c.answer),
      '',
      'We would maybe try.',
    ]
    for (const text of answers) {
      const analysis = analyze(text)
      for (const f of storyFit(text, rubrics)) {
        const report = scoreAnalysis(analysis, byId.get(f.rubricId)!)
        expect(f.score, `${f.rubricId}`).toBe(report.score)
        expect(f.band).toEqual(report.band)
        // Own criteria: those star-core (the only ancestor) does not have. Met counts 1, partial ½, by weight.
        const own = report.criteria.filter((c) => !coreIds.has(c.id))
        const weight = own.reduce((s, c) => s + c.weight, 0)
        const credit = own.reduce(
          (s, c) => s + c.weight * (c.status === 'met' ? 1 : c.status === 'partial' ? 0.5 : 0),
          0,
        )
        expect(f.share).toBe(weight === 0 ? 0 : Math.round((credit / weight) * 100) / 100)
        expect(f.met).toEqual(own.filter((c) => c.status === 'met').map((c) => c.id))
      }
    }
  })

  it('puts the best fit first: share, then score, then rubric id', () => {
    const fit = storyFit(story, rubrics)
    expect(fit[0]!.share).toBe(1)
    expect(fit.slice(0, 2).map((f) => f.rubricId)).toContain('ownership')
    for (let i = 1; i < fit.length; i++) {
      const [a, b] = [fit[i - 1]!, fit[i]!]
      const inOrder =
        a.share > b.share ||
        (a.share === b.share && (a.score > b.score || (a.score === b.score && a.rubricId < b.rubricId)))
      expect(inOrder, `${a.rubricId} before ${b.rubricId}`).toBe(true)
    }
  })

  it('is deterministic and does not depend on the order of the rubrics', () => {
    const once = JSON.stringify(storyFit(story, rubrics))
    expect(JSON.stringify(storyFit(story, [...rubrics].reverse()))).toBe(once)
    // Rubrics that went through JSON share no criterion objects: the results are the same.
    const copied = JSON.parse(JSON.stringify(rubrics)) as Rubric[]
    expect(JSON.stringify(storyFit(story, copied))).toBe(once)
  })

  it('an empty story fits nothing, ordered by rubric id', () => {
    const fit = storyFit('', rubrics)
    expect(fit.every((f) => f.share === 0 && f.score === 0 && f.met.length === 0)).toBe(true)
    expect(fit.map((f) => f.rubricId)).toEqual([...areaIds].sort())
  })

  it('counts every criterion as own when the rubric extended is not given', () => {
    const alone = storyFit(story, [byId.get('ownership')!])
    const report = scoreAnalysis(analyze(story), byId.get('ownership')!)
    expect(alone).toHaveLength(1)
    expect(alone[0]!.met).toEqual(report.criteria.filter((c) => c.status === 'met').map((c) => c.id))
  })
})

const plan = (stories: PlanStory[], principles: string[]) => storyPlan(stories, principles)
const s = (id: number, shares: Record<string, number>): PlanStory => ({
  id,
  title: `Story ${id}`,
  fit: Object.entries(shares).map(([rubricId, share]) => ({ rubricId, share })),
})

describe('storyPlan', () => {
  it('with no stories, every principle is a gap', () => {
    const p = plan([], ['ownership', 'dive-deep'])
    expect(p.gaps).toEqual(['ownership', 'dive-deep'])
    expect(p.principles).toEqual([
      { rubricId: 'ownership', stories: [] },
      { rubricId: 'dive-deep', stories: [] },
    ])
    expect(p.stretched).toEqual([])
  })

  it('takes two distinct stories per principle, only those at or above the fit threshold', () => {
    const p = plan(
      [
        s(1, { ownership: 1, 'dive-deep': PLAN_FIT_FROM }),
        s(2, { ownership: 0.75, 'dive-deep': PLAN_FIT_FROM - 0.01 }),
        s(3, { ownership: 0.5 }),
      ],
      ['ownership', 'dive-deep'],
    )
    // dive-deep (one candidate: story 2 is below the threshold) takes story 1; ownership then prefers the
    // stories not yet used, best share first.
    expect(p.principles[1]!.stories).toEqual([{ id: 1, title: 'Story 1', share: PLAN_FIT_FROM }])
    expect(p.principles[0]!.stories.map((x) => x.id)).toEqual([2, 3])
    expect(p.principles[0]!.stories[0]).toEqual({ id: 2, title: 'Story 2', share: 0.75 })
    expect(p.gaps).toEqual(['dive-deep'])
  })

  it('spreads stories: the scarce principle is served first and a less used story wins over a better share', () => {
    // Story 1 fits both; story 2 only ownership; story 3 only dive-deep; story 4 fits ownership best of all.
    const p = plan(
      [
        s(1, { ownership: 0.9, 'dive-deep': 0.9 }),
        s(2, { ownership: 0.6 }),
        s(3, { 'dive-deep': 0.6 }),
        s(4, { ownership: 1 }),
      ],
      ['ownership', 'dive-deep'],
    )
    // dive-deep has 2 candidates, ownership 3: dive-deep is served first and takes 1 and 3; ownership then
    // prefers the unused 4 and 2 to story 1.
    expect(p.principles.find((x) => x.rubricId === 'dive-deep')!.stories.map((x) => x.id)).toEqual([1, 3])
    expect(p.principles.find((x) => x.rubricId === 'ownership')!.stories.map((x) => x.id)).toEqual([4, 2])
    expect(p.gaps).toEqual([])
  })

  it('flags a story placed under more principles than the stretch limit', () => {
    const principles = ['a', 'b', 'c', 'd', 'e']
    const all = Object.fromEntries(principles.map((x) => [x, 1]))
    const p = plan([s(7, all), s(8, { a: 1, b: 1 })], principles)
    expect(STRETCH_LIMIT).toBe(3)
    expect(p.stretched).toEqual([{ id: 7, title: 'Story 7', principles }])
    expect(p.gaps).toEqual(['c', 'd', 'e'])
    // Within the limit, a story is not stretched.
    const q = plan([s(7, { a: 1, b: 1, c: 1 })], principles)
    expect(q.stretched).toEqual([])
    expect(q.limits).toEqual({ fitFrom: PLAN_FIT_FROM, storiesPerPrinciple: 2, stretchLimit: STRETCH_LIMIT })
  })

  it('is deterministic whatever the order of the stories', () => {
    const stories = [s(3, { a: 0.5, b: 0.5 }), s(1, { a: 0.5, b: 0.5 }), s(2, { a: 0.5, b: 0.5 })]
    const once = JSON.stringify(plan(stories, ['a', 'b']))
    expect(JSON.stringify(plan([...stories].reverse(), ['a', 'b']))).toBe(once)
    expect(plan(stories, ['a', 'b']).principles[0]!.stories.map((x) => x.id)).toEqual([1, 2])
  })
})
