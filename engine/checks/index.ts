// The closed list of check kinds. Adding a kind: one file in this folder and one line in each map here.
// Two maps, so that a bundle which only scores (the browser's) can leave every options schema out.

import { hedging, hedgingOptions } from './hedging'
import { hypothetical, hypotheticalOptions } from './hypothetical'
import { keywords, keywordsOptions } from './keywords'
import { length, lengthOptions } from './length'
import { ownership, ownershipOptions } from './ownership'
import { quantifiedResult, quantifiedResultOptions } from './quantified-result'
import { reflection, reflectionOptions } from './reflection'
import { specificity, specificityOptions } from './specificity'
import { starSections, starSectionsOptions } from './star-sections'

/** The run function of each check kind. */
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

/** The options schema and summary of each check kind, for validation and the generated JSON Schema. */
export const CHECK_OPTIONS = {
  'star-sections': starSectionsOptions,
  ownership: ownershipOptions,
  'quantified-result': quantifiedResultOptions,
  keywords: keywordsOptions,
  hypothetical: hypotheticalOptions,
  length: lengthOptions,
  specificity: specificityOptions,
  reflection: reflectionOptions,
  hedging: hedgingOptions,
} as const satisfies Record<keyof typeof CHECKS, unknown>

export type CheckName = keyof typeof CHECKS
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[]
