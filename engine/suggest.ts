// Suggestions: one per fix, ordered by what an interviewer cares about first, then by the points they add.

import type { Criterion, ScoreReport, Section } from './types'

/** What a criterion lacks, as its check reported it. */
export interface Shortfall {
  criterion: Criterion
  /** Share of its points earned, 0–1. */
  fraction: number
  /** Its points out of 100 at full credit. */
  max: number
  fix: string
  /** The STAR section the fix is about, when it is about one (e.g. "Add a Result"). */
  fixSection?: Section
}

/**
 * An interviewer first needs a real past story, then its Result, then to hear what "I" did, then a measure,
 * then the area's own evidence; everything else after. Checks not named here come last.
 */
const PRIORITY: Readonly<Record<string, number>> = {
  hypothetical: 0,
  'star-sections': 1,
  ownership: 2,
  'quantified-result': 3,
  keywords: 4,
}
const LAST = 5

function priorityOf(s: Shortfall): number {
  return Object.hasOwn(PRIORITY, s.criterion.check) ? PRIORITY[s.criterion.check]! : LAST
}

/**
 * Merges fixes that say the same thing, so each suggestion is one thing to do, and orders them. A missing or thin
 * Result and an unmeasured Result are one fix ("Add a Result …, with a number"); so are equal fix texts. Each
 * suggestion's gain is exactly how much the integer total rises when every criterion it merges earns full credit.
 */
export function suggest(
  shortfalls: readonly Shortfall[],
  raw: number,
  total: number,
  clamp: (raw: number) => number,
): ScoreReport['suggestions'] {
  const resultFix = shortfalls.find((s) => s.criterion.check === 'star-sections' && s.fixSection === 'result')
  const groups: Shortfall[][] = resultFix === undefined ? [] : [[resultFix]]
  for (const s of shortfalls) {
    if (s === resultFix) continue
    const same =
      resultFix !== undefined && s.criterion.check === 'quantified-result'
        ? groups[0]
        : groups.find((g) => g[0]!.fix === s.fix)
    if (same !== undefined) same.push(s)
    else groups.push([s])
  }
  const out = groups.map((g) => {
    const lead = g[0]!
    const missing = g.reduce((sum, s) => sum + s.max * (1 - s.fraction), 0)
    return {
      priority: priorityOf(lead),
      gain: clamp(raw + missing) - total,
      criterionId: lead.criterion.id,
      message: lead.fix,
    }
  })
  return out
    .filter((s) => s.gain > 0)
    .sort((a, b) => a.priority - b.priority || b.gain - a.gain)
    .map(({ criterionId, gain, message }) => ({ criterionId, gain, message }))
}
