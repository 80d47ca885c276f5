// The closed list of check kinds, as the scorer needs them: compile and run, no options schemas, no zod.
// Adding a kind: a folder here with options.ts and run.ts, one line in this map and one in index.ts.

import { hedging } from './hedging/run'
import { hypothetical } from './hypothetical/run'
import { keywords } from './keywords/run'
import { length } from './length/run'
import { ownership } from './ownership/run'
import { quantifiedResult } from './quantified-result/run'
import { reflection } from './reflection/run'
import { specificity } from './specificity/run'
import { starSections } from './star-sections/run'

export const RUNNERS = {
  'star-sections': starSections,
  ownership,
  'quantified-result': quantifiedResult,
  keywords,
  hypothetical,
  length,
  specificity,
  reflection,
  hedging,
} as const

export type CheckName = keyof typeof RUNNERS
export const CHECK_NAMES = Object.keys(RUNNERS) as CheckName[]
