// Pure helpers for what the pages display: times, dates, how to show a difference between two reports, drafts.

import type { CriterionDifference } from '../engine/difference'
import type { ScoreReport } from '../engine/types'

/** 0 → "0:00", 75_000 → "1:15", 3_725_000 → "62:05". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

/** A no-break space: a number and its unit never part at a line's end. */
const NBSP = '\u00a0'

/**
 * Speaking time in words a person reads: "45 s", "2 min", "1 min 20 s", each number joined to its unit by a
 * no-break space.
 */
export function speakingTime(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s}${NBSP}s`
  const m = Math.floor(s / 60)
  const rest = s % 60
  return rest === 0 ? `${m}${NBSP}min` : `${m}${NBSP}min ${rest}${NBSP}s`
}

/**
 * A label continued inside a sentence: its first letter lowered ("Measurable result" → "measurable result"),
 * unless the first word is an acronym or a name written with capitals inside it ("STAR structure", "AWS cost",
 * "iOS crash"), or the word "I", which must stay as written.
 */
export function lowerFirst(label: string): string {
  const word = /^\p{L}+/u.exec(label)?.[0] ?? ''
  if (word === 'I' || /\p{Lu}/u.test(word.slice(1))) return label
  return label.charAt(0).toLowerCase() + label.slice(1)
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** A whole number of points, halves rounded away from zero: 17.24 → 17, −2.5 → −3. */
/** A share from 0 to 1 as a whole percentage: 0.825 → "83%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

export function whole(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n)) || 0
}

/** "+3", "−2", "±0": differences in whole points, read at a glance, with a real minus sign. */
export function signed(n: number): string {
  const r = whole(n)
  if (r > 0) return `+${r}`
  if (r < 0) return `−${Math.abs(r)}`
  return '±0'
}

/**
 * Points earned and the maximum as whole numbers that never contradict each other: a criterion short of
 * its maximum never shows as "10/10" (9.6 of 10 shows 9/10), and one at its maximum always does.
 */
export function wholePoints(score: number, max: number): { score: number; max: number } {
  const m = whole(max)
  if (score >= max - 1e-9) return { score: m, max: m }
  return { score: Math.max(0, Math.min(whole(score), m - 1)), max: m }
}

/**
 * How a criterion's result is named to the candidate: "met" only at full points. The engine counts a
 * criterion as met from 80% of its points; short of full points that is shown as partly met.
 */
export function shownStatus(
  status: 'met' | 'partial' | 'missed',
  score: number,
  max: number,
): 'met' | 'partial' | 'missed' {
  if (score >= max - 1e-9 && max > 0) return 'met'
  return status === 'met' ? 'partial' : status
}

/** Error messages name the request field they are about ("body.answer: too long"); the field is shown instead. */
export function withoutFieldPrefix(message: string): string {
  const text = message
    .split('; ')
    .map((part) => part.replace(/^(body|query|querystring|params|headers)(\.[^\s:]+)?: /, ''))
    .join('; ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Local date and time of an epoch-milliseconds or ISO timestamp. */
export function dateTime(t: number | string): string {
  const d = new Date(t)
  return Number.isNaN(d.getTime()) ? String(t) : dateFmt.format(d)
}

/** Each criterion's maximum points, to show "x/max" beside a difference: the later report's, else the earlier's. */
export function criterionMax(before: ScoreReport, after: ScoreReport): Map<string, number> {
  const max = new Map(before.criteria.map((c) => [c.id, c.max]))
  for (const c of after.criteria) max.set(c.id, c.max)
  return max
}

/** Differences ordered for reading at a glance: biggest change first, then by label. */
export function biggestChangeFirst(rows: readonly CriterionDifference[]): CriterionDifference[] {
  return [...rows].sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.label.localeCompare(b.label))
}

/** Where drafts live: one localStorage key per prompt. */
export const draftKey = (promptId: string) => `starboard:draft:${promptId}`

/** Storage access that never throws (private mode, quota, disabled storage). */
export function readDraft(storage: Storage | undefined, promptId: string): string {
  try {
    return storage?.getItem(draftKey(promptId)) ?? ''
  } catch {
    return ''
  }
}

export function writeDraft(storage: Storage | undefined, promptId: string, text: string): void {
  try {
    if (!storage) return
    if (text.trim() === '') storage.removeItem(draftKey(promptId))
    else storage.setItem(draftKey(promptId), text)
  } catch {
    // A draft that cannot be saved is not worth interrupting the candidate for.
  }
}

/** The share bar's segments: section shares as percentages that add up to 100 when there are words. */
export function shareSegments(sections: ScoreReport['sections']) {
  const order = ['situation', 'task', 'action', 'result'] as const
  return order.map((id) => ({ id, percent: Math.round((sections[id]?.share ?? 0) * 1000) / 10 }))
}
