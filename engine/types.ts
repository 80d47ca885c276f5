// The engine's public data shapes: the compiled rubric it scores against and the report it returns.

import type { RubricKind } from './kinds'

export type { AreaKind, RubricKind } from './kinds'

/** A STAR section, or `other` for sentences that are not part of the story. */
export type Star = 'situation' | 'task' | 'action' | 'result' | 'other'
export type Section = Exclude<Star, 'other'>
export const SECTIONS: readonly Section[] = ['situation', 'task', 'action', 'result']

/** A span of the answer. Offsets count UTF-16 code units (JavaScript string indices), end exclusive. */
export interface Place {
  start: number
  end: number
}

/** A finding, in the shape of vfile-message plus Vale's level. */
export interface Message {
  /** kebab-case: the criterion id that raised it, or an engine rule such as `empty-answer`. */
  ruleId: string
  source: 'starboard'
  severity: 'error' | 'warning' | 'info'
  /** What is wrong or right, in words; never contains offsets. */
  reason: string
  place?: Place
  section?: Star
  note?: string
  url?: string
}

export type CriterionStatus = 'met' | 'partial' | 'missed'

export interface CriterionResult {
  id: string
  label: string
  check: string
  weight: number
  /** Points earned out of `max`; `max` is this criterion's share of the 100 points. Two decimals. */
  score: number
  max: number
  status: CriterionStatus
  messages: Message[]
}

export interface SentenceReport {
  text: string
  /** UTF-16 offsets into the answer; `answer.slice(start, end) === text`. */
  start: number
  end: number
  star: Star
  /** The cue features that decided the label, e.g. `heading:result`, `metric`, `first-person-past`. */
  cues: string[]
}

export interface ScoreReport {
  engineVersion: string
  rubricId: string
  rubricHash: string
  /** 0–100, integer. */
  score: number
  band: { id: string; label: string }
  criteria: CriterionResult[]
  sentences: SentenceReport[]
  sections: Record<Section, { words: number; share: number }>
  stats: {
    words: number
    sentences: number
    /** At the speaking rate of the rubric's length criterion (150 words a minute without one). */
    speakingSeconds: number
    /** That rate; reports stored before it was given have none, and were made at 150. */
    wordsPerMinute?: number
    iCount: number
    weCount: number
  }
  suggestions: { criterionId: string; gain: number; message: string }[]
  /** Follow-up questions for missed or partial criteria, at most 3, in the order of the suggestions. */
  probes: Probe[]
  messages: Message[]
}

/** A follow-up question an interviewer would ask next, from a criterion's `probe`. */
export interface Probe {
  /** Stable across reports: names the criterion's probe (`probe-<criterionId>`). */
  id: string
  criterionId: string
  question: string
  /** Why it is asked: the criterion and how far it was met. */
  reason: string
}

export interface Band {
  id: string
  label: string
  /** Lowest total score (inclusive) that lands in this band. */
  min: number
}

export interface Prompt {
  id: string
  text: string
  tips: string[]
  /** Rubric ids this prompt trains; always includes the rubric that defines it. */
  tags: string[]
}

/** A criterion as compiled: `options` were validated against the check's own schema, then compiled. */
export interface Criterion {
  id: string
  label: string
  check: string
  weight: number
  /** Shown as the suggestion when the criterion is not met. */
  fix?: string
  /** The follow-up question an interviewer asks when the criterion is missed or partial. */
  probe?: string
  description?: string
  /** As written (and inherited), defaults filled in: what a child rubric overrides. */
  options: Record<string, unknown>
  /**
   * What the check runs with: built from `options` by the kind's `compile` when the rubric is loaded.
   * Plain JSON data, like the rest of the rubric; derived from `options`, so it is left out of the hash.
   */
  compiled: unknown
}

export interface ExampleExpectation {
  band?: string
  score?: { min?: number; max?: number }
  met?: string[]
  partial?: string[]
  missed?: string[]
}

export interface Example {
  name: string
  promptId?: string
  answer: string
  expect: ExampleExpectation
}

/** A rubric after parsing, validation and `extends` resolution. Plain JSON data. */
export interface Rubric {
  id: string
  title: string
  kind: RubricKind
  summary: string
  /** The chain of rubrics this one extends, nearest first. */
  extends: string[]
  prompts: Prompt[]
  criteria: Criterion[]
  bands: Band[]
  examples: Example[]
  /** File it came from, relative as given to the parser. */
  file: string
  /** Hash of the compiled content (criteria, bands, prompts); changes when scoring can change. */
  hash: string
  /** Present (true) while the rubric is a draft: listed and usable for trying out, but not offered to candidates. */
  draft?: true
}

/** A problem found while reading a rubric file. Line and column are 1-based. */
export interface RubricError {
  file: string
  line: number
  column: number
  /** Key path inside the document, e.g. `criteria.2.weight`; empty for the whole file. */
  path: string
  ruleId: string
  message: string
  /** `warning`: worth fixing, but the rubric stays in service. Absent for an error. */
  severity?: 'warning'
}
