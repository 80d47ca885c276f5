// The star CLI contract: plain and JSON-lines scoring, rubric checking with positions, schema writing.

import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { main } from '../../server/cli'

const ROOT = new URL('../..', import.meta.url).pathname
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'server/cli.ts')
const STRONG =
  'In 2023 I was the tech lead for checkout at a retailer. My goal was to cut payment failures before the holidays. ' +
  'I traced the failures to a retry storm in our Kafka consumer, rewrote the retry logic with jittered backoff, and added a circuit breaker. ' +
  'Payment failures fell from 2.1% to 0.3% within two weeks. I learned to measure before I change anything.'

function capture(): { out: Writable; text: () => string } {
  const chunks: string[] = []
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { out, text: () => chunks.join('') }
}

function run(args: string[], input: string, env: Record<string, string> = {}) {
  return spawnSync(TSX, [CLI, ...args], {
    input,
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  })
}

describe('star score', () => {
  it('prints a readable report of an answer read from stdin', () => {
    const r = run(['score'], STRONG)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Score \d+\/100 — \w/)
    expect(r.stdout).toContain('rubric star-core')
    expect(r.stdout).toMatch(/\n {2}A {2}I traced the failures/)
    expect(r.stdout).toMatch(/\n {2}R {2}Payment failures fell/)
    expect(r.stdout).toContain('Criteria')
  })

  it('scores a file with a chosen rubric and lists suggestions with their gains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-cli-'))
    const file = join(dir, 'answer.txt')
    writeFileSync(file, 'We kind of fixed the pipeline, I think.')
    const { out, text } = capture()
    expect(await main(['score', '--rubric', 'ownership', file], out)).toBe(0)
    expect(text()).toContain('rubric ownership')
    expect(text()).toMatch(/Suggestions\n {2}\+\d+/)
  })

  it('writes exactly one JSON line per input line, in order, and keeps going after bad lines', () => {
    const lines = [
      JSON.stringify({ answer: STRONG }),
      'not json',
      JSON.stringify({ answer: 42 }),
      '',
      JSON.stringify({ answer: STRONG, rubric: 'no-such-rubric' }),
      JSON.stringify({ answer: STRONG, promptId: 'no-such-prompt' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ answer: 'I would probably talk to people.', rubric: 'ownership' }),
    ]
    const r = run(['score', '--jsonl'], `${lines.join('\n')}\n`)
    expect(r.status).toBe(0)
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out).toHaveLength(lines.length)
    expect(out[0].rubricId).toBe('star-core')
    expect(out[0].sentences.map((s: { star: string }) => s.star)).toEqual([
      'situation',
      'task',
      'action',
      'result',
      'result',
    ])
    expect(out[1].error).toMatch(/line 2: invalid JSON/)
    expect(out[2].error).toMatch(/line 3: .*"answer" must be a string/)
    expect(out[3].error).toMatch(/line 4: empty line/)
    expect(out[4].error).toMatch(/line 5: Unknown rubric 'no-such-rubric'/)
    expect(out[5].error).toMatch(/line 6: Unknown prompt 'no-such-prompt'/)
    expect(out[6].error).toMatch(/line 7: expected a JSON object/)
    expect(out[7].rubricId).toBe('ownership')
    expect(out[7].score).toBeLessThan(out[0].score)
  })

  it('uses the rubric of a prompt, by id or by its exact question text', () => {
    const r = run(
      ['score', '--jsonl'],
      `${JSON.stringify({ answer: STRONG, question: 'Tell me about a project you are proud of.' })}\n`,
    )
    expect(JSON.parse(r.stdout).rubricId).toBe('star-core')
  })

  it('scores 1,000 lines in one process', () => {
    const input = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({ answer: `${STRONG} Attempt ${i}.` }),
    ).join('\n')
    const r = run(['score', '--jsonl'], input)
    expect(r.status).toBe(0)
    const out = r.stdout.trimEnd().split('\n')
    expect(out).toHaveLength(1000)
    expect(out.every((l) => typeof JSON.parse(l).score === 'number')).toBe(true)
  })

  it('answers usage errors with exit code 2 and a message', () => {
    const r = run(['score', '--rubric'], '')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--rubric needs a value')
    const unknown = run(['frobnicate'], '')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain("Unknown command 'frobnicate'")
  })
})

describe('star rubrics check', () => {
  it('passes on the shipped rubrics with a summary line', () => {
    const out = execFileSync(TSX, [CLI, 'rubrics', 'check'], { cwd: ROOT, encoding: 'utf8' })
    expect(out).toMatch(/^\d+ rubrics, \d+ prompts, \d+ examples, 0 problems\n$/m)
  })

  it('reports a broken file at the right line and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-rubrics-'))
    writeFileSync(join(dir, 'star-core.yaml'), readFileSync(join(ROOT, 'rubrics/star-core.yaml'), 'utf8'))
    writeFileSync(
      join(dir, 'broken.yaml'),
      [
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
    )
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', dir], out)).toBe(1)
    const lines = text().trimEnd().split('\n')
    expect(lines).toContain(
      `${relative(process.cwd(), join(dir, 'broken.yaml'))}:9:5  unknown-key  Unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling`,
    )
    expect(lines.at(-1)).toMatch(/^1 rubrics, 3 prompts, 3 examples, \d+ problems$/)
  })

  it('fails an example whose expectation is not met, pointing at the example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-rubrics-'))
    const core = readFileSync(join(ROOT, 'rubrics/star-core.yaml'), 'utf8')
    writeFileSync(join(dir, 'star-core.yaml'), core.replace('      band: strong\n', '      band: weak\n'))
    const { out, text } = capture()
    expect(await main(['rubrics', 'check', dir], out)).toBe(1)
    expect(text()).toMatch(
      /star-core\.yaml:\d+:5 {2}example-expectation {2}Example 'strong story with a measured result and a lesson': expected band 'weak', got 'strong'/,
    )
  })

  it('points a coverage gap at the criterion in the file, and an inherited one at the examples', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-rubrics-'))
    writeFileSync(join(dir, 'star-core.yaml'), readFileSync(join(ROOT, 'rubrics/star-core.yaml'), 'utf8'))
    writeFileSync(
      join(dir, 'grit.yaml'),
      [
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
    )
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
    const dir = mkdtempSync(join(tmpdir(), 'star-schema-'))
    const target = join(dir, 'rubric.schema.json')
    const { out, text } = capture()
    expect(await main(['rubrics', 'schema', target], out)).toBe(0)
    expect(text()).toContain('wrote')
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(ROOT, 'rubrics/rubric.schema.json'), 'utf8'))
  })
})
