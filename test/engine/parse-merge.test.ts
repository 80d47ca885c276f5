// List merging in overrides: `groups+` adds keyword groups to an inherited criterion, `any+` in one adds
// phrases to the inherited group of that label; each mistake with its exact message.
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError } from '../../engine/parse'
import { lines } from './parse-helpers'

const BASE = lines(
  'id: base',
  'title: Base',
  'kind: general',
  'summary: The parent.',
  'criteria:',
  '  - id: signals',
  '    check: keywords',
  '    weight: 10',
  '    min: 1',
  '    groups:',
  '      - label: took responsibility',
  '        any: [took ownership, volunteered]',
  '      - label: followed through',
  '        any: [followed up]',
  '  - id: len',
  '    check: length',
  '    weight: 5',
  'bands:',
  '  - { id: pass, label: Pass, min: 0 }',
)

/** A value extending `base`; its criteria start on line 7. */
function child(...criteria: string[]): string {
  return lines(
    'id: child',
    'title: Child',
    'kind: value',
    'extends: base',
    'summary: The child.',
    'criteria:',
    ...criteria,
  )
}

function compile(text: string) {
  const { rubrics, errors } = compileRubrics([
    { file: 'base.yaml', text: BASE },
    { file: 'child.yaml', text },
  ])
  return { rubric: rubrics.find((r) => r.id === 'child'), errors: errors.map(formatRubricError) }
}

describe('groups+ and any+', () => {
  it('adds phrases to an inherited group (by label, ignoring case) and adds new groups after the inherited ones', () => {
    const { rubric, errors } = compile(
      child(
        '  - id: signals',
        '    weight: 12',
        '    groups+:',
        '      - label: Took responsibility',
        '        any+: [stepped up, volunteered]',
        '      - label: spoke up',
        '        any: [raised a concern]',
      ),
    )
    expect(errors).toEqual([])
    const signals = rubric!.criteria.find((c) => c.id === 'signals')!
    expect(signals.weight).toBe(12)
    expect(signals.options.min).toBe(1)
    expect(signals.options.groups).toEqual([
      { label: 'took responsibility', any: ['took ownership', 'volunteered', 'stepped up'] },
      { label: 'followed through', any: ['followed up'] },
      { label: 'spoke up', any: ['raised a concern'] },
    ])
  })

  it('scores with the added phrases', () => {
    const { rubric } = compile(
      child('  - id: signals', '    groups+:', '    - { label: took responsibility, any+: [stepped up] }'),
    )
    const { rubric: plain } = compile(child('  - { id: len, weight: 6 }'))
    const compiledOf = (r: typeof rubric) =>
      JSON.stringify(r!.criteria.find((c) => c.id === 'signals')!.compiled)
    expect(compiledOf(rubric)).toContain('stepped')
    expect(compiledOf(plain)).not.toContain('stepped')
    expect(rubric!.hash).not.toBe(plain!.hash)
  })

  it('lints added phrases where the file writes them', () => {
    const { rubric, errors } = compile(
      child(
        '  - id: signals',
        '    groups+:',
        '      - label: took responsibility',
        '        any+: [stepped up, owned the whole thing end to end, "?!"]',
      ),
    )
    expect(rubric).toBeDefined()
    expect(errors).toEqual([
      "child.yaml:10:28  long-phrase  warning: Criterion 1 (signals), added group 1 (took responsibility): the phrase 'owned the whole thing end to end' has 7 words and matches only when said word for word; is a comma missing between two phrases? (Quote a phrase meant this long to keep it without a warning)",
      "child.yaml:10:62  punctuation-phrase  warning: Criterion 1 (signals), added group 1 (took responsibility): the phrase '?!' has no words, so it never matches; remove it",
    ])
  })

  const mistakes: [string, string[], string[]][] = [
    [
      'any+ naming no inherited group',
      ['  - id: signals', '    groups+:', '      - label: took responsibilty', '        any+: [stepped up]'],
      [
        "child.yaml:9:16  unknown-id  Criterion 1 (signals), added group 1 (took responsibilty): 'signals' inherits no group 'took responsibilty' to add phrases to (did you mean 'took responsibility'?); its groups are 'took responsibility', 'followed through'",
      ],
    ],
    [
      'a new group with an inherited label',
      ['  - id: signals', '    groups+:', '      - label: Followed through', '        any: [x]'],
      [
        "child.yaml:9:16  duplicate-id  Criterion 1 (signals), added group 1 (Followed through): 'signals' already has a group 'followed through'; add phrases to it with 'any+', or replace every group with 'groups'",
      ],
    ],
    [
      'groups+ on a check without groups',
      ['  - id: len', '    groups+:', '      - { label: a, any: [x] }'],
      [
        "child.yaml:8:5  invalid-value  Criterion 1 (len): 'groups+' adds keyword groups, and 'len' is inherited from 'base' as a 'length' check, which has no groups",
      ],
    ],
    [
      'groups and groups+ together',
      [
        '  - id: signals',
        '    groups: [{ label: a, any: [b] }]',
        '    groups+:',
        '      - { label: c, any: [x] }',
      ],
      [
        "child.yaml:9:5  invalid-value  Criterion 1 (signals): give 'groups' (replaces the inherited groups) or 'groups+' (adds to them), not both",
      ],
    ],
    [
      'groups+ on a new criterion',
      [
        '  - id: fresh',
        '    check: keywords',
        '    weight: 3',
        '    groups+:',
        '      - { label: a, any: [x] }',
      ],
      [
        "child.yaml:10:5  invalid-value  Criterion 1 (fresh): 'groups+' adds groups to an inherited criterion, and 'fresh' is new (not a criterion of 'base'); list its groups under 'groups'",
      ],
    ],
    [
      'an empty any+ and an unknown key next to it',
      [
        '  - id: signals',
        '    groups+:',
        '      - label: followed through',
        '        any+: []',
        '        anything: 1',
      ],
      [
        "child.yaml:10:15  invalid-value  Criterion 1 (signals), added group 1 (followed through): 'any+' needs at least 1 item",
        "child.yaml:11:9  unknown-key  Criterion 1 (signals), added group 1 (followed through): unknown key 'anything'; remove it or fix its spelling",
      ],
    ],
    [
      'groups+ that is no list',
      ['  - id: signals', '    groups+: []'],
      ["child.yaml:8:5  invalid-value  Criterion 1 (signals): 'groups+' must be a list of groups to add"],
    ],
  ]

  mistakes.push(
    [
      'any+ in a group under groups, one message',
      ['  - id: signals', '    groups:', '      - label: took responsibility', '        any+: [x]'],
      [
        "child.yaml:10:9  unknown-key  Criterion 1 (signals), group 1 (took responsibility): unknown key 'any+' ('any+' adds phrases to an inherited group; it goes in a group under 'groups+'); remove it or fix its spelling",
      ],
    ],
    [
      'a misspelt any in an added group, one message',
      ['  - id: signals', '    groups+:', '      - label: new', '        anyy: [x]'],
      [
        "child.yaml:10:9  unknown-key  Criterion 1 (signals), added group 1 (new): unknown key 'anyy' (did you mean 'any'?); remove it or fix its spelling",
      ],
    ],
  )

  it.each(mistakes)('%s', (_, criteria, expected) => {
    const { rubric, errors } = compile(child(...criteria))
    expect(rubric).toBeUndefined()
    expect(errors).toEqual(expected)
  })

  it('keeps the size limit with the inherited phrases counted', () => {
    const many = Array.from({ length: 199 }, (_, n) => `phrase${n}`).join(', ')
    const { errors } = compile(
      child(
        '  - id: signals',
        '    groups+:',
        '      - label: followed through',
        `        any+: [${many}, one more]`,
      ),
    )
    expect(errors).toEqual([
      'child.yaml:10:15  size-limit  Criterion 1 (signals), added group 1 (followed through): 201 phrases with the inherited ones; a group may have at most 200. Split it into groups by what each shows',
    ])
  })
})
