// A story told in the historic present ("I open the dashboard, I see the queue backing up, I page the on-call"):
// which of its sentences are steps, though an opener reads like a habit ("I also make sure…", "I then…"). The
// evidence checks credit them and the real-story check does not count them against the story.

import type { Analysis, AnalyzedSentence } from '../analysis-types'

/** Words that keep a sentence hypothetical or habitual even in a story told in the present. */
const STILL_HYPOTHETICAL = new Set([
  'would',
  "i'd",
  "we'd",
  'could',
  'might',
  'should',
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
        (STILL_HYPOTHETICAL.has(w) && !asked(s.words, i)) || (PREFERS.has(w) && s.words[i + 1] === 'to'),
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

/**
 * For each sentence, whether it is a step of a story told in the present: the answer is told in the present
 * (`toldInPresent`) and the sentence is such a step (`presentStep`), labelled Action or between two Action sentences.
 */
export function presentSteps(analysis: Analysis): boolean[] {
  const story = toldInPresent(analysis)
  return analysis.sentences.map((s, k) => story && presentStep(s, amongSteps(analysis, k)))
}
