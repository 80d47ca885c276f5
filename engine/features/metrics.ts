// Figures and measures: spans that measure an outcome ("40%", "from 900 to 120 ms", "halved"), how many
// figures a sentence has, and whether it opens with a time marker.

import { FRACTION_LEADS, MONTHS, TIME_LEADS, UNIT_WORDS } from '../lexicon/measures'
import type { Token } from '../text'
import type { Place } from '../types'
import { isUpperAt, isYear, NO_PLACES, type SentenceContext, WordFlag } from './words'

/**
 * Finds spans that measure something: "40%", "$2k", "3x", "two weeks", "from 900 to 120 ms", "halved".
 * `flags` are the tokens' `WordFlag` bits.
 */
export function findMetrics(tokens: readonly Token[], flags: readonly number[]): Place[] {
  let spans = NO_PLACES
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const fl = flags[i]!
    // A figure is a number or a number word; anything else measures only as a multiple or a fraction.
    if (!t.numeric && !(fl & (WordFlag.NumberWord | WordFlag.Multiplied | WordFlag.Fraction))) continue
    const next = tokens[i + 1]
    // "doubled", "twice the volume", "cut in half", "down by a third"
    if (
      fl & WordFlag.Multiplied ||
      (fl & WordFlag.Fraction && FRACTION_LEADS.has(tokens[i - 1]?.lower ?? ''))
    ) {
      if (spans === NO_PLACES) spans = [{ start: t.start, end: t.end }]
      else spans.push({ start: t.start, end: t.end })
      continue
    }
    if (!t.numeric && !(fl & WordFlag.NumberWord)) continue
    // "every two weeks" is a rhythm, not a measure of outcome.
    if (i > 0 && tokens[i - 1]!.lower === 'every') continue
    // "March 10" and "Q3 2024" are dates, not measures.
    if (t.numeric && i > 0 && MONTHS.has(tokens[i - 1]!.lower) && !/[%$€£]/.test(t.text)) continue
    const selfUnit = /[%$€£kKmMbBxX]|ms$/.test(t.text) && t.numeric
    const nextWord = next?.lower
    const unitAfter =
      nextWord !== undefined &&
      (UNIT_WORDS.has(nextWord) || (nextWord.endsWith('s') && UNIT_WORDS.has(nextWord.slice(0, -1))))
    if (isYear(t) && !unitAfter) continue
    if (t.lower === 'one' && !unitAfter) continue
    if (t.lower === 'single' || t.lower === 'quarter') {
      if (!unitAfter) continue
    }
    if (selfUnit || unitAfter || (t.numeric && /\d/.test(t.text) && !isYear(t) && hasFromTo(tokens, i))) {
      const end = unitAfter && next !== undefined ? next.end : t.end
      if (spans === NO_PLACES) spans = [{ start: t.start, end }]
      else spans.push({ start: t.start, end })
      if (unitAfter) i++
    } else if (
      t.numeric &&
      t.text.length >= 2 &&
      !isYear(t) &&
      !t.text.includes('.') &&
      !afterName(tokens, i)
    ) {
      // A bare count ("reviewed 40 pull requests") is still a measure; "Node 18" and "Python 3.12" are versions.
      if (spans === NO_PLACES) spans = [{ start: t.start, end: t.end }]
      else spans.push({ start: t.start, end: t.end })
    }
  }
  return spans
}

/** True after a capitalised name inside the sentence ("Node 18", "Java 21"): a version, not a count. */
function afterName(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]
  return prev !== undefined && i - 1 > 0 && isUpperAt(prev.text, 0)
}

function hasFromTo(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower
  return prev === 'from' || prev === 'to' || prev === 'by'
}

/** Numbers, number words, money: any figure, measured or not ("one" and "single" are not figures). */
export function countFigures({ tokens, words, flags }: SentenceContext): number {
  let figures = 0
  for (let i = 0; i < words.length; i++) {
    if (
      (tokens[i]!.numeric || flags[i]! & WordFlag.NumberWord) &&
      words[i] !== 'one' &&
      words[i] !== 'single'
    )
      figures++
  }
  return figures
}

/** A year or month near the start: "In March 2023, …", "Back in 2019 …". */
export function hasTimeMarker({ tokens, words }: SentenceContext): boolean {
  for (let i = 0; i < tokens.length && i < 6; i++)
    if (isYear(tokens[i]!) || MONTHS.has(tokens[i]!.lower)) return true
  if (words.length > 2 && TIME_LEADS.has(words[0]!))
    for (let i = 0; i < tokens.length && i < 5; i++) if (isYear(tokens[i]!)) return true
  return false
}
