// Specific detail: figures, dates, tools and proper names inside a sentence, the evidence of a real story.

import type { PhraseHit } from '../phrases'
import type { Place } from '../types'
import { hasInnerMark, isUpperAt, NO_PLACES, type SentenceContext, WordFlag } from './words'

/** Spans of specific detail, in order: numbers (in figures or words), months, names inside the sentence, and known tool names. */
export function findDetails({ tokens, flags }: SentenceContext, techHits: readonly PhraseHit[]): Place[] {
  // The shared empty list until the first span; a list begun as [span] is exactly as long as it needs.
  let details = NO_PLACES
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    // A number is a number in words too ("eight weeks", "three teams", "six-month"), but not the words that
    // only say "a few" or "one of" ("one", "single", "dozens", "half", "twice"): the word's CountedNumber flag.
    if (t.numeric || flags[i]! & (WordFlag.Month | WordFlag.CountedNumber)) {
      if (details === NO_PLACES) details = [{ start: t.start, end: t.end }]
      else details.push({ start: t.start, end: t.end })
      continue
    }
    // A capital opening the sentence says nothing; "I" and its contractions are never names.
    const atStart = i === 0
    if (flags[i]! & WordFlag.IWord) continue
    const cap = isUpperAt(t.text, 0)
    // A token written all in lower case is its word: whether it has a digit or dot inside is in the word's memo.
    const inner = t.text === t.lower ? (flags[i]! & WordFlag.InnerMark) !== 0 : hasInnerMark(t.text)
    if ((cap && !atStart && t.text.length > 1) || (inner && t.text.length > 1)) {
      if (details === NO_PLACES) details = [{ start: t.start, end: t.end }]
      else details.push({ start: t.start, end: t.end })
    }
  }
  // Tokens come in order, so without tool names the spans are already sorted.
  if (techHits.length === 0) return details
  if (details === NO_PLACES) details = []
  // A set of starts, not a search of `details` per hit: a sentence of many tool names would cost quadratic time.
  const starts = new Set(details.map((d) => d.start))
  for (const h of techHits) {
    const s = tokens[h.from]!.start
    if (starts.has(s)) continue
    details.push({ start: s, end: tokens[h.to - 1]!.end })
    starts.add(s)
  }
  details.sort((a, b) => a.start - b.start)
  return details
}
