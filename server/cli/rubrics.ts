// `star rubrics check` and `star rubrics schema`, and loading a folder of rubric files so that no file can
// stop the others from being compiled or checked.

import { statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  checkRubrics,
  formatRubricError,
  type Rubric,
  type RubricCheckSummary,
  type RubricError,
  type RubricSource,
  rubricJsonSchema,
} from '../../engine/index'
import { type RubricFolder, readRubricFolder } from '../rubric-files'
import { buildRubricSet, RubricSet } from '../rubric-set'
import { parseArgs } from './args'
import { fileFault, firstLine, InputError } from './faults'
import { printable } from './output'

interface LoadedFolder {
  rubrics: RubricSet
  /** The files as read, for placing the checker's problems in them. */
  sources: RubricSource[]
}

/** Reads every .yaml/.yml file in `dir` (not recursive), named relative to the working folder, and compiles them. */
export function loadRubricDir(dir: string): LoadedFolder & { read: RubricFolder } {
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

export function defaultRubricDir(): string {
  return resolve(process.env.STARBOARD_RUBRICS ?? 'rubrics')
}

export function rubricsCheckCommand(argv: string[], out: NodeJS.WritableStream): number {
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

export function rubricsSchemaCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const target = resolve(args.positional[0] ?? join(defaultRubricDir(), 'rubric.schema.json'))
  const json = `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`
  writeFileSync(target, json)
  out.write(`wrote ${relative(process.cwd(), target)}\n`)
  return 0
}
