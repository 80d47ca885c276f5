// What the keywords check reads from a sentence's structure rather than from its phrases: clause breaks, names as
// subjects, the figure a measured phrase stands beside, a decision made by others and the candidate's own step after
// it (engine/lexicon/concepts.ts documents the concept flags that ask for these readings).

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { type EvidenceTable, findEvidence } from '../../evidence'
import { actorAt, negated, plannedAt } from '../../evidence-context'
import { CLAUSE_OPENERS, OTHERS, SUBJECT_SELF, SUBJECT_WE } from '../../lexicon/evidence-context'
import {
  CHANGE_MARKERS,
  CONDITIONAL,
  NOT_YET,
  OWN_DECISION,
  PASSIVE_AUXILIARIES,
  REPORTING,
  RESISTING,
  SHOWING,
  STEP_OPENERS,
  THINKING,
  TIME_UNITS,
} from '../../lexicon/evidence-structure'
import { stem } from '../../stem'
import type { Place } from '../../types'

/** True when punctuation that ends a clause stands between word j-1 and word j of the sentence. */
export function clauseBreaks(analysis: Analysis, s: AnalyzedSentence): boolean[] {
  return s.tokens.map(
    (t, j) => j > 0 && /[,;:—–()\n]/.test(analysis.text.slice(s.tokens[j - 1]!.end, t.start)),
  )
}

/** A word opening with a capital letter: compiled once, not per sentence. */
const CAPITALISED = /^\p{Lu}/u

/** Which words of the sentence are written with a capital letter, for names as subjects ("Priya took it on"). */
export function capitalisedWords(s: AnalyzedSentence): boolean[] {
  return s.tokens.map((t) => CAPITALISED.test(t.text))
}

/** How many words from a measured phrase its figure may stand ("Mis-picks: down from 40 a week to 6"). */
const FIGURE_REACH = 6

/**
 * Whether a figure of the sentence stands within `FIGURE_REACH` words of the words `[from, to)` and measures an
 * outcome: "warranty claims fell from 40 to 9" measures the claims; in "revenue rose 20% that quarter, and the
 * director thanked me for the work on bugs" the figure is not about bugs, and a target or what would have happened
 * ("mistakes would have dropped 50%") is no outcome.
 */
export function figureNear(s: AnalyzedSentence, from: number, to: number): boolean {
  const figures = outcomeFigures(s)
  if (figures.length === 0) return false
  const start = s.tokens[Math.max(0, from - FIGURE_REACH)]!.start
  const end = s.tokens[Math.min(s.tokens.length, to + FIGURE_REACH) - 1]!.end
  // The figures are in reading order: the first one at or after `start` is the only one to test.
  let lo = 0
  let hi = figures.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (figures[mid]!.start < start) lo = mid + 1
    else hi = mid
  }
  return lo < figures.length && figures[lo]!.start < end
}

/** The first figure of the sentence that measures an outcome (see `outcomeFigures`), or undefined. */
export function outcomeFigure(s: AnalyzedSentence): Place | undefined {
  return outcomeFigures(s)[0]
}

/** Each sentence's outcome figures, read once however many phrases ask. */
const OUTCOME_FIGURES = new WeakMap<AnalyzedSentence, readonly Place[]>()

/**
 * The figures of the sentence that measure an outcome, in reading order: none in a sentence that tells a target or
 * what would have happened ("our goal was to cut mistakes by 50%", "mistakes would have dropped 50%"), and not time
 * spent: a number followed by a unit of time ("I spent 3 days cleaning up the duplicates", "we shipped 2 weeks
 * late"), unless it is one end of a change ("from 30 hours to 6").
 */
function outcomeFigures(s: AnalyzedSentence): readonly Place[] {
  const known = OUTCOME_FIGURES.get(s)
  if (known !== undefined) return known
  let figures: readonly Place[] = []
  if (s.features.metrics.length > 0 && !s.words.some((w) => NOT_YET.has(w))) {
    const at = new Map(s.tokens.map((t, k) => [t.start, k]))
    figures = s.features.metrics.filter((m) => {
      const k = at.get(m.start)
      if (k === undefined) return true
      const unit = s.words[k + 1]
      return unit === undefined || !TIME_UNITS.has(unit) || CHANGE_MARKERS.has(s.words[k - 1] ?? '')
    })
  }
  OUTCOME_FIGURES.set(s, figures)
  return figures
}

const SHOWING_STEMS = new Set([...SHOWING].map(stem))

/**
 * Whether a step tells what a check showed: a figure, and an outcome word or a verb that reports a reading ("the
 * report shows one person", "my count was 1,312"). "I verified the config on 12 servers" tells only the check.
 */
export function tellsWhatItShowed(s: AnalyzedSentence): boolean {
  return s.features.metrics.length > 0 && (s.features.outcome || s.stems.some((w) => SHOWING_STEMS.has(w)))
}

/** How many sentences after a decision the candidate's own steps still answer it. */
const TURN_REACH = 4

/** The tables of a group's decision reading: the decisions, and what the candidate must have argued first. */
export interface TurnTables {
  decisions: EvidenceTable
  after: EvidenceTable
}

/** How far back from a decision its subject, or a word that makes it conditional, is looked for. */
const SUBJECT_REACH = 8

/**
 * Whether the decision at words `[at, to)` is none that others made: the candidate's own ("I" is its subject, and
 * not of a passive: "I was overruled" is someone else's; "the final call was mine"), or one only conditional ("the
 * change would go ahead if I could not"). Someone else named before it ("but my director decided") settles it.
 */
function notOthersDecision(
  words: readonly string[],
  breaks: readonly boolean[],
  at: number,
  to: number,
): boolean {
  for (let j = to; j < Math.min(words.length, to + 3) && !breaks[j]; j++)
    if (OWN_DECISION.has(words[j]!)) return true
  for (let j = at - 1; j >= Math.max(0, at - SUBJECT_REACH); j--) {
    const w = words[j]!
    if (CONDITIONAL.has(w) && at - j <= 3) return true
    if (SUBJECT_SELF.has(w)) return !(PASSIVE_AUXILIARIES.has(words[j + 1] ?? '') && at <= j + 3)
    if (SUBJECT_WE.has(w) || OTHERS.has(w) || CLAUSE_OPENERS.has(w) || breaks[j]) return false
  }
  return false
}

/**
 * For each sentence, the first word from which the candidate's own step answers a decision made by others or
 * together ("She kept the date, and after the meeting I…"): 0 within `TURN_REACH` sentences after one, the word
 * after the decision in its own sentence, -1 elsewhere. A decision the candidate made alone is not one, nor one
 * told before the candidate argued for another way (`after`, told by the candidate, not by someone else).
 */
export function turnStarts(analysis: Analysis, turns: TurnTables): number[] {
  const starts = analysis.sentences.map(() => -1)
  let argued = false
  analysis.sentences.forEach((s, k) => {
    if (s.headingOnly) return
    const breaks = clauseBreaks(analysis, s)
    // Where, in this sentence, the candidate has argued for another way: before any word, or after a hit here.
    let arguedFrom = argued ? 0 : -1
    if (!argued) {
      const caps = capitalisedWords(s)
      for (const h of findEvidence(turns.after, s.stems, s.words))
        if (actorAt(s.words, breaks, h.from, caps, h.to) !== 'other') {
          arguedFrom = h.to
          argued = true
          break
        }
    }
    if (arguedFrom === -1 || s.star === 'other') return
    for (const h of findEvidence(turns.decisions, s.stems, s.words)) {
      if (h.from < arguedFrom || notOthersDecision(s.words, breaks, h.from, h.to)) continue
      if (starts[k] === -1 || starts[k]! > h.to) starts[k] = h.to
      for (let n = k + 1; n <= k + TURN_REACH && n < starts.length; n++) starts[n] = 0
      return
    }
  })
  return starts
}

/** Stems of thinking or being, and of resisting a decision: no step towards making it work. */
const THINKING_STEMS = new Set([...THINKING].map(stem))
const RESISTING_STEMS = new Set([...RESISTING].map(stem))
/** Words a step may open with before its verb ("I then wrote", "I also trained"). */
const OPENER_STEMS = new Set([...STEP_OPENERS].map(stem))
/** How many words after "I" a step's verb may stand. */
const VERB_REACH = 3

/**
 * Whether "I" at word `j` opens a reported clause rather than a step: "she was sure I was wrong", "he said that I
 * could". After "that" alone it is a step ("After that I wrote…").
 */
function reported(words: readonly string[], breaks: readonly boolean[], j: number): boolean {
  if (j === 0 || breaks[j]) return false
  const before = words[j - 1]!
  if (before === 'that') return j > 1 && REPORTING.has(words[j - 2]!)
  return REPORTING.has(before)
}

/** The first word after word `j` where a clause breaks, or the sentence's end. */
function clauseEnd(breaks: readonly boolean[], j: number): number {
  let end = j + 1
  while (end < breaks.length && !breaks[end]) end++
  return end
}

/**
 * Where, from word `from`, the candidate tells an own step ("I" or a contraction of it as the subject, then a verb
 * that does something): not a thought or a state ("I now think she made the better call", "I am still
 * convinced"), not resisting the decision or arguing on ("I refused to sign", "I kept pushing for…", "I told
 * everyone I had warned them"), not negated ("I never wrote…") and not only planned ("I was going to write…").
 * What the clause says is read to its end. -1 when none.
 */
export function ownStepFrom(
  s: AnalyzedSentence,
  breaks: readonly boolean[],
  from: number,
  argued: EvidenceTable,
): number {
  for (let j = from; j < s.words.length; j++) {
    if (!SUBJECT_SELF.has(s.words[j]!) || reported(s.words, breaks, j)) continue
    let v = j + 1
    while (v < s.stems.length && v - j <= VERB_REACH && OPENER_STEMS.has(s.stems[v]!)) v++
    if (v >= s.stems.length) continue
    if (THINKING_STEMS.has(s.stems[v]!) || (!breaks[v + 1] && THINKING_STEMS.has(s.stems[v + 1] ?? '')))
      continue
    // Every path below ends the search, so the clause is read once per sentence.
    const end = clauseEnd(breaks, v)
    // A sentence that tells the step was resisted, not done or only planned says so of what follows too ("I was
    // going to write the plan, but I got pulled onto another project").
    if (s.stems.slice(v, end).some((w) => RESISTING_STEMS.has(w))) return -1
    if (negated(s.words, v, v + 1) || plannedAt(s.words, breaks, Math.min(end, v + 3))) return -1
    // Arguing on after the decision ("I asked her to reconsider and listed the risks again") is no step towards it.
    if (findEvidence(argued, s.stems.slice(j, end), s.words.slice(j, end)).length > 0) return -1
    return j
  }
  return -1
}
