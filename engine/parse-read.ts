// Reading one rubric file on its own: YAML with positions and plain-language syntax errors, zod validation,
// ids unique within the file. The costly part of compiling, kept per file.

import { Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml'
import { issuesToErrors } from './parse-issues'
import {
  error,
  fileError,
  MAX_ERRORS_PER_FILE,
  type ReadFile,
  type RubricSource,
  valueAt,
} from './parse-place'
import type { ErrorAt } from './rubric-error-at'
import { placeName, yamlMessages } from './rubric-messages'
import { rubricFileSchema } from './schema'
import type { RubricError } from './types'

/**
 * Aliases a file may expand when it is read. A few anchors reused a few times are fine; an "alias bomb" (each
 * alias expanding to a list of aliases) is refused instead of growing exponentially.
 */
const MAX_YAML_ALIASES = 100

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
export function readFile(source: RubricSource): ReadFile {
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

export function unparsable(file: string, err: unknown): RubricError {
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
export function errorsIn(read: ReadFile): ErrorAt {
  return {
    error: (path, ruleId, message, key) =>
      key === undefined
        ? error(read, path, ruleId, message)
        : { ...error(read, path, ruleId, message, key), path: [...path, key].join('.') },
    warning: (path, ruleId, message) => ({ ...error(read, path, ruleId, message), severity: 'warning' }),
    issues: (issues, prefix, schema, inherited) => issuesToErrors(read, issues, prefix, schema, inherited),
    place: (path) => placeName(path, (p) => valueAt(read, p)),
    quoted: (path) => {
      const node = read.doc.getIn(path, true) as unknown
      return isScalar(node) && (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
    },
  }
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
