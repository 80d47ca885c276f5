// Database rows and engine objects as the API answers them: one mapper per contract shape, checked with `satisfies`.

import type {
  Attempt,
  AttemptFacts,
  AttemptPage,
  AttemptSummary,
  HistoryEntry,
  ReplacedReport,
  RescoreResult,
} from '../contract/attempts'
import type { FollowUp } from '../contract/follow-ups'
import type { Coverage, CoverageArea, CriterionTrend, NextPrompt, Trends } from '../contract/progress'
import type { CompiledRubric, RubricErrors, RubricSummary, ServedPrompt } from '../contract/rubrics'
import type {
  AttemptRecord,
  AttemptSummary as AttemptSummaryRow,
  FollowUpRecord,
  ReplacedReport as ReplacedReportRow,
  ReportReplacement,
  Trends as TrendRows,
} from '../db/index'
import { type Rubric, type RubricError, reportDifference, type ScoreReport } from '../engine/index'
import { encodeCursor, type ListOrder } from './cursor'
import type { AreaCoverage, NextPromptChoice } from './practice'
import type { RegisteredPrompt, StaleRubric } from './rubric-registry'

export const iso = (ms: number) => new Date(ms).toISOString()

/** The db keeps reports as the JSON the engine made; they are read back as the engine's type. */
const storedReport = (report: unknown) => report as ScoreReport

/** What every stored attempt row has: the fields its summary row and its full record share. */
type AttemptFactsRow = Pick<AttemptRecord, keyof AttemptRecord & keyof AttemptSummaryRow>

/** The fields every view of an attempt shares: the list row, the full attempt and the export. */
export function attemptFactsView(a: AttemptFactsRow, promptText: string | null) {
  return {
    id: a.id,
    promptId: a.promptId,
    promptText,
    rubricId: a.rubricId,
    score: a.score,
    band: { id: a.bandId, label: a.bandLabel },
    durationMs: a.durationMs,
    createdAt: iso(a.createdAt),
    scoredAt: iso(a.scoredAt),
  } satisfies AttemptFacts
}

export function attemptSummaryView(a: AttemptSummaryRow, promptText: string | null) {
  return {
    ...attemptFactsView(a, promptText),
    excerpt: a.excerpt,
    answerLength: a.answerLength,
  } satisfies AttemptSummary
}

/** A page of list rows; `promptText` finds each row's prompt text (null when no rubric has it now). */
export function attemptPageView(
  page: { attempts: readonly AttemptSummaryRow[]; more: boolean },
  list: ListOrder,
  promptText: (promptId: string) => string | null,
) {
  const last = page.attempts[page.attempts.length - 1]
  return {
    attempts: page.attempts.map((a) => attemptSummaryView(a, promptText(a.promptId))),
    nextCursor: page.more && last !== undefined ? encodeCursor(last, list) : null,
  } satisfies AttemptPage
}

export function replacedReportView(r: Omit<ReplacedReportRow, 'id'>) {
  return {
    rubricId: r.rubricId,
    rubricHash: r.rubricHash,
    engineVersion: r.engineVersion,
    score: r.score,
    band: { id: r.bandId, label: r.bandLabel },
    scoredAt: iso(r.scoredAt),
    replacedAt: iso(r.replacedAt),
  } satisfies ReplacedReport
}

function historyEntryView(r: ReplacedReportRow) {
  return { ...replacedReportView(r), report: storedReport(r.report) } satisfies HistoryEntry
}

export function attemptView(
  a: AttemptRecord,
  promptText: string | null,
  history: readonly ReplacedReportRow[],
  followUps: readonly FollowUpRecord[] = [],
  loopId: number | null = null,
) {
  return {
    ...attemptFactsView(a, promptText),
    rubricHash: a.rubricHash,
    engineVersion: a.engineVersion,
    answer: a.answer,
    tags: a.tags,
    report: storedReport(a.report),
    history: history.map(historyEntryView),
    followUps: followUps.map(followUpView),
    loopId,
  } satisfies Attempt
}

export function followUpView(f: FollowUpRecord) {
  return {
    probeId: f.probeId,
    criterionId: f.criterionId,
    question: f.question,
    answer: f.answer,
    createdAt: iso(f.createdAt),
  } satisfies FollowUp
}

/**
 * POST /api/attempts answers `{id, report}` (the contract's CreatedAttempt). The report's JSON text was made
 * once for storage, so it is spliced in rather than serialized a second time.
 */
export function createdAttemptJson(id: number, reportJson: string): string {
  return `{"id":${id},"report":${reportJson}}`
}

export function rescoreView(id: number, report: ScoreReport, replaced: ReportReplacement) {
  const before = storedReport(replaced.report)
  return {
    id,
    report,
    previous: replacedReportView(replaced),
    unchanged: replaced.unchanged,
    difference: reportDifference(before, report),
  } satisfies RescoreResult
}

// ---------- rubrics and prompts

// Rubric file names are relative to the rubrics folder already (the rubric set names them so).

export function rubricView(r: Rubric) {
  return r satisfies CompiledRubric
}

export function rubricSummaryView(r: Rubric, stale: boolean) {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    summary: r.summary,
    extends: r.extends,
    file: r.file,
    hash: r.hash,
    prompts: r.prompts.length,
    criteria: r.criteria.length,
    stale,
    ...(r.draft === true ? { draft: true as const } : {}),
  } satisfies RubricSummary
}

export function rubricErrorsView(
  errors: readonly RubricError[],
  stale: readonly StaleRubric[],
  loadedAt: number,
) {
  return {
    errors: [...errors],
    stale: [...stale],
    loadedAt: iso(loadedAt),
  } satisfies RubricErrors
}

export function servedPromptView({ prompt, rubric }: RegisteredPrompt) {
  return {
    id: prompt.id,
    text: prompt.text,
    tips: prompt.tips,
    tags: prompt.tags,
    rubricId: rubric.id,
    rubricTitle: rubric.title,
  } satisfies ServedPrompt
}

// ---------- progress

export function nextPromptView(choice: NextPromptChoice) {
  return {
    prompt: servedPromptView(choice.entry),
    area:
      choice.area === null ? null : { id: choice.area.id, title: choice.area.title, kind: choice.area.kind },
    reason: choice.reason,
    attempts: choice.attempts,
    recentAverage: choice.recentAverage,
  } satisfies NextPrompt
}

/** One area of the coverage grid: its best score under its own rubric, and the attempt that scored it. */
function coverageAreaView({ area, practice: p }: AreaCoverage) {
  return {
    id: area.id,
    title: area.title,
    kind: area.kind,
    attempts: p?.attempts ?? 0,
    best: p?.best ?? null,
    bestAttemptId: p?.bestAttemptId ?? null,
    bestBandId: p?.bestBandId ?? null,
    bestBand: p?.bestBandLabel ?? null,
    bestAttempt:
      p === undefined
        ? null
        : {
            id: p.bestAttemptId,
            promptId: p.bestAttempt.promptId,
            rubricId: p.bestAttempt.rubricId,
            score: p.bestAttempt.score,
            createdAt: iso(p.bestAttempt.createdAt),
          },
    status: p === undefined ? 'none yet' : p.bestBandLabel,
  } satisfies CoverageArea
}

export function coverageView(coverage: readonly AreaCoverage[]) {
  const areas = coverage.map(coverageAreaView)
  return {
    areas,
    practised: areas.filter((a) => a.best !== null).length,
    total: areas.length,
  } satisfies Coverage
}

/**
 * Trend rows as the API answers them. Criteria are labelled as `preferred` (the rubric filtered by) names them,
 * else as the first rubric that has them; each comes with a prompt that trains it, from `promptFor`.
 */
export function trendsView(
  rows: TrendRows,
  window: { from?: number | undefined; to?: number | undefined },
  interval: Trends['interval'],
  labelling: {
    rubrics: readonly Rubric[]
    preferred: Rubric | undefined
    promptFor: ReadonlyMap<string, string>
  },
) {
  const { rubrics, preferred, promptFor } = labelling
  const labels = new Map<string, string>()
  for (const r of preferred === undefined ? rubrics : [preferred, ...rubrics]) {
    for (const c of r.criteria) if (!labels.has(c.id)) labels.set(c.id, c.label)
  }
  const criteria: CriterionTrend[] = []
  for (const row of rows.criteria) {
    let entry = criteria[criteria.length - 1]
    if (entry?.criterionId !== row.criterionId) {
      entry = {
        criterionId: row.criterionId,
        label: labels.get(row.criterionId) ?? row.criterionId,
        promptId: promptFor.get(row.criterionId) ?? null,
        points: [],
      }
      criteria.push(entry)
    }
    entry.points.push({ period: row.period, attempts: row.attempts, average: row.average })
  }
  return {
    interval,
    timezone: 'UTC',
    from: window.from === undefined ? null : iso(window.from),
    to: window.to === undefined ? null : iso(window.to),
    overall: rows.overall,
    criteria,
  } satisfies Trends
}
