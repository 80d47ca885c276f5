// Two rubric files claiming one id in the folder in service: the file named after the id keeps it, on a fresh
// start and while running, even when that file has errors for a while.
import { describe, expect, it } from 'vitest'
import type { RubricSource } from '../../engine/index'
import type { RubricFolder } from '../../server/rubric-files'
import { buildRubricSet } from '../../server/rubric-set'

const text = (title: string, extra = '') =>
  [
    'id: twin',
    `title: ${title}`,
    'kind: theme',
    'summary: One of two.',
    'criteria:',
    '  - { id: len, check: length, weight: 1 }',
    'bands: [{ id: all, label: All, min: 0 }]',
    extra,
  ].join('\n')

function folder(sources: RubricSource[]): RubricFolder {
  return { sources, errors: [], files: sources.map((s) => s.file), listed: true }
}

describe('a backup copy of a rubric file', () => {
  it('never serves in place of the file named after the id', () => {
    const first = buildRubricSet(
      folder([
        { file: 'twin copy.yaml', text: text('Copy') },
        { file: 'twin.yaml', text: text('Original') },
      ]),
    )
    expect(first.list().map((r) => [r.title, r.file])).toEqual([['Original', 'twin.yaml']])
    expect(first.errors().map((e) => [e.file, e.ruleId])).toEqual([['twin copy.yaml', 'duplicate-id']])

    // The real file breaks: its last good version stays in service, the copy does not take over.
    const broken = buildRubricSet(
      folder([
        { file: 'twin copy.yaml', text: text('Copy') },
        { file: 'twin.yaml', text: text('Original', 'weight: 3') },
      ]),
      first,
    )
    expect(broken.list().map((r) => [r.title, r.file])).toEqual([['Original', 'twin.yaml']])
    expect(broken.stale().map((s) => s.file)).toEqual(['twin.yaml'])
    expect(broken.errors().find((e) => e.file === 'twin copy.yaml')?.message).toBe(
      "Rubric id 'twin' belongs to twin.yaml, the file named after it, which has errors now; this file is left out",
    )
  })
})
