// hypothetical: a real past story, not what the candidate would, could or usually does.

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { genericCase, kindOfCase, pastHabit, saysHad, stepForPurpose } from '../../features/hypothetical'
import { type CheckRunner, clamp01, message, percent, storySentences } from '../check'
import { presentReading } from '../present-story'
import type { HypotheticalOptions } from './options'

const NOTE =
  'Interviewers ask about past behaviour because it predicts future behaviour; what you would do tells them little.'

/** Credit left when a few sentences (up to `maxShare`) say what you would do instead of what you did. */
const ONE_SLIP = 0.6

const RULE_WORDS = new Set(['should', 'must'])
const ALWAYS = new Set(['always', 'never'])

/**
 * A rule instead of a story: "a good engineer should always write a review", "you must never deploy on
 * Fridays", "in situations like this you roll back" (`kindOfCase`), with no past-tense verb in the sentence. It
 * tells the interviewer what ought to happen, not what did.
 */
function prescribes(words: readonly string[], past: boolean): boolean {
  if (past) return false
  for (let i = 0; i + 1 < words.length; i++) {
    if (RULE_WORDS.has(words[i]!) && ALWAYS.has(words[i + 1]!)) return true
  }
  if (kindOfCase(words)) return true
  return words[0] === 'the' && RIGHT.has(words[1] ?? '') && MOVE.has(words[2] ?? '')
}

const RIGHT = new Set(['right', 'best', 'smart', 'correct', 'golden'])
const MOVE = new Set(['move', 'thing', 'way', 'approach', 'rule', 'call'])

/**
 * A sentence that tells no story: a hypothetical or habit, or a rule of what ought to happen. A step of a story
 * told in the present (`steps`: "I also stop approving pull requests without a screenshot", among the steps of
 * "I go through the tickets… I set up snapshot tests…") is the story, as the evidence checks read it too.
 */
function notStory(s: AnalyzedSentence, steps: ReadonlySet<AnalyzedSentence>): boolean {
  return (
    (s.features.hypothetical &&
      !stepForPurpose(s.words) &&
      !toldInPast(s) &&
      !steps.has(s) &&
      !saysHad(s.words)) ||
    prescribes(s.words, s.features.past) ||
    // "If a customer complains, I ring them back the same day", unless the story itself is told in the present.
    (steps.size === 0 && genericCase(s.words))
  )
}

/** The sentences that are steps of a story told in the present. */
function presentStepsOf(analysis: Analysis): ReadonlySet<AnalyzedSentence> {
  const { told } = presentReading(analysis)
  return new Set(analysis.sentences.filter((_, k) => told[k]))
}

/** A habit of the story told in the past (`pastHabit`). */
function toldInPast(s: AnalyzedSentence): boolean {
  return pastHabit(s.words, s.features.past, s.features.iDid || s.features.weDid)
}

/** A sentence of the story that tells something done, as it happened: what shows a real story. */
function toldAsHappened(s: AnalyzedSentence, steps: ReadonlySet<AnalyzedSentence>): boolean {
  return !notStory(s, steps) && (s.features.iDid || s.features.weDid || s.star === 'action')
}

/**
 * The first words of the sentence the advice is about, quoted ("I think it is important…"), so that the
 * candidate knows which sentence to change: it may say what they would do, what they usually do, or a rule.
 */
function quoteOpening(text: string, s: AnalyzedSentence): string {
  const words = text
    .slice(s.start, s.end)
    // List markers ("- ", "1. ", "• ") and the sentence's own quotation marks stay out of the quote.
    .replace(/^[\s*#>•·-]+|^\s*\d{1,2}[.)]\s+/g, '')
    .replace(/["“”]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])/g, '')
    .trim()
    .split(/\s+/)
  const opening = words
    .slice(0, 5)
    .join(' ')
    .replace(/[.,;:!?]+$/, '')
  return `"${opening}${words.length > 5 ? '…' : ''}"`
}

/** The sentences that show a real past story: each step told as it happened. */
export function storySteps(analysis: Analysis): AnalyzedSentence[] {
  const steps = presentStepsOf(analysis)
  return storySentences(analysis).filter((s) => toldAsHappened(s, steps))
}

export const hypothetical: CheckRunner<HypotheticalOptions, HypotheticalOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    const story = storySentences(analysis)
    const steps = presentStepsOf(analysis)
    const hypo = story.filter((s) => notStory(s, steps))
    // A story told in the historic present ("I open the dashboard, I page the on-call") is a real story too:
    // its actions are the sentences labelled Action. A sentence that tells no story is no act, however labelled.
    const did = story.some((s) => toldAsHappened(s, steps))
    const messages = hypo.map((s) =>
      message({
        ruleId,
        severity: 'warning',
        reason: 'This says what you would do, not what you did',
        place: { start: s.start, end: s.end },
        section: s.star,
        note: NOTE,
      }),
    )
    if (!did) {
      messages.unshift(
        message({
          ruleId,
          severity: 'warning',
          reason: 'No past action found: tell one real story, in the past tense',
          note: NOTE,
        }),
      )
      return {
        fraction: 0,
        messages,
        fix: 'Tell one real situation and what you did, in the past tense ("I rewrote…")',
        // With no Action at all, "No Action found: say … what you did yourself, in the past tense" says it.
        absent: 'action',
      }
    }
    const share = story.length === 0 ? 0 : hypo.length / story.length
    // Even one "I would usually…" in a real story costs: an interviewer stops and asks what you actually did.
    const fraction =
      hypo.length === 0
        ? 1
        : share <= options.maxShare
          ? ONE_SLIP
          : clamp01(ONE_SLIP * (1 - (share - options.maxShare) / 0.35))
    if (fraction < 1) {
      messages.unshift(
        message({
          ruleId,
          severity: 'warning',
          reason: `${percent(share)} of the answer is hypothetical or habitual`,
          note: NOTE,
        }),
      )
    }
    return {
      fraction,
      messages,
      fix:
        fraction < 1
          ? `Replace ${quoteOpening(analysis.text, hypo[0]!)} with what you actually did, in the past tense`
          : undefined,
    }
  },
}
