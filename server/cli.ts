// The `star` command line: score answers (plain or JSON lines) and check or describe rubric files.

import { once } from 'node:events'
import { closeSync, createReadStream, openSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { z } from 'zod'
import { answerProblem, answerTooLong, LONE_SURROGATE, MAX_ANSWER_CHARACTERS } from '../engine/answer-rules'
import {
  checkRubrics,
  formatRubricError,
  type Rubric,
  type RubricCheckSummary,
  type RubricError,
  type RubricSource,
  rubricJsonSchema,
  type ScoreReport,
  score,
} from '../engine/index'
import { type RubricFolder, readRubricFolder } from './rubric-files'
import { buildRubricSet, chooseRubric, DEFAULT_RUBRIC_ID, type RubricChoice, RubricSet } from './rubric-set'

const USAGE = `Usage:
  star score [--rubric ID] [--prompt ID] [--jsonl] [--json] [--max-chars N] [FILE]
      Score the answer in FILE (or standard input, UTF-8) and print a readable report.
      --jsonl  read one JSON object per line: {"answer": "...", "question"?, "promptId"?, "rubric"?}
               and write one JSON report per line, in order; a bad line gets {"error": "..."}.
      --json   print the plain-mode report as one JSON object.
      --max-chars N  accept answers of up to N characters (default ${MAX_ANSWER_CHARACTERS}), for bulk scoring.
      Answers are checked as the server checks them: no control characters other than tab and line
      breaks, no broken characters, at most the limit.
  star rubrics check [DIR]    validate rubric files, run their examples, report coverage
  star rubrics schema [FILE]  write the JSON Schema for rubric files (default rubrics/rubric.schema.json)
  star help

Rubrics are read from STARBOARD_RUBRICS or ./rubrics. Without --rubric or --prompt, ${DEFAULT_RUBRIC_ID} is used.`

/** The command line was used wrongly: said with the usage text, exit code 2. */
class UsageError extends Error {}
/** A fault of the input (a file, a folder, an answer): said in one line, exit code 1. */
class InputError extends Error {}

const NON_PRINTABLE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F]|${LONE_SURROGATE.source}`, 'g')

/**
 * `text` safe to print on a terminal: C0 and C1 controls and DEL as \x07, lone surrogates as \ud800, so
 * that no byte read from a file or an argument can move the cursor, recolour or clear the screen.
 */
export function printable(text: string): string {
  return text.replace(NON_PRINTABLE, (c) => {
    const code = c.charCodeAt(0)
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** The first line of an exception's message, for one-line reports. */
function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const name = e instanceof Error && e.name !== 'Error' ? `${e.name}: ` : ''
  return `${name}${message.split('\n')[0]}`
}

/** A file-system fault on `name` (as the user gave it) in words, or undefined when `e` is not one. */
function fileFault(e: unknown, name: string): InputError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string') return undefined
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${name} does not exist`)
  if (code === 'EISDIR') return new InputError(`${name} is a directory; give a file`)
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(`${name} cannot be read (permission denied)`)
  return new InputError(`${name} cannot be read (${code})`)
}

interface LoadedFolder {
  rubrics: RubricSet
  /** The files as read, for placing the checker's problems in them. */
  sources: RubricSource[]
}

/** Reads every .yaml/.yml file in `dir` (not recursive), named relative to the working folder, and compiles them. */
function loadRubricDir(dir: string): LoadedFolder & { read: RubricFolder } {
  let isFolder: boolean
  try {
    isFolder = statSync(dir).isDirectory()
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(
        `The rubric folder ${dir} does not exist; set STARBOARD_RUBRICS or pass a folder that does`,
      )
    }
    throw fileFault(e, dir) ?? e
  }
  if (!isFolder) throw new InputError(`${dir} is not a folder; give the folder of rubric files`)
  const read = readRubricFolder(dir, (name) => relative(process.cwd(), join(dir, name)) || name)
  return { rubrics: buildRubricSetSafely(read), sources: read.sources, read }
}

function problemOfFile(file: string, ruleId: string, message: string): RubricError {
  return { file, line: 1, column: 1, path: '', ruleId, message }
}

/**
 * Compiles a folder's files like `build` (by default the server's rule), but an exception thrown while
 * compiling becomes a problem of the file that caused it: each file is then compiled on its own to find
 * it, and the others are compiled without it. Never throws.
 */
export function buildRubricSetSafely(
  read: RubricFolder,
  build: (read: RubricFolder) => RubricSet = buildRubricSet,
): RubricSet {
  try {
    return build(read)
  } catch {
    // Found below, file by file.
  }
  const good: RubricSource[] = []
  const failed: RubricError[] = []
  for (const source of read.sources) {
    try {
      build({ sources: [source], errors: [], files: [source.file], listed: true })
      good.push(source)
    } catch (e) {
      failed.push(
        problemOfFile(source.file, 'compile-failed', `The file could not be compiled: ${firstLine(e)}`),
      )
    }
  }
  try {
    const rest = build({ ...read, sources: good })
    return new RubricSet(rest.list(), [...rest.errors(), ...failed], rest.stale())
  } catch (e) {
    // Only together do the files fail: none can be trusted.
    const together = good.map((s) =>
      problemOfFile(s.file, 'compile-failed', `The files could not be compiled together: ${firstLine(e)}`),
    )
    return new RubricSet([], [...read.errors, ...failed, ...together])
  }
}

/** Runs the checker like `checkRubrics`; a rubric whose check throws becomes a problem of its file. */
function checkRubricsSafely(rubrics: readonly Rubric[], sources: readonly RubricSource[]) {
  try {
    return checkRubrics(rubrics, sources)
  } catch {
    // Found below, rubric by rubric.
  }
  const total: { rubrics: number; prompts: number; examples: number; problems: RubricError[] } = {
    rubrics: 0,
    prompts: 0,
    examples: 0,
    problems: [],
  }
  for (const rubric of rubrics) {
    let one: RubricCheckSummary
    try {
      one = checkRubrics([rubric], sources)
    } catch (e) {
      total.rubrics++
      total.prompts += rubric.prompts.length
      total.problems.push(
        problemOfFile(rubric.file, 'check-failed', `Checking rubric '${rubric.id}' failed: ${firstLine(e)}`),
      )
      continue
    }
    total.rubrics += one.rubrics
    total.prompts += one.prompts
    total.examples += one.examples
    total.problems.push(...one.problems)
  }
  return total
}

function defaultRubricDir(): string {
  return resolve(process.env.STARBOARD_RUBRICS ?? 'rubrics')
}

const jsonLineSchema = z.object({
  answer: z.string({ error: '"answer" must be a string' }),
  question: z.string().optional(),
  promptId: z.string().optional(),
  rubric: z.string().optional(),
})

function pickRubric(rubrics: RubricSet, choice: RubricChoice): Rubric {
  const chosen = chooseRubric(rubrics, choice)
  if ('rubric' in chosen) return chosen.rubric
  if (chosen.missing === 'rubric') {
    const known = rubrics.list().map((r) => r.id)
    throw new UsageError(`Unknown rubric '${chosen.id}'; known: ${known.join(', ')}`)
  }
  if (chosen.missing === 'prompt') throw new UsageError(`Unknown prompt '${chosen.id}'`)
  throw new UsageError(`The ${chosen.id} rubric is missing or has errors; run \`star rubrics check\``)
}

const LETTER: Record<string, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', other: '·' }
const MARK: Record<string, string> = { met: '✓', partial: '~', missed: '✗' }

function formatReport(report: ScoreReport): string {
  const lines: string[] = []
  const minutes = Math.floor(report.stats.speakingSeconds / 60)
  const seconds = report.stats.speakingSeconds % 60
  lines.push(
    `Score ${report.score}/100 — ${report.band.label}   (rubric ${report.rubricId}, ${report.stats.words} words, ${minutes}:${String(seconds).padStart(2, '0')} spoken, I ×${report.stats.iCount} / we ×${report.stats.weCount})`,
  )
  for (const m of report.messages) lines.push(`  ${m.severity}: ${m.reason}`)
  lines.push('', 'Sentences')
  for (const s of report.sentences) lines.push(`  ${LETTER[s.star]}  ${s.text.replace(/\s+/g, ' ')}`)
  const share = (k: keyof ScoreReport['sections']) => `${Math.round(report.sections[k].share * 100)}%`
  lines.push(
    '',
    `Sections  S ${share('situation')}  T ${share('task')}  A ${share('action')}  R ${share('result')}`,
  )
  lines.push('', 'Criteria')
  for (const c of report.criteria) {
    const first = c.messages.find((m) => m.severity !== 'info')
    lines.push(
      `  ${MARK[c.status]} ${c.label.padEnd(28)} ${c.score.toFixed(1).padStart(5)}/${c.max.toFixed(1).padEnd(5)} ${first ? first.reason : ''}`.trimEnd(),
    )
  }
  if (report.suggestions.length > 0) {
    lines.push('', 'Suggestions')
    for (const s of report.suggestions) lines.push(`  +${String(s.gain).padEnd(3)} ${s.message}`)
  }
  // Rubric texts come from files: never let one of their bytes act on the terminal.
  return `${lines.map(printable).join('\n')}\n`
}

interface ParsedArgs {
  flags: Set<string>
  values: Map<string, string>
  positional: string[]
}

function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
      if (valueFlags.includes(name)) {
        const v = inline ?? argv[++i]
        if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`)
        values.set(name, v)
      } else if (boolFlags.includes(name)) flags.add(name)
      else throw new UsageError(`Unknown option --${name}`)
    } else positional.push(a)
  }
  return { flags, values, positional }
}

/** The answer limit from --max-chars: a positive whole number, else the server's limit. */
function maxCharsOption(value: string | undefined): number {
  if (value === undefined) return MAX_ANSWER_CHARACTERS
  const n = Number(value)
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(
      `--max-chars must be a positive whole number of characters, e.g. 50000; got '${value}'`,
    )
  }
  return n
}

/** Strict UTF-8: a byte sequence that is not UTF-8 is refused, not read as U+FFFD (a byte-order mark is kept). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

const isNamedFile = (file: string | undefined): file is string => file !== undefined && file !== '-'

/**
 * Opens `file` for reading, or says in one line why it cannot be: missing, a directory, unreadable.
 * Returns the descriptor and the file's size when it is a regular file.
 */
function openInput(file: string): { fd: number; size: number | undefined } {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (e) {
    throw fileFault(e, file) ?? e
  }
  try {
    const stats = statSync(file)
    if (stats.isDirectory()) throw new InputError(`${file} is a directory; give a file`)
    return { fd, size: stats.isFile() ? stats.size : undefined }
  } catch (e) {
    closeSync(fd)
    throw e instanceof InputError ? e : (fileFault(e, file) ?? e)
  }
}

/** A UTF-16 code unit takes at most 3 bytes of UTF-8, so more bytes than this hold a text over `maxChars`. */
const maxBytesOfText = (maxChars: number) => 3 * maxChars

/** The answer of plain mode: FILE or standard input, strict UTF-8, checked like the server's. */
async function readAnswer(file: string | undefined, maxChars: number): Promise<string> {
  const name = isNamedFile(file) ? file : 'standard input'
  let bytes: Buffer
  if (isNamedFile(file)) {
    const { fd, size } = openInput(file)
    try {
      if (size !== undefined && size > maxBytesOfText(maxChars)) {
        throw new InputError(`${name}: ${answerTooLong(maxChars)}`)
      }
      bytes = readFileSync(fd)
    } catch (e) {
      throw e instanceof InputError ? e : (fileFault(e, name) ?? e)
    } finally {
      closeSync(fd)
    }
  } else {
    const chunks: Buffer[] = []
    let size = 0
    try {
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer)
        size += (chunk as Buffer).length
        if (size > maxBytesOfText(maxChars)) throw new InputError(`${name}: ${answerTooLong(maxChars)}`)
      }
    } catch (e) {
      throw e instanceof InputError ? e : (fileFault(e, name) ?? e)
    }
    bytes = Buffer.concat(chunks)
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) throw new InputError(`${name} is not valid UTF-8 text; save it as UTF-8`)
  const problem = answerProblem(text, maxChars)
  if (problem !== undefined) throw new InputError(`${name}: ${problem}`)
  return text
}

/** One line of input as bytes (without its line break), or the fact that it was longer than allowed. */
type InputLine = { bytes: Buffer } | { tooLong: true }

/**
 * The lines of `input`, split at line feeds (a carriage return before one is dropped), as bytes so that each
 * line's UTF-8 is checked on its own. A line longer than `maxBytes` is not held in memory: it is skipped to
 * its end and reported as too long. A last line without a line break counts; an empty input has none.
 */
async function* inputLines(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<InputLine> {
  let parts: Buffer[] = []
  let size = 0
  let overflow = false
  const finish = (tail: Buffer): InputLine => {
    if (overflow) return { tooLong: true }
    let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail])
    if (bytes.length > maxBytes) return { tooLong: true }
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1)
    return { bytes }
  }
  for await (const chunk of input) {
    let start = 0
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      yield finish(chunk.subarray(start, nl))
      parts = []
      size = 0
      overflow = false
      start = nl + 1
    }
    if (start < chunk.length && !overflow) {
      parts.push(chunk.subarray(start))
      size += chunk.length - start
      if (size > maxBytes) {
        overflow = true
        parts = []
      }
    }
  }
  if (overflow || size > 0) yield finish(Buffer.alloc(0))
}

async function scoreCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const args = parseArgs(argv, ['rubric', 'prompt', 'max-chars'], ['jsonl', 'json'])
  if (args.positional.length > 1) throw new UsageError('Give at most one FILE')
  const maxChars = maxCharsOption(args.values.get('max-chars'))
  const { rubrics } = loadRubricDir(defaultRubricDir())
  const fixed: RubricChoice = { rubricId: args.values.get('rubric'), promptId: args.values.get('prompt') }
  const file = args.positional[0]
  if (!args.flags.has('jsonl')) {
    const rubric = pickRubric(rubrics, fixed)
    const text = await readAnswer(file, maxChars)
    const report = score(text, rubric)
    out.write(args.flags.has('json') ? `${JSON.stringify(report)}\n` : formatReport(report))
    return 0
  }
  // JSON lines: one output line per input line, in order; a bad line gets {"error"} and the run goes on.
  if (fixed.rubricId !== undefined || fixed.promptId !== undefined) pickRubric(rubrics, fixed)
  const input = isNamedFile(file) ? createReadStream('', { fd: openInput(file).fd }) : process.stdin
  // Room for the longest answer with every character escaped (\uXXXX), and for the other fields.
  const maxLineBytes = 6 * maxChars + 64 * 1024
  const name = isNamedFile(file) ? file : 'standard input'
  let lineNo = 0
  try {
    for await (const line of inputLines(input as AsyncIterable<Buffer>, maxLineBytes)) {
      lineNo++
      const result =
        'tooLong' in line
          ? {
              error: `line ${lineNo}: the line is longer than ${maxLineBytes} bytes; ${answerTooLong(maxChars)}`,
            }
          : scoreJsonLine(line.bytes, lineNo, rubrics, fixed, maxChars)
      if (!out.write(`${typeof result === 'string' ? result : JSON.stringify(result)}\n`)) {
        await once(out, 'drain')
      }
    }
  } catch (e) {
    throw fileFault(e, name) ?? e
  }
  return 0
}

function scoreJsonLine(
  bytes: Buffer,
  lineNo: number,
  rubrics: RubricSet,
  fixed: RubricChoice,
  maxChars: number,
): string {
  try {
    const line = decodeUtf8(bytes)
    if (line === undefined) {
      return JSON.stringify({ error: `line ${lineNo}: the line is not valid UTF-8 text` })
    }
    if (line.trim() === '')
      return JSON.stringify({ error: `line ${lineNo}: empty line; expected a JSON object` })
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      return JSON.stringify({ error: `line ${lineNo}: invalid JSON (${(e as Error).message})` })
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return JSON.stringify({ error: `line ${lineNo}: expected a JSON object with an "answer" string` })
    }
    const parsed = jsonLineSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const field = issue.path.join('.')
      const reason =
        issue.code === 'invalid_type' && field === 'answer' ? '"answer" must be a string' : issue.message
      return JSON.stringify({ error: `line ${lineNo}: ${field ? `${field}: ` : ''}${reason}` })
    }
    // The server's rule, before the rubric is chosen, as the server validates the body first.
    const problem = answerProblem(parsed.data.answer, maxChars)
    if (problem !== undefined) return JSON.stringify({ error: `line ${lineNo}: ${problem}` })
    const rubric = pickRubric(rubrics, {
      rubricId: parsed.data.rubric ?? fixed.rubricId,
      promptId: parsed.data.promptId ?? fixed.promptId,
      question: parsed.data.question,
    })
    return JSON.stringify(score(parsed.data.answer, rubric))
  } catch (e) {
    const message = e instanceof UsageError ? e.message : 'could not score this line'
    return JSON.stringify({ error: `line ${lineNo}: ${message}` })
  }
}

function rubricsCheckCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const dir = resolve(args.positional[0] ?? defaultRubricDir())
  const { rubrics, sources, read } = loadRubricDir(dir)
  if (read.sources.length === 0 && read.errors.length === 0) {
    throw new InputError(`There are no rubric files (.yaml or .yml) in ${dir}; nothing to check`)
  }
  const summary = checkRubricsSafely(rubrics.list(), sources)
  // Names and messages can carry bytes of the files: print them escaped.
  const lines = [...rubrics.errors(), ...summary.problems].map((e) => printable(formatRubricError(e)))
  for (const l of lines) out.write(`${l}\n`)
  const problems = lines.length
  out.write(
    `${summary.rubrics} rubrics, ${summary.prompts} prompts, ${summary.examples} examples, ${problems} problem${problems === 1 ? '' : 's'}\n`,
  )
  return problems > 0 ? 1 : 0
}

function rubricsSchemaCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const target = resolve(args.positional[0] ?? join(defaultRubricDir(), 'rubric.schema.json'))
  const json = `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`
  writeFileSync(target, json)
  out.write(`wrote ${relative(process.cwd(), target)}\n`)
  return 0
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const [command, sub, ...rest] = argv
  try {
    if (command === 'score') return await scoreCommand(argv.slice(1), out)
    if (command === 'rubrics' && sub === 'check') return rubricsCheckCommand(rest, out)
    if (command === 'rubrics' && sub === 'schema') return rubricsSchemaCommand(rest, out)
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      out.write(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    }
    throw new UsageError(`Unknown command '${argv.join(' ')}'`)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`star: ${printable(e.message)}\n\n${USAGE}\n`)
      return 2
    }
    // A fault of the user's files or input, including a file-system error not foreseen above.
    const fault = e instanceof InputError ? e : fileFault(e, (e as NodeJS.ErrnoException).path ?? 'a file')
    if (fault !== undefined) {
      process.stderr.write(`star: ${printable(fault.message)}\n`)
      return 1
    }
    return unexpected(e)
  }
}

/** Anything else is a fault of the program: one line, never a stack trace, exit code 2. */
function unexpected(e: unknown): number {
  process.stderr.write(`star: unexpected error: ${printable(firstLine(e))}\n`)
  return 2
}

// Run when executed directly (tsx server/cli.ts ...), not when imported by tests.
if (process.argv[1] !== undefined && /cli\.[tj]s$/.test(process.argv[1])) {
  // A reader that stops early (`star score --jsonl big | head`) closes the pipe: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    process.exit(unexpected(e))
  })
  process.on('uncaughtException', (e) => process.exit(unexpected(e)))
  process.on('unhandledRejection', (e) => process.exit(unexpected(e)))
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.exitCode = unexpected(e)
    },
  )
}
