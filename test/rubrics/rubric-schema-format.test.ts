// The editor schema (rubrics/rubric.schema.json) knows drafts, `kind: value` and list merging in overrides
// (`groups+`, `any+`), and still rejects their misspellings.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const DIR = join(import.meta.dirname, '../../rubrics')
const schema = JSON.parse(readFileSync(join(DIR, 'rubric.schema.json'), 'utf8')) as object
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

const GOOD = [
  'id: craft',
  'title: Craft',
  'kind: value',
  'extends: ownership',
  'draft: true',
  'summary: Cares about the details of the work.',
  'criteria:',
  '  - id: ownership-signals',
  '    groups+:',
  '      - label: took responsibility',
  '        any+: [owned the outcome]',
  '      - label: sweated the details',
  '        any: [double-checked, polished]',
  '',
].join('\n')

function valid(text: string): boolean {
  return validate(parse(text)) === true
}

describe('rubric.schema.json: drafts, values and list merging', () => {
  it('accepts a draft company value adding to inherited groups, also when the override restates its kind', () => {
    expect(valid(GOOD), JSON.stringify(validate.errors)).toBe(true)
    expect(valid(GOOD.replace('    groups+:', '    check: keywords\n    groups+:'))).toBe(true)
    expect(valid(GOOD.replace('draft: true', 'draft: false'))).toBe(true)
  })

  it.each([
    ['a draft that is not true or false', 'draft: true', 'draft: "yes"'],
    ['a misspelt kind', 'kind: value', 'kind: values'],
    ['a misspelt any+', 'any+: [owned the outcome]', 'anys+: [owned the outcome]'],
    ['an empty any+', 'any+: [owned the outcome]', 'any+: []'],
    ['an empty groups+', GOOD.slice(GOOD.indexOf('    groups+:')), '    groups+: []\n'],
    ['a misspelt key in an added group', 'any: [double-checked, polished]', 'ay: [double-checked, polished]'],
    ['groups+ on a check without groups', '    groups+:', '    check: length\n    groups+:'],
  ])('rejects %s', (_what, from, to) => {
    expect(GOOD).toContain(from)
    expect(valid(GOOD.replace(from, to))).toBe(false)
  })
})
