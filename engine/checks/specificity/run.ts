// specificity: named systems, tools, people, numbers and time frames, not generic claims and buzzwords.

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import type { Place } from '../../types'
import { type CheckRunner, clamp01, message } from '../check'
import type { SpecificityOptions } from './options'

const NOTE =
  'Named systems, numbers and dates make a story credible: they show the interviewer it really happened.'

/** A number and the word it counts: "two days" and "two months" are two details, "two days" twice is one. */
const UNIT_AFTER = /^[\s-]{0,2}([A-Za-z\u00C0-\u024F]{1,20})/

/** What makes a detail the same detail again: its text, and for a number the word after it. */
function detailKey(text: string, start: number, end: number): string {
  const own = text.slice(start, end).toLowerCase()
  if (!/[0-9]/.test(own) && !NUMBER_WORD.test(own)) return own
  const unit = UNIT_AFTER.exec(text.slice(end, end + 24))
  return unit === null ? own : `${own} ${unit[1]!.toLowerCase()}`
}

const MONTH =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/

/** Numbers written as words, which the detail finder counts as numbers. */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)/i

/**
 * However long the answer, full credit never needs more than this many times the minimum (6 details at the
 * default): each new detail then stays worth at least a sixth of the points, so one sentence that names two or
 * three things (a system, a date, a team size) pays as the suggestion promises, even in a long answer. Without
 * it, a 900-word answer needed 27 details, and a sentence with three of them earned about one point.
 */
const NEED_CAP = 1.5

/**
 * A capitalised word that only opens a sentence run into the one before it: "**My goal.** Stop people losing
 * their work" read as one sentence. It names nothing.
 */
function opensSentence(text: string, start: number, end: number): boolean {
  // What stands before the word first: almost every detail follows a plain word, and is done with at once.
  let i = start - 1
  while (i >= 0 && (text[i] === ' ' || text[i] === '*' || text[i] === '_' || text[i] === '\t')) i--
  if (i < 0 || i === start - 1 || !'.:!?'.includes(text[i]!)) return false
  const word = text.slice(start, end)
  return /^\p{Lu}\p{Ll}*$/u.test(word) && !NUMBER_WORD.test(word) && !MONTH.test(word)
}

/**
 * A sentence read as outside the story that names nothing that happened. It still names what it names when it
 * sets the scene: "This was at Orla in 2022", and in the present, "The service is written in Go and runs on
 * Kubernetes", the way people set out their system, and when the answer's opening sentence remarks on it ("So,
 * yeah, this was in 2019, I was a Java developer at Harrow & Kent Bank"). A hypothetical ("I would use Kafka"), a
 * claim about oneself in the present ("I'm on an API team, so I know Stripe well"), a generic claim, or a remark
 * on the answer anywhere else ("Happy to go deeper on Kafka, Redis or Terraform") does not.
 */
function aside(s: AnalyzedSentence, told: boolean, opening: boolean): boolean {
  const f = s.features
  if (s.headingOnly) return false
  // In an answer that tells no deed and no outcome, a claim in the present sets no scene for a story.
  if (!told && f.present && !f.past) return true
  return s.star === 'other' && (f.generic || f.hypothetical || f.present || (f.meta && !opening))
}

/** Whether the answer tells anything that happened: an Action or a Result sentence. */
function tellsStory(analysis: Analysis): boolean {
  return analysis.sentences.some((s) => s.star === 'action' || s.star === 'result')
}

/**
 * The details that count, each once, where it is first named: saying "Kafka" five times is one named system, and
 * repeating a number is no new fact, so credit follows how much concrete detail there is, not how long the answer
 * runs.
 */
export function countedDetails(analysis: Analysis): Place[] {
  const seen = new Map<string, Place>()
  const told = tellsStory(analysis)
  const opening = analysis.sentences.find((s) => !s.headingOnly)
  for (const s of analysis.sentences) {
    if (aside(s, told, s === opening)) continue
    for (const d of s.features.details) {
      if (d.start !== s.tokens[0]?.start && opensSentence(analysis.text, d.start, d.end)) continue
      const key = detailKey(analysis.text, d.start, d.end)
      if (!seen.has(key)) seen.set(key, { start: d.start, end: d.end })
    }
  }
  return [...seen.values()]
}

export const specificity: CheckRunner<SpecificityOptions, SpecificityOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    // Every generic claim weighs against the details; one told outside the story is flagged where it stands.
    let buzz = 0
    const messages = []
    const told = tellsStory(analysis)
    for (const s of analysis.sentences) {
      if (s.features.generic) buzz++
      if (aside(s, told, false) && s.features.generic) {
        messages.push(
          message({
            ruleId,
            severity: 'info',
            reason: 'Generic claim: show it with a concrete example instead',
            place: { start: s.start, end: s.end },
            section: 'other',
            note: NOTE,
          }),
        )
      }
    }
    const details = countedDetails(analysis).length
    const need = Math.min(
      Math.max(options.min, (options.per100 * analysis.words) / 100),
      NEED_CAP * options.min,
    )
    const fraction = clamp01((details - buzz) / need)
    if (fraction < 1) {
      messages.unshift(
        message({
          ruleId,
          severity: 'warning',
          reason: `${details} specific detail${details === 1 ? '' : 's'}; aim for ${Math.ceil(need)} or more`,
          note: NOTE,
        }),
      )
    }
    return {
      fraction,
      messages,
      fix:
        fraction < 1
          ? 'Name the specifics: the system, the tools, the people, the dates and the numbers'
          : undefined,
    }
  },
}
