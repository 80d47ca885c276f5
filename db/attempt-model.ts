// What the database stores of an attempt and answers about it, for SQLite (db/attempts.ts) and PostgreSQL
// (db/postgres/attempts.ts) alike: the attempt to store, its record and list facts, the reports a re-score replaced,
// and how many of those an attempt keeps.

import type { AreaScore } from './area-scores'

/**
 * The parts of a score report the database indexes. Structural on purpose: db/ does not import
 * the engine, and any report with these fields (the engine's ScoreReport has them) can be stored.
 */
export interface StorableReport {
  rubricId: string
  rubricHash: string
  engineVersion: string
  score: number
  band: { id: string; label: string }
  criteria: readonly { id: string; score: number; max: number; status: 'met' | 'partial' | 'missed' }[]
}

export interface NewAttempt {
  promptId: string
  answer: string
  durationMs?: number | null
  /** Every tag of the prompt: the areas this attempt counts for. */
  tags: readonly string[]
  report: StorableReport
  /** Its score under the rubric of each area (tag), stored with it; see db/area-scores.ts. */
  areaScores?: readonly AreaScore[]
  /** The report as JSON, when the caller has serialized it already (to answer with the same text). */
  reportJson?: string
  /** Milliseconds since the epoch. */
  createdAt: number
  /** In team mode, the account it belongs to (set in the same transaction); none in local mode. */
  ownerId?: string | null
}

/** What every view of an attempt shows. */
export interface AttemptFacts {
  id: number
  promptId: string
  rubricId: string
  score: number
  bandId: string
  bandLabel: string
  durationMs: number | null
  createdAt: number
  scoredAt: number
}

export interface AttemptRecord extends AttemptFacts {
  rubricHash: string
  engineVersion: string
  answer: string
  /** The stored report, parsed from JSON. */
  report: unknown
  tags: string[]
}

export interface ReplacedReport {
  id: number
  rubricId: string
  rubricHash: string
  engineVersion: string
  score: number
  bandId: string
  bandLabel: string
  scoredAt: number
  replacedAt: number
  report: unknown
}

/**
 * How many earlier reports an attempt keeps: a re-score that adds one beyond this drops the oldest, so an
 * attempt's history (and its GET) stays bounded however often it is re-scored.
 */
export const HISTORY_LIMIT = 20

/** One day in milliseconds: the trend rollup's buckets are UTC days. */
export const DAY_MS = 86_400_000

/** What a re-score did: the report the attempt had, and whether the new one differs from it. */
export interface ReportReplacement extends Omit<ReplacedReport, 'id'> {
  /**
   * The new report is byte-identical to the one the attempt had: that one stays current (with its scoredAt),
   * and nothing is added to the history. Only the attempt's tags are brought up to date.
   */
  unchanged: boolean
}
