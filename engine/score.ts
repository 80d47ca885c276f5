// score(answer, rubric): the pure, deterministic scorer. Same answer and rubric, same report, byte for byte.

import type { Analysis } from './analysis-types'
import { analyze, round2 } from './analyze'
import type { CheckResult, CheckRunner } from './checks/check'
import { message } from './checks/check'
import { speakingSeconds } from './checks/length/run'
import { RUNNERS } from './checks/runners'
import { probesFor } from './probes'
import { restatedSections, type Shortfall, suggest } from './suggest'
import type {
  Criterion,
  CriterionResult,
  CriterionStatus,
  Message,
  Rubric,
  ScoreReport,
  Section,
} from './types'
import { ENGINE_VERSION } from './version'

/** A criterion is met from this share of its points, and missed below `PARTIAL_FROM`. */
export const MET_FROM = 0.8
export const PARTIAL_FROM = 0.35

export function statusOf(fraction: number): CriterionStatus {
  return fraction >= MET_FROM ? 'met' : fraction >= PARTIAL_FROM ? 'partial' : 'missed'
}

export function runCheck(c: Criterion, analysis: Analysis): CheckResult {
  const kind = Object.hasOwn(RUNNERS, c.check)
    ? (RUNNERS as Record<string, CheckRunner<unknown, unknown>>)[c.check]
    : undefined
  // A compiled rubric names only known kinds and carries each criterion compiled; these guard hand-made objects.
  if (kind === undefined) {
    return {
      fraction: 0,
      messages: [message({ ruleId: c.id, severity: 'error', reason: `Unknown check kind "${c.check}"` })],
    }
  }
  if (c.compiled === undefined) {
    return {
      fraction: 0,
      messages: [
        message({
          ruleId: c.id,
          severity: 'error',
          reason: `Criterion "${c.id}" is not compiled: load rubrics with compileRubrics`,
        }),
      ],
    }
  }
  return kind.run(analysis, c.compiled, c.id)
}

export function score(answer: string, rubric: Rubric): ScoreReport {
  const text = typeof answer === 'string' ? answer : ''
  return scoreAnalysis(analyze(text), rubric)
}

/** The criteria that count (weight above 0) and their total weight. */
export function scoredCriteria(rubric: Rubric): { criteria: Criterion[]; totalWeight: number } {
  const criteria = rubric.criteria.filter((c) => c.weight > 0)
  return { criteria, totalWeight: criteria.reduce((sum, c) => sum + c.weight, 0) }
}

/** A check's fraction as it counts: a finite number from 0 to 1. */
export function clampFraction(raw: number): number {
  return Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0
}

/** The total before rounding: each criterion's share of 100 by weight times its fraction, summed in order. */
export function rawScore(
  criteria: readonly Criterion[],
  fractionOf: (c: Criterion, i: number) => number,
  totalWeight: number,
): number {
  return criteria.reduce(
    (sum, c, i) => sum + (totalWeight === 0 ? 0 : (100 * c.weight * fractionOf(c, i)) / totalWeight),
    0,
  )
}

/**
 * The report for an answer already analysed with `analyze()`: what `score()` answers for the same text. One
 * analysis can be scored under several rubrics (an attempt under the rubric of every area its prompt trains);
 * the checks only read it.
 */
export function scoreAnalysis(analysis: Analysis, rubric: Rubric): ScoreReport {
  return scoreOutcomes(analysis, rubric, (c) => runCheck(c, analysis))
}

/** What a criterion earns when there is no answer to read. */
const emptyOutcome = (): CheckResult => ({
  fraction: 0,
  messages: [],
  fix: 'Write your answer: one real story, Situation to Result',
})

/**
 * The report for `analysis` with each scored criterion's outcome given by `outcomeOf` (what `scoreAnalysis`
 * gives is `runCheck` on the same analysis): total, band, suggestions and probes all follow from those outcomes.
 * An empty answer earns nothing on any criterion, whatever `outcomeOf` says.
 */
export function scoreOutcomes(
  analysis: Analysis,
  rubric: Rubric,
  outcomeOf: (c: Criterion) => CheckResult,
): ScoreReport {
  const empty = analysis.words === 0
  const { criteria, totalWeight } = scoredCriteria(rubric)

  const results: CriterionResult[] = []
  const fractions: number[] = []
  const fixes: (string | undefined)[] = []
  const fixSections: (Section | undefined)[] = []
  const outcomes = criteria.map((c): CheckResult => (empty ? emptyOutcome() : outcomeOf(c)))
  // One note per cause: a section the section check says is missing is not said to be missing again.
  const missing = new Set(outcomes.flatMap((o) => o.missing ?? []))
  criteria.forEach((c, i) => {
    const max = totalWeight === 0 ? 0 : (100 * c.weight) / totalWeight
    const outcome = outcomes[i]!
    const fraction = clampFraction(outcome.fraction)
    fractions.push(fraction)
    // A rubric's own fix names all the criterion looks for; what the check found lacking says which part is left.
    fixes.push(c.fix === undefined ? outcome.fix : outcome.lacking ? `${c.fix} ${outcome.lacking}` : c.fix)
    fixSections.push(outcome.fixSection)
    results.push({
      id: c.id,
      label: c.label,
      check: c.check,
      weight: c.weight,
      score: round2(max * fraction),
      max: round2(max),
      status: statusOf(fraction),
      messages:
        outcome.absent !== undefined && missing.has(outcome.absent)
          ? outcome.messages.filter((m) => m.place !== undefined)
          : outcome.messages,
    })
  })

  const raw = rawScore(criteria, (_, i) => fractions[i]!, totalWeight)
  const total = clampScore(raw)

  const shortfalls: Shortfall[] = []
  criteria.forEach((c, i) => {
    if (fractions[i]! >= 1) return
    const s: Shortfall = {
      criterion: c,
      fraction: fractions[i]!,
      max: (100 * c.weight) / totalWeight,
      fix: fixes[i] ?? `Improve ${c.label.toLowerCase()}`,
    }
    const section = fixSections[i]
    if (section !== undefined) s.fixSection = section
    const absent = outcomes[i]!.absent
    if (absent !== undefined) s.absent = absent
    shortfalls.push(s)
  })
  const suggestions = suggest(shortfalls, raw, total, clampScore)
  // One note per fault: a whole-answer note on a section that only repeats the section check's (the Action is
  // thin; the Action is too short to show what you did) is left out, as its fix is merged into that check's.
  for (const [id, section] of restatedSections(shortfalls)) {
    const r = results.find((x) => x.id === id)!
    r.messages = r.messages.filter(
      (m) => m.place !== undefined || m.section !== section || m.severity === 'info',
    )
  }

  const messages: Message[] = []
  if (empty)
    messages.push(
      message({
        ruleId: 'empty-answer',
        severity: 'error',
        reason: 'The answer is empty: write one real story, Situation to Result',
      }),
    )

  const band = bandFor(rubric, total)
  const wordsPerMinute = speakingRate(rubric)
  return {
    engineVersion: ENGINE_VERSION,
    rubricId: rubric.id,
    rubricHash: rubric.hash,
    score: total,
    band,
    criteria: results,
    sentences: analysis.sentences.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      star: s.star,
      cues: s.cues,
    })),
    sections: analysis.sections,
    stats: {
      words: analysis.words,
      sentences: analysis.sentences.filter((s) => !s.headingOnly).length,
      speakingSeconds: speakingSeconds(analysis.words, wordsPerMinute),
      wordsPerMinute,
      iCount: analysis.iCount,
      weCount: analysis.weCount,
    },
    suggestions,
    probes: empty ? [] : probesFor(criteria, results, suggestions),
    messages,
  }
}

/** The speaking rate of the rubric's length criterion, which its time notes use; 150 words a minute without one. */
function speakingRate(rubric: Rubric): number {
  const length = rubric.criteria.find((c) => c.check === 'length')
  const rate = (length?.compiled as { wordsPerMinute?: number } | undefined)?.wordsPerMinute
  return rate ?? 150
}

export function clampScore(raw: number): number {
  // Round half up on a value first cut to 6 decimals, so float noise never flips an integer.
  const r = Math.round(Math.round(raw * 1e6) / 1e6)
  return r < 0 ? 0 : Math.min(r, 100)
}

export function bandFor(rubric: Rubric, total: number): { id: string; label: string } {
  let best: { id: string; label: string; min: number } | undefined
  for (const b of rubric.bands) {
    if (b.min <= total && (best === undefined || b.min > best.min)) best = b
  }
  return best === undefined ? { id: 'none', label: 'No band' } : { id: best.id, label: best.label }
}
