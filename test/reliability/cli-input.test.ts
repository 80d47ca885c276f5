// Any input to `star score --jsonl` gets exactly one JSON line per input line, in order: a report or {"error"}.
// And the command never prints a stack trace, even when its reader goes away.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { answerProblem, MAX_ANSWER_CHARACTERS } from '../../engine/answer-rules'
import { type Rubric, score } from '../../engine/index'
import { readRubricFolder } from '../../server/rubric-files'
import { buildRubricSet } from '../../server/rubric-set'

const ROOT = new URL('../..', import.meta.url).pathname
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'server/cli.ts')

const STAR_CORE: Rubric = (() => {
  const rubric = buildRubricSet(readRubricFolder(join(ROOT, 'rubrics'))).get('star-core')
  if (rubric === undefined) throw new Error('the shipped star-core rubric does not compile')
  return rubric
})()

function runJsonl(input: Buffer, args: string[] = []) {
  return spawnSync(TSX, [CLI, 'score', '--jsonl', ...args], {
    input,
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
}

/**
 * One input line (bytes, never a line feed) and what it must get: the report of an answer, an error,
 * or either (raw bytes that are almost never a JSON object but could be).
 */
interface Line {
  bytes: Buffer
  expect: { report: string } | 'error' | 'any'
}

const noLineFeed = (bytes: Uint8Array) => Buffer.from(bytes.map((b) => (b === 0x0a ? 0x20 : b)))

/** Any text: every code point including controls and lone surrogates, or natural graphemes. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u001b[2J', '\ud800', 'x\udc00y', '\u007f', '\r', 'I fixed it.\t'),
)

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  // Arbitrary bytes: invalid UTF-8, NUL, control bytes, carriage returns.
  fc.uint8Array({ maxLength: 60 }).map((b): Line => ({ bytes: noLineFeed(b), expect: 'any' })),
  // Arbitrary text written as UTF-8, not as JSON.
  anyText.map((t): Line => ({ bytes: noLineFeed(Buffer.from(t, 'utf8')), expect: 'any' })),
  // A JSON object with an arbitrary answer: a report exactly when the server's rule accepts it.
  fc.tuple(anyText, fc.constantFrom('', 'I led the fix. Failures fell by 40%. ')).map(([t, prefix]): Line => {
    const answer = prefix + t
    const bytes = Buffer.from(JSON.stringify({ answer }), 'utf8')
    return {
      bytes,
      expect:
        answerProblem(answer) === undefined ? { report: JSON.stringify(score(answer, STAR_CORE)) } : 'error',
    }
  }),
  // A JSON value of any shape, or an answer that is not a string.
  fc
    .jsonValue({ maxDepth: 2 })
    .map((v): Line => ({ bytes: Buffer.from(JSON.stringify(v) ?? 'null'), expect: 'any' })),
  fc.anything({ maxDepth: 1 }).map(
    (v): Line => ({
      bytes: Buffer.from(JSON.stringify({ answer: typeof v === 'string' ? 1 : v }) ?? 'x'),
      expect: 'error',
    }),
  ),
)

const inputArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 30 }),
  crlf: fc.boolean(),
  finalBreak: fc.boolean(),
})

function inputOf({ lines, crlf, finalBreak }: { lines: Line[]; crlf: boolean; finalBreak: boolean }) {
  const sep = Buffer.from(crlf ? '\r\n' : '\n')
  const parts: Buffer[] = []
  lines.forEach((l, i) => {
    parts.push(l.bytes)
    // An empty last line after others needs its own break: without one, "a\n" + "" is "a" with a final break.
    const emptyLast = i > 0 && l.bytes.length === 0
    if (i < lines.length - 1 || finalBreak || emptyLast) parts.push(sep)
  })
  return Buffer.concat(parts)
}

/** Exactly one JSON line per input line, in order; each a report or {"error"} as the line demands. */
function checkOutput(lines: Line[], result: ReturnType<typeof runJsonl>): void {
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  expect(result.stdout.endsWith('\n')).toBe(true)
  const out = result.stdout.slice(0, -1).split('\n')
  expect(out).toHaveLength(lines.length)
  out.forEach((text, i) => {
    const value = JSON.parse(text) as Record<string, unknown>
    expect(value !== null && typeof value === 'object' && !Array.isArray(value)).toBe(true)
    const isError = typeof value.error === 'string'
    if (isError) {
      expect(Object.keys(value)).toEqual(['error'])
      expect(value.error).toMatch(new RegExp(`^line ${i + 1}: `))
    } else {
      expect(typeof value.score).toBe('number')
      expect(value.rubricId).toBe('star-core')
    }
    const want = lines[i]!.expect
    if (want === 'error') expect(isError).toBe(true)
    else if (want !== 'any') expect(value).toEqual(JSON.parse(want.report))
  })
}

describe('star score --jsonl on arbitrary input', () => {
  test('prints exactly one JSON line per input line, in order, a report or {"error"}', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        checkOutput(input.lines, runJsonl(inputOf(input)))
      }),
      // A fixed seed keeps CI repeatable; set SEED to explore other inputs.
      { numRuns: 12, seed: Number(process.env.SEED ?? 20261128) },
    )
  })

  test('an empty input is one empty line: it gets exactly one {"error"} line', () => {
    // Found by the property above (seed 846612243): one empty line with no final line break is no bytes at all,
    // and the command printed nothing.
    const result = runJsonl(Buffer.alloc(0))
    checkOutput([{ bytes: Buffer.alloc(0), expect: 'error' }], result)
    expect(result.stdout).toBe('{"error":"line 1: empty line; expected a JSON object"}\n')
  })

  test('holds for two thousand arbitrary lines in one run', () => {
    const lines = fc.sample(lineArb, { numRuns: 2000, seed: 10 })
    checkOutput(lines, runJsonl(inputOf({ lines, crlf: false, finalBreak: true })))
  })

  test('answers a line too long to hold with an error, and goes on', () => {
    const tooLong = Buffer.from(
      JSON.stringify({ answer: '\u0001'.repeat(MAX_ANSWER_CHARACTERS) + 'x'.repeat(70_000) }),
    )
    const noBreak = Buffer.alloc(4 * 1024 * 1024, 0x61)
    const good = Buffer.from(JSON.stringify({ answer: 'I fixed the build. It passed.' }))
    const r = runJsonl(Buffer.concat([tooLong, Buffer.from('\n'), good, Buffer.from('\n'), noBreak]))
    expect(r.status).toBe(0)
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out).toHaveLength(3)
    expect(out[0].error).toMatch(/^line 1: the line is longer than \d+ bytes/)
    expect(out[1].score).toBeTypeOf('number')
    expect(out[2].error).toMatch(/^line 3: the line is longer than \d+ bytes/)
  })

  test('stops quietly when its reader closes the pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-cli-pipe-'))
    const input = join(dir, 'answers.jsonl')
    const line = `${JSON.stringify({ answer: 'I led the migration. Errors fell by half.' })}\n`
    writeFileSync(input, line.repeat(5000))
    const err = join(dir, 'stderr')
    const status = join(dir, 'status')
    const r = spawnSync(
      'sh',
      ['-c', `( "${TSX}" "${CLI}" score --jsonl "${input}" 2>"${err}"; echo $? >"${status}" ) | head -n 1`],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(readFileSync(err, 'utf8')).toBe('')
    expect(readFileSync(status, 'utf8').trim()).toBe('0')
  })
})
