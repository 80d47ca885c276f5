// The star rubrics contract: checking rubric files with problems at their positions, on empty, missing and
// hostile folders, and writing the JSON Schema.

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../server/cli'
import { buildRubricSetSafely } from '../../server/cli/rubrics'
import { buildRubricSet } from '../../server/rubric-set'
import { CLI, capture, expectOneLine, RAW_CONTROL, ROOT, run, runMain, TSX, tempDir } from './cli-helpers'

const STAR_CORE = readFileSync(join(ROOT, 'rubrics/star-core.yaml'))

/** A new rubric folder holding the shipped star-core.yaml and `files` (file name → contents). */
function withStarCore(files: Record<string, string | Buffer>): string {
  const dir = tempDir('star-rubrics-')
  writeFileSync(join(dir, 'star-core.yaml'), STAR_CORE)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

describe('star rubrics check', () => {
  it('passes on the shipped rubrics with a summary line', () => {
    const out = execFileSync(TSX, [CLI, 'rubrics', 'check'], { cwd: ROOT, encoding: 'utf8' })
    expect(out).toMatch(/^\d+ rubrics, \d+ prompts, \d+ examples, 0 problems\n$/m)
  })

  it('reports a broken file at the right line and exits 1', async () => {
    const dir = withStarCore({
      'broken.yaml': [
        'id: broken',
        'title: Broken',
        'kind: theme',
        'extends: star-core',
        'summary: A broken file.',
        'criteria:',
        '  - id: signals',
        '    check: keywords',
        '    wieght: 10',
        '    groups: []',
        '',
      ].join('\n'),
    })
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', dir], out)).toBe(1)
    const lines = text().trimEnd().split('\n')
    expect(lines).toContain(
      `${relative(process.cwd(), join(dir, 'broken.yaml'))}:9:5  unknown-key  Criterion 1 (signals): unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling`,
    )
    expect(lines.at(-1)).toMatch(/^1 rubrics, 3 prompts, 3 examples, \d+ problems$/)
  })

  it('fails an example whose expectation is not met, pointing at the example', async () => {
    const dir = tempDir('star-rubrics-')
    writeFileSync(
      join(dir, 'star-core.yaml'),
      STAR_CORE.toString('utf8').replace('      band: strong\n', '      band: weak\n'),
    )
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', dir], out)).toBe(1)
    expect(text()).toMatch(
      /star-core\.yaml:\d+:5 {2}example-expectation {2}Example 'strong story with a measured result and a lesson': expected band 'weak', got 'strong'/,
    )
  })

  it('points a coverage gap at the criterion in the file, and an inherited one at the examples', async () => {
    const dir = withStarCore({
      'grit.yaml': [
        'id: grit',
        'title: Grit',
        'kind: theme',
        'extends: star-core',
        'summary: Keeps going.',
        'criteria:',
        '  - id: grit-signals',
        '    check: keywords',
        '    weight: 10',
        '    groups:',
        '      - label: persistence',
        '        any: [kept going]',
        'examples:',
        '  - name: short',
        '    answer: I kept going.',
        '    expect: {}',
        '',
      ].join('\n'),
    })
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', dir], out)).toBe(1)
    const lines = text().trimEnd().split('\n')
    const file = relative(process.cwd(), join(dir, 'grit.yaml'))
    expect(lines).toContain(
      `${file}:7:5  coverage  Criterion 'grit-signals' is never missed or partial in any example of 'grit'; add an example that shows it`,
    )
    expect(lines).toContain(
      `${file}:13:1  coverage  Criterion 'star-structure' is never met in any example of 'grit'; add an example that shows it`,
    )
  })
})

describe('star rubrics schema', () => {
  it('writes the JSON Schema file', async () => {
    const dir = tempDir('star-schema-')
    const target = join(dir, 'rubric.schema.json')
    const { out, text } = capture()
    expect(await main(['rubrics', 'schema', target], out)).toBe(0)
    expect(text()).toContain('wrote')
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(ROOT, 'rubrics/rubric.schema.json'), 'utf8'))
  })
})

describe('star rubrics check on a folder with no rubrics', () => {
  it('fails on an empty folder, saying there are no rubric files', async () => {
    const dir = tempDir('star-rubrics-')
    expectOneLine(run(['rubrics', 'check', dir], ''), 1, /There are no rubric files \(\.yaml or \.yml\) in /)
    writeFileSync(join(dir, 'notes.txt'), 'not a rubric')
    mkdirSync(join(dir, 'nested.yaml'))
    expectOneLine(await runMain(['rubrics', 'check', dir]), 1, /There are no rubric files/)
  })

  it('fails on a missing folder, in one line, with exit code 1', async () => {
    const dir = join(tempDir('star-rubrics-'), 'gone')
    expectOneLine(await runMain(['rubrics', 'check', dir]), 1, /The rubric folder .*gone does not exist/)
  })

  it('checks a file given in place of a folder, and refuses a file that is no rubric file', async () => {
    const file = join(tempDir('star-rubrics-'), 'star-core.yaml')
    writeFileSync(file, STAR_CORE)
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', file], out)).toBe(0)
    expect(text()).toMatch(/^1 rubrics, 3 prompts, 3 examples, 0 problems\n$/)
    const notes = join(tempDir('star-rubrics-'), 'notes.txt')
    writeFileSync(notes, 'id: x')
    expectOneLine(
      await runMain(['rubrics', 'check', notes]),
      1,
      /notes\.txt is not a rubric file \(\.yaml or \.yml\) or a folder of them/,
    )
  })
})

describe('star rubrics check on hostile files', () => {
  it('never echoes raw control bytes from a file or its name', () => {
    const dir = withStarCore({
      'binary.yaml': Buffer.from(
        'id: binary\ntitle: B\x07\nkind: theme\nextends: star-core\nsummary: s\ncriteria:\n' +
          '  - id: sig\n    check: keywords\n    we\x1b[2Jight: 10\n    groups: []\n',
        'latin1',
      ),
      'bell\u0007.yaml': Buffer.from([0x00, 0x01, 0x9b, 0x1b, 0x5b, 0x32, 0x4a]),
    })
    const r = run(['rubrics', 'check', dir], '')
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL)
    expect(r.stdout).toContain("unknown key 'we\\x1b[2Jight'")
    expect(r.stdout).toContain('bell\\x07.yaml')
  })

  it('reports a YAML alias bomb as a problem of its file, checks the others, and exits 1', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ] as const) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const dir = withStarCore({ 'bomb.yaml': `${levels.join('\n')}\nid: bomb\n` })
    const r = run(['rubrics', 'check', dir], '')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.status).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.some((l) => l.startsWith(`${relative(ROOT, join(dir, 'bomb.yaml'))}:`))).toBe(true)
    expect(lines.at(-1)).toMatch(/^1 rubrics, \d+ prompts, \d+ examples, [1-9]\d* problems?$/)
  })

  it('turns an exception while compiling one file into a problem of that file and keeps the rest', () => {
    const core = { file: 'star-core.yaml', text: STAR_CORE.toString('utf8') }
    const bad = { file: 'bad.yaml', text: 'id: bad\n' }
    const set = buildRubricSetSafely(
      { sources: [core, bad], errors: [], files: [core.file, bad.file], listed: true },
      (read) => {
        if (read.sources.some((s) => s.file === 'bad.yaml')) throw new Error('stack overflow\nat line')
        return buildRubricSet(read)
      },
    )
    expect(set.list().map((r) => r.id)).toEqual(['star-core'])
    expect(set.errors()).toEqual([
      expect.objectContaining({
        file: 'bad.yaml',
        line: 1,
        column: 1,
        message: expect.stringMatching(/stack overflow/),
      }),
    ])
    expect(set.errors()[0]!.message).not.toContain('\n')
  })
})
