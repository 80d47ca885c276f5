// Pure helpers of the Stories page: the matrix's column order, share levels, and the practice link.

import type { ServedPrompt } from '../../../contract/rubrics'
import type { StoryFitBody, StorySummary } from '../../../contract/stories'
import type { AreaKind } from '../../../engine/kinds'
import { writeDraft } from '../../format'

/** How well a story fits: for the cell's colour, and said in words beside it. */
export function fitLevel(share: number): 'strong' | 'some' | 'weak' | 'none' {
  if (share >= 0.8) return 'strong'
  if (share >= 0.5) return 'some'
  return share > 0 ? 'weak' : 'none'
}

/**
 * The matrix's columns: the areas of `kind` that any story was fitted to, the best-fitting first (the highest
 * share any story reaches, then the sum of shares, then the title).
 */
export function matrixColumns(
  stories: readonly StorySummary[],
  kind: AreaKind,
  titleOf: (id: string) => string,
): string[] {
  const best = new Map<string, number>()
  const sum = new Map<string, number>()
  for (const s of stories) {
    for (const f of s.fit) {
      if (f.kind !== kind) continue
      best.set(f.rubricId, Math.max(best.get(f.rubricId) ?? 0, f.share))
      sum.set(f.rubricId, (sum.get(f.rubricId) ?? 0) + f.share)
    }
  }
  return [...best.keys()].sort(
    (a, b) =>
      best.get(b)! - best.get(a)! ||
      sum.get(b)! - sum.get(a)! ||
      (titleOf(a) < titleOf(b) ? -1 : titleOf(a) > titleOf(b) ? 1 : 0),
  )
}

/** A story's fits by rubric id. */
export function fitsById(fit: readonly StoryFitBody[]): Map<string, StoryFitBody> {
  return new Map(fit.map((f) => [f.rubricId, f]))
}

/**
 * The prompts to practise a story with, per area (in the order given): the prompts tagged with the area, the
 * area's own prompts first, then other areas' prompts that also train it, each in the order served.
 */
export function practiceChoices(
  areas: readonly string[],
  prompts: readonly ServedPrompt[],
): { area: string; prompts: ServedPrompt[] }[] {
  return areas.map((area) => {
    const tagged = prompts.filter((p) => p.tags.includes(area))
    return {
      area,
      prompts: [...tagged.filter((p) => p.rubricId === area), ...tagged.filter((p) => p.rubricId !== area)],
    }
  })
}

/**
 * Puts the story's text into the Practice draft of `promptId` and answers the address that opens it; the address
 * names the story, so Practice can say which story the draft came from (or that it was deleted since).
 */
export function practiseWithStory(
  storage: Storage | undefined,
  promptId: string,
  story: { id: number; text: string },
): string {
  writeDraft(storage, promptId, story.text)
  return `/practice/${encodeURIComponent(promptId)}?story=${story.id}`
}
