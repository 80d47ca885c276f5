// Every check kind in full, { summary, options, compile, run }, for loading rubrics and the JSON Schema.
// This imports zod through each options.ts; the scorer imports runners.ts instead and never loads it.

import type { z } from 'zod'
import type { CheckKind, CheckRunner } from './check'
import * as hedging from './hedging/options'
import * as hypothetical from './hypothetical/options'
import * as keywords from './keywords/options'
import * as length from './length/options'
import * as ownership from './ownership/options'
import * as quantifiedResult from './quantified-result/options'
import * as reflection from './reflection/options'
import { type CheckName, RUNNERS } from './runners'
import * as specificity from './specificity/options'
import * as starSections from './star-sections/options'

export { CHECK_NAMES, type CheckName } from './runners'

/** Joins a kind's options module to its runner; the compiler checks that `compile` takes what the schema gives. */
function kind<S extends z.ZodType, C>(
  definition: { summary: string; options: S },
  runner: CheckRunner<z.output<S>, C>,
): CheckKind<S, C> {
  return {
    summary: definition.summary,
    options: definition.options,
    compile: runner.compile,
    run: runner.run,
  }
}

export const CHECKS = {
  'star-sections': kind(starSections, RUNNERS['star-sections']),
  ownership: kind(ownership, RUNNERS.ownership),
  'quantified-result': kind(quantifiedResult, RUNNERS['quantified-result']),
  keywords: kind(keywords, RUNNERS.keywords),
  hypothetical: kind(hypothetical, RUNNERS.hypothetical),
  length: kind(length, RUNNERS.length),
  specificity: kind(specificity, RUNNERS.specificity),
  reflection: kind(reflection, RUNNERS.reflection),
  hedging: kind(hedging, RUNNERS.hedging),
} as const satisfies Record<CheckName, CheckKind>
