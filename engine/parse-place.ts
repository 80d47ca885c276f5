// Places in a rubric file as read: the document with its line counter, key paths to line and column, and
// errors placed there.

import { type Document, isMap, isScalar, type LineCounter, type Node, type Pair } from 'yaml'
import { placeName } from './rubric-messages'
import type { RubricFile } from './schema'
import type { RubricError } from './types'

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

export type PathKey = string | number

export function position(
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

export function error(
  read: ReadFile,
  path: readonly PathKey[],
  ruleId: string,
  message: string,
  key?: string,
): RubricError {
  const { line, column } = position(read, path, key)
  return { file: read.source.file, line, column, path: path.join('.'), ruleId, message }
}

/** A file's name without folder and extension: the id a rubric file is expected to have. */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')
}

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The file's value at a key path, or undefined. */
export function valueAt(read: Pick<ReadFile, 'doc'>, path: readonly PathKey[]): unknown {
  try {
    const v = read.doc.getIn(path, false) as unknown
    return v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v
  } catch {
    return undefined
  }
}

/** "Criterion 3 (clarifying-moves): " for a place, nothing for the top of the file. */
export function placeOf(read: ReadFile, path: readonly PathKey[]): string {
  return path.length === 0 ? '' : `${capital(placeName(path, (p) => valueAt(read, p)))}: `
}

/** True when the YAML document holds a value at `path` (so a type error is not a missing key). */
export function hasKey(read: ReadFile, path: readonly PathKey[]): boolean {
  return read.doc.hasIn(path)
}

/** Problems listed per file: a file of thousands of bad keys gets the first ones, and a count of the rest. */
export const MAX_ERRORS_PER_FILE = 50

export function fileError(file: string, ruleId: string, message: string, line = 1, column = 1): RubricError {
  return { file, line, column, path: '', ruleId, message }
}
