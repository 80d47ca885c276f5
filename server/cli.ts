// The `star` command line: score answers (plain or JSON lines) and check or describe rubric files.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { isMap, isScalar, LineCounter, type Node, type Pair, parseDocument } from 'yaml'
import { z } from 'zod'
import {
  checkRubrics,
  compileRubrics,
  formatRubricError,
  type Rubric,
  type RubricError,
  rubricJsonSchema,
  type ScoreReport,
  score,
} from '../engine/index'
import { readRubricFolder } from './rubric-files'

const USAGE = `Usage:
  star score [--rubric ID] [--prompt ID] [--jsonl] [--json] [FILE]
      Score the answer in FILE (or standard input) and print a readable report.
      --jsonl  read one JSON object per line: {"answer": "...", "question"?, "promptId"?, "rubric"?}
               and write one JSON report per line, in order; a bad line gets {"error": "..."}.
      --json   print the plain-mode report as one JSON object.
  star rubrics check [DIR]    validate rubric files, run their examples, report coverage
  star rubrics schema [FILE]  write the JSON Schema for rubric files (default rubrics/rubric.schema.json)
  star help

Rubrics are read from STARBOARD_RUBRICS or ./rubrics. Without --rubric or --prompt, star-core is used.`

export class UsageError extends Error {}

export interface LoadedRubrics {
  rubrics: Map<string, Rubric>
  promptRubric: Map<string, Rubric>
  errors: RubricError[]
  files: { file: string; text: string }[]
}

/** Reads every .yaml/.yml file in `dir` (not recursive) and compiles them together. */
export function loadRubricDir(dir: string): LoadedRubrics {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`Rubric folder not found: ${dir} (set STARBOARD_RUBRICS or pass a folder)`)
  }
  const read = readRubricFolder(dir, (name) => relative(process.cwd(), join(dir, name)) || name)
  const files = read.sources
  const compiled = compileRubrics(files)
  const rubrics = compiled.rubrics
  const errors = [...read.errors, ...compiled.errors]
  const byId = new Map(rubrics.map((r) => [r.id, r]))
  const promptRubric = new Map<string, Rubric>()
  for (const r of rubrics) for (const p of r.prompts) promptRubric.set(p.id, r)
  return { rubrics: byId, promptRubric, errors, files }
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

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

interface Choice {
  rubricId?: string
  promptId?: string
  question?: string
}

function chooseRubric(loaded: LoadedRubrics, choice: Choice): Rubric {
  if (choice.rubricId !== undefined) {
    const r = loaded.rubrics.get(choice.rubricId)
    if (r === undefined)
      throw new UsageError(
        `Unknown rubric '${choice.rubricId}'; known: ${[...loaded.rubrics.keys()].join(', ')}`,
      )
    return r
  }
  if (choice.promptId !== undefined) {
    const r = loaded.promptRubric.get(choice.promptId)
    if (r === undefined) throw new UsageError(`Unknown prompt '${choice.promptId}'`)
    return r
  }
  if (choice.question !== undefined) {
    // A question that is one of our prompts, word for word, is scored with that prompt's rubric.
    const q = normalise(choice.question)
    for (const r of loaded.rubrics.values()) {
      if (r.prompts.some((p) => normalise(p.text) === q)) return r
    }
  }
  const core = loaded.rubrics.get('star-core')
  if (core === undefined)
    throw new UsageError('The star-core rubric is missing or has errors; run `star rubrics check`')
  return core
}

const LETTER: Record<string, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', other: '·' }
const MARK: Record<string, string> = { met: '✓', partial: '~', missed: '✗' }

export function formatReport(report: ScoreReport): string {
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
  return `${lines.join('\n')}\n`
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

async function readInput(file: string | undefined): Promise<string> {
  if (file !== undefined && file !== '-') {
    if (!existsSync(file)) throw new UsageError(`File not found: ${file}`)
    return readFileSync(file, 'utf8')
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function scoreCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const args = parseArgs(argv, ['rubric', 'prompt'], ['jsonl', 'json'])
  if (args.positional.length > 1) throw new UsageError('Give at most one FILE')
  const loaded = loadRubricDir(defaultRubricDir())
  const fixed: Choice = { rubricId: args.values.get('rubric'), promptId: args.values.get('prompt') }
  if (!args.flags.has('jsonl')) {
    const rubric = chooseRubric(loaded, fixed)
    const text = await readInput(args.positional[0])
    const report = score(text, rubric)
    out.write(args.flags.has('json') ? `${JSON.stringify(report)}\n` : formatReport(report))
    return 0
  }
  // JSON lines: one output line per input line, in order; a bad line gets {"error"} and the run goes on.
  if (fixed.rubricId !== undefined || fixed.promptId !== undefined) chooseRubric(loaded, fixed)
  const file = args.positional[0]
  if (file !== undefined && file !== '-' && !existsSync(file)) throw new UsageError(`File not found: ${file}`)
  const input =
    file !== undefined && file !== '-' ? (await import('node:fs')).createReadStream(file) : process.stdin
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNo = 0
  for await (const line of rl) {
    lineNo++
    out.write(`${scoreJsonLine(line, lineNo, loaded, fixed)}\n`)
  }
  return 0
}

export function scoreJsonLine(line: string, lineNo: number, loaded: LoadedRubrics, fixed: Choice): string {
  try {
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
    const rubric = chooseRubric(loaded, {
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

/** Line and column of a key path in a YAML text, for problems found after compiling. */
function locate(text: string, path: (string | number)[]): { line: number; column: number } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  let node: unknown
  for (let n = path.length; n >= 0; n--) {
    node = doc.getIn(path.slice(0, n), true)
    if (node !== undefined && node !== null) break
  }
  if (path.length === 1 && isMap(doc.contents)) {
    const pair = (doc.contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === path[0])
    if (pair !== undefined) node = pair.key
  }
  const range = (node as Node | null)?.range
  const pos = lines.linePos(range ? range[0] : 0)
  return { line: pos.line, column: pos.col }
}

function rubricsCheckCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const dir = resolve(args.positional[0] ?? defaultRubricDir())
  const loaded = loadRubricDir(dir)
  const lines: string[] = loaded.errors.map(formatRubricError)
  const summary = checkRubrics([...loaded.rubrics.values()])
  const textOf = new Map(loaded.files.map((f) => [f.file, f.text]))
  for (const p of summary.problems) {
    const text = textOf.get(p.file) ?? ''
    let path: (string | number)[] = ['examples']
    if (p.example !== undefined) path = ['examples', p.example]
    else if (p.ruleId === 'coverage') {
      const id = /Criterion '([^']+)'/.exec(p.message)?.[1]
      const doc = parseDocument(text).toJS() as { criteria?: { id?: string }[] } | null
      const index = doc?.criteria?.findIndex((c) => c.id === id) ?? -1
      path = index >= 0 ? ['criteria', index] : ['examples']
    }
    const { line, column } = locate(text, path)
    lines.push(`${p.file}:${line}:${column}  ${p.ruleId}  ${p.message}`)
  }
  for (const l of lines) out.write(`${l}\n`)
  const problems = lines.length
  out.write(
    `${summary.rubrics} rubrics, ${summary.prompts} prompts, ${summary.examples} examples, ${problems} problem${problems === 1 ? '' : 's'}\n`,
  )
  return problems > 0 ? 1 : 0
}

function rubricsSchemaCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], ['check'])
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
      process.stderr.write(`star: ${e.message}\n\n${USAGE}\n`)
      return 2
    }
    throw e
  }
}

// Run when executed directly (tsx server/cli.ts ...), not when imported by tests.
if (process.argv[1] !== undefined && /cli\.[tj]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`star: ${(e as Error).stack ?? String(e)}\n`)
      process.exitCode = 1
    },
  )
}
