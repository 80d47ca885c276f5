// Rubric files → compiled rubrics: YAML with positions, zod validation, `extends` resolution, ids checked, hashed.

import { Document, isMap, isScalar, LineCounter, type Node, type Pair, parseDocument, visit } from 'yaml'
import type { z } from 'zod'
import { compileRubric, type ErrorAt } from './compile-rubric'
import { closest, didYouMean, keysAt, placeName, problemOf, show, yamlMessages } from './rubric-messages'
import { checksWithOption, type RubricFile, rubricFileSchema } from './schema'
import type { Rubric, RubricError } from './types'

export interface RubricSource {
  /** File name as it should appear in errors, e.g. `rubrics/ownership.yaml`. */
  file: string
  text: string
}

/** One file as read: its document (for placing errors), its validated data, its own errors. */
export interface ReadFile {
  source: RubricSource
  doc: Document
  lines: LineCounter
  data?: RubricFile
  /** The file's mapping as read, valid or not: what checks across files read of a file with errors. */
  raw?: Record<string, unknown>
  errors: RubricError[]
}

type PathKey = string | number

function position(
  read: Pick<ReadFile, 'doc' | 'lines'>,
  path: readonly PathKey[],
  key?: string,
): { line: number; column: number } {
  // The deepest node that exists along the path; for a named key, the key itself.
  let node: unknown
  for (let n = path.length; n >= 0; n--) {
    node = read.doc.getIn(path.slice(0, n), true)
    if (node !== undefined && node !== null) break
  }
  if (node === undefined || node === null) node = read.doc.contents
  if (key !== undefined && isMap(node)) {
    const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key)
    if (pair !== undefined && isScalar(pair.key) && pair.key.range) node = pair.key
  }
  const range = (node as Node | null)?.range
  const offset = range ? range[0] : 0
  const pos = read.lines.linePos(offset)
  return { line: pos.line, column: pos.col }
}

function error(
  read: ReadFile,
  path: readonly PathKey[],
  ruleId: string,
  message: string,
  key?: string,
): RubricError {
  const { line, column } = position(read, path, key)
  return { file: read.source.file, line, column, path: path.join('.'), ruleId, message }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The file's value at a key path, or undefined. */
function valueAt(read: Pick<ReadFile, 'doc'>, path: readonly PathKey[]): unknown {
  try {
    const v = read.doc.getIn(path, false) as unknown
    return v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v
  } catch {
    return undefined
  }
}

/** "Criterion 3 (clarifying-moves): " for a place, nothing for the top of the file. */
function placeOf(read: ReadFile, path: readonly PathKey[]): string {
  return path.length === 0 ? '' : `${capital(placeName(path, (p) => valueAt(read, p)))}: `
}

/** A note on a value the file does not set itself, e.g. "min: 2, inherited from earn-trust". */
type InheritedNote = (key: string) => string | undefined

/**
 * The errors of a failed zod parse of the value at `prefix`, parsed with `schema`: items named and counted
 * from 1, "did you mean" over the keys valid at each place, one message for a misspelt required key.
 */
function issuesToErrors(
  read: ReadFile,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathKey[] = [],
  schema: z.ZodType = rubricFileSchema,
  inherited?: InheritedNote,
): RubricError[] {
  // A required key missing next to an unknown key that is its misspelling is one mistake: the unknown key says it.
  const missing = new Map<string, Set<string>>()
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])]
    if (issue.code === 'invalid_type' && !hasKey(read, path) && path.length > 0) {
      const at = path.slice(0, -1).join('.')
      const set = missing.get(at) ?? new Set<string>()
      set.add(String(path[path.length - 1]))
      missing.set(at, set)
    }
  }
  const explained = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue
    const at = [...prefix, ...(issue.path as PathKey[])].join('.')
    for (const k of issue.keys) {
      const meant = closest(k, missing.get(at) ?? [])
      if (meant !== undefined) explained.add(at === '' ? meant : `${at}.${meant}`)
    }
  }
  const out: RubricError[] = []
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathKey[])]
    if (issue.code === 'invalid_type' && explained.has(path.join('.')) && !hasKey(read, path)) continue
    out.push(...issueToError(read, issue, prefix, schema, inherited))
  }
  return out
}

function issueToError(
  read: ReadFile,
  issue: z.core.$ZodIssue,
  prefix: readonly PathKey[],
  schema: z.ZodType,
  inherited?: InheritedNote,
): RubricError[] {
  const path = [...prefix, ...(issue.path as PathKey[])]
  if (issue.code === 'unrecognized_keys') {
    const valid = keysAt(schema, issue.path as PathKey[])
    const check = valueAt(read, [...path, 'check'])
    const isCriterion = path.length === 2 && path[0] === 'criteria'
    // Listed up to a limit: each lookup of a key's place scans its mapping.
    const listed = issue.keys.slice(0, MAX_ERRORS_PER_FILE).map((k) => {
      let hint = didYouMean(k, valid)
      if (hint === '' && isCriterion) {
        const owners = checksWithOption(k)
        if (owners.length > 0) {
          const here = typeof check === 'string' ? `, not of ${check} checks` : ''
          hint = ` ('${k}' is an option of ${owners.join(', ')} checks${here})`
        }
      }
      return error(
        read,
        path,
        'unknown-key',
        `${placeOf(read, path)}${path.length === 0 ? 'Unknown' : 'unknown'} key '${k}'${hint}; remove it or fix its spelling`,
        k,
      )
    })
    const more = issue.keys.length - listed.length
    if (more === 0) return listed
    return [...listed, error(read, path, 'too-many-errors', `${more} more unknown keys here are not listed`)]
  }
  if (issue.code === 'invalid_type' && !hasKey(read, path)) {
    const key = String(path[path.length - 1])
    const at = path.slice(0, -1)
    const place = placeOf(read, at)
    return [
      error(
        read,
        at,
        'missing-key',
        `${place}${place === '' ? 'Missing' : 'missing'} the required '${key}' key`,
      ),
    ]
  }
  const value = valueAt(read, path)
  const { phrase, custom } = problemOf(issue, value)
  if (issue.code === 'too_big' && custom) return [error(read, path, 'size-limit', phrase, undefined)]
  const last = path[path.length - 1]
  const keyed = typeof last === 'string'
  const container = keyed ? path.slice(0, -1) : path
  const place = container.length === 0 ? '' : capital(placeName(container, (p) => valueAt(read, p)))
  const note = keyed && inherited !== undefined ? inherited(last) : undefined
  let message: string
  if (!keyed) message = custom ? `${place}: ${phrase}` : `${place} ${phrase}`
  else if (custom) {
    const scalar = value !== null && typeof value !== 'object' && value !== undefined
    message = `${place === '' ? '' : `${place}, `}'${last}'${scalar ? ` (${show(value)})` : ''}: ${phrase}`
  } else message = `${place === '' ? '' : `${place}: `}'${last}' ${phrase}`
  if (note !== undefined) message += ` (${note})`
  return [error(read, path, 'invalid-value', message)]
}

/** True when the YAML document holds a value at `path` (so a type error is not a missing key). */
function hasKey(read: ReadFile, path: readonly PathKey[]): boolean {
  return read.doc.hasIn(path)
}

/**
 * Aliases a file may expand when it is read. A few anchors reused a few times are fine; an "alias bomb" (each
 * alias expanding to a list of aliases) is refused instead of growing exponentially.
 */
const MAX_YAML_ALIASES = 100

/** Problems listed per file: a file of thousands of bad keys gets the first ones, and a count of the rest. */
export const MAX_ERRORS_PER_FILE = 50

function fileError(file: string, ruleId: string, message: string, line = 1, column = 1): RubricError {
  return { file, line, column, path: '', ruleId, message }
}

/**
 * Duplicate keys within one mapping, found with one set per mapping. (The YAML parser's own check compares
 * each key with every earlier one, so a mapping of many keys took minutes.)
 */
function duplicateKeys(read: ReadFile): RubricError[] {
  const errors: RubricError[] = []
  visit(read.doc, {
    Map(_, map) {
      const seen = new Map<unknown, number>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const first = seen.get(pair.key.value)
        if (first !== undefined) {
          const pos = read.lines.linePos(pair.key.range?.[0] ?? 0)
          errors.push(
            fileError(
              read.source.file,
              'yaml-syntax',
              `'${String(pair.key.value)}' appears twice in this mapping (first on line ${first}); keep one of them`,
              pos.line,
              pos.col,
            ),
          )
        } else seen.set(pair.key.value, read.lines.linePos(pair.key.range?.[0] ?? 0).line)
      }
    },
  })
  return errors
}

/** Reads one file. Never throws: whatever goes wrong while parsing it is an error in that file. */
function readFile(source: RubricSource): ReadFile {
  const lines = new LineCounter()
  const read: ReadFile = { source, doc: new Document(null), lines, errors: [] }
  try {
    readInto(read)
    if (read.errors.length > MAX_ERRORS_PER_FILE) {
      const more = read.errors.length - MAX_ERRORS_PER_FILE
      read.errors = [
        ...read.errors.slice(0, MAX_ERRORS_PER_FILE),
        fileError(
          source.file,
          'too-many-errors',
          `${more} more problems in this file are not listed; fix these first`,
        ),
      ]
    }
  } catch (err) {
    // Anything the parser or a validator throws (an alias bomb, nesting too deep for the stack, a bug) stays
    // with this file: it is reported here, and the other files load as usual.
    read.data = undefined
    read.errors = [unparsable(source.file, err)]
  }
  return read
}

function unparsable(file: string, err: unknown): RubricError {
  const message = err instanceof Error ? err.message : String(err)
  if (/alias/i.test(message)) {
    return fileError(
      file,
      'yaml-aliases',
      `YAML aliases expand to too much data (more than ${MAX_YAML_ALIASES} alias uses); write the values out`,
    )
  }
  if (err instanceof RangeError) {
    return fileError(
      file,
      'yaml-too-deep',
      'The YAML is nested too deeply to read; a rubric needs a few levels',
    )
  }
  return fileError(file, 'unparsable', `The file could not be read as a rubric: ${message.split('\n')[0]}`)
}

function readInto(read: ReadFile): void {
  const { source, lines } = read
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false })
  read.doc = doc
  const faults = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0])
    return { code: e.code, line: pos.line, column: pos.col, message: e.message }
  })
  const lineText = (line: number): string => {
    const start = lines.lineStarts[line - 1] ?? 0
    const end = lines.lineStarts[line] ?? source.text.length
    return source.text.slice(start, end)
  }
  const syntax: RubricError[] = yamlMessages(faults, lineText).map((m) =>
    fileError(source.file, 'yaml-syntax', m.message, m.line, m.column),
  )
  syntax.push(...duplicateKeys(read))
  if (syntax.length > 0) {
    read.errors.push(...syntax.sort((a, b) => a.line - b.line || a.column - b.column))
    return
  }
  const value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    read.errors.push(
      fileError(
        source.file,
        'not-a-rubric',
        'A rubric file must be a YAML mapping with id, title, kind, summary and criteria',
      ),
    )
    return
  }
  read.raw = value as Record<string, unknown>
  const parsed = rubricFileSchema.safeParse(value)
  if (!parsed.success) {
    read.errors.push(...issuesToErrors(read, parsed.error.issues.slice(0, MAX_ERRORS_PER_FILE)))
    return
  }
  read.data = parsed.data
  checkUnique(read, parsed.data.prompts, 'prompts', (p) => p.id, 'prompt id', 'prompt')
  checkUnique(read, parsed.data.criteria, 'criteria', (c) => c.id, 'criterion id', 'criterion')
  checkUnique(read, parsed.data.bands ?? [], 'bands', (b) => b.id, 'band id', 'band')
  checkUnique(read, parsed.data.examples, 'examples', (e) => e.name, 'example name', 'example')
}

function checkUnique<T>(
  read: ReadFile,
  items: readonly T[],
  key: string,
  id: (t: T) => string,
  what: string,
  word: string,
): void {
  const seen = new Map<string, number>()
  items.forEach((item, i) => {
    const v = id(item)
    const first = seen.get(v)
    if (first !== undefined) {
      read.errors.push(
        error(
          read,
          [key, i],
          'duplicate-id',
          `Duplicate ${what} '${v}' (${word} ${i + 1}; first used by ${word} ${first + 1})`,
        ),
      )
    } else seen.set(v, i)
  })
}

/** Errors at key paths of this file, for compileRubric. */
function errorsIn(read: ReadFile): ErrorAt {
  return {
    error: (path, ruleId, message) => error(read, path, ruleId, message),
    warning: (path, ruleId, message) => ({ ...error(read, path, ruleId, message), severity: 'warning' }),
    issues: (issues, prefix, schema, inherited) => issuesToErrors(read, issues, prefix, schema, inherited),
    place: (path) => placeName(path, (p) => valueAt(read, p)),
    quoted: (path) => {
      const node = read.doc.getIn(path, true) as unknown
      return isScalar(node) && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
    },
  }
}

export interface CompileOptions {
  /** Rubrics known from elsewhere (e.g. last good versions) that files here may extend. */
  known?: ReadonlyMap<string, Rubric>
}

export interface CompileResult {
  rubrics: Rubric[]
  errors: RubricError[]
}

/** One rubric file, read and validated on its own: what `compileParsedRubrics` needs, kept per file. */
export interface ParsedRubricFile {
  readonly file: string
  /** The rubric id the file names, when it names one (even if the rest of it has errors). */
  readonly id: string | undefined
  /** @internal the document, for placing later errors. */
  readonly read: ReadFile
}

/**
 * Reads and validates one rubric file on its own (the costly part of compiling). Never throws. The result
 * depends on the file's text only, so it can be kept until the text changes.
 */
export function parseRubricFile(source: RubricSource): ParsedRubricFile {
  const read = readFile(source)
  return { file: source.file, id: claimedId(read), read }
}

function claimedId(read: ReadFile): string | undefined {
  if (read.data !== undefined) return read.data.id
  if (read.doc.errors.length > 0) return undefined
  try {
    const id = isMap(read.doc.contents) ? read.doc.get('id') : undefined
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}

/** Compiles a set of rubric files together: `extends` resolves within the set first, then `known`. */
export function compileRubrics(
  sources: readonly RubricSource[],
  options: CompileOptions = {},
): CompileResult {
  return compileParsedRubrics(sources.map(parseRubricFile), options)
}

/** `compileRubrics` for files already parsed with `parseRubricFile`: only what crosses files is done here. */
export function compileParsedRubrics(
  files: readonly ParsedRubricFile[],
  options: CompileOptions = {},
): CompileResult {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const reads = sorted.map((f) => f.read)
  const errors: RubricError[] = []
  const byId = new Map<string, ReadFile>()
  // Ids of files that failed to read, so a child of one is told its parent has errors, not that it is missing.
  const broken = new Set<string>()
  for (const [i, r] of reads.entries()) {
    errors.push(...r.errors)
    if (r.data === undefined || r.errors.some((e) => e.severity !== 'warning')) {
      const id = sorted[i]!.id
      if (id !== undefined) broken.add(id)
      continue
    }
    const other = byId.get(r.data.id)
    if (other !== undefined) {
      // Two files claim one id: the file already in service keeps it (a copied file must not take over);
      // otherwise the first by name does.
      const inService = options.known?.get(r.data.id)?.file
      const [keep, drop] = inService === r.source.file ? [r, other] : [other, r]
      errors.push(
        error(
          drop,
          ['id'],
          'duplicate-id',
          `Rubric id '${r.data.id}' is already used by ${keep.source.file}`,
        ),
      )
      byId.set(r.data.id, keep)
      continue
    }
    byId.set(r.data.id, r)
  }

  const done = new Map<string, Rubric | null>()
  const resolve = (id: string, stack: string[]): Rubric | null => {
    const cached = done.get(id)
    if (cached !== undefined) return cached
    const read = byId.get(id)!
    const data = read.data!
    // Every way an `extends` can fail is reported at the `extends` key and leaves this rubric out.
    const refuse = (ruleId: string, message: string): null => {
      errors.push(error(read, ['extends'], ruleId, message))
      done.set(id, null)
      return null
    }
    let parent: Rubric | undefined
    const parentId = data.extends
    if (parentId !== undefined) {
      if (stack.includes(parentId) || parentId === id) {
        const cycle = [...stack.slice(stack.indexOf(parentId)), id, parentId]
        return refuse('extends-cycle', `'extends' makes a cycle: ${cycle.join(' → ')}`)
      }
      const inSet = byId.has(parentId)
      parent = (inSet ? resolve(parentId, [...stack, id]) : undefined) ?? options.known?.get(parentId)
      if (parent === undefined && (inSet || broken.has(parentId))) {
        return refuse('extends-invalid', `'${parentId}' has errors, so '${id}' cannot extend it`)
      }
      if (parent === undefined) {
        const ids = [...new Set([...byId.keys(), ...(options.known?.keys() ?? [])])].sort()
        return refuse(
          'extends-missing',
          `'${id}' extends '${parentId}', which does not exist${didYouMean(parentId, ids)} (rubrics: ${ids.join(', ')})`,
        )
      }
    }
    let result: { rubric?: Rubric; errors: RubricError[] }
    try {
      result = compileRubric(read.data!, read.source.file, parent, errorsIn(read))
    } catch (err) {
      // Contained to this file, as a parse failure is.
      result = { errors: [unparsable(read.source.file, err)] }
    }
    errors.push(...result.errors)
    done.set(id, result.rubric ?? null)
    return result.rubric ?? null
  }

  const rubrics: Rubric[] = []
  for (const id of byId.keys()) {
    const r = resolve(id, [])
    if (r !== null) rubrics.push(r)
  }

  // Across files: prompt ids are unique, and every tag names a rubric. A tag naming no rubric is a warning
  // only: the rubric stays in service, so deleting or renaming one rubric never takes the ones tagging it down.
  const allIds = new Set<string>([...byId.keys(), ...broken, ...(options.known?.keys() ?? [])])
  const unknownTag = (read: ReadFile, path: PathKey[], t: string): void => {
    errors.push({
      ...error(
        read,
        path,
        'unknown-tag',
        `Unknown tag '${t}': tags are rubric ids, and no rubric has this id${didYouMean(t, allIds)}`,
      ),
      severity: 'warning',
    })
  }
  const promptOwner = new Map<string, string>()
  const good: Rubric[] = []
  for (const r of rubrics) {
    const read = byId.get(r.id)!
    let ok = true
    r.prompts.forEach((p, i) => {
      const owner = promptOwner.get(p.id)
      if (owner !== undefined) {
        errors.push(
          error(
            read,
            ['prompts', i, 'id'],
            'duplicate-id',
            `Prompt id '${p.id}' is already used in rubric '${owner}'`,
          ),
        )
        ok = false
      } else promptOwner.set(p.id, r.id)
      read.data!.prompts[i]!.tags.forEach((t, j) => {
        if (!allIds.has(t)) unknownTag(read, ['prompts', i, 'tags', j], t)
      })
    })
    if (ok) good.push(r)
  }
  // Files with errors of their own are checked across files too, as far as they can be read, so a clash
  // with another file is known now, not only once the file's other errors are fixed.
  for (const read of reads) {
    if (
      read.raw === undefined ||
      (read.data !== undefined && byId.get(read.data.id) === read && done.get(read.data.id))
    )
      continue
    const raw = read.raw
    const ownId = typeof raw.id === 'string' ? raw.id : undefined
    if (
      read.data === undefined &&
      typeof raw.extends === 'string' &&
      raw.extends !== ownId &&
      !allIds.has(raw.extends)
    ) {
      const ids = [...allIds].sort()
      errors.push(
        error(
          read,
          ['extends'],
          'extends-missing',
          `'${ownId ?? read.source.file}' extends '${raw.extends}', which does not exist${didYouMean(raw.extends, ids)} (rubrics: ${ids.join(', ')})`,
        ),
      )
    }
    if (!Array.isArray(raw.prompts)) continue
    raw.prompts.forEach((p: unknown, i) => {
      if (p === null || typeof p !== 'object') return
      const { id, tags } = p as { id?: unknown; tags?: unknown }
      if (typeof id === 'string') {
        const owner = promptOwner.get(id)
        if (owner !== undefined && owner !== ownId) {
          errors.push(
            error(
              read,
              ['prompts', i, 'id'],
              'duplicate-id',
              `Prompt id '${id}' is already used in rubric '${owner}'`,
            ),
          )
        }
      }
      if (Array.isArray(tags)) {
        tags.forEach((t: unknown, j) => {
          if (typeof t === 'string' && !allIds.has(t)) unknownTag(read, ['prompts', i, 'tags', j], t)
        })
      }
    })
  }
  errors.sort((a, b) =>
    a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1,
  )
  return { rubrics: good, errors }
}

/** Parses one rubric file; `parents` supplies the rubrics it may extend. */
export function parseRubric(
  text: string,
  fileName: string,
  options: { parents?: Iterable<Rubric> } = {},
): { rubric?: Rubric; errors: RubricError[] } {
  const known = new Map<string, Rubric>()
  for (const p of options.parents ?? []) known.set(p.id, p)
  const { rubrics, errors } = compileRubrics([{ file: fileName, text }], { known })
  return rubrics[0] === undefined ? { errors } : { rubric: rubrics[0], errors }
}

/** A place in a rubric file, as a RubricError gives it: the key path (`examples.2`), line and column. */
export interface RubricPlace {
  path: string
  line: number
  column: number
}

/**
 * Places in rubric files, for problems found after compiling (the checker's). Each file is parsed once,
 * when first asked about.
 */
export function rubricPlaces(sources: readonly RubricSource[]) {
  const texts = new Map(sources.map((s) => [s.file, s.text]))
  const reads = new Map<string, ReadFile>()
  const read = (file: string): ReadFile => {
    let r = reads.get(file)
    if (r === undefined) {
      r = readFile({ file, text: texts.get(file) ?? '' })
      reads.set(file, r)
    }
    return r
  }
  return {
    /** A path ending in a key names that key (`['examples']`); one ending in an index names that item. */
    at(file: string, path: readonly PathKey[]): RubricPlace {
      const last = path[path.length - 1]
      const { line, column } =
        typeof last === 'string' ? position(read(file), path.slice(0, -1), last) : position(read(file), path)
      return { path: path.join('.'), line, column }
    },
    /** Where the file lists a criterion (its own or an override of an inherited one), if it does. */
    criterionIndex(file: string, id: string): number | undefined {
      const i = read(file).data?.criteria.findIndex((c) => c.id === id) ?? -1
      return i < 0 ? undefined : i
    },
  }
}

/** Formats an error the way the CLI prints it: `file:line:col  rule-id  message`. */
export function formatRubricError(e: RubricError): string {
  const warning = e.severity === 'warning' ? 'warning: ' : ''
  return `${e.file}:${e.line}:${e.column}  ${e.ruleId}  ${warning}${e.message}`
}
