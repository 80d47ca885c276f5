// The closed list of check kinds. Adding a kind: one file in this folder and one line here.

import { hedging } from './hedging'
import { hypothetical } from './hypothetical'
import { keywords } from './keywords'
import { length } from './length'
import { ownership } from './ownership'
import { quantifiedResult } from './quantified-result'
import { reflection } from './reflection'
import { specificity } from './specificity'
import { starSections } from './star-sections'

export const CHECKS = {
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

export type CheckName = keyof typeof CHECKS
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[]
