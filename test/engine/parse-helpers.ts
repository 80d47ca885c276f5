// Shared by the rubric loading tests (parse*.test.ts): small rubric files written line by line.
import { expect } from 'vitest'
import { formatRubricError, parseRubric } from '../../engine/parse'
import type { Rubric, RubricError } from '../../engine/types'

/** One argument per line, so line N of the file is argument N. */
export function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`
}

/** A valid rubric; `criteria` and `extra` are lines appended to its sections. */
export function rubric(
  id: string,
  opts: { criteria?: string[]; extra?: string[]; title?: string | null } = {},
): string {
  return lines(
    `id: ${id}`, // 1
    ...(opts.title === null ? [] : [`title: ${opts.title ?? 'Demo'}`]), // 2
    'kind: general', // 3
    'summary: A demo rubric.', // 4
    'criteria:', // 5
    ...(opts.criteria ?? [
      '  - id: structure', // 6
      '    check: star-sections', // 7
      '    weight: 10', // 8
    ]),
    'bands:', // 9
    '  - { id: pass, label: Pass, min: 0 }', // 10
    ...(opts.extra ?? []), // 11…
  )
}

export type Where = Pick<RubricError, 'file' | 'line' | 'column' | 'path' | 'ruleId' | 'message'>

export function parseErrors(text: string, file = 'rubrics/demo.yaml'): Where[] {
  const { rubric: r, errors } = parseRubric(text, file)
  expect(r).toBeUndefined()
  return errors
}

export function compiled(text: string, file = 'rubrics/demo.yaml', parents: Rubric[] = []): Rubric {
  const { rubric: r, errors } = parseRubric(text, file, { parents })
  expect(errors.map(formatRubricError)).toEqual([])
  expect(r).toBeDefined()
  return r!
}

export const PARENT = lines(
  'id: base', // 1
  'title: Base', // 2
  'kind: general', // 3
  'summary: The parent rubric.', // 4
  'criteria:', // 5
  '  - id: structure', // 6
  '    label: STAR structure', // 7
  '    check: star-sections', // 8
  '    weight: 20', // 9
  '    minActionShare: 0.4', // 10
  '  - id: result', // 11
  '    label: Measurable result', // 12
  '    check: quantified-result', // 13
  '    weight: 10', // 14
  '    fix: Add a number.', // 15
  'bands:', // 16
  '  - { id: pass, label: Pass, min: 50 }', // 17
  '  - { id: fail, label: Fail, min: 0 }', // 18
)

export function child(...criteria: string[]): string {
  return lines(
    'id: child', // 1
    'title: Child', // 2
    'kind: theme', // 3
    'extends: base', // 4
    'summary: The child rubric.', // 5
    'criteria:', // 6
    ...criteria, // 7…
  )
}
