// Rubric loading: ids unique within a file and across files, prompt tags, two files claiming one rubric id.
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError, parseRubric } from '../../engine/parse'
import { compiled, PARENT, parseErrors, rubric } from './parse-helpers'

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

describe('the file named after an id owns it', () => {
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

  it('keeps twin.yaml over a backup copy that sorts before it, on a fresh start', () => {
    const { rubrics, errors } = compileRubrics([
      { file: 'rubrics/twin.yaml', text: text('Original') },
      { file: 'rubrics/twin copy.yaml', text: text('Copy') },
    ])
    expect(rubrics.map((r) => [r.title, r.file])).toEqual([['Original', 'rubrics/twin.yaml']])
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/twin copy.yaml:1:5  duplicate-id  Rubric id 'twin' is already used by rubrics/twin.yaml",
    ])
  })

  it('keeps it over the copy already in service, whichever was first', () => {
    const before = compileRubrics([{ file: 'a-twin.yaml', text: text('Copy') }])
    const known = new Map(before.rubrics.map((r) => [r.id, r]))
    const { rubrics, errors } = compileRubrics(
      [
        { file: 'a-twin.yaml', text: text('Copy') },
        { file: 'twin.yml', text: text('Original') },
      ],
      { known },
    )
    expect(rubrics.map((r) => r.file)).toEqual(['twin.yml'])
    expect(errors.map(formatRubricError)).toEqual([
      "a-twin.yaml:1:5  duplicate-id  Rubric id 'twin' is already used by twin.yml",
    ])
  })

  it('does not let a copy take over while the named file has errors, nor while it cannot be read', () => {
    for (const broken of [text('Original', 'weight: 3'), 'id: twin\ntitle: [unclosed\n']) {
      const { rubrics, errors } = compileRubrics([
        { file: 'twin.yaml', text: broken },
        { file: 'twin copy.yaml', text: text('Copy') },
      ])
      expect(rubrics).toEqual([])
      expect(errors.filter((e) => e.file === 'twin copy.yaml').map(formatRubricError)).toEqual([
        "twin copy.yaml:1:5  duplicate-id  Rubric id 'twin' belongs to twin.yaml, the file named after it, which has errors now; this file is left out",
      ])
      expect(errors.some((e) => e.file === 'twin.yaml')).toBe(true)
    }
  })
})
