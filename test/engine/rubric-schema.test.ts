// The editor schema (rubrics/rubric.schema.json) against rubric files: every shipped file passes, and files
// with a misspelt criterion key or check kind fail, whether the criterion is new or an override, and an override
// of a criterion every rubric inherits from star-core takes only its own kind's keys.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const DIR = join(import.meta.dirname, '../../rubrics')
const schema = JSON.parse(readFileSync(join(DIR, 'rubric.schema.json'), 'utf8')) as object
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

const GOOD = [
  'id: draft',
  'title: Draft',
  'kind: theme',
  'extends: star-core',
  'summary: A draft rubric.',
  'criteria:',
  '  - id: clarifying-moves',
  '    check: keywords',
  '    weight: 10',
  '    section: action',
  '    groups:',
  '      - { label: questions, any: [asked why] }',
  '  - id: length',
  '    idealMax: 400',
  '  - id: star-structure',
  '    weight: 0',
  'examples: []',
  '',
].join('\n')

function valid(text: string): boolean {
  return validate(parse(text)) === true
}

describe('rubric.schema.json', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.yaml')))('accepts the shipped %s', (file) => {
    expect(valid(readFileSync(join(DIR, file), 'utf8')), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts a new criterion, an override restating its kind and overrides without one', () => {
    expect(valid(GOOD), JSON.stringify(validate.errors)).toBe(true)
    expect(valid(GOOD.replace('  - id: length\n', '  - id: length\n    check: length\n'))).toBe(true)
  })

  it.each([
    ['a misspelt check kind', 'check: keywords', 'check: keyword'],
    ['a check kind that does not exist', 'check: keywords', 'check: quantified-results'],
    ['a key in the wrong case in an override', 'idealMax: 400', 'idealmax: 400'],
    ['a misspelt common key', 'weight: 10', 'wieght: 10'],
    ["another kind's option in a criterion that names its kind", 'section: action', 'idealMax: 400'],
    ['a key no check has in an override', 'weight: 0', 'weight: 0\n    name: Structure'],
    ['a section that does not exist', 'section: action', 'section: any'],
    [
      'a misspelt key in a keyword group',
      '{ label: questions, any: [asked why] }',
      '{ label: questions, ay: [asked why] }',
    ],
    ['a misspelt top-level key', 'summary:', 'sumary:'],
    [
      "keyword groups in an override of the inherited 'length' (a length check)",
      '  - id: length\n    idealMax: 400',
      '  - id: length\n    groups:\n      - { label: questions, any: [asked why] }',
    ],
    [
      "a length option in an override of the inherited 'ownership'",
      'weight: 0',
      'weight: 0\n  - id: ownership\n    idealMax: 400',
    ],
    [
      "another kind for the inherited 'length'",
      '  - id: length\n    idealMax: 400',
      '  - id: length\n    check: keywords\n    groups:\n      - { label: questions, any: [asked why] }',
    ],
  ])('rejects %s', (_what, from, to) => {
    expect(GOOD).toContain(from)
    expect(valid(GOOD.replace(from, to))).toBe(false)
  })
})
