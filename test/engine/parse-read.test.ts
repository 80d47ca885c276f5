// Rubric loading, one file: unreadable YAML, keys and values, and files no parser step may throw out of. Every error names file, line, column, key path and rule.
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError, MAX_ERRORS_PER_FILE } from '../../engine/parse'
import { lines, PARENT, parseErrors, rubric } from './parse-helpers'

describe('YAML that cannot be read', () => {
  it('reports a syntax error where the parser stopped', () => {
    const text = lines('id: demo', 'title: [unclosed', 'kind: general')
    expect(parseErrors(text, 'rubrics/broken.yaml')).toEqual([
      {
        file: 'rubrics/broken.yaml',
        line: 3,
        column: 1,
        path: '',
        ruleId: 'yaml-syntax',
        message:
          'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ])
  })

  it('reports a repeated key at the repetition', () => {
    const text = lines('id: demo', 'title: Demo', 'title: Again')
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 3,
        column: 1,
        path: '',
        ruleId: 'yaml-syntax',
        message: "'title' appears twice in this mapping (first on line 2); keep one of them",
      },
    ])
  })

  it.each([
    ['a list', lines('- id: demo', '- title: Demo')],
    ['a string', lines('just a sentence')],
  ])('rejects a file that is %s, not a mapping', (_what, text) => {
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 1,
        column: 1,
        path: '',
        ruleId: 'not-a-rubric',
        message: 'A rubric file must be a YAML mapping with id, title, kind, summary and criteria',
      },
    ])
  })
})

describe('keys and values', () => {
  it("names a missing top-level key: Missing the required 'title' key", () => {
    expect(parseErrors(rubric('demo', { title: null }))).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 1,
        column: 1,
        path: '',
        ruleId: 'missing-key',
        message: "Missing the required 'title' key",
      },
    ])
  })

  it('suggests the key a misspelt one was meant to be, at the misspelt key', () => {
    const text = rubric('demo', {
      criteria: ['  - id: structure', '    check: star-sections', '    wieght: 10'],
    })
    expect(parseErrors(text)).toEqual([
      // One mistake, one message: the missing 'weight' is the misspelt key, so it is not reported again.
      {
        file: 'rubrics/demo.yaml',
        line: 8,
        column: 5,
        path: 'criteria.0',
        ruleId: 'unknown-key',
        message:
          "Criterion 1 (structure): unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling",
      },
    ])
  })

  it('suggests a top-level key too', () => {
    const text = rubric('demo').replace('summary:', 'sumary:')
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:4:1  unknown-key  Unknown key 'sumary' (did you mean 'summary'?); remove it or fix its spelling",
    ])
  })

  it("suggests a check's own option keys, which come from its options schema", () => {
    const text = rubric('demo', {
      criteria: ['  - id: structure', '    check: star-sections', '    weight: 10', '    minActionShre: 0.4'],
    })
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:9:5  unknown-key  Criterion 1 (structure): unknown key 'minActionShre' (did you mean 'minActionShare'?); remove it or fix its spelling",
    ])
  })

  it('rejects an id that is not kebab-case, at its value', () => {
    const text = rubric('demo', {
      criteria: ['  - id: Star_Structure', '    check: star-sections', '    weight: 10'],
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 6,
        column: 9,
        path: 'criteria.0.id',
        ruleId: 'invalid-value',
        message:
          "Criterion 1 (Star_Structure), 'id' ('Star_Structure'): use lower-case letters, digits and single hyphens (kebab-case), e.g. \"deliver-results\"",
      },
    ])
  })

  it('rejects an unknown check kind and lists the known ones', () => {
    const text = rubric('demo', {
      criteria: ['  - id: structure', '    check: star-section', '    weight: 10'],
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 7,
        column: 12,
        path: 'criteria.0.check',
        ruleId: 'invalid-value',
        message:
          "Criterion 1 (structure): 'check' must be one of: star-sections, ownership, quantified-result, keywords, hypothetical, length, specificity, reflection, hedging, not 'star-section' (did you mean 'star-sections'?)",
      },
    ])
  })

  it('rejects an option value out of range, at the value', () => {
    const text = rubric('demo', {
      criteria: ['  - id: mine', '    check: ownership', '    weight: 10', '    minShare: 2'],
    })
    // Line 9 is `    minShare: 2`; the value starts in column 15.
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 9,
        column: 15,
        path: 'criteria.0.minShare',
        ruleId: 'invalid-value',
        message: "Criterion 1 (mine): 'minShare' must be at most 1, not 2",
      },
    ])
  })

  it('rejects a rubric kind outside the list', () => {
    const text = rubric('demo').replace('kind: general', 'kind: generl')
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:3:7  invalid-value  'kind' must be one of: general, leadership-principle, competency, theme, value, not 'generl' (did you mean 'general'?)",
    ])
  })

  it('needs `any` or `concepts` in every keyword group', () => {
    const text = rubric('demo', {
      criteria: [
        '  - id: grit', // 6
        '    check: keywords', // 7
        '    weight: 10', // 8
        '    groups:', // 9
        '      - label: persistence', // 10
      ],
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 10,
        column: 9,
        path: 'criteria.0.groups.0',
        ruleId: 'invalid-value',
        message:
          'Criterion 1 (grit), group 1 (persistence): a group needs phrases (any) or concepts, or both',
      },
    ])
  })

  it('checks rules across options: keywords min cannot exceed the groups', () => {
    const text = rubric('demo', {
      criteria: [
        '  - id: grit', // 6
        '    check: keywords', // 7
        '    weight: 10', // 8
        '    min: 2', // 9
        '    groups:', // 10
        '      - { label: persistence, any: [kept going] }', // 11
      ],
    })
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:9:10  invalid-value  Criterion 1 (grit), 'min' (2): min cannot be more than the number of groups",
    ])
  })
})

describe('a file no parser step may throw out of', () => {
  it('an alias bomb is an error of that file; the other files compile', () => {
    const bomb = lines(
      'id: bomb',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    )
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/bomb.yaml', text: bomb },
      { file: 'rubrics/base.yaml', text: PARENT },
    ])
    expect(rubrics.map((r) => r.id)).toEqual(['base'])
    expect(errors.map((e) => [e.file, e.ruleId, e.line, e.column])).toEqual([
      ['rubrics/bomb.yaml', 'yaml-aliases', 1, 1],
    ])
  })

  it('thousands of unknown keys are listed up to a limit, with a count of the rest', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`)
    const errors = parseErrors(lines('id: demo', ...keys))
    expect(errors).toHaveLength(MAX_ERRORS_PER_FILE + 1)
    expect(errors.filter((e) => e.ruleId === 'too-many-errors')).toHaveLength(1)
  })

  it('a repeated key among 20,000 is found, at the repetition', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`)
    const errors = parseErrors(lines('id: demo', 'meta:', ...keys, '  k7: again'))
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 20_003, column: 3 })])
  })
})
