// `star rubrics check` and `star rubrics schema`, and loading a folder of rubric files so that no file can
// stop the others from being compiled or checked. (`star rubrics new` is in rubrics-new.ts.)

import { statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  checkRubrics,
  formatRubricError,
  type ParsedRubricFile,
  parseRubricFile,
  type Rubric,
  type RubricCheckSummary,
  type RubricError,
  type RubricSource,
  rubricJsonSchema,
} from '../../engine/index'
import { fileStem } from '../../engine/parse-place'
import { RUBRIC_FILE, type RubricFolder, readRubricFile, readRubricFolder } from '../rubric-files'
import { buildRubricSet, DEFAULT_RUBRIC_ID, RubricSet } from '../rubric-set'
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

/** The server's rule for a folder, without running examples: `rubrics check` runs them itself, as errors. */
function buildWithoutExamples(read: RubricFolder, parse?: (s: RubricSource) => ParsedRubricFile): RubricSet {
  return buildRubricSet(read, undefined, parse, { examples: false })
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
  build: (read: RubricFolder) => RubricSet = buildWithoutExamples,
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

/** A path as the user gave it, named relative to the working folder as every file is in the output. */
function shown(path: string): string {
  return relative(process.cwd(), path) || path
}

/** The rubric files a path names: the file itself, or the rubric files directly inside a folder. */
function readPath(path: string): RubricFolder {
  let info: ReturnType<typeof statSync>
  try {
    info = statSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputError(
        RUBRIC_FILE.test(path)
          ? `The rubric file ${shown(path)} does not exist`
          : `The rubric folder ${path} does not exist; set STARBOARD_RUBRICS or give files or folders that do`,
      )
    }
    throw fileFault(e, path) ?? e
  }
  if (info.isDirectory()) return readRubricFolder(path, (name) => shown(join(path, name)))
  if (!RUBRIC_FILE.test(path)) {
    throw new InputError(`${shown(path)} is not a rubric file (.yaml or .yml) or a folder of them`)
  }
  return readRubricFile(path, shown(path))
}

/**
 * `star rubrics check [PATH…]`: checks the rubric files given (files, or folders of them; by default the rubric
 * folder). The rubric folder in service is always loaded as the base, so a draft anywhere resolves its
 * `extends` against the shipped rubrics; a file checked in place of a base file with its id replaces it. Only
 * the files checked are reported on.
 */
export function rubricsCheckCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const baseDir = defaultRubricDir()
  const paths = args.positional.length === 0 ? [baseDir] : args.positional.map((p) => resolve(p))
  const checked: RubricFolder = { sources: [], errors: [], files: [], listed: true }
  for (const path of paths) {
    const read = readPath(path)
    for (const s of read.sources) if (!checked.files.includes(s.file)) checked.sources.push(s)
    for (const f of read.files) if (!checked.files.includes(f)) checked.files.push(f)
    checked.errors.push(...read.errors.filter((e) => !checked.errors.some((x) => x.file === e.file)))
  }
  if (checked.sources.length === 0 && checked.errors.length === 0) {
    const where = paths.length === 1 ? paths[0] : paths.map(shown).join(', ')
    throw new InputError(`There are no rubric files (.yaml or .yml) in ${where}; nothing to check`)
  }
  // Each file is parsed once, for its id here and again when compiling.
  const parsed = new Map<string, ParsedRubricFile>()
  const parse = (s: RubricSource): ParsedRubricFile => {
    let p = parsed.get(s.file)
    if (p === undefined || p.read.source.text !== s.text) {
      p = parseRubricFile(s)
      parsed.set(s.file, p)
    }
    return p
  }
  const files = new Set(checked.files)
  const ids = new Set(checked.sources.map((s) => parse(s).id ?? fileStem(s.file)))
  // The base folder, when it is there; a base file the check gives again (or gives a replacement of) is left out.
  const base = paths.includes(baseDir) ? undefined : readBaseFolder(baseDir)
  const baseSources = (base?.sources ?? []).filter(
    (s) => !files.has(s.file) && !ids.has(parse(s).id ?? fileStem(s.file)),
  )
  const all: RubricFolder = {
    sources: [...baseSources, ...checked.sources],
    errors: checked.errors,
    files: [...baseSources.map((s) => s.file), ...checked.files],
    listed: true,
  }
  const rubrics = buildRubricSetSafely(all, (read) => buildWithoutExamples(read, parse))
  const baseOnly = new Set(baseSources.map((s) => s.file))
  const mine = rubrics.list().filter((r) => !baseOnly.has(r.file))
  const summary = checkRubricsSafely(mine, checked.sources)
  // Names and messages can carry bytes of the files: print them escaped.
  const lines = [...rubrics.errors().filter((e) => !baseOnly.has(e.file)), ...summary.problems].map((e) =>
    printable(formatRubricError(e)),
  )
  for (const l of lines) out.write(`${l}\n`)
  const problems = lines.length
  out.write(
    `${summary.rubrics} rubrics, ${summary.prompts} prompts, ${summary.examples} examples, ${problems} problem${problems === 1 ? '' : 's'}\n`,
  )
  return problems > 0 ? 1 : 0
}

/** The rubric folder in service as the base of a check: nothing when it is not there. */
function readBaseFolder(dir: string): RubricFolder | undefined {
  const read = readRubricFolder(dir, (name) => shown(join(dir, name)))
  return read.listed ? read : undefined
}

export function rubricsSchemaCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, [], [])
  const target = resolve(args.positional[0] ?? join(defaultRubricDir(), 'rubric.schema.json'))
  // The criteria every rubric inherits get their own kind's keys in the schema: the base rubric's, in service.
  const base = loadRubricDir(defaultRubricDir()).rubrics.get(DEFAULT_RUBRIC_ID)
  if (base === undefined)
    throw new InputError(
      `The rubric folder has no '${DEFAULT_RUBRIC_ID}' rubric that compiles; fix it first (star rubrics check)`,
    )
  const json = `${JSON.stringify(rubricJsonSchema(base.criteria), null, 2)}\n`
  writeFileSync(target, json)
  out.write(`wrote ${relative(process.cwd(), target)}\n`)
  return 0
}
