// The star score contract: plain and JSON-lines scoring, answers checked as the server checks them, files
// that cannot be read, and faults said in one line.

import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerProblem, MAX_ANSWER_CHARACTERS } from '../../engine/answer-rules'
import { main } from '../../server/cli'
import { printable } from '../../server/cli/output'
import {
  answerOfLength,
  capture,
  expectOneLine,
  jsonLines,
  RAW_CONTROL,
  run,
  runMain,
  STRONG,
  tempDir,
} from './cli-helpers'
import { startApp } from './helpers'

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
    const dir = tempDir()
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
        expect(res.json().message).toBe(problem)
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

describe('printable', () => {
  it('escapes C0, DEL, C1 and lone surrogates and leaves other text alone', () => {
    expect(printable('a\u0000b\u0007c\u001b[31md\u007f\u009be\ud800')).toBe(
      'a\\x00b\\x07c\\x1b[31md\\x7f\\x9be\\ud800',
    )
    expect(printable('café 😀 — ok')).toBe('café 😀 — ok')
  })
})
