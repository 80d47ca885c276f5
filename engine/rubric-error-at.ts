// Findings at key paths of one rubric file, placed at their line and column: what compiling one rubric reports with.

import type { z } from 'zod'
import type { RubricError } from './types'

/** Turns findings at key paths of the rubric's file into errors with their line and column. */
export interface ErrorAt {
  /** With `key`, the error is placed at that key of the mapping at `path` (rather than at its value). */
  error(path: readonly (string | number)[], ruleId: string, message: string, key?: string): RubricError
  /** A finding worth fixing that leaves the rubric in service. */
  warning(path: readonly (string | number)[], ruleId: string, message: string): RubricError
  /**
   * The errors of a failed parse with `schema` of the value at `prefix`; `inherited` notes a value the file
   * does not set itself.
   */
  issues(
    issues: readonly z.core.$ZodIssue[],
    prefix: readonly (string | number)[],
    schema: z.ZodType,
    inherited?: (key: string) => string | undefined,
  ): RubricError[]
  /** A place in words, items counted from 1: "criterion 3 (clarifying-moves)". */
  place(path: readonly (string | number)[]): string
  /** True when the file writes the value at `path` in quotes: said deliberately, as written. */
  quoted(path: readonly (string | number)[]): boolean
}
