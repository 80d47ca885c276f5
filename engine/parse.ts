// Rubric files → compiled rubrics: each file read on its own (parse-read.ts), then what crosses files here:
// `extends` resolution, ids unique across files, tags, hashed rubrics.

import { compileRubric } from './compile-rubric'
import {
  error,
  fileStem,
  MAX_ERRORS_PER_FILE,
  type PathKey,
  position,
  type ReadFile,
  type RubricSource,
} from './parse-place'
import { errorsIn, type ParsedRubricFile, parseRubricFile, readFile, unparsable } from './parse-read'
import { didYouMean } from './rubric-messages'
import type { Rubric, RubricError } from './types'

export type { ParsedRubricFile, ReadFile, RubricSource }
export { MAX_ERRORS_PER_FILE, parseRubricFile }

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
  // The file named after an id owns it, even while it has errors: a copy (`x copy.yaml`) never takes over.
  const named = new Map<string, ParsedRubricFile>()
  for (const f of sorted) {
    const name = fileStem(f.file)
    if ((f.id ?? name) === name && !named.has(name)) named.set(name, f)
  }
  for (const [i, r] of reads.entries()) {
    errors.push(...r.errors)
    if (r.data === undefined || r.errors.some((e) => e.severity !== 'warning')) {
      const id = sorted[i]!.id
      if (id !== undefined) broken.add(id)
      continue
    }
    const owner = named.get(r.data.id)
    if (owner !== undefined && owner.read !== r) {
      const ok = owner.read.data !== undefined && !owner.read.errors.some((e) => e.severity !== 'warning')
      errors.push(
        error(
          r,
          ['id'],
          'duplicate-id',
          ok
            ? `Rubric id '${r.data.id}' is already used by ${owner.file}`
            : `Rubric id '${r.data.id}' belongs to ${owner.file}, the file named after it, which has errors now; this file is left out`,
        ),
      )
      continue
    }
    const other = byId.get(r.data.id)
    if (other !== undefined) {
      // Two files claim one id and neither is named after it: the file already in service keeps it (a copied
      // file must not take over); otherwise the first by name does.
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

/** A file's name without its folder and extension: `rubrics/earn-trust.yaml` → `earn-trust`. */

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
