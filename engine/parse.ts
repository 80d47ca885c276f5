// Rubric files → compiled rubrics: YAML with positions, zod validation, `extends` resolution, ids checked, hashed.

import { type Document, isMap, isScalar, LineCounter, type Node, type Pair, parseDocument } from 'yaml'
import type { z } from 'zod'
import { compileRubric, type ErrorAt } from './compile-rubric'
import { knownKeys, type RubricFile, rubricFileSchema } from './schema'
import type { Rubric, RubricError } from './types'

export interface RubricSource {
  /** File name as it should appear in errors, e.g. `rubrics/ownership.yaml`. */
  file: string
  text: string
}

interface ReadFile {
  source: RubricSource
  doc: Document
  lines: LineCounter
  data?: RubricFile
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

function issueToError(
  read: ReadFile,
  issue: z.core.$ZodIssue,
  prefix: readonly PathKey[] = [],
): RubricError[] {
  const path = [...prefix, ...(issue.path as PathKey[])]
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) =>
      error(
        read,
        path,
        'unknown-key',
        `Unknown key '${k}'${suggestKey(k)}; remove it or fix its spelling`,
        k,
      ),
    )
  }
  if (issue.code === 'invalid_type' && !hasKey(read, path)) {
    const key = String(path[path.length - 1])
    return [error(read, path.slice(0, -1), 'missing-key', `Missing the required '${key}' key`)]
  }
  const where = path.length > 0 ? `'${path.join('.')}': ` : ''
  return [error(read, path, 'invalid-value', `${where}${issue.message}`)]
}

/** True when the YAML document holds a value at `path` (so a type error is not a missing key). */
function hasKey(read: ReadFile, path: readonly PathKey[]): boolean {
  return read.doc.hasIn(path)
}

function suggestKey(key: string): string {
  let best: string | undefined
  let bestDistance = 3
  for (const k of knownKeys()) {
    const d = distance(key.toLowerCase(), k.toLowerCase())
    if (d < bestDistance) {
      bestDistance = d
      best = k
    }
  }
  return best === undefined ? '' : ` (did you mean '${best}'?)`
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]!
}

function readFile(source: RubricSource): ReadFile {
  const lines = new LineCounter()
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const read: ReadFile = { source, doc, lines, errors: [] }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0])
      read.errors.push({
        file: source.file,
        line: pos.line,
        column: pos.col,
        path: '',
        ruleId: 'yaml-syntax',
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
      })
    }
    return read
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    read.errors.push({
      file: source.file,
      line: 1,
      column: 1,
      path: '',
      ruleId: 'not-a-rubric',
      message: 'A rubric file must be a YAML mapping with id, title, kind, summary and criteria',
    })
    return read
  }
  const parsed = rubricFileSchema.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) read.errors.push(...issueToError(read, issue))
    return read
  }
  read.data = parsed.data
  checkUnique(read, parsed.data.prompts, 'prompts', (p) => p.id, 'prompt id')
  checkUnique(read, parsed.data.criteria, 'criteria', (c) => c.id, 'criterion id')
  checkUnique(read, parsed.data.bands ?? [], 'bands', (b) => b.id, 'band id')
  checkUnique(read, parsed.data.examples, 'examples', (e) => e.name, 'example name')
  return read
}

function checkUnique<T>(
  read: ReadFile,
  items: readonly T[],
  key: string,
  id: (t: T) => string,
  what: string,
): void {
  const seen = new Map<string, number>()
  items.forEach((item, i) => {
    const v = id(item)
    const first = seen.get(v)
    if (first !== undefined) {
      read.errors.push(
        error(read, [key, i], 'duplicate-id', `Duplicate ${what} '${v}' (first at ${key}[${first}])`),
      )
    } else seen.set(v, i)
  })
}

/** Errors at key paths of this file, for compileRubric. */
function errorsIn(read: ReadFile): ErrorAt {
  return {
    error: (path, ruleId, message) => error(read, path, ruleId, message),
    issues: (issues, prefix) => issues.flatMap((issue) => issueToError(read, issue, prefix)),
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

/** Compiles a set of rubric files together: `extends` resolves within the set first, then `known`. */
export function compileRubrics(
  sources: readonly RubricSource[],
  options: CompileOptions = {},
): CompileResult {
  const reads = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map(readFile)
  const errors: RubricError[] = []
  const byId = new Map<string, ReadFile>()
  // Ids of files that failed to read, so a child of one is told its parent has errors, not that it is missing.
  const broken = new Set<string>()
  for (const r of reads) {
    errors.push(...r.errors)
    if (r.data === undefined || r.errors.length > 0) {
      const id = r.errors.some((e) => e.ruleId === 'yaml-syntax') ? undefined : r.doc.get('id')
      if (typeof id === 'string') broken.add(id)
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
        const ids = [...byId.keys()].sort().join(', ')
        return refuse(
          'extends-missing',
          `'${id}' extends '${parentId}', which does not exist (rubrics: ${ids})`,
        )
      }
    }
    const result = compileRubric(read.data!, read.source.file, parent, errorsIn(read))
    errors.push(...result.errors)
    done.set(id, result.rubric ?? null)
    return result.rubric ?? null
  }

  const rubrics: Rubric[] = []
  for (const id of byId.keys()) {
    const r = resolve(id, [])
    if (r !== null) rubrics.push(r)
  }

  // Across files: prompt ids are unique, and every tag names a rubric.
  const allIds = new Set<string>([...byId.keys(), ...(options.known?.keys() ?? [])])
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
        if (!allIds.has(t)) {
          errors.push(
            error(read, ['prompts', i, 'tags', j], 'unknown-tag', `Unknown tag '${t}': tags are rubric ids`),
          )
          ok = false
        }
      })
    })
    if (ok) good.push(r)
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
  return `${e.file}:${e.line}:${e.column}  ${e.ruleId}  ${e.message}`
}
