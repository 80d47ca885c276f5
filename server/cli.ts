// The `star` command line: score answers (plain or JSON lines) and check or describe rubric files.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import {
  checkRubrics,
  formatRubricError,
  type Rubric,
  type RubricSource,
  rubricJsonSchema,
  type ScoreReport,
  score,
} from '../engine/index'
import { readRubricFolder } from './rubric-files'
import {
  buildRubricSet,
  chooseRubric,
  DEFAULT_RUBRIC_ID,
  type RubricChoice,
  type RubricSet,
} from './rubric-set'

const USAGE = `Usage:
  star score [--rubric ID] [--prompt ID] [--jsonl] [--json] [FILE]
      Score the answer in FILE (or standard input) and print a readable report.
      --jsonl  read one JSON object per line: {"answer": "...", "question"?, "promptId"?, "rubric"?}
               and write one JSON report per line, in order; a bad line gets {"error": "..."}.
      --json   print the plain-mode report as one JSON object.
  star rubrics check [DIR]    validate rubric files, run their examples, report coverage
  star rubrics schema [FILE]  write the JSON Schema for rubric files (default rubrics/rubric.schema.json)
  star help

Rubrics are read from STARBOARD_RUBRICS or ./rubrics. Without --rubric or --prompt, ${DEFAULT_RUBRIC_ID} is used.`

class UsageError extends Error {}

interface LoadedFolder {
  rubrics: RubricSet
  /** The files as read, for placing the checker's problems in them. */
  sources: RubricSource[]
}

/** Reads every .yaml/.yml file in `dir` (not recursive), named relative to the working folder, and compiles them. */
function loadRubricDir(dir: string): LoadedFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`Rubric folder not found: ${dir} (set STARBOARD_RUBRICS or pass a folder)`)
  }
  const read = readRubricFolder(dir, (name) => relative(process.cwd(), join(dir, name)) || name)
  return { rubrics: buildRubricSet(read), sources: read.sources }
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
  const { rubrics } = loadRubricDir(defaultRubricDir())
  const fixed: RubricChoice = { rubricId: args.values.get('rubric'), promptId: args.values.get('prompt') }
  if (!args.flags.has('jsonl')) {
    const rubric = pickRubric(rubrics, fixed)
    const text = await readInput(args.positional[0])
    const report = score(text, rubric)
    out.write(args.flags.has('json') ? `${JSON.stringify(report)}\n` : formatReport(report))
    return 0
  }
  // JSON lines: one output line per input line, in order; a bad line gets {"error"} and the run goes on.
  if (fixed.rubricId !== undefined || fixed.promptId !== undefined) pickRubric(rubrics, fixed)
  const file = args.positional[0]
  if (file !== undefined && file !== '-' && !existsSync(file)) throw new UsageError(`File not found: ${file}`)
  const input =
    file !== undefined && file !== '-' ? (await import('node:fs')).createReadStream(file) : process.stdin
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let lineNo = 0
  for await (const line of rl) {
    lineNo++
    out.write(`${scoreJsonLine(line, lineNo, rubrics, fixed)}\n`)
  }
  return 0
}

function scoreJsonLine(line: string, lineNo: number, rubrics: RubricSet, fixed: RubricChoice): string {
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
  const { rubrics, sources } = loadRubricDir(dir)
  const summary = checkRubrics(rubrics.list(), sources)
  const lines = [...rubrics.errors(), ...summary.problems].map(formatRubricError)
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
