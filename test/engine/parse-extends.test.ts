// Rubric loading: extends (inherited criteria, overrides, cycles, missing and broken parents).
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError, parseRubric } from '../../engine/parse'
import { child, compiled, PARENT, rubric } from './parse-helpers'

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
