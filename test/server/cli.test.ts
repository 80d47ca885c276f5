// The star CLI contract: plain and JSON-lines scoring, rubric checking with positions, schema writing.

import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerProblem, MAX_ANSWER_CHARACTERS } from '../../engine/answer-rules'
import { buildRubricSetSafely, main, printable } from '../../server/cli'
import { buildRubricSet } from '../../server/rubric-set'
import { startApp } from './helpers'

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

function run(args: string[], input: string | Buffer, env: Record<string, string> = {}) {
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
      `${relative(process.cwd(), join(dir, 'broken.yaml'))}:9:5  unknown-key  Criterion 1 (signals): unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling`,
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

/** Runs `main` in this process, as `run` does in a child: its exit code, standard output and error. */
async function runMain(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { out, text } = capture()
  const written: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  try {
    const status = await main(args, out)
    return { status, stdout: text(), stderr: written.join('') }
  } finally {
    spy.mockRestore()
  }
}

/** A user fault: nothing on stdout, exactly one line on stderr (no stack trace), and the exit code. */
function expectOneLine(
  r: { status: number | null; stdout: string; stderr: string },
  status: number,
  message: RegExp,
): void {
  expect(r.stderr).not.toMatch(/\n\s+at /)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^star: /)
  expect(lines[0]).toMatch(message)
  expect(r.stdout).toBe('')
  expect(r.status).toBe(status)
}

function tempDir(prefix = 'star-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A natural answer of exactly `length` characters. */
function answerOfLength(length: number): string {
  return STRONG.repeat(Math.ceil(length / STRONG.length) + 1).slice(0, length)
}

/** Any C0 control other than line feed, or DEL or a C1 control: what must never reach a terminal raw. */
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/

const jsonLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { error?: string; score?: number })

describe('star score checks answers as the server does', () => {
  it('answers NUL, control-character, lone-surrogate and over-limit lines with an error and goes on', () => {
    const bad = [
      'a\u0000b',
      'Escape \u001b[31m here',
      'broken \ud800 pair',
      'tail half \udc00',
      answerOfLength(MAX_ANSWER_CHARACTERS + 1),
    ]
    const lines = [
      ...bad.map((answer) => JSON.stringify({ answer })),
      JSON.stringify({ answer: STRONG }),
      JSON.stringify({ answer: answerOfLength(MAX_ANSWER_CHARACTERS) }),
      JSON.stringify({ answer: `Tab\tand\r\nline breaks are fine. ${STRONG}` }),
    ]
    const r = run(['score', '--jsonl'], `${lines.join('\n')}\n`)
    expect(r.status).toBe(0)
    const out = jsonLines(r.stdout)
    expect(out).toHaveLength(lines.length)
    bad.forEach((answer, i) => {
      expect(out[i]).toEqual({ error: `line ${i + 1}: ${answerProblem(answer)}` })
    })
    expect(out[0]!.error).toMatch(/control characters \(such as NUL or escape\)/)
    expect(out[2]!.error).toMatch(/half of a UTF-16 surrogate pair/)
    expect(out[4]!.error).toMatch(/longer than the limit of 20,000 characters/)
    for (const report of out.slice(bad.length)) expect(typeof report.score).toBe('number')
  })

  it('uses the same words as the server for each fault', async () => {
    const app = await startApp()
    try {
      for (const answer of ['a\u0000b', 'x\ud800', answerOfLength(MAX_ANSWER_CHARACTERS + 1)]) {
        const res = await app.app.inject({ method: 'POST', url: '/api/score', payload: { answer } })
        expect(res.statusCode).toBe(400)
        const problem = answerProblem(answer)
        expect(problem).toBeDefined()
        expect(res.json().message).toBe(`body.answer: ${problem}`)
      }
    } finally {
      await app.close()
    }
  })

  it('raises the limit with --max-chars', () => {
    const lines = [answerOfLength(25_000), answerOfLength(30_000), answerOfLength(30_001)].map((answer) =>
      JSON.stringify({ answer }),
    )
    const r = run(['score', '--jsonl', '--max-chars', '30000'], lines.join('\n'))
    expect(r.status).toBe(0)
    const out = jsonLines(r.stdout)
    expect(out).toHaveLength(3)
    expect(typeof out[0]!.score).toBe('number')
    expect(typeof out[1]!.score).toBe('number')
    expect(out[2]).toEqual({
      error: 'line 3: answer is longer than the limit of 30,000 characters; shorten it',
    })
    const plain = run(['score', '--max-chars=30000'], answerOfLength(25_000))
    expect(plain.status).toBe(0)
    expect(plain.stdout).toMatch(/^Score \d+\/100/)
  })

  it('refuses a --max-chars that is not a positive whole number', async () => {
    const spawned = run(['score', '--jsonl', '--max-chars', '0'], JSON.stringify({ answer: STRONG }))
    expect(spawned.status).toBe(2)
    expect(spawned.stdout).toBe('')
    expect(spawned.stderr).toContain(
      "--max-chars must be a positive whole number of characters, e.g. 50000; got '0'",
    )
    for (const value of ['-5', 'abc', '1.5', '1e3', '0x10', '99999999999999999999']) {
      const r = await runMain(['score', '--jsonl', `--max-chars=${value}`, '-'])
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain('--max-chars must be a positive whole number')
    }
  })

  it('answers a line that is not valid UTF-8 with an error', () => {
    const input = Buffer.concat([
      Buffer.from('{"answer": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"answer": "x'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(`"}\n${JSON.stringify({ answer: STRONG })}\n`),
    ])
    const r = run(['score', '--jsonl'], input)
    expect(r.status).toBe(0)
    const out = jsonLines(r.stdout)
    expect(out).toHaveLength(3)
    expect(out[0]!.error).toMatch(/^line 1: .*not valid UTF-8/)
    expect(out[1]!.error).toMatch(/^line 2: .*not valid UTF-8/)
    expect(typeof out[2]!.score).toBe('number')
  })

  it('refuses a plain answer with control characters in one line, with exit code 1', () => {
    expectOneLine(run(['score', '--json'], `${STRONG}\u0007`), 1, /answer contains control characters/)
  })

  it('refuses a plain FILE with control characters, broken characters or over the limit', async () => {
    const dir = tempDir()
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content)
      return join(dir, name)
    }
    expectOneLine(
      await runMain(['score', write('nul.txt', `${STRONG}\u0000`)]),
      1,
      /nul\.txt: answer contains control characters \(such as NUL/,
    )
    expectOneLine(
      await runMain(['score', write('long.txt', answerOfLength(MAX_ANSWER_CHARACTERS + 1))]),
      1,
      /long\.txt: answer is longer than the limit of 20,000 characters/,
    )
    // Far over the limit: refused by its size, without reading it.
    expectOneLine(
      await runMain(['score', write('huge.txt', 'a'.repeat(3 * MAX_ANSWER_CHARACTERS + 1))]),
      1,
      /huge\.txt: answer is longer than the limit of 20,000 characters/,
    )
    // A surrogate encoded on its own (CESU-8) is not UTF-8; read leniently it would be scored as U+FFFD.
    const cesu = write(
      'cesu.txt',
      Buffer.concat([Buffer.from('I fixed it '), Buffer.from([0xed, 0xa0, 0x80])]),
    )
    expectOneLine(await runMain(['score', cesu]), 1, /cesu\.txt is not valid UTF-8 text/)
    const full = await runMain(['score', write('full.txt', answerOfLength(MAX_ANSWER_CHARACTERS))])
    expect(full.status).toBe(0)
    expect(full.stdout).toMatch(/^Score \d+\/100/)
  })
})

describe('star score with a FILE that cannot be read', () => {
  it('says a directory is a directory, in one line, with exit code 1', async () => {
    const dir = tempDir()
    expectOneLine(run(['score', dir], ''), 1, /is a directory; give a file$/)
    expectOneLine(await runMain(['score', '--jsonl', dir]), 1, /is a directory; give a file$/)
  })

  it('says a missing file is missing, in one line, with exit code 1', async () => {
    const missing = join(tempDir(), 'nope.txt')
    expectOneLine(run(['score', '--jsonl', missing], ''), 1, /nope\.txt does not exist$/)
    expectOneLine(await runMain(['score', missing]), 1, /nope\.txt does not exist$/)
  })

  it.skipIf(process.getuid?.() === 0)('says a file without read permission cannot be read', async () => {
    const file = join(tempDir(), 'locked.txt')
    writeFileSync(file, STRONG)
    chmodSync(file, 0o000)
    expectOneLine(await runMain(['score', file]), 1, /locked\.txt cannot be read \(permission denied\)/)
    expectOneLine(
      await runMain(['score', '--jsonl', file]),
      1,
      /locked\.txt cannot be read \(permission denied\)/,
    )
  })

  // Opens, but every read fails (EIO): an unreadable file even for the superuser.
  it.skipIf(!existsSync('/proc/self/mem'))(
    'says a file whose reads fail cannot be read, in one line',
    async () => {
      expectOneLine(run(['score', '/proc/self/mem'], ''), 1, /\/proc\/self\/mem cannot be read \(EIO\)/)
      expectOneLine(await runMain(['score', '--jsonl', '/proc/self/mem']), 1, /cannot be read \(EIO\)/)
    },
  )

  it('escapes control characters of a file name it prints', () => {
    const missing = join(tempDir(), 'bell\u0007\u001b[2J.txt')
    const r = run(['score', missing], '')
    expect(r.status).toBe(1)
    expect(r.stderr).not.toMatch(RAW_CONTROL)
    expect(r.stderr).toContain('bell\\x07\\x1b[2J.txt')
  })
})

describe('star reports an unexpected fault in one line', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('prints one line and returns exit code 2', async () => {
    const written: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    const failing = new Writable({
      write(_chunk, _enc, done) {
        done()
      },
    })
    failing.write = () => {
      throw new Error('disk on fire\n    at somewhere (file.ts:1:1)')
    }
    const file = join(tempDir(), 'answer.txt')
    writeFileSync(file, STRONG)
    expect(await main(['score', file], failing)).toBe(2)
    const text = written.join('')
    expect(text.trimEnd().split('\n')).toHaveLength(1)
    expect(text).toMatch(/^star: unexpected error: disk on fire/)
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

  it('fails on a file given as the folder', async () => {
    const file = join(tempDir('star-rubrics-'), 'star-core.yaml')
    writeFileSync(file, readFileSync(join(ROOT, 'rubrics/star-core.yaml')))
    expectOneLine(await runMain(['rubrics', 'check', file]), 1, /star-core\.yaml is not a folder/)
  })
})

describe('star rubrics check on hostile files', () => {
  it('never echoes raw control bytes from a file or its name', () => {
    const dir = tempDir('star-rubrics-')
    writeFileSync(join(dir, 'star-core.yaml'), readFileSync(join(ROOT, 'rubrics/star-core.yaml')))
    writeFileSync(
      join(dir, 'binary.yaml'),
      Buffer.from(
        'id: binary\ntitle: B\x07\nkind: theme\nextends: star-core\nsummary: s\ncriteria:\n' +
          '  - id: sig\n    check: keywords\n    we\x1b[2Jight: 10\n    groups: []\n',
        'latin1',
      ),
    )
    writeFileSync(join(dir, 'bell\u0007.yaml'), Buffer.from([0x00, 0x01, 0x9b, 0x1b, 0x5b, 0x32, 0x4a]))
    const r = run(['rubrics', 'check', dir], '')
    expect(r.status).toBe(1)
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL)
    expect(r.stdout).toContain("unknown key 'we\\x1b[2Jight'")
    expect(r.stdout).toContain('bell\\x07.yaml')
  })

  it('reports a YAML alias bomb as a problem of its file, checks the others, and exits 1', () => {
    const dir = tempDir('star-rubrics-')
    writeFileSync(join(dir, 'star-core.yaml'), readFileSync(join(ROOT, 'rubrics/star-core.yaml')))
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
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\nid: bomb\n`)
    const r = run(['rubrics', 'check', dir], '')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.status).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines.some((l) => l.startsWith(`${relative(ROOT, join(dir, 'bomb.yaml'))}:`))).toBe(true)
    expect(lines.at(-1)).toMatch(/^1 rubrics, \d+ prompts, \d+ examples, [1-9]\d* problems?$/)
  })

  it('turns an exception while compiling one file into a problem of that file and keeps the rest', () => {
    const core = { file: 'star-core.yaml', text: readFileSync(join(ROOT, 'rubrics/star-core.yaml'), 'utf8') }
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

describe('printable', () => {
  it('escapes C0, DEL, C1 and lone surrogates and leaves other text alone', () => {
    expect(printable('a\u0000b\u0007c\u001b[31md\u007f\u009be\ud800')).toBe(
      'a\\x00b\\x07c\\x1b[31md\\x7f\\x9be\\ud800',
    )
    expect(printable('café 😀 — ok')).toBe('café 😀 — ok')
  })
})
