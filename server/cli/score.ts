// `star score`: one answer as a readable or JSON report, or JSON lines in, one JSON report per line out.

import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { z } from 'zod'
import { answerProblem, answerTooLong } from '../../engine/answer-rules'
import { type Rubric, score } from '../../engine/index'
import { chooseRubric, type RubricChoice, type RubricSet } from '../rubric-set'
import { maxCharsOption, parseArgs } from './args'
import { fileFault, UsageError } from './faults'
import { decodeUtf8, inputLines, isNamedFile, openInput, readAnswer } from './input'
import { formatReport } from './output'
import { defaultRubricDir, loadRubricDir } from './rubrics'

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

export async function scoreCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
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
