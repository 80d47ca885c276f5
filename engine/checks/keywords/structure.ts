// What the keywords check reads from a sentence's structure rather than from its phrases: clause breaks, names as
// subjects, the figure a measured phrase stands beside, a decision made by others and the candidate's own step after
// it (engine/lexicon/concepts.ts documents the concept flags that ask for these readings).

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { type EvidenceTable, findEvidence } from '../../evidence'
import { actorAt, plannedAt } from '../../evidence-context'
import { NEGATORS, SUBJECT_SELF, SUBJECT_WE } from '../../lexicon/evidence-context'
import {
  CONDITIONAL,
  NOT_A_STEP,
  PASSIVE_AUXILIARIES,
  REPORTING,
  SHOWING,
  STEP_OPENERS,
} from '../../lexicon/evidence-structure'
import { stem } from '../../stem'

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

/** The words `[from, to)` of the clause that holds word `at`. */
function clauseOf(breaks: readonly boolean[], at: number): { from: number; to: number } {
  let from = at
  while (from > 0 && !breaks[from]) from--
  let to = at + 1
  while (to < breaks.length && !breaks[to]) to++
  return { from, to }
}

/**
 * Whether a figure of the sentence stands in the clause of the words `[from, to)`: "warranty claims fell from 40 to
 * 9" measures the claims; in "revenue rose 20%, and I was thanked for the work on bugs" the figure is not about bugs.
 */
export function figureInClause(
  s: AnalyzedSentence,
  breaks: readonly boolean[],
  from: number,
  to: number,
): boolean {
  const clause = clauseOf(breaks, from)
  const start = s.tokens[clause.from]!.start
  const end = s.tokens[Math.max(clause.to, to) - 1]!.end
  return s.features.metrics.some((m) => m.start >= start && m.start < end)
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

/**
 * Whether the decision at word `at` is none that others made: the candidate's own ("I" is the subject of its clause,
 * not passive: "I was overruled" is someone else's), or one only conditional ("the change would go ahead if I
 * could not").
 */
function notOthersDecision(words: readonly string[], breaks: readonly boolean[], at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const w = words[j]!
    if (CONDITIONAL.has(w)) return true
    if (SUBJECT_SELF.has(w)) return !PASSIVE_AUXILIARIES.has(words[j + 1] ?? '')
    if (SUBJECT_WE.has(w) || breaks[j]) return false
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
      if (h.from < arguedFrom || notOthersDecision(s.words, breaks, h.from)) continue
      if (starts[k] === -1 || starts[k]! > h.to) starts[k] = h.to
      for (let n = k + 1; n <= k + TURN_REACH && n < starts.length; n++) starts[n] = 0
      return
    }
  })
  return starts
}

/** Stems of what is no step towards a decision: thinking about it, resisting it ("I refused", "I kept arguing"). */
const NOT_A_STEP_STEMS = new Set([...NOT_A_STEP].map(stem))
/** Words a step may open with before its verb ("I then wrote", "I also trained"). */
const OPENER_STEMS = new Set([...STEP_OPENERS].map(stem))
/** How many words after "I" a step's verb may stand. */
const VERB_REACH = 3

/**
 * Where, from word `from`, the candidate tells an own step ("I" or a contraction of it as the subject, then a verb
 * that does something): not a thought about the decision ("I now think she made the better call"), not resisting
 * it ("I refused to sign", "I kept arguing"), not negated ("I never wrote…") and not only planned. -1 when none.
 */
export function ownStepFrom(s: AnalyzedSentence, breaks: readonly boolean[], from: number): number {
  for (let j = from; j < s.words.length; j++) {
    if (!SUBJECT_SELF.has(s.words[j]!) || (j > 0 && !breaks[j] && REPORTING.has(s.words[j - 1]!))) continue
    let v = j + 1
    while (v < s.stems.length && v - j <= VERB_REACH && OPENER_STEMS.has(s.stems[v]!)) v++
    const verb = s.stems[v]
    if (verb === undefined || NOT_A_STEP_STEMS.has(verb)) continue
    const next = s.stems[v + 1]
    if (next !== undefined && NOT_A_STEP_STEMS.has(next) && !breaks[v + 1]) continue
    if (s.words.slice(j + 1, v + 1).some((w) => NEGATORS.has(w)) || plannedAt(s.words, breaks, v + 1))
      continue
    return j
  }
  return -1
}
