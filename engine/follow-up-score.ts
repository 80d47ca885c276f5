// An answer scored with its follow-ups: a follow-up adds to the story, it never takes from it. In an interview the
// answer to a follow-up question is heard after the story, not instead of it; so each criterion keeps the best of
// what the answer earned alone and what it earned with each follow-up added, and evidence a follow-up adds counts.

import type { Analysis } from './analysis-types'
import { analyze } from './analyze'
import type { CheckResult } from './checks/check'
import { combineAnswer } from './probes'
import { clampFraction, runCheck, scoreAnalysis, scoreOutcomes } from './score'
import type { Criterion, Message, Rubric, ScoreReport } from './types'

/** The answer and its follow-ups, analysed once, ready to be scored under any number of rubrics. */
export interface FollowUpAnalysis {
  /**
   * The answer alone, then the answer with the first follow-up, then with the first two, and so on: each text
   * starts with the one before it, so an offset into one is the same offset into every later one. The last is the
   * whole story, the text the report describes.
   */
  readonly stages: readonly Analysis[]
}

/** Analyses the answer and every stage of its follow-ups (a follow-up with no words adds no stage). */
export function analyzeFollowUps(answer: string, followUps: readonly { answer: string }[]): FollowUpAnalysis {
  const stages = [analyze(answer)]
  let text = answer
  for (let i = 0; i < followUps.length; i++) {
    const next = combineAnswer(answer, followUps.slice(0, i + 1))
    if (next === text || followUps[i]!.answer.trim() === '') continue
    text = next
    stages.push(analyze(text))
  }
  return { stages }
}

/**
 * A criterion's outcome over the stages: the whole story's, unless an earlier stage earned strictly more, when
 * that stage's outcome (its evidence, messages and fix) is kept. Later stages win ties, so what a follow-up adds
 * is what the report shows whenever it earns as much. Length judges the answer as told, before any follow-up
 * question: a follow-up is a reply to a question, so it neither pads a short answer nor makes a long one too long.
 */
function bestOutcome(c: Criterion, stages: readonly Analysis[]): CheckResult {
  const whole = stages[stages.length - 1]!
  if (ANSWER_ONLY_KINDS.has(c.check)) return runCheck(c, stages[0]!)
  let best: CheckResult | undefined
  let from = whole
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i]!
    if (stage.words === 0) continue
    const outcome = runCheck(c, stage)
    if (best === undefined || clampFraction(outcome.fraction) > clampFraction(best.fraction)) {
      best = outcome
      from = stage
    }
  }
  if (best === undefined) return runCheck(c, whole)
  return from === whole ? best : { ...best, messages: best.messages.map((m) => inWholeStory(m, from, whole)) }
}

/** Check kinds that judge the answer's telling, not evidence in it: scored on the answer alone. */
const ANSWER_ONLY_KINDS = new Set(['length'])

/** The sentence of `analysis` that holds offset `at`. */
function sentenceAt(analysis: Analysis, at: number): Analysis['sentences'][number] | undefined {
  return analysis.sentences.find((s) => s.start <= at && at < s.end)
}

/**
 * A message kept from an earlier stage, as the whole story reads it: where its section was its sentence's label in
 * that stage, it becomes that sentence's label in the whole story (labels can change as the story grows), so the
 * message agrees with the sentences the report shows. Offsets are the same in every stage.
 */
function inWholeStory(m: Message, stage: Analysis, whole: Analysis): Message {
  if (m.place === undefined || m.section === undefined) return m
  const before = sentenceAt(stage, m.place.start)
  const after = sentenceAt(whole, m.place.start)
  if (before === undefined || after === undefined || before.star !== m.section || after.star === m.section)
    return m
  return { ...m, section: after.star }
}

/**
 * The report of an answer with its follow-ups under `rubric`: the whole story's report, except that no criterion
 * earns less than it did for the answer alone or for the answer with fewer follow-ups. The total, band,
 * suggestions, probes and next step are those of the criteria as kept, computed as `score()` computes them; the
 * sentences, sections and statistics are the whole story's. With no follow-up it is `score(answer, rubric)`.
 */
export function scoreFollowUpAnalysis(analysis: FollowUpAnalysis, rubric: Rubric): ScoreReport {
  const { stages } = analysis
  const whole = stages[stages.length - 1]!
  if (stages.length === 1) return scoreAnalysis(whole, rubric)
  return scoreOutcomes(whole, rubric, (c) => bestOutcome(c, stages))
}

/** `scoreFollowUpAnalysis` of the answer and its follow-ups. */
export function scoreWithFollowUps(
  answer: string,
  followUps: readonly { answer: string }[],
  rubric: Rubric,
): ScoreReport {
  return scoreFollowUpAnalysis(analyzeFollowUps(answer, followUps), rubric)
}
