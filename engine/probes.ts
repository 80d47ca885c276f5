// Follow-up probes: the questions an interviewer asks next, from the `probe` of each criterion not yet met.

import type { CheckName } from './checks/runners'
import type { Criterion, CriterionResult, Probe, ScoreReport } from './types'

/** An interviewer asks two or three follow-ups, not a list. */
export const MAX_PROBES = 3

/** The id of a criterion's probe: stable across reports and re-scores, so a follow-up can name it. */
export function probeId(criterionId: string): string {
  return `probe-${criterionId}`
}

/** The criterion id a probe id names, or undefined when it is not a probe id. */
export function probeCriterionId(id: string): string | undefined {
  return id.startsWith('probe-') && id.length > 'probe-'.length ? id.slice('probe-'.length) : undefined
}

/**
 * Why each kind of criterion is asked about, when it is missed and when it is partly met: a sentence about the
 * answer, in the words a candidate uses, never the criterion's id or its status word. A rubric names its own
 * evidence (keywords), so that reason quotes the criterion's label. Every kind must have both.
 */
const REASONS: Readonly<Record<CheckName, Record<'missed' | 'partial', (label: string) => string>>> = {
  'star-sections': {
    missed: () => 'Your answer does not yet tell the story in order: Situation, Task, Action and Result',
    partial: () => 'Your story leaves out or rushes part of its Situation, Task, Action or Result',
  },
  ownership: {
    missed: () => 'Your answer does not yet say what you did yourself',
    partial: () => 'Your answer could say more plainly what you did yourself',
  },
  'quantified-result': {
    missed: () => 'Your answer does not yet give a number that shows what changed',
    partial: () => 'Your Result could show with more numbers what changed',
  },
  keywords: {
    missed: (label) => `Your answer does not show “${label}” yet`,
    partial: (label) => `Your answer shows only part of “${label}”`,
  },
  hypothetical: {
    missed: () => 'Your answer says what you would do, not what you did one real time',
    partial: () => 'Parts of your answer say what you would do or usually do, not what you did',
  },
  length: {
    missed: () => 'Your answer is far from the two to three minutes a spoken answer takes',
    partial: () => 'Your answer is not quite the two to three minutes a spoken answer takes',
  },
  specificity: {
    missed: () => 'Your answer names too few specifics, such as dates, systems, tools and numbers',
    partial: () => 'Your answer could name more specifics, such as dates, systems, tools and numbers',
  },
  reflection: {
    missed: () => 'Your answer does not yet say what you learned',
    partial: () => 'Your answer could say more about what you learned',
  },
  hedging: {
    missed: () => 'Your answer hedges a lot ("maybe", "I think"), which hides what you decided',
    partial: () => 'Some of your answer hedges ("maybe", "I think"), which hides what you decided',
  },
}

/**
 * Why a probe is asked, as one sentence: what the answer lacks, then its points on the criterion (whole points,
 * as everywhere a candidate reads them). For a criterion that is missed or partial.
 */
export function probeReason(
  c: Pick<CriterionResult, 'check' | 'label' | 'status' | 'score' | 'max'>,
): string {
  const templates = Object.hasOwn(REASONS, c.check) ? REASONS[c.check as CheckName] : REASONS.keywords
  const lacks = templates[c.status === 'missed' ? 'missed' : 'partial'](c.label)
  return `${lacks} (${Math.round(c.score)} of ${Math.round(c.max)} points).`
}

/**
 * Up to MAX_PROBES probes for the missed and partial criteria that carry one: first those the suggestions lead
 * with, in the suggestions' order, then any other missed or partial criterion, in the rubric's order.
 */
export function probesFor(
  criteria: readonly Criterion[],
  results: readonly CriterionResult[],
  suggestions: ScoreReport['suggestions'],
): Probe[] {
  const question = new Map<string, string>()
  for (const c of criteria) if (c.probe !== undefined) question.set(c.id, c.probe)
  const byId = new Map(results.map((r) => [r.id, r]))
  const order = [...suggestions.map((s) => s.criterionId), ...results.map((r) => r.id)]
  const out: Probe[] = []
  const seen = new Set<string>()
  for (const id of order) {
    if (out.length >= MAX_PROBES) break
    if (seen.has(id)) continue
    seen.add(id)
    const result = byId.get(id)
    const q = question.get(id)
    if (result === undefined || q === undefined || result.status === 'met') continue
    out.push({ id: probeId(id), criterionId: id, question: q, reason: probeReason(result) })
  }
  return out
}

/**
 * The story as an interviewer hears it: the answer, then each follow-up answer as its own paragraph. Scoring
 * the combined text is what makes a follow-up count, as it does in a real interview.
 */
export function combineAnswer(answer: string, followUps: readonly { answer: string }[]): string {
  const parts = [answer.trimEnd(), ...followUps.map((f) => f.answer.trim()).filter((a) => a !== '')]
  return followUps.length === 0 ? answer : parts.join('\n\n')
}
