// The `star` command line: score answers (plain or JSON lines) and check or describe rubric files. This file
// dispatches and says faults; the commands, their arguments, input and output are in server/cli/.

import { MAX_ANSWER_CHARACTERS } from '../engine/answer-rules'
import { fileFault, firstLine, InputError, UsageError } from './cli/faults'
import { printable } from './cli/output'
import { rubricsCheckCommand, rubricsSchemaCommand } from './cli/rubrics'
import { rubricsNewCommand } from './cli/rubrics-new'
import { scoreCommand } from './cli/score'
import { DEFAULT_RUBRIC_ID } from './rubric-set'

const USAGE = `Usage:
  star score [--rubric ID] [--prompt ID] [--jsonl] [--json] [--max-chars N] [FILE]
      Score the answer in FILE (or standard input, UTF-8) and print a readable report.
      --jsonl  read one JSON object per line: {"answer": "...", "question"?, "promptId"?, "rubric"?}
               and write one JSON report per line, in order; a bad line gets {"error": "..."}.
      --json   print the plain-mode report as one JSON object.
      --max-chars N  accept answers of up to N characters (default ${MAX_ANSWER_CHARACTERS}), for bulk scoring.
      Answers are checked as the server checks them: no control characters other than tab and line
      breaks, no broken characters, at most the limit.
  star rubrics check [PATH...]  validate rubric files (files or folders; default the rubric folder), run
      their examples, report coverage. The rubric folder is always loaded as the base, so extends resolves.
  star rubrics new ID --kind KIND [--extends ID] [--dir DIR]
      write DIR/ID.yaml (default the rubric folder): a draft rubric extending ID (default ${DEFAULT_RUBRIC_ID})
      that passes rubrics check, to fill in
  star rubrics schema [FILE]  write the JSON Schema for rubric files (default rubrics/rubric.schema.json)
  star help

Rubrics are read from STARBOARD_RUBRICS or ./rubrics. Without --rubric or --prompt, ${DEFAULT_RUBRIC_ID} is used.`

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const [command, sub, ...rest] = argv
  try {
    if (command === 'score') return await scoreCommand(argv.slice(1), out)
    if (command === 'rubrics' && sub === 'check') return rubricsCheckCommand(rest, out)
    if (command === 'rubrics' && sub === 'schema') return rubricsSchemaCommand(rest, out)
    if (command === 'rubrics' && sub === 'new') return rubricsNewCommand(rest, out)
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
