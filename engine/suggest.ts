// Suggestions: one per fix, ordered by what an interviewer cares about first, then by the points they add.

import { SECTION_NAMES } from './checks/check'
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
  /** The section whose absence the check's notes are about, when it reported one (its outcome's `absent`). */
  absent?: Section
}

/**
 * An interviewer first needs a real past story, then its Result, then to hear what "I" did, then a measure,
 * then the area's own evidence; everything else after. Checks not named here come last, and so do the STAR
 * structure's fixes for the scene and the Task (add a Situation or a Task, cut the background): the structure
 * ranks with the Result only where its fix is the missing or thin Result or Action.
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
  if (s.criterion.check === 'star-sections' && s.fixSection !== 'result' && s.fixSection !== 'action')
    return LAST
  return Object.hasOwn(PRIORITY, s.criterion.check) ? PRIORITY[s.criterion.check]! : LAST
}

/**
 * Checks that judge what one STAR section says: when the section itself is missing or thin, their fix for its
 * absence or size ("Walk through your own steps in the Action") is the section check's fix ("Develop the Action")
 * said again, one fault told twice.
 */
const SECTION_CONTENT: Readonly<Record<string, Section>> = { ownership: 'action' }

/** Whether `s` is, in other words, the section check's fix for `section` (missing or thin). */
function restates(s: Shortfall, section: Section): boolean {
  // A missing or thin Result and an unmeasured Result are one fix: "Add a Result …, with a number".
  if (s.criterion.check === 'quantified-result') return section === 'result'
  if (SECTION_CONTENT[s.criterion.check] !== section) return false
  return s.absent === section || NAMES_SECTION[section].test(s.fix)
}

/** A fix that names the section: "the Action", "your Result". Made once, not for every answer. */
const NAMES_SECTION = Object.fromEntries(
  (['situation', 'task', 'action', 'result'] as const).map((x) => [
    x,
    new RegExp(`\\b(?:the|your) ${SECTION_NAMES[x]}\\b`),
  ]),
) as Record<Section, RegExp>

/**
 * The shortfalls as fixes, each one thing to do: the section check's fix for a missing or thin section first, with
 * the fixes that say it again; then each other fix, with those of equal text.
 */
function group(shortfalls: readonly Shortfall[]): Shortfall[][] {
  const sectionFix = shortfalls.find(
    (s) => s.criterion.check === 'star-sections' && s.fixSection !== undefined,
  )
  const groups: Shortfall[][] = sectionFix === undefined ? [] : [[sectionFix]]
  for (const s of shortfalls) {
    if (s === sectionFix) continue
    const same =
      sectionFix !== undefined && restates(s, sectionFix.fixSection!)
        ? groups[0]
        : groups.find((g) => g[0]!.fix === s.fix)
    if (same !== undefined) same.push(s)
    else groups.push([s])
  }
  return groups
}

/**
 * The criteria whose whole-answer note about a section only repeats what the section check says of it (the Action
 * is thin; ownership: the Action is too short to show what you did), with that section: one note per fault. The
 * measured result is not among them: its note says the Result lacks a number, which a thin Result does not say.
 */
export function restatedSections(shortfalls: readonly Shortfall[]): Map<string, Section> {
  const out = new Map<string, Section>()
  const [first] = group(shortfalls)
  const lead = first?.[0]
  const section = lead?.criterion.check === 'star-sections' ? lead.fixSection : undefined
  if (first === undefined || section === undefined) return out
  for (const s of first.slice(1))
    if (SECTION_CONTENT[s.criterion.check] === section) out.set(s.criterion.id, section)
  return out
}

/**
 * Merges fixes that say the same thing, so each suggestion is one thing to do, and orders them. The section
 * check's fix for a missing or thin section takes in the fixes that restate it (a thin Action and "walk through
 * your own steps in the Action"; a thin Result and an unmeasured one), keeping its wording, which names the fault;
 * equal fix texts are one too. Each suggestion's gain is exactly how much the integer total rises when every
 * criterion it merges earns full credit.
 */
export function suggest(
  shortfalls: readonly Shortfall[],
  raw: number,
  total: number,
  clamp: (raw: number) => number,
): ScoreReport['suggestions'] {
  const out = group(shortfalls).map((g) => {
    const lead = g[0]!
    const missing = g.reduce((sum, s) => sum + s.max * (1 - s.fraction), 0)
    return {
      priority: Math.min(...g.map(priorityOf)),
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
