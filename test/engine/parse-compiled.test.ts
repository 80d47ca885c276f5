// Rubric loading: bands and examples, the compiled rubric with its defaults and content hash, and how errors are printed.
import { describe, expect, it } from 'vitest'
import { formatRubricError } from '../../engine/parse'
import { compiled, PARENT, parseErrors, rubric } from './parse-helpers'

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
