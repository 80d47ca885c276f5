// `draft: true` and `kind: value` in a rubric file: what the compiled rubric carries, and each mistake's message.
import { describe, expect, it } from 'vitest'
import { formatRubricError, parseRubric } from '../../engine/parse'
import { compiled, rubric } from './parse-helpers'

/** The demo rubric with `line` added after its summary (line 5). */
const withLine = (line: string) =>
  rubric('demo').replace('summary: A demo rubric.\n', `summary: A demo rubric.\n${line}\n`)

describe('draft and kind: value', () => {
  it('marks a draft, without changing its hash: a draft scores as it will once published', () => {
    const plain = compiled(rubric('demo'))
    const draft = compiled(withLine('draft: true'))
    expect(draft.draft).toBe(true)
    expect(draft.hash).toBe(plain.hash)
    expect('draft' in plain).toBe(false)
    expect('draft' in compiled(withLine('draft: false'))).toBe(false)
  })

  it('compiles a company value', () => {
    expect(compiled(rubric('demo').replace('kind: general', 'kind: value')).kind).toBe('value')
  })

  it.each([
    ['draft: yes', "rubrics/demo.yaml:5:8  invalid-value  'draft' must be true or false, not 'yes'"],
    ['draft: 1', "rubrics/demo.yaml:5:8  invalid-value  'draft' must be true or false, not 1"],
    [
      'Draft: true',
      "rubrics/demo.yaml:5:1  unknown-key  Unknown key 'Draft' (did you mean 'draft'?); remove it or fix its spelling",
    ],
  ])('says what is wrong with %s', (line, message) => {
    const { rubric: r, errors } = parseRubric(withLine(line), 'rubrics/demo.yaml')
    expect(r).toBeUndefined()
    expect(errors.map(formatRubricError)).toEqual([message])
  })

  it('suggests value for a near miss of the kind', () => {
    const { errors } = parseRubric(
      rubric('demo').replace('kind: general', 'kind: values'),
      'rubrics/demo.yaml',
    )
    expect(errors.map(formatRubricError)).toEqual([
      "rubrics/demo.yaml:3:7  invalid-value  'kind' must be one of: general, leadership-principle, competency, theme, value, not 'values' (did you mean 'value'?)",
    ])
  })
})
