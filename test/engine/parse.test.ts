// Rubric loading: every error names file, line, column, key path and rule; extends, defaults and the content hash.
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError, MAX_ERRORS_PER_FILE, parseRubric } from '../../engine/parse'
import type { Rubric, RubricError } from '../../engine/types'

/** One argument per line, so line N of the file is argument N. */
function lines(...ls: string[]): string {
  return `${ls.join('\n')}\n`
}

/** A valid rubric; `criteria` and `extra` are lines appended to its sections. */
function rubric(
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

type Where = Pick<RubricError, 'file' | 'line' | 'column' | 'path' | 'ruleId' | 'message'>

function parseErrors(text: string, file = 'rubrics/demo.yaml'): Where[] {
  const { rubric: r, errors } = parseRubric(text, file)
  expect(r).toBeUndefined()
  return errors
}

function compiled(text: string, file = 'rubrics/demo.yaml', parents: Rubric[] = []): Rubric {
  const { rubric: r, errors } = parseRubric(text, file, { parents })
  expect(errors.map(formatRubricError)).toEqual([])
  expect(r).toBeDefined()
  return r!
}

const PARENT = lines(
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

function child(...criteria: string[]): string {
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
      "rubrics/demo.yaml:3:7  invalid-value  'kind' must be one of: general, leadership-principle, competency, theme, not 'generl' (did you mean 'general'?)",
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

describe('duplicate ids', () => {
  it('rejects a criterion id used twice in a file, at the second', () => {
    const text = rubric('demo', {
      criteria: [
        '  - id: structure', // 6
        '    check: star-sections', // 7
        '    weight: 10', // 8
        '  - id: structure', // 9
        '    check: length', // 10
        '    weight: 5', // 11
      ],
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 9,
        column: 5,
        path: 'criteria.1',
        ruleId: 'duplicate-id',
        message: "Duplicate criterion id 'structure' (criterion 2; first used by criterion 1)",
      },
    ])
  })

  it('rejects a prompt id used twice in a file', () => {
    const text = rubric('demo', {
      extra: [
        'prompts:', // 11
        '  - id: proud-project', // 12
        '    text: Tell me about a project you are proud of.', // 13
        '  - id: proud-project', // 14
        '    text: Tell me about another project you are proud of.', // 15
      ],
    })
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:14:5  duplicate-id  Duplicate prompt id 'proud-project' (prompt 2; first used by prompt 1)",
    ])
  })

  it('rejects a band id used twice in a file', () => {
    const text = rubric('demo', {
      extra: ['  - { id: pass, label: Fail, min: 30 }'], // 11, still under bands:
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 11,
        column: 5,
        path: 'bands.1',
        ruleId: 'duplicate-id',
        message: "Duplicate band id 'pass' (band 2; first used by band 1)",
      },
    ])
  })

  it('rejects a rubric id used by two files, in the later file, and keeps the first', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/b.yaml', text: rubric('demo') },
      { file: 'rubrics/a.yaml', text: rubric('demo') },
    ])
    expect(rubrics.map((r) => r.file)).toEqual(['rubrics/a.yaml'])
    expect(errors).toEqual([
      {
        file: 'rubrics/b.yaml',
        line: 1,
        column: 5,
        path: 'id',
        ruleId: 'duplicate-id',
        message: "Rubric id 'demo' is already used by rubrics/a.yaml",
      },
    ])
  })

  it('rejects a prompt id that another rubric already uses', () => {
    const prompt = [
      'prompts:',
      '  - id: proud-project',
      '    text: Tell me about a project you are proud of.',
    ]
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/alpha.yaml', text: rubric('alpha', { extra: prompt }) },
      { file: 'rubrics/beta.yaml', text: rubric('beta', { extra: prompt }) },
    ])
    expect(rubrics.map((r) => r.id)).toEqual(['alpha'])
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/beta.yaml:12:9  duplicate-id  Prompt id 'proud-project' is already used in rubric 'alpha'",
    ])
    expect(errors[0]!.path).toBe('prompts.0.id')
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

  it('thousands of unknown keys are listed up to a limit, with a count of the rest, in time linear in the keys', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`)
    const started = performance.now()
    const errors = parseErrors(lines('id: demo', ...keys))
    expect(performance.now() - started).toBeLessThan(5000)
    expect(errors).toHaveLength(MAX_ERRORS_PER_FILE + 1)
    expect(errors.filter((e) => e.ruleId === 'too-many-errors')).toHaveLength(1)
  })

  it('a repeated key among 20,000 is found, at the repetition', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`)
    const errors = parseErrors(lines('id: demo', 'meta:', ...keys, '  k7: again'))
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 20_003, column: 3 })])
  })
})

describe('prompt tags', () => {
  const tagged = (tags: string) =>
    rubric('demo', {
      extra: [
        'prompts:', // 11
        '  - id: proud-project', // 12
        '    text: Tell me about a project you are proud of.', // 13
        `    tags: ${tags}`, // 14
      ],
    })

  it('warns about a tag that names no rubric, and keeps the rubric in service', () => {
    const { rubric: r, errors } = parseRubric(tagged('[ownership]'), 'rubrics/demo.yaml')
    expect(errors).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 14,
        column: 12,
        path: 'prompts.0.tags.0',
        ruleId: 'unknown-tag',
        message: "Unknown tag 'ownership': tags are rubric ids, and no rubric has this id",
        severity: 'warning',
      },
    ])
    expect(r?.prompts[0]?.tags).toEqual(['demo', 'ownership'])
  })

  it('accepts a tag naming a known rubric, and always tags the defining rubric', () => {
    const base = compiled(PARENT, 'rubrics/base.yaml')
    const r = compiled(tagged('[base]'), 'rubrics/demo.yaml', [base])
    expect(r.prompts).toEqual([
      {
        id: 'proud-project',
        text: 'Tell me about a project you are proud of.',
        tips: [],
        tags: ['demo', 'base'],
      },
    ])
  })
})

describe('extends', () => {
  it('reports an extended rubric that does not exist', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/alpha.yaml', text: rubric('alpha', { extra: ['extends: star-core'] }) },
      { file: 'rubrics/beta.yaml', text: rubric('beta') },
    ])
    expect(rubrics.map((r) => r.id)).toEqual(['beta'])
    expect(errors).toEqual([
      {
        file: 'rubrics/alpha.yaml',
        line: 11,
        column: 10,
        path: 'extends',
        ruleId: 'extends-missing',
        message: "'alpha' extends 'star-core', which does not exist (rubrics: alpha, beta)",
      },
    ])
  })

  it('reports a cycle a → b → a, and compiles neither', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/a.yaml', text: rubric('alpha', { extra: ['extends: beta'] }) },
      { file: 'rubrics/b.yaml', text: rubric('beta', { extra: ['extends: alpha'] }) },
    ])
    expect(rubrics).toEqual([])
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/a.yaml:11:10  extends-invalid  'beta' has errors, so 'alpha' cannot extend it",
      "rubrics/b.yaml:11:10  extends-cycle  'extends' makes a cycle: alpha → beta → alpha",
    ])
  })

  it('reports a rubric that extends itself', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/a.yaml', text: rubric('alpha', { extra: ['extends: alpha'] }) },
    ])
    expect(rubrics).toEqual([])
    expect(errors).toEqual([
      {
        file: 'rubrics/a.yaml',
        line: 11,
        column: 10,
        path: 'extends',
        ruleId: 'extends-cycle',
        message: "'extends' makes a cycle: alpha → alpha",
      },
    ])
  })

  it('reports a child whose parent has a criterion error', () => {
    const brokenParent = PARENT.replace('    weight: 10', '    weight: lots')
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/base.yaml', text: brokenParent },
      { file: 'rubrics/child.yaml', text: child('  - id: structure', '    weight: 30') },
    ])
    expect(rubrics).toEqual([])
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/base.yaml:14:13  invalid-value  Criterion 2 (result): 'weight' must be a number, not 'lots'",
      "rubrics/child.yaml:4:10  extends-invalid  'base' has errors, so 'child' cannot extend it",
    ])
  })

  it('overrides a parent criterion by id: only the weight changes; weight 0 switches one off', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/base.yaml', text: PARENT },
      {
        file: 'rubrics/child.yaml',
        text: child(
          '  - id: structure',
          '    weight: 30',
          '  - id: result',
          '    weight: 0',
          '  - id: grit',
          '    check: keywords',
          '    weight: 5',
          '    groups:',
          '      - { label: persistence, any: [kept going] }',
        ),
      },
    ])
    expect(errors).toEqual([])
    const c = rubrics.find((r) => r.id === 'child')!
    expect(c.extends).toEqual(['base'])
    expect(c.bands.map((b) => b.id)).toEqual(['pass', 'fail'])
    expect(c.criteria).toEqual([
      {
        id: 'structure',
        label: 'STAR structure',
        check: 'star-sections',
        weight: 30,
        options: {
          required: ['situation', 'task', 'action', 'result'],
          minActionShare: 0.4,
          maxSituationShare: 0.35,
          minWords: { situation: 12, task: 8, action: 50, result: 12 },
        },
        compiled: {
          required: ['situation', 'task', 'action', 'result'],
          minActionShare: 0.4,
          maxSituationShare: 0.35,
          minWords: { situation: 12, task: 8, action: 50, result: 12 },
        },
      },
      {
        id: 'grit',
        label: 'Grit',
        check: 'keywords',
        weight: 5,
        options: { groups: [{ label: 'persistence', any: ['kept going'] }] },
        // Compiled at load: the phrases stemmed into a lookup table, kept as plain JSON data.
        compiled: {
          need: 1,
          attributed: true,
          groups: [
            {
              label: 'persistence',
              examples: ['kept going'],
              table: {
                byFirst: { keep: [{ phrase: 'kept going', slots: [['keep'], ['going']], negative: false }] },
              },
            },
          ],
          // Which groups have a phrase starting with each stem: one scan of the answer serves every group.
          byFirstStem: { keep: [0] },
        },
      },
    ])
  })

  it('keeps an inherited fix when only the weight is overridden', () => {
    const base = compiled(PARENT, 'rubrics/base.yaml')
    const c = compiled(child('  - id: result', '    weight: 40'), 'rubrics/child.yaml', [base])
    expect(c.criteria.find((x) => x.id === 'result')).toEqual({
      id: 'result',
      label: 'Measurable result',
      check: 'quantified-result',
      weight: 40,
      fix: 'Add a number.',
      options: { section: 'result', min: 1 },
      compiled: { section: 'result', min: 1 },
    })
  })

  it('refuses to change an inherited criterion into another check kind', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/base.yaml', text: PARENT },
      { file: 'rubrics/child.yaml', text: child('  - id: structure', '    check: length', '    weight: 30') },
    ])
    expect(rubrics.map((r) => r.id)).toEqual(['base'])
    expect(errors).toEqual([
      {
        file: 'rubrics/child.yaml',
        line: 8,
        column: 12,
        path: 'criteria.0.check',
        ruleId: 'check-mismatch',
        message:
          "Criterion 1 (structure): 'structure' is inherited from 'base' as a 'star-sections' check; it cannot change kind",
      },
    ])
  })

  it('says so when an override names no parent criterion', () => {
    const base = compiled(PARENT, 'rubrics/base.yaml')
    const { errors } = parseRubric(child('  - id: structur', '    weight: 30'), 'rubrics/child.yaml', {
      parents: [base],
    })
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/child.yaml:7:5  missing-key  Criterion 1 (structur): 'structur' is not a criterion of 'base' to override (did you mean 'structure'?); a new criterion needs a 'check' key",
    ])
  })
})

describe('bands and examples', () => {
  it('needs a band that starts at 0', () => {
    const text = rubric('demo').replace('min: 0', 'min: 10')
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 10,
        column: 3,
        path: 'bands',
        ruleId: 'invalid-value',
        message: 'One band must start at min: 0, so every score has a band',
      },
    ])
  })

  it('rejects example expectations naming unknown prompts, bands and criteria', () => {
    const text = rubric('demo', {
      extra: [
        'prompts:', // 11
        '  - id: demo-proud', // 12
        '    text: Tell me about a project you are proud of.', // 13
        'examples:', // 14
        '  - name: one', // 15
        '    prompt: demo-hard', // 16
        '    answer: I rewrote the export.', // 17
        '    expect:', // 18
        '      band: strong', // 19
        '      met: [structure, ownership]', // 20
      ],
    })
    expect(parseErrors(text)).toEqual([
      {
        file: 'rubrics/demo.yaml',
        line: 16,
        column: 13,
        path: 'examples.0.prompt',
        ruleId: 'unknown-id',
        message: "Example 1 (one): unknown prompt 'demo-hard' in this rubric",
      },
      {
        file: 'rubrics/demo.yaml',
        line: 19,
        column: 13,
        path: 'examples.0.expect.band',
        ruleId: 'unknown-id',
        message: "Example 1 (one): unknown band 'strong'; bands are pass",
      },
      {
        file: 'rubrics/demo.yaml',
        line: 20,
        column: 24,
        path: 'examples.0.expect.met.1',
        ruleId: 'unknown-id',
        message: "Example 1 (one): unknown criterion 'ownership'; criteria are structure",
      },
    ])
  })
})

describe('the compiled rubric', () => {
  it('fills option defaults and the label from the id', () => {
    const r = compiled(rubric('demo'))
    expect(r.criteria).toEqual([
      {
        id: 'structure',
        label: 'Structure',
        check: 'star-sections',
        weight: 10,
        options: {
          required: ['situation', 'task', 'action', 'result'],
          minActionShare: 0.3,
          maxSituationShare: 0.35,
          minWords: { situation: 12, task: 8, action: 50, result: 12 },
        },
        compiled: {
          required: ['situation', 'task', 'action', 'result'],
          minActionShare: 0.3,
          maxSituationShare: 0.35,
          minWords: { situation: 12, task: 8, action: 50, result: 12 },
        },
      },
    ])
    expect(r).toMatchObject({ id: 'demo', kind: 'general', extends: [], file: 'rubrics/demo.yaml' })
  })

  it('sorts bands highest first', () => {
    const r = compiled(PARENT.replace('min: 50', 'min: 5'))
    expect(r.bands).toEqual([
      { id: 'pass', label: 'Pass', min: 5 },
      { id: 'fail', label: 'Fail', min: 0 },
    ])
  })

  describe('content hash', () => {
    const example = (answer: string) => [
      'examples:',
      '  - name: one',
      `    answer: ${answer}`,
      '    expect: { band: pass }',
    ]
    const text = rubric('demo', { extra: example('I rewrote the export.') })

    it('is the same on every parse, whatever the file is called', () => {
      const a = compiled(text, 'rubrics/demo.yaml').hash
      expect(a).toMatch(/^[0-9a-f]{28}$/)
      expect(compiled(text, 'rubrics/demo.yaml').hash).toBe(a)
      expect(compiled(text, 'elsewhere/demo.yaml').hash).toBe(a)
    })

    it('changes when a weight changes', () => {
      const heavier = text.replace('weight: 10', 'weight: 11')
      expect(compiled(heavier).hash).not.toBe(compiled(text).hash)
    })

    it('changes when a band changes', () => {
      const renamed = text.replace('label: Pass', 'label: Passed')
      expect(compiled(renamed).hash).not.toBe(compiled(text).hash)
    })

    it('does not change when only an example changes', () => {
      const other = rubric('demo', { extra: example('I rewrote the nightly export twice.') })
      expect(compiled(other).hash).toBe(compiled(text).hash)
    })
  })
})

describe('formatRubricError', () => {
  it('prints file:line:col, the rule id and the message, two spaces apart', () => {
    expect(
      formatRubricError({
        file: 'rubrics/ownership.yaml',
        line: 12,
        column: 7,
        path: 'criteria.0.weight',
        ruleId: 'invalid-value',
        message: "'criteria.0.weight': Too big: expected number to be <=100",
      }),
    ).toBe(
      "rubrics/ownership.yaml:12:7  invalid-value  'criteria.0.weight': Too big: expected number to be <=100",
    )
  })

  it('formats what the parser reports', () => {
    const text = rubric('demo', {
      criteria: ['  - id: structure', '    check: star-sections', '    weight: 101'],
    })
    expect(parseErrors(text).map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:8:13  invalid-value  Criterion 1 (structure): 'weight' must be at most 100, not 101",
    ])
  })
})

describe('a parent with a file-level error', () => {
  it('tells the child its parent has errors rather than that it is missing', () => {
    const base = [
      'id: base',
      'kind: general',
      'summary: No title here.',
      'criteria:',
      '  - { id: len, check: length, weight: 1 }',
      'bands: [{ id: all, label: All, min: 0 }]',
      '',
    ].join('\n')
    const child = ['id: child', 'title: Child', 'kind: theme', 'extends: base', 'summary: A child.', ''].join(
      '\n',
    )
    const { errors } = compileRubrics([
      { file: 'base.yaml', text: base },
      { file: 'child.yaml', text: child },
    ])
    const lines = errors.map(formatRubricError)
    expect(lines).toContain("base.yaml:1:1  missing-key  Missing the required 'title' key")
    expect(lines).toContain(
      "child.yaml:4:10  extends-invalid  'base' has errors, so 'child' cannot extend it",
    )
  })
})

describe('two files claiming one rubric id', () => {
  const text = (title: string) =>
    [
      'id: twin',
      `title: ${title}`,
      'kind: theme',
      'summary: One of two.',
      'criteria:',
      '  - { id: len, check: length, weight: 1 }',
      'bands: [{ id: all, label: All, min: 0 }]',
      '',
    ].join('\n')

  it('keeps the first by file name when neither is in service', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'b.yaml', text: text('B') },
      { file: 'a.yaml', text: text('A') },
    ])
    expect(rubrics.map((r) => r.title)).toEqual(['A'])
    expect(errors.map(formatRubricError)).toEqual([
      "b.yaml:1:5  duplicate-id  Rubric id 'twin' is already used by a.yaml",
    ])
  })

  it('keeps the file already in service when a copy sorting before it appears', () => {
    const first = compileRubrics([{ file: 'twin.yaml', text: text('Original') }])
    const known = new Map(first.rubrics.map((r) => [r.id, r]))
    const { rubrics, errors } = compileRubrics(
      [
        { file: 'twin.yaml', text: text('Original') },
        { file: 'a-copy.yaml', text: text('Copy') },
      ],
      { known },
    )
    expect(rubrics.map((r) => [r.title, r.file])).toEqual([['Original', 'twin.yaml']])
    expect(errors.map(formatRubricError)).toEqual([
      "a-copy.yaml:1:5  duplicate-id  Rubric id 'twin' is already used by twin.yaml",
    ])
  })
})
