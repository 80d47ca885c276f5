// quantified-result: the Result carries a measure — a number, percentage, money, a duration, a count.

import type { AnalyzedSentence } from '../../analysis-types'
import { outcomeMeasures } from '../../features/metrics'
import { isPastTense } from '../../features/words'
import { SUBORDINATORS } from '../../lexicon/clauses'
import { I_SUBJECT, WE_SUBJECT } from '../../lexicon/pronouns'
import { STATE_PAST } from '../../lexicon/verbs'
import { type CheckRunner, message, SECTION_NAMES } from '../check'
import { lastStepWhere, outcomeOfStep } from '../closing'
import { countedStars } from '../star-sections/run'
import type { QuantifiedResultOptions } from './options'

const NOTE =
  'A measured result lets the interviewer judge the size of your impact instead of taking your word for it.'

/** Words that open a clause of their own before "I" or "we": "…, so I rewrote it", "…and we shipped". */
const CLAUSE_OPENERS = new Set([
  ...SUBORDINATORS,
  'and',
  'but',
  'so',
  'then',
  'or',
  'yet',
  'until',
  'that',
  'which',
])

/**
 * A sentence whose main clause tells what something else did, with the speaker only in a clause that describes a
 * noun: "The platform took about two years to reach the end state I described". The first past verb comes
 * before "I", and "I" follows a noun with no punctuation or conjunction between them.
 */
function speakerOnlyDescribes(s: AnalyzedSentence, text: string): boolean {
  const w = s.words
  if (w.length === 0 || SUBORDINATORS.has(w[0]!)) return false
  const at = w.findIndex((x) => I_SUBJECT.has(x) || WE_SUBJECT.has(x))
  if (at <= 1 || CLAUSE_OPENERS.has(w[at - 1]!)) return false
  if (/[,;:()\u2013\u2014-]/.test(text.slice(s.tokens[at - 1]!.end, s.tokens[at]!.start))) return false
  for (let j = 0; j < at; j++) if (isPastTense(w[j]!)) return true
  return false
}

/**
 * A step told tersely, without its subject: "Moved batch jobs to spot instances, deleted 40 orphaned jobs." Its
 * figures count what was done, not what came of it.
 */
function terseStep(s: AnalyzedSentence): boolean {
  const first = s.words[0]
  if (first === undefined || !isPastTense(first) || STATE_PAST.has(first)) return false
  // "Personalized search raised add-to-cart rate by 6%" opens on an adjective: its verb follows.
  return !s.words.slice(1, 4).some(isPastTense)
}

/** Words that may stand before a measure that opens a sentence: "About 18% of users…", "Over 2,000 people…". */
const APPROXIMATING = new Set([
  'about',
  'around',
  'nearly',
  'almost',
  'roughly',
  'some',
  'over',
  'more',
  'than',
  'just',
  'only',
  'under',
  'well',
])
/** Words after an opening number that make it a time, not a measure: "Three weeks later I…". */
const TIME_AFTER = new Set(['later', 'ago', 'after', 'before', 'in'])

/**
 * A sentence that opens on its measure, before any step of the speaker's: "About 18% of active users switched it
 * on, and when I ran the script again it was a kilometre off". What it counts came of the work; the speaker's
 * step is only the clause that tells how it was checked. A sentence that opens on a time ("Over the next 3 weeks I
 * moved 40 more jobs", "Three weeks later I…") tells a step.
 */
function measureFirst(s: AnalyzedSentence): boolean {
  const at = s.words.findIndex((x) => I_SUBJECT.has(x) || WE_SUBJECT.has(x))
  const first = s.features.metrics[0]
  if (at < 0 || first === undefined || first.start >= s.tokens[at]!.start) return false
  for (const t of s.tokens) {
    if (t.end > first.start) break
    if (!APPROXIMATING.has(t.lower)) return false
  }
  const next = s.tokens.find((t) => t.start >= first.end)
  return next === undefined || !TIME_AFTER.has(next.lower)
}

export const quantifiedResult: CheckRunner<QuantifiedResultOptions, QuantifiedResultOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    // The section as the STAR structure check counts it: an answer whose closing sentences count as its Result
    // there ("The complaints mostly stopped after that") is never told here that it has no Result to measure.
    const counted = countedStars(analysis)
    const inSection = analysis.sentences.filter((_, i) => counted[i] === options.section)
    const name = SECTION_NAMES[options.section]
    let count = 0
    const messages = []
    // A measured outcome that closes the story after the last step the speaker took ("The crash-free rate went
    // from 95% to 99.6%") is a measured result even where it was read as part of the Action; so is a closing
    // sentence about what the work became, where "I" only describes ("The platform took about two years to
    // reach the end state I described"), which is no step of the speaker's; nor is a sentence the STAR structure
    // counts as the Task (a claim of one's own part, told after the lesson and read as the Result).
    const lastStep = lastStepWhere(
      analysis,
      (s, i) =>
        (s.features.iDid || s.features.weDid) &&
        counted[i] !== 'task' &&
        !speakerOnlyDescribes(s, analysis.text) &&
        !outcomeOfStep(s),
    )
    // And the other way round: a closing sentence read as the Result that only tells a step the speaker took
    // ("I set the rule that no carrier moved until …"), with no outcome in it, is the Action going on; its
    // figures describe the step, not what came of it.
    const stepOnly = (s: (typeof analysis.sentences)[number], i: number) =>
      options.section === 'result' &&
      i >= lastStep &&
      (s.features.iDid || terseStep(s)) &&
      !s.features.outcome &&
      !measureFirst(s)
    // A lesson is no outcome: "I learned that a 5% canary catches most of it" measures nothing that happened.
    const lessonOnly = (s: (typeof analysis.sentences)[number]) =>
      (s.features.reflection || s.features.change) && !s.features.outcome
    const measured = analysis.sentences.filter(
      (s, i) =>
        (counted[i] === options.section && !stepOnly(s, i) && !lessonOnly(s)) ||
        (options.section === 'result' &&
          s.star === 'action' &&
          i > lastStep &&
          (s.features.outcome || (lastStep >= 0 && speakerOnlyDescribes(s, analysis.text))) &&
          !s.features.hypothetical),
    )
    for (const s of measured) {
      for (const m of outcomeMeasures(s.tokens, s.features.metrics)) {
        count++
        messages.push(
          message({
            ruleId,
            severity: 'info',
            reason: 'Measured outcome',
            place: m,
            // The sentence's own section: a closing outcome read as part of the Action is shown there.
            section: s.star,
            note: NOTE,
          }),
        )
      }
    }
    if (count >= options.min) return { fraction: 1, messages }
    if (count > 0) {
      return {
        fraction: 0.4 + (0.35 * count) / options.min,
        messages,
        fix: `Add another measure to your ${name} (${count} of ${options.min})`,
      }
    }
    const elsewhere = analysis.sentences.some(
      (s) => s.star !== options.section && s.features.metrics.length > 0,
    )
    const vague = inSection.find((s) => s.features.vagueOutcome)
    if (inSection.length === 0) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `There is no ${name} to measure`,
          section: options.section,
          note: NOTE,
        }),
      )
      return {
        fraction: 0,
        messages,
        fix: `Add ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} with a measurable outcome: what changed, by how much`,
        absent: options.section,
      }
    }
    if (elsewhere) {
      const first = analysis.sentences.find(
        (s) => s.star !== options.section && s.features.metrics.length > 0,
      )!
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `Your numbers are in the ${SECTION_NAMES[first.star]}, not the ${name}: say what they changed`,
          place: first.features.metrics[0],
          section: first.star,
          note: NOTE,
        }),
      )
    }
    if (vague !== undefined) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `${name} says how it went but not by how much`,
          place: { start: vague.start, end: vague.end },
          section: options.section,
          note: NOTE,
        }),
      )
    } else {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `${name} has no measurable outcome`,
          section: options.section,
          note: NOTE,
        }),
      )
    }
    return {
      fraction: elsewhere ? 0.25 : vague !== undefined ? 0.15 : 0.1,
      messages,
      fix: `Add a measurable outcome to your ${name}: a percentage, time saved, money, or a count`,
    }
  },
}
