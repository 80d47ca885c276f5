// Follow-up probes: the questions an interviewer asks next, from the `probe` of each criterion not yet met.

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

function reasonFor(c: CriterionResult): string {
  // Whole points, as everywhere a candidate reads them.
  return `${c.label} is ${c.status} (${Math.round(c.score)} of ${Math.round(c.max)} points)`
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
    out.push({ id: probeId(id), criterionId: id, question: q, reason: reasonFor(result) })
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
