// A story's fit with every area: one analysis of the story, then each area rubric's compiled checks over it; and a
// plan that aims for two distinct stories per Leadership Principle.

import type { Analysis } from './analysis-types'
import { analyze, round2 } from './analyze'
import { isAreaKind } from './kinds'
import { bandFor, clampFraction, clampScore, rawScore, runCheck, scoredCriteria, statusOf } from './score'
import type { AreaKind, Criterion, CriterionStatus, Rubric } from './types'

/** How a story fits one area rubric. */
export interface StoryFit {
  rubricId: string
  kind: AreaKind
  /**
   * 0–1, two decimals: the share of the rubric's own criteria (those it adds to what it extends) the story meets.
   * A met criterion counts whole, a partial one half, a missed one not at all; each counts by its weight.
   */
  share: number
  /** The band of the story's score under the whole rubric, inherited criteria included, as `score()` gives. */
  band: { id: string; label: string }
  /** The story's score under the whole rubric: what `score(text, rubric).score` answers. */
  score: number
  /** The rubric's own criteria the story meets in full, in the rubric's order. */
  met: string[]
}

/** What a partial criterion counts for in `share`: half a met one. */
export const PARTIAL_CREDIT = 0.5

const CREDIT: Record<CriterionStatus, number> = { met: 1, partial: PARTIAL_CREDIT, missed: 0 }

/**
 * Scores one story against every area rubric among `rubrics` (leadership principles, competencies, themes),
 * best fit first: the highest share, then the highest score, then the rubric id. `rubrics` should hold the
 * rubrics the areas extend (star-core) too: a criterion is the rubric's own when no rubric it extends has its id;
 * an ancestor missing from `rubrics` counts as having no criteria. Pure and deterministic.
 *
 * The story is analysed once. A criterion object shared by several rubrics (an inherited criterion none of them
 * overrides is the parent's own object) is checked once per story; the result is the same either way.
 */
export function storyFit(text: string, rubrics: readonly Rubric[]): StoryFit[] {
  return storyFitOf(analyze(typeof text === 'string' ? text : ''), rubrics)
}

/** `storyFit` for a story already analysed with `analyze()`. */
export function storyFitOf(analysis: Analysis, rubrics: readonly Rubric[]): StoryFit[] {
  const byId = new Map(rubrics.map((r) => [r.id, r]))
  const fractions = new Map<Criterion, number>()
  const empty = analysis.words === 0
  const fractionOf = (c: Criterion): number => {
    let f = fractions.get(c)
    if (f === undefined) {
      f = clampFraction(empty ? 0 : runCheck(c, analysis).fraction)
      fractions.set(c, f)
    }
    return f
  }

  const fits: StoryFit[] = []
  for (const rubric of rubrics) {
    if (!isAreaKind(rubric.kind)) continue
    const inherited = new Set<string>()
    for (const parent of rubric.extends) for (const c of byId.get(parent)?.criteria ?? []) inherited.add(c.id)

    const { criteria, totalWeight } = scoredCriteria(rubric)
    // The same sum as scoreAnalysis's: the score agrees to the last bit.
    const score = clampScore(rawScore(criteria, fractionOf, totalWeight))
    let ownWeight = 0
    let ownCredit = 0
    const met: string[] = []
    for (const c of criteria) {
      if (inherited.has(c.id)) continue
      const fraction = fractionOf(c)
      const status = statusOf(fraction)
      ownWeight += c.weight
      ownCredit += c.weight * CREDIT[status]
      if (status === 'met') met.push(c.id)
    }
    fits.push({
      rubricId: rubric.id,
      kind: rubric.kind,
      share: ownWeight === 0 ? 0 : round2(ownCredit / ownWeight),
      band: bandFor(rubric, score),
      score,
      met,
    })
  }
  return fits.sort(byFit)
}

function byFit(a: StoryFit, b: StoryFit): number {
  return b.share - a.share || b.score - a.score || compareIds(a.rubricId, b.rubricId)
}

/** Code-unit order: the same in every runtime and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// The plan.

/** A story counts for a principle when it meets at least this share of the principle's own criteria. */
export const PLAN_FIT_FROM = 0.5
/** How many distinct stories the plan aims for under each principle. */
export const STORIES_PER_PRINCIPLE = 2
/**
 * A story the plan places under more principles than this is stretched: in a loop of four or five interviewers,
 * each asking about two or three principles, the same story would be heard twice.
 */
export const STRETCH_LIMIT = 3

export interface PlanStory {
  id: number
  title: string
  fit: readonly Pick<StoryFit, 'rubricId' | 'share'>[]
}

export interface StoryPlan {
  /** Every principle, in the order given, with the stories the plan gives it (best share first). */
  principles: { rubricId: string; stories: { id: number; title: string; share: number }[] }[]
  /** Principles with fewer than `STORIES_PER_PRINCIPLE` stories, in the order given. */
  gaps: string[]
  /** Stories the plan places under more than `STRETCH_LIMIT` principles, the most stretched first. */
  stretched: { id: number; title: string; principles: string[] }[]
  limits: { fitFrom: number; storiesPerPrinciple: number; stretchLimit: number }
}

/**
 * Plans which stories to tell for which Leadership Principle (`principles`: their rubric ids, in the order to
 * show). A story is a candidate for a principle when its share there is at least `PLAN_FIT_FROM`. Principles with
 * the fewest candidates are served first; each takes up to `STORIES_PER_PRINCIPLE` candidates, preferring the
 * story placed under the fewest principles so far, then the higher share, then the lower id, so stories spread
 * across principles before any is reused. Pure and deterministic.
 */
export function storyPlan(stories: readonly PlanStory[], principles: readonly string[]): StoryPlan {
  const candidates = new Map<string, { story: PlanStory; share: number }[]>()
  for (const p of principles) candidates.set(p, [])
  for (const story of stories) {
    for (const f of story.fit) {
      if (f.share >= PLAN_FIT_FROM) candidates.get(f.rubricId)?.push({ story, share: f.share })
    }
  }
  const order = [...new Set(principles)].sort(
    (a, b) =>
      candidates.get(a)!.length - candidates.get(b)!.length || principles.indexOf(a) - principles.indexOf(b),
  )
  const uses = new Map<number, string[]>()
  const chosen = new Map<string, { story: PlanStory; share: number }[]>()
  for (const p of order) {
    const ranked = [...candidates.get(p)!].sort(
      (a, b) =>
        (uses.get(a.story.id)?.length ?? 0) - (uses.get(b.story.id)?.length ?? 0) ||
        b.share - a.share ||
        a.story.id - b.story.id,
    )
    const picked = ranked.slice(0, STORIES_PER_PRINCIPLE)
    for (const c of picked) uses.set(c.story.id, [...(uses.get(c.story.id) ?? []), p])
    chosen.set(p, picked)
  }

  const shown = [...new Set(principles)]
  const rank = new Map(shown.map((p, i) => [p, i]))
  return {
    principles: shown.map((rubricId) => ({
      rubricId,
      stories: [...chosen.get(rubricId)!]
        .sort((a, b) => b.share - a.share || a.story.id - b.story.id)
        .map((c) => ({ id: c.story.id, title: c.story.title, share: c.share })),
    })),
    gaps: shown.filter((p) => chosen.get(p)!.length < STORIES_PER_PRINCIPLE),
    stretched: stories
      .filter((s) => (uses.get(s.id)?.length ?? 0) > STRETCH_LIMIT)
      .map((s) => ({
        id: s.id,
        title: s.title,
        principles: [...uses.get(s.id)!].sort((a, b) => rank.get(a)! - rank.get(b)!),
      }))
      .sort((a, b) => b.principles.length - a.principles.length || a.id - b.id),
    limits: {
      fitFrom: PLAN_FIT_FROM,
      storiesPerPrinciple: STORIES_PER_PRINCIPLE,
      stretchLimit: STRETCH_LIMIT,
    },
  }
}
