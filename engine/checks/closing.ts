// Where the story's steps end: the last step the speaker took, and what after it still closes the story (an
// outcome told with the step it came of, follow-up steps between the outcome and a closing that looks back). Read
// by the STAR structure and measured-result checks, which each say what a step is.

import type { Analysis, AnalyzedSentence } from '../analysis-types'
import { CALENDAR_UNITS } from '../lexicon/measures'
import { I_FORMS, WE_FORMS } from '../lexicon/pronouns'
import { looksBackOnStory } from './reflection/run'

/**
 * The last sentence for which `step` holds, -1 when none. A lesson or a change afterwards ("After this I started
 * reading the reviews every week"), or a step that only follows the story up (`followsUp`), is no step: the
 * outcome before it still closes the story. The STAR structure and measured-result checks each say what a step is.
 */
export function lastStepWhere(analysis: Analysis, step: (s: AnalyzedSentence, i: number) => boolean): number {
  const { sentences } = analysis
  for (let i = sentences.length - 1; i >= 0; i--) {
    const s = sentences[i]!
    if (step(s, i) && !s.features.reflection && !looksBackOnStory(analysis, i) && !followsUp(analysis, i))
      return i
  }
  return -1
}

/** Openers of a clause that places a step before what came of it: "After we turned it on, …". */
const ONCE = new Set(['after', 'once', 'when'])
/** Openers of a period over which outcomes are counted: "In the first six months…", "Within a month…". */
const OVER = new Set(['in', 'within', 'over', 'after', 'by'])
const PERIODS = new Set<string>(CALENDAR_UNITS)

/** The speaker or their team opening the clause of the step: "after we", "once I'd", "when our team". */
const STEP_SUBJECT = new Set(['i', 'we', "i'd", "we'd", "i'm", "we're"])
/** Words of a change that came of a step, beyond the outcome verbs: "much smaller", "went down". */
const CHANGED = new Set([
  'smaller',
  'faster',
  'cheaper',
  'quicker',
  'shorter',
  'lower',
  'fewer',
  'down',
  'stopped',
  'disappeared',
  'gone',
  'vanished',
])
/** Words of a setback, which no story closes on as its outcome: "the service fell over", "latency jumped". */
const SETBACK = new Set(['crashed', 'failed', 'broke', 'jumped', 'spiked', 'stalled', 'died', 'collapsed'])
/** A reply, a request or a remark, which is no outcome: "Priya suggested caching the prices too". */
const REPLY = new Set([
  'said',
  'asked',
  'suggested',
  'told',
  'replied',
  'wanted',
  'commented',
  'left',
  'questioned',
  'requested',
])
/** The verbs of volumes taken in over a period: "we take 41,000 bookings", "we had 73 double bookings". */
const VOLUME = new Set([
  'take',
  'took',
  'have',
  'had',
  'get',
  'got',
  'see',
  'saw',
  'sell',
  'sold',
  'serve',
  'served',
  'handle',
  'handled',
  'process',
  'processed',
  'receive',
  'received',
  'book',
  'booked',
])

/** A setback among the words: "crashed", "latency jumped", "the service fell over". */
function setback(words: readonly string[]): boolean {
  return words.some((x, j) => SETBACK.has(x) || (x === 'fell' && words[j + 1] === 'over'))
}

/** Whether the words tell a change that came of a step, and no setback or reply. */
function tellsChange(s: AnalyzedSentence, words: readonly string[]): boolean {
  if (setback(words) || words.some((x) => REPLY.has(x))) return false
  return s.features.outcome || s.features.metrics.length > 0 || words.some((x) => CHANGED.has(x))
}

/**
 * An outcome told with the step it came of, which is no step of its own: the step only in an opening clause and
 * the main clause a change told of something else ("After we turned it on, the database was much smaller and the
 * bill went down a lot"; not a reply, "When I showed it, Priya suggested caching the prices too", nor a setback,
 * "When I ran the load test, the cart service fell over"), or volumes counted over a period ("In the first six
 * months we take 41,000 online bookings and have 73 double bookings, about 0.2%"; not work counted, "In the first
 * two weeks I interviewed 12 users"). Read by the STAR structure and measured-result checks.
 */
export function outcomeOfStep(s: AnalyzedSentence): boolean {
  const w = s.words
  if (ONCE.has(w[0] ?? '')) {
    const team = (w[1] === 'our' || w[1] === 'the') && w[2] === 'team'
    if (!STEP_SUBJECT.has(w[1] ?? '') && !team) return false
    // The main clause begins after the comma that closes the opening clause.
    const comma = s.text.indexOf(',')
    if (comma < 0) return false
    const main = s.tokens.findIndex((t) => t.start - s.start > comma)
    if (main < 0) return false
    const rest = w.slice(main)
    return !rest.some((x) => I_FORMS.has(x) || WE_FORMS.has(x)) && tellsChange(s, rest)
  }
  if (!OVER.has(w[0] ?? '') || s.features.metrics.length < 2) return false
  let period = false
  for (let j = 1; j < Math.min(w.length, 6); j++) if (PERIODS.has(w[j]!)) period = true
  if (!period) return false
  // Told of "I" or "we", only volumes taken in: "we take 41,000 bookings", not "I interviewed 12 users".
  const who = w.findIndex((x) => STEP_SUBJECT.has(x))
  return who < 0 || VOLUME.has(w[who + 1] ?? '')
}

/** Words that leave an outcome unsettled: "timeouts dropped by half, but the job still failed". */
const UNSETTLED = new Set(['but', 'still', 'however', 'yet', 'only'])
/** The most follow-up steps read between the outcome and the closing: more are the story going on. */
const FOLLOW_UPS = 3

/**
 * A step told between the story's settled outcome and the closing sentences that look back on it: "The books
 * reached the schools six days late. I went back through every open order that week and confirmed each address.
 * After that I added an address check, and there has been no misdirected delivery since." Up to three such steps,
 * none telling an outcome of its own, follow the story up rather than continue it, so the outcome before them still
 * closes the story. An outcome left unsettled ("timeouts dropped by half, but the job still failed") is followed
 * by the story going on. Read with `looksBackOnStory` by the checks that look for the last step taken.
 */
function followsUp(analysis: Analysis, i: number): boolean {
  const { sentences } = analysis
  let tail = sentences.length
  while (tail > 0 && looksBackOnStory(analysis, tail - 1)) tail--
  if (tail === sentences.length || i >= tail) return false
  let first = tail
  while (first > 0 && tail - first < FOLLOW_UPS && stepOnly(sentences[first - 1]!)) first--
  if (i < first || first === 0) return false
  const outcome = sentences[first - 1]!
  const f = outcome.features
  return (
    f.outcome &&
    ((f.iCount === 0 && f.weCount === 0) || outcomeOfStep(outcome)) &&
    !f.hypothetical &&
    !outcome.words.some((w) => UNSETTLED.has(w)) &&
    !setback(outcome.words)
  )
}

/** A step the speaker took that tells no outcome of its own. */
function stepOnly(s: AnalyzedSentence): boolean {
  const f = s.features
  return (f.iDid || f.weDid) && !f.outcome && !f.hypothetical
}
