// Figures and measures: spans that measure an outcome ("40%", "from 900 to 120 ms", "halved"), how many
// figures a sentence has, and whether it opens with a time marker.

import { FRACTION_LEADS, MONTHS, NUMBER_WORDS, TIME_LEADS, UNIT_WORDS } from '../lexicon/measures'
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
  // Never read at index -1: a read before the start of a list takes the engine's slow path.
  return i > 1 && isUpperAt(tokens[i - 1]!.text, 0)
}

function hasFromTo(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return false
  const prev = tokens[i - 1]!.lower
  return prev === 'from' || prev === 'to' || prev === 'by'
}

/** A unit word, singular or plural: "ms", "week", "hours". */
function isUnit(word: string | undefined): boolean {
  return (
    word !== undefined && (UNIT_WORDS.has(word) || (word.endsWith('s') && UNIT_WORDS.has(word.slice(0, -1))))
  )
}

/** The words between a figure and its unit in a rate: "thirty a week", "ten per day". */
const RATE_LEADS = new Set(['a', 'an', 'per', 'each'])
/** Number words that make no rate: "half an hour" is a duration. */
const NOT_RATES = new Set(['one', 'half', 'quarter', 'dozen', 'dozens', 'single'])
const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'should', 'can'])
/** Words that soften a figure without changing what it measures: "to about 5", "to less than 2". */
const APPROXIMATE = new Set([
  'about',
  'around',
  'roughly',
  'nearly',
  'almost',
  'approximately',
  'basically',
  'practically',
  'virtually',
  'just',
  'only',
  'under',
  'over',
  'than',
  'less',
  'fewer',
])

/** What a change may end on besides a number: "from four a week to none". */
const NOTHING = new Set(['none', 'zero', 'nothing', 'nobody', 'no'])

/** A number in words that can start or end a change: "four", "nine", "half" (not "one", "a"). */
function countWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower) && lower !== 'one' && lower !== 'single'
}

/**
 * A change told in number words, "from" a number to another: "revision rounds went from four to two", "from nine
 * marks to three", "from six that quarter to one the next". Returns the index of its last word, or -1. The
 * metrics read such a change only in digits.
 */
function changeInWords(tokens: readonly Token[], i: number): number {
  if (tokens[i - 1]?.lower !== 'from' || !countWord(tokens[i]!.lower)) return -1
  for (let j = i + 1; j <= i + 4 && j + 1 < tokens.length; j++) {
    if (tokens[j]!.lower !== 'to') continue
    const end = tokens[j + 1]!
    const last = end.lower === 'about' || end.lower === 'nearly' || end.lower === 'just' ? tokens[j + 2] : end
    if (last === undefined) return -1
    return countWord(last.lower) || last.lower === 'one' || NOTHING.has(last.lower) || last.numeric
      ? tokens.indexOf(last)
      : -1
  }
  return -1
}

/**
 * The measures of an outcome in a sentence: its metrics (which the sentence labeller reads as they are) less
 * the ones that tell when rather than how much ("it will one day happen"), plus what a Result states in
 * words the metrics leave out: a change or a rate in number words ("from four to two", "from thirty a week to
 * five") and a softened end of a change ("to about 5", "to less than 2").
 */
export function outcomeMeasures(tokens: readonly Token[], metrics: readonly Place[]): Place[] {
  const out: Place[] = []
  let m = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    while (m < metrics.length && metrics[m]!.end <= t.start) m++
    const inMetric = m < metrics.length && metrics[m]!.start <= t.start
    if (inMetric) {
      const span = metrics[m]!
      if (t.start === span.start) {
        const when = t.lower === 'one' && (i === 0 || MODALS.has(tokens[i - 1]!.lower))
        if (!when) out.push(span)
      }
      continue
    }
    const change = changeInWords(tokens, i)
    if (change > i) {
      out.push({ start: t.start, end: tokens[change]!.end })
      i = change
      continue
    }
    const word = NUMBER_WORDS.has(t.lower) && !NOT_RATES.has(t.lower)
    if ((t.numeric || word) && RATE_LEADS.has(tokens[i + 1]?.lower ?? '') && isUnit(tokens[i + 2]?.lower)) {
      out.push({ start: t.start, end: tokens[i + 2]!.end })
      i += 2
      continue
    }
    if (t.numeric && i > 0 && /\d/.test(t.text) && !isYear(t) && APPROXIMATE.has(tokens[i - 1]!.lower)) {
      let j = i - 1
      while (j > 0 && j >= i - 2 && APPROXIMATE.has(tokens[j]!.lower)) j--
      const lead = tokens[j]?.lower
      if (lead === 'from' || lead === 'to' || lead === 'by') out.push({ start: t.start, end: t.end })
    }
  }
  return out
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
