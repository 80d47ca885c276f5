// The contract every check kind implements: an options schema (built from zod passed in) and a pure run function.

import type { z as Z } from 'zod'
import type { Analysis, AnalyzedSentence } from '../analyze'
import type { Message, Place, Star } from '../types'

export interface CheckResult {
  /** Share of the criterion's points earned, 0–1. */
  fraction: number
  messages: Message[]
  /** The most valuable concrete fix, when the criterion is not fully met. */
  fix?: string
}

export interface CheckInput<O> {
  analysis: Analysis
  options: O
  /** The criterion id, used as each message's ruleId. */
  ruleId: string
}

/** What a rubric author configures: a one-line summary and the options schema, built from zod passed in. */
export interface CheckOptions<O = unknown> {
  /** One line for the authoring guide and the OpenAPI docs. */
  summary: string
  /** Builds the options schema from the zod module, so the scorer itself never loads zod. */
  optionsSchema: (z: typeof Z) => Z.ZodType<O>
}

/** What the scorer runs. */
export interface CheckKind<O = unknown> {
  run: (input: CheckInput<O>) => CheckResult
}

export function message(
  ruleId: string,
  severity: Message['severity'],
  reason: string,
  place?: Place,
  section?: Star,
  note?: string,
): Message {
  const m: Message = { ruleId, source: 'starboard', severity, reason }
  if (place !== undefined) m.place = { start: place.start, end: place.end }
  if (section !== undefined) m.section = section
  if (note !== undefined) m.note = note
  return m
}

/** Sentences that carry words (not bare headings). */
export function storySentences(a: Analysis): AnalyzedSentence[] {
  return a.sentences.filter((s) => !s.headingOnly && s.features.words > 0)
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1)
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

export const SECTION_NAMES: Record<Star, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  other: 'other',
}
