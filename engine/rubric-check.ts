// The instructors' checker: run every example of every rubric and report expectations and coverage.

import { type RubricSource, rubricPlaces } from './parse'
import { fileStem } from './parse-place'
import { score } from './score'
import type { CriterionStatus, Rubric, RubricError, ScoreReport } from './types'

/** A problem the checker finds, placed in its file (path, line, column) like an error found reading it. */
export interface CheckProblem extends RubricError {
  ruleId: 'example-expectation' | 'coverage' | 'no-examples' | 'id-file-name' | 'probe-question'
}

export interface RubricCheckSummary {
  rubrics: number
  prompts: number
  examples: number
  problems: CheckProblem[]
}

/**
 * Runs every example and checks coverage: each criterion must be seen both met and not met. `sources` are
 * the rubric files the rubrics were compiled from, to place each problem in its file.
 */
export function checkRubrics(
  rubrics: readonly Rubric[],
  sources: readonly RubricSource[],
): RubricCheckSummary {
  const places = rubricPlaces(sources)
  const problems: CheckProblem[] = []
  const problem = (
    rubric: Rubric,
    path: (string | number)[],
    ruleId: CheckProblem['ruleId'],
    message: string,
    severity?: 'warning',
  ): void => {
    const p: CheckProblem = { file: rubric.file, ...places.at(rubric.file, path), ruleId, message }
    if (severity !== undefined) p.severity = severity
    problems.push(p)
  }
  let examples = 0
  let prompts = 0
  const byId = new Map(rubrics.map((r) => [r.id, r]))
  for (const rubric of rubrics) {
    prompts += rubric.prompts.length
    const fileName = fileStem(rubric.file)
    if (fileName !== rubric.id) {
      problem(
        rubric,
        ['id'],
        'id-file-name',
        `The id '${rubric.id}' differs from the file name '${fileName}'; name the file ${rubric.id}.yaml, so the rubric is easy to find and a copy of the file never takes its place`,
        'warning',
      )
    }
    // A probe is asked aloud: one question, ending with its question mark. Checked where the file writes it.
    const parent = byId.get(rubric.extends[0] ?? '')
    for (const c of rubric.criteria) {
      const index = places.criterionIndex(rubric.file, c.id)
      if (c.probe === undefined || index === undefined || isQuestion(c.probe)) continue
      if (parent?.criteria.find((p) => p.id === c.id)?.probe === c.probe) continue
      problem(
        rubric,
        ['criteria', index, 'probe'],
        'probe-question',
        `The probe of '${c.id}' is not a question; write what the interviewer asks, ending with '?' (e.g. "What did you do yourself?")`,
      )
    }
    if (rubric.examples.length === 0) {
      problem(rubric, ['examples'], 'no-examples', `Rubric '${rubric.id}' has no examples`)
      continue
    }
    const seen = new Map<string, Set<CriterionStatus>>()
    rubric.examples.forEach((example, i) => {
      examples++
      const report = score(example.answer, rubric)
      for (const c of report.criteria) {
        const s = seen.get(c.id) ?? new Set<CriterionStatus>()
        s.add(c.status)
        seen.set(c.id, s)
      }
      for (const message of expectationFailures(report, example.expect)) {
        problem(rubric, ['examples', i], 'example-expectation', `Example '${example.name}': ${message}`)
      }
    })
    for (const c of rubric.criteria) {
      const s = seen.get(c.id) ?? new Set()
      const met = s.has('met')
      const notMet = s.has('missed') || s.has('partial')
      if (!met || !notMet) {
        const lacking = !met && !notMet ? 'met or missed' : !met ? 'met' : 'missed or partial'
        // At the criterion where this file lists it; an inherited one it leaves alone, at its examples.
        const index = places.criterionIndex(rubric.file, c.id)
        problem(
          rubric,
          index === undefined ? ['examples'] : ['criteria', index],
          'coverage',
          `Criterion '${c.id}' is never ${lacking} in any example of '${rubric.id}'; add an example that shows it`,
        )
      }
    }
  }
  return { rubrics: rubrics.length, prompts, examples, problems }
}

/** One question: it ends with a question mark (closing quotes or brackets may follow it). */
function isQuestion(text: string): boolean {
  return /\?["'”’)\]]*$/.test(text.trim())
}

export function expectationFailures(
  report: ScoreReport,
  expect: Rubric['examples'][number]['expect'],
): string[] {
  const out: string[] = []
  if (expect.band !== undefined && report.band.id !== expect.band) {
    out.push(`expected band '${expect.band}', got '${report.band.id}' (score ${report.score})`)
  }
  if (expect.score?.min !== undefined && report.score < expect.score.min) {
    out.push(`expected a score of at least ${expect.score.min}, got ${report.score}`)
  }
  if (expect.score?.max !== undefined && report.score > expect.score.max) {
    out.push(`expected a score of at most ${expect.score.max}, got ${report.score}`)
  }
  const status = new Map(report.criteria.map((c) => [c.id, c]))
  for (const key of ['met', 'partial', 'missed'] as const) {
    for (const id of expect[key] ?? []) {
      const c = status.get(id)
      if (c !== undefined && c.status !== key) {
        out.push(`expected '${id}' ${key}, got ${c.status} (${c.score}/${c.max})`)
      }
    }
  }
  return out
}
