// A story told in the historic present ("I open the dashboard, I see the queue backing up, I page the on-call"):
// which of its sentences are steps, though an opener reads like a habit ("I also make sure…", "I then…"), and in any
// story, which closing sentences in the present tell what has lasted ("Rafael still comes to me first whenever…").
// The evidence checks credit them and the real-story check does not count them against the story.

import type { Analysis, AnalyzedSentence } from '../analysis-types'
import { isModal } from '../features/words'

/** Habit and condition words that, with a modal (`isModal`), keep a sentence hypothetical or habitual even in a
 * story told in the present. */
const HABITUAL = new Set([
  'usually',
  'always',
  'normally',
  'typically',
  'generally',
  'often',
  'if',
  'whenever',
])

/**
 * A step of a story told in the historic present that reads like a habit only by its opener ("I also make sure the
 * part-time agents get the same slots", "The first thing I do is assign roles"): labelled Action, or told between
 * two Action sentences whatever its label, with no modal or habit word anywhere in it.
 */
function presentStep(s: AnalyzedSentence, amongSteps: boolean): boolean {
  return (
    (s.star === 'action' || amongSteps) &&
    !s.words.some(
      (w, i) =>
        ((isModal(w) || HABITUAL.has(w)) && !asked(s.words, i)) ||
        (PREFERS.has(w) && s.words[i + 1] === 'to'),
    )
  )
}

/** A preference or a habit told as one: "I like to give the team one plan", "I tend to", "I try to", "I prefer to". */
const PREFERS = new Set(['like', 'tend', 'try', 'prefer', 'love', 'aim'])

/** Words that open an embedded question: "I say what would change my mind" tells a step, not a hypothetical. */
const ASKING = new Set(['what', 'how', 'why', 'whether', 'which'])

/** Whether the modal at word i belongs to an embedded question opened just before it ("what would", "how it could"). */
function asked(words: readonly string[], i: number): boolean {
  return ASKING.has(words[i - 1] ?? '') || ASKING.has(words[i - 2] ?? '')
}

/** Whether the sentences either side of sentence k are both Action. */
function amongSteps(analysis: Analysis, k: number): boolean {
  return analysis.sentences[k - 1]?.star === 'action' && analysis.sentences[k + 1]?.star === 'action'
}

/**
 * The answer tells its story in the present ("I open the dashboard, I page the on-call"): at least two Action
 * sentences that are neither hypothetical nor in the past, and more of them than Action sentences in the past.
 */
function toldInPresent(analysis: Analysis): boolean {
  let present = 0
  let past = 0
  for (const s of analysis.sentences) {
    if (s.star !== 'action' || s.headingOnly) continue
    const f = s.features
    if (f.iDid || f.weDid || f.statePast) past++
    else if (!f.hypothetical) present++
  }
  return present >= 2 && present > past
}

/** Words that say something has lasted since the story: "still", "now", "since", "anymore", "no longer". */
const LASTED = new Set(['still', 'now', 'since', 'anymore', 'today', 'nowadays', 'longer'])

/** Whether a sentence tells what has lasted: a lasting change, or a word of `LASTED` ("Now, …" opening a remark is none). */
function tellsWhatLasted(s: AnalyzedSentence): boolean {
  return s.features.change || s.words.some((w, i) => LASTED.has(w) && !(w === 'now' && i === 0))
}

/**
 * After the Result has begun, a sentence in the present that says what has lasted, with no modal: "Rafael still
 * comes to me first whenever a date looks tight", "Now the team checks the dashboard every morning". It is an
 * outcome of the story, not a habit offered instead of one.
 */
function lastingOutcome(s: AnalyzedSentence, afterResult: boolean): boolean {
  return (
    afterResult && (s.star === 'result' || s.star === 'other') && tellsWhatLasted(s) && !s.words.some(isModal)
  )
}

/** How the sentences of one analysis read when told in the present. */
export interface PresentReading {
  /**
   * Part of the story though told in the present: a step of a story told in the present (`toldInPresent`,
   * `presentStep`: labelled Action or between two Action sentences), or a lasting outcome.
   */
  readonly told: readonly boolean[]
  /** After the Result has begun, an outcome that has lasted (`lastingOutcome`): the Result, whatever its label. */
  readonly lasting: readonly boolean[]
}

/**
 * Each analysis read once: the evidence checks run once per keyword criterion (several per rubric, and every
 * principle rubric for a story's fit), the real-story check once more.
 */
const READINGS = new WeakMap<Analysis, PresentReading>()

export function presentReading(analysis: Analysis): PresentReading {
  let reading = READINGS.get(analysis)
  if (reading === undefined) {
    const story = toldInPresent(analysis)
    let afterResult = false
    const lasting = analysis.sentences.map((s) => {
      if (s.star === 'result') afterResult = true
      return lastingOutcome(s, afterResult)
    })
    const told = analysis.sentences.map(
      (s, k) => (story && presentStep(s, amongSteps(analysis, k))) || lasting[k]!,
    )
    reading = { told, lasting }
    READINGS.set(analysis, reading)
  }
  return reading
}
