// One root-cause message per mistake in a rubric file: a table of broken drafts and the exact lines
// `rubrics check` prints for them. Each draft is the good one below with one mistake made.
import { describe, expect, it } from 'vitest'
import { compileRubrics, formatRubricError } from '../../engine/parse'
import { checkRubrics } from '../../engine/rubric-check'

const PARENT = `id: earn-trust
title: Earn Trust
kind: leadership-principle
summary: The parent a company value extends.
prompts:
  - id: earn-trust-bad-news
    text: Tell me about a time you had to deliver bad news.
criteria:
  - id: trust-behaviours
    label: Listening and candour
    check: keywords
    min: 2
    weight: 18
    groups:
      - { label: listening, any: [listened, heard them out] }
      - { label: candour, any: [told them plainly, candid] }
  - id: length
    check: length
    weight: 5
bands:
  - { id: strong, label: Strong, min: 85 }
  - { id: weak, label: Needs work, min: 0 }
`

const OTHER = PARENT.replaceAll('earn-trust', 'deliver-results').replace('Earn Trust', 'Deliver Results')

const GOOD = `id: draft
title: Draft value
kind: theme
extends: earn-trust
summary: A company value.
prompts:
  - id: draft-one
    text: Tell me about a time you earned trust.
    tags: [deliver-results]
criteria:
  - id: length
    weight: 4
  - id: clarifying-moves
    check: keywords
    weight: 10
    groups:
      - label: questions
        any: [asked why, clarified]
examples:
  - name: first
    prompt: draft-one
    answer: I asked why and clarified the goal.
    expect:
      band: weak
      missed: [clarifying-moves]
`

/** The good draft with `from` replaced by `to` (which must be there). */
function mistake(from: string, to: string): string {
  if (!GOOD.includes(from)) throw new Error(`not in the draft: ${from}`)
  return GOOD.replace(from, to)
}

/** Every line printed about the draft file, as `line:col  rule  message`. */
function messages(text: string, file = 'rubrics/draft.yaml'): string[] {
  const { errors } = compileRubrics([
    { file: 'rubrics/earn-trust.yaml', text: PARENT },
    { file: 'rubrics/deliver-results.yaml', text: OTHER },
    { file, text },
  ])
  return errors.filter((e) => e.file === file).map((e) => formatRubricError(e).slice(file.length + 1))
}

describe('the good draft', () => {
  it('compiles with nothing to say', () => {
    expect(messages(GOOD)).toEqual([])
  })
})

interface Row {
  mistake: string
  text: string
  expected: string[]
}

const ROWS: Row[] = [
  {
    mistake: 'a criterion with errors of its own is not also called unknown by the examples',
    text: mistake('    weight: 10\n', '    weight: lots\n'),
    expected: ["15:13  invalid-value  Criterion 2 (clarifying-moves): 'weight' must be a number, not 'lots'"],
  },
  {
    mistake: 'an expectation of a criterion switched off with weight 0 says so, once',
    text: mistake('    weight: 10\n', '    weight: 0\n').replace(
      '      missed: [clarifying-moves]',
      '      missed: [clarifying-moves]\n      partial: [clarifying-moves]',
    ),
    expected: [
      "26:17  unknown-id  Example 1 (first): criterion 'clarifying-moves' is switched off with weight 0 here, so no example can expect it; remove it from the expectations or give it a weight",
    ],
  },
  {
    mistake: 'every criterion switched off is one message, and no expectation is blamed for it',
    text: mistake(
      '  - id: length\n    weight: 4\n',
      '  - id: length\n    weight: 0\n  - id: trust-behaviours\n    weight: 0\n',
    ).replace('    weight: 10\n', '    weight: 0\n'),
    expected: ['11:3  invalid-value  A rubric needs at least one criterion with a weight above 0'],
  },
  {
    mistake: "a key valid elsewhere but not here is never suggested as itself ('max')",
    text: mistake('    weight: 10\n', '    weight: 10\n    max: 3\n'),
    expected: [
      "16:5  unknown-key  Criterion 2 (clarifying-moves): unknown key 'max' ('max' is an option of length checks, not of keywords checks); remove it or fix its spelling",
    ],
  },
  {
    mistake: "a key valid nowhere in a criterion gets no suggestion ('name')",
    text: mistake('    weight: 10\n', '    weight: 10\n    name: Clarifying\n'),
    expected: [
      "16:5  unknown-key  Criterion 2 (clarifying-moves): unknown key 'name'; remove it or fix its spelling",
    ],
  },
  {
    mistake: 'did you mean ignores case (idealmax)',
    text: mistake('  - id: length\n    weight: 4\n', '  - id: length\n    idealmax: 400\n'),
    expected: [
      "12:5  unknown-key  Criterion 1 (length): unknown key 'idealmax' (did you mean 'idealMax'?); remove it or fix its spelling",
    ],
  },
  {
    mistake: "did you mean knows a check's options (minimum → min)",
    text: mistake('  - id: length\n    weight: 4\n', '  - id: length\n    minimum: 100\n'),
    expected: [
      "12:5  unknown-key  Criterion 1 (length): unknown key 'minimum' (did you mean 'min'?); remove it or fix its spelling",
    ],
  },
  {
    mistake: 'a misspelt required key is one message, not also a missing key',
    text: mistake('    weight: 10\n', '    wieght: 10\n'),
    expected: [
      "15:5  unknown-key  Criterion 2 (clarifying-moves): unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling",
    ],
  },
  {
    mistake: 'a misspelt required top-level key is one message too',
    text: mistake('summary:', 'sumary:'),
    expected: [
      "5:1  unknown-key  Unknown key 'sumary' (did you mean 'summary'?); remove it or fix its spelling",
    ],
  },
  {
    mistake: 'did you mean over rubric ids (extends: earn-trst)',
    text: mistake('extends: earn-trust', 'extends: earn-trst'),
    expected: [
      "4:10  extends-missing  'draft' extends 'earn-trst', which does not exist (did you mean 'earn-trust'?) (rubrics: deliver-results, draft, earn-trust)",
    ],
  },
  {
    mistake: 'did you mean over rubric ids for tags (deliver-result)',
    text: mistake('tags: [deliver-results]', 'tags: [deliver-result]'),
    expected: [
      "9:12  unknown-tag  warning: Unknown tag 'deliver-result': tags are rubric ids, and no rubric has this id (did you mean 'deliver-results'?)",
    ],
  },
  {
    mistake: 'did you mean over prompt ids',
    text: mistake('    prompt: draft-one', '    prompt: draft-on'),
    expected: [
      "21:13  unknown-id  Example 1 (first): unknown prompt 'draft-on' in this rubric (did you mean 'draft-one'?)",
    ],
  },
  {
    mistake: 'did you mean over criterion ids in expectations',
    text: mistake('missed: [clarifying-moves]', 'missed: [clarifying-move]'),
    expected: [
      "25:16  unknown-id  Example 1 (first): unknown criterion 'clarifying-move' (did you mean 'clarifying-moves'?); criteria are trust-behaviours, length, clarifying-moves",
    ],
  },
  {
    mistake: 'did you mean over inherited criterion ids for an override',
    text: mistake('  - id: length\n    weight: 4\n', '  - id: lenght\n    weight: 4\n'),
    expected: [
      "11:5  missing-key  Criterion 1 (lenght): 'lenght' is not a criterion of 'earn-trust' to override (did you mean 'length'?); a new criterion needs a 'check' key",
    ],
  },
  {
    mistake: 'did you mean over check kinds, naming the third criterion from 1',
    text: mistake('criteria:\n', 'criteria:\n  - id: a-one\n    check: length\n    weight: 1\n').replace(
      'check: keywords',
      'check: quantified-results',
    ),
    expected: [
      "17:12  invalid-value  Criterion 3 (clarifying-moves): 'check' must be one of: star-sections, ownership, quantified-result, keywords, hypothetical, length, specificity, reflection, hedging, not 'quantified-results' (did you mean 'quantified-result'?)",
    ],
  },
  {
    mistake: 'a band named by the label the app shows',
    text: mistake('band: weak', 'band: Needs work'),
    expected: ["24:13  unknown-id  Example 1 (first): use the band id 'weak' (shown as 'Needs work')"],
  },
  {
    mistake: 'a whole number given a fraction',
    text: mistake('    weight: 10\n', '    weight: 10\n    min: 1.5\n'),
    expected: ["16:10  invalid-value  Criterion 2 (clarifying-moves): 'min' must be a whole number, not 1.5"],
  },
  {
    mistake: 'a value inherited from the parent says so',
    text: mistake(
      '  - id: length\n',
      '  - id: trust-behaviours\n    groups:\n      - { label: only one, any: [listened] }\n  - id: length\n',
    ),
    expected: [
      "11:5  invalid-value  Criterion 1 (trust-behaviours), 'min': min cannot be more than the number of groups (min: 2, inherited from earn-trust)",
    ],
  },
  {
    mistake: "YAML: ': ' inside text",
    text: mistake('answer: I asked why', 'answer: Situation: I asked why'),
    expected: [
      "22:13  yaml-syntax  The value of 'answer' contains ': ', which YAML reads as the start of another key; put the whole value in double quotes, or write 'answer: |' and the text on the lines below it, indented",
    ],
  },
  {
    mistake: 'YAML: an under-indented continuation line is one message',
    text: mistake(
      '    answer: I asked why and clarified the goal.\n',
      '    answer: I asked why and\n  clarified the goal.\n',
    ),
    expected: [
      "23:1  yaml-syntax  YAML cannot tell where this line belongs: it is indented less than the text it continues, or a key lacks its ': '. Indent it like the line above, or write the value as 'key: |' with its text indented on the lines below",
    ],
  },
  {
    mistake: 'YAML: lines indented with tabs are one message',
    text: mistake(
      '    expect:\n      band: weak\n      missed: [clarifying-moves]\n',
      '    expect:\n\t  band: weak\n\t  missed: [clarifying-moves]\n',
    ),
    expected: [
      '24:1  yaml-syntax  This line is indented with a tab (and line 25); YAML needs spaces: replace each tab with two spaces',
    ],
  },
  {
    mistake: 'YAML: a duplicate key',
    text: mistake('title: Draft value\n', 'title: Draft value\ntitle: Again\n'),
    expected: ["3:1  yaml-syntax  'title' appears twice in this mapping (first on line 2); keep one of them"],
  },
  {
    mistake: 'a prompt id of another file is reported while this file has other errors',
    text: mistake('  - id: draft-one\n', '  - id: earn-trust-bad-news\n')
      .replace('title: Draft value\n', 'title: Draft value\nsumary: x\n')
      .replace('prompt: draft-one', 'prompt: earn-trust-bad-news'),
    expected: [
      "3:1  unknown-key  Unknown key 'sumary' (did you mean 'summary'?); remove it or fix its spelling",
      "8:9  duplicate-id  Prompt id 'earn-trust-bad-news' is already used in rubric 'earn-trust'",
    ],
  },
  {
    mistake: 'a keyword phrase of five or more words (a lost comma)',
    text: mistake('any: [asked why, clarified]', 'any: [asked why clarified the goal first]'),
    expected: [
      "18:15  long-phrase  warning: Criterion 2 (clarifying-moves), group 1 (questions): the phrase 'asked why clarified the goal first' has 6 words and matches only when said word for word; is a comma missing between two phrases? (Quote a phrase meant this long to keep it without a warning)",
    ],
  },
  {
    mistake: 'a keyword phrase naming a word class that does not exist (a misspelt $class)',
    text: mistake('any: [asked why, clarified]', 'any: [asked why, $clarfy … the goal, cost $40]'),
    expected: [
      "18:26  unknown-class  warning: Criterion 2 (clarifying-moves), group 1 (questions): the phrase '$clarfy … the goal' names the word class '$clarfy', which does not exist, so it is read as that word; use a class listed in the rubric reference or write the words",
    ],
  },
  {
    mistake: 'a symbol standing alone as a word of a keyword phrase',
    text: mistake(
      'any: [asked why, clarified]',
      "any: [asked why, clarified, rolled out to … %, 'under #% of']",
    ),
    expected: [
      "18:37  skipped-symbol  warning: Criterion 2 (clarifying-moves), group 1 (questions): in the phrase 'rolled out to … %', '%' is not a word and is skipped, so the phrase matches without it; write #% for a percentage, or remove it",
    ],
  },
  {
    mistake: 'a punctuation-only keyword phrase',
    text: mistake('any: [asked why, clarified]', "any: [asked why, clarified, '...']"),
    expected: [
      "18:37  punctuation-phrase  warning: Criterion 2 (clarifying-moves), group 1 (questions): the phrase '...' has no words, so it never matches; remove it",
    ],
  },
  {
    mistake: 'two bands with the same min',
    text: mistake(
      'examples:',
      'bands:\n  - { id: strong, label: Strong, min: 50 }\n  - { id: good, label: Good, min: 50 }\n  - { id: weak, label: Needs work, min: 0 }\nexamples:',
    ),
    expected: [
      '21:35  band-same-min  Band 2 (good) starts at min: 50, as band 1 (strong) does, so one of them can never be reached; give each band its own min',
    ],
  },
  {
    mistake: 'a reversed score range',
    text: mistake('      band: weak\n', '      band: weak\n      score: {min: 90, max: 80}\n'),
    expected: [
      '25:14  score-range-reversed  Example 1 (first): the score range is reversed (min: 90 is above max: 80), so no score can meet it; swap them',
    ],
  },
  {
    mistake: 'too many prompts',
    text: mistake(
      'prompts:\n',
      `prompts:\n${Array.from({ length: 500 }, (_, i) => `  - id: p-${i}\n    text: Tell me about a time number ${i}.\n`).join('')}`,
    ),
    expected: ['7:3  size-limit  A rubric may have at most 500 prompts; split it into several rubrics'],
  },
  {
    mistake: 'too many criteria',
    text: mistake(
      'criteria:\n',
      `criteria:\n${Array.from({ length: 39 }, (_, i) => `  - id: c-${i}\n    check: length\n    weight: 1\n`).join('')}`,
    ),
    expected: ['11:3  size-limit  A rubric may have at most 40 criteria; a candidate cannot act on more'],
  },
  {
    mistake: 'an example answer longer than a candidate may write',
    text: mistake('answer: I asked why and clarified the goal.', `answer: ${'word '.repeat(4001)}`),
    expected: [
      "22:13  size-limit  An example answer may have at most 20,000 characters, as a candidate's answer may",
    ],
  },
  {
    mistake: 'too many phrases in a keyword group',
    text: mistake(
      'any: [asked why, clarified]',
      `any: [${Array.from({ length: 201 }, (_, i) => `phrase${i}`).join(', ')}]`,
    ),
    expected: [
      '18:14  size-limit  Criterion 2 (clarifying-moves), group 1 (questions): 201 phrases; a group may have at most 200. Split it into groups by what each shows',
    ],
  },
  {
    mistake: 'a section outside the list',
    text: mistake('    weight: 10\n', '    weight: 10\n    section: any\n'),
    expected: [
      "16:14  invalid-value  Criterion 2 (clarifying-moves): 'section' must be one of: situation, task, action, result, other, not 'any'",
    ],
  },
  {
    mistake: 'a duplicate criterion id names both items from 1',
    text: mistake('criteria:\n', 'criteria:\n  - id: clarifying-moves\n    check: length\n    weight: 1\n'),
    expected: [
      "16:5  duplicate-id  Duplicate criterion id 'clarifying-moves' (criterion 3; first used by criterion 1)",
    ],
  },
]

describe('one root-cause message per mistake', () => {
  it.each(ROWS)('$mistake', (row) => {
    expect(messages(row.text)).toEqual(row.expected)
  })
})

describe('lints of the checker', () => {
  it('warns when the id differs from the file name', () => {
    const { rubrics } = compileRubrics([
      { file: 'rubrics/earn-trust.yaml', text: PARENT },
      { file: 'rubrics/earn-trust copy.yaml', text: PARENT.replaceAll('earn-trust', 'earn-trust-2') },
    ])
    const sources = [
      { file: 'rubrics/earn-trust.yaml', text: PARENT },
      { file: 'rubrics/earn-trust copy.yaml', text: PARENT.replaceAll('earn-trust', 'earn-trust-2') },
    ]
    const lines = checkRubrics(rubrics, sources)
      .problems.filter((p) => p.ruleId === 'id-file-name')
      .map(formatRubricError)
    expect(lines).toEqual([
      "rubrics/earn-trust copy.yaml:1:1  id-file-name  warning: The id 'earn-trust-2' differs from the file name 'earn-trust copy'; name the file earn-trust-2.yaml, so the rubric is easy to find and a copy of the file never takes its place",
    ])
  })

  // How long this takes is measured by `npm run bench` (rubric_check_ratio), not asserted here.
  it('compiles and checks a rubric of 500 prompts', () => {
    const prompts = Array.from(
      { length: 499 },
      (_, i) => `  - id: p-${i}\n    text: Tell me about a time number ${i}.\n`,
    ).join('')
    const text = mistake('prompts:\n', `prompts:\n${prompts}`)
    const sources = [
      { file: 'rubrics/earn-trust.yaml', text: PARENT },
      { file: 'rubrics/deliver-results.yaml', text: OTHER },
      { file: 'rubrics/draft.yaml', text },
    ]
    const { rubrics, errors } = compileRubrics(sources)
    checkRubrics(rubrics, sources)
    expect(errors).toEqual([])
    expect(rubrics.find((r) => r.id === 'draft')?.prompts).toHaveLength(500)
  })
})
