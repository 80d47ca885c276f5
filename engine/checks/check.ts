// The contract every check kind implements, in the shape of a Vale rule: an options schema (zod, read only
// when rubrics load), `compile` (options → plain JSON data, once per rubric load) and a pure `run`.
// Schemas live in each kind's options.ts and are imported here only as types, so scoring never loads zod.

import type { z } from 'zod'
import type { Analysis, AnalyzedSentence } from '../analysis-types'
import type { Concept } from '../lexicon/concepts'
import type { Message, Place, Section, Star } from '../types'

export interface CheckResult {
  /** Share of the criterion's points earned, 0–1. */
  fraction: number
  messages: Message[]
  /** The most valuable concrete fix, when the criterion is not fully met. */
  fix?: string
  /**
   * What is still lacking, said after a rubric's own fix text when the criterion is partly met ("Still missing:
   * asking questions, or applying what you learned."): the rubric's fix names everything the criterion looks for,
   * this says which part the answer has not shown yet.
   */
  lacking?: string
  /** The STAR section the fix is about, when it is about one ("Add a Result": `result`). */
  fixSection?: Section
  /** The required STAR sections the answer lacks, each told in a note of its own (the section check's). */
  missing?: Section[]
  /**
   * The section whose absence this result's whole-answer notes are about ("There is no Result to measure"): when a
   * section check of the rubric already says that section is missing, they are left out, one note per cause.
   */
  absent?: Section
}

/** Shared data a check may compile against (given at load, so the scoring bundle never carries it). */
export interface CompileLibrary {
  /** Behavioural concepts that keyword groups name, by id (engine/lexicon/concepts.ts). */
  concepts: Readonly<Record<string, Omit<Concept, 'label'>>>
}

/** What the scorer needs of a check kind: `compile` when the rubric loads, `run` for each answer. */
export interface CheckRunner<O, C> {
  /** Options (validated, defaults filled) → what `run` reads. Plain JSON data: compiled rubrics travel as JSON. */
  compile(options: O, library: CompileLibrary): C
  /** Scores one answer; `ruleId` is the criterion id, used as each message's ruleId. */
  run(analysis: Analysis, compiled: C, ruleId: string): CheckResult
}

/** A check kind in full: what a rubric author configures, and how it is compiled and run. */
export interface CheckKind<S extends z.ZodType = z.ZodType, C = unknown> extends CheckRunner<z.output<S>, C> {
  /** One line for the authoring guide and the OpenAPI docs. */
  summary: string
  /** The kind's own options; the criterion's common keys (id, weight, …) are added by the rubric schema. */
  options: S
}

export interface MessageInit {
  /** The criterion id that raised it, or an engine rule such as `empty-answer`. */
  ruleId: string
  severity: Message['severity']
  reason: string
  place?: Place
  section?: Star
  /** One sentence on why this matters to an interviewer. */
  note?: string
  url?: string
}

export function message(init: MessageInit): Message {
  const m: Message = {
    ruleId: init.ruleId,
    source: 'starboard',
    severity: init.severity,
    reason: init.reason,
  }
  if (init.place !== undefined) m.place = { start: init.place.start, end: init.place.end }
  if (init.section !== undefined) m.section = init.section
  if (init.note !== undefined) m.note = init.note
  if (init.url !== undefined) m.url = init.url
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

/** A count and its word, the word in the plural unless the count is one ("1 hedge", "3 words"). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export const SECTION_NAMES: Record<Star, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  other: 'other',
}
