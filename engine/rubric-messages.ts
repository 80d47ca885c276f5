// Plain-language rubric file messages: "did you mean" over what is valid at a place, items named and counted
// from 1 ("criterion 3 (clarifying-moves)"), zod's and the YAML parser's wording rewritten for instructors.

import type { z } from 'zod'
import { plural } from './checks/check'

export type PathKey = string | number

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one ("wieght"). */
function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1)
      row.push(d)
    }
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

/**
 * The candidate `typed` was most likely meant to be: the same word in other case, a close spelling, or a word
 * that one starts with ("minimum" → "min", "deliver-result" → "deliver-results"). Never the word typed.
 */
export function closest(typed: string, candidates: Iterable<string>): string | undefined {
  const t = typed.toLowerCase()
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const c of new Set(candidates)) {
    if (c === typed) continue
    const l = c.toLowerCase()
    let score: number
    if (l === t) score = 0
    else {
      const d = distance(t, l)
      const allowed = Math.max(1, Math.min(3, Math.floor(Math.max(t.length, l.length) / 4)))
      if (d <= allowed) score = d
      else if (l.length >= 3 && (t.startsWith(l) || l.startsWith(t)) && t.length >= 3) score = 3.5
      else continue
    }
    if (score < bestScore) {
      bestScore = score
      best = c
    }
  }
  return best
}

/** ` (did you mean 'x'?)`, or nothing when no candidate is close. */
export function didYouMean(typed: string, candidates: Iterable<string>): string {
  const best = closest(typed, candidates)
  return best === undefined ? '' : ` (did you mean '${best}'?)`
}

/** A short, printable form of a YAML value for a message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  const json = JSON.stringify(value)
  return json.length > 60 ? `${json.slice(0, 57)}…` : json
}

/** How an item of a list is called, by the key of the list. */
const ITEM_NAMES: Record<string, { word: string; name?: string }> = {
  criteria: { word: 'criterion', name: 'id' },
  prompts: { word: 'prompt', name: 'id' },
  bands: { word: 'band', name: 'id' },
  examples: { word: 'example', name: 'name' },
  groups: { word: 'group', name: 'label' },
  'groups+': { word: 'added group', name: 'label' },
  any: { word: 'phrase' },
  'any+': { word: 'added phrase' },
  concepts: { word: 'concept' },
  tags: { word: 'tag' },
  tips: { word: 'tip' },
}

/**
 * The place of a key path in words, items counted from 1 and named: `['criteria', 2, 'groups', 0]` →
 * "criterion 3 (clarifying-moves), group 1 (questions)". `get` reads the file's value at a path.
 */
export function placeName(path: readonly PathKey[], get: (path: readonly PathKey[]) => unknown): string {
  const parts: string[] = []
  path.forEach((key, i) => {
    if (typeof key === 'number') {
      const list = String(path[i - 1] ?? '')
      const item = ITEM_NAMES[list]
      const word = item?.word ?? `${list} item`
      // An item is not named by the very key the message is about (its id may be what is wrong).
      const naming = item?.name !== undefined && path[i + 1] !== item.name ? item.name : undefined
      const name = naming === undefined ? undefined : get([...path.slice(0, i + 1), naming])
      const named = typeof name === 'string' && name.length > 0 && name.length <= 60 ? ` (${name})` : ''
      // The list's own key was said by the item word already.
      if (item === undefined || parts[parts.length - 1] === list) parts.pop()
      parts.push(`${word} ${key + 1}${named}`)
    } else parts.push(key)
  })
  return parts.join(', ')
}

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } }

/** The object schema at `path` inside `schema` (lists entered, wrappers unwrapped), if there is one. */
function schemaAt(schema: z.ZodType, path: readonly PathKey[]): AnySchema | undefined {
  let node = schema as AnySchema | undefined
  const unwrap = (): void => {
    for (let n = 0; n < 10 && node !== undefined; n++) {
      const def = node.def
      if (
        def.type === 'optional' ||
        def.type === 'default' ||
        def.type === 'nullable' ||
        def.type === 'prefault'
      )
        node = def.innerType as AnySchema
      else if (def.type === 'pipe') node = def.in as AnySchema
      else return
    }
  }
  unwrap()
  for (const key of path) {
    if (node === undefined) return undefined
    if (typeof key === 'number') {
      if (node.def.type !== 'array') return undefined
      node = node.def.element as AnySchema
    } else {
      if (node.def.type !== 'object') return undefined
      node = (node.def.shape as Record<string, AnySchema>)[key]
    }
    unwrap()
  }
  return node
}

/** The keys a mapping may have at `path` inside `schema`, in schema order. */
export function keysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  const node = schemaAt(schema, path)
  return node?.def.type === 'object' ? Object.keys(node.def.shape as object) : []
}

const DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid)/

/**
 * What is wrong with a value, as the end of a sentence that starts with its key ("must be a whole number").
 * A message the schema wrote itself is kept; zod's defaults are rewritten.
 */
export function problemOf(issue: z.core.$ZodIssue, value: unknown): { phrase: string; custom: boolean } {
  if (!DEFAULT_MESSAGE.test(issue.message)) {
    const suggestion =
      issue.code === 'invalid_value' && typeof value === 'string'
        ? didYouMean(value, issue.values.map(String))
        : ''
    return { phrase: `${issue.message}${suggestion}`, custom: true }
  }
  const not = value === undefined ? '' : `, not ${show(value)}`
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected as string
      if (expected === 'int') return { phrase: `must be a whole number${not}`, custom: false }
      if (expected === 'number') return { phrase: `must be a number${not}`, custom: false }
      if (expected === 'string') return { phrase: `must be text${not}`, custom: false }
      if (expected === 'array')
        return { phrase: `must be a list ('- item' lines, or [a, b])${not}`, custom: false }
      if (expected === 'object')
        return { phrase: `must be a mapping of 'key: value' lines${not}`, custom: false }
      if (expected === 'boolean') return { phrase: `must be true or false${not}`, custom: false }
      return { phrase: `must be ${expected}${not}`, custom: false }
    }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'array') return { phrase: `needs at least ${plural(min, 'item')}`, custom: false }
      if (issue.origin === 'string')
        return {
          phrase: min <= 1 ? 'must not be empty' : `needs at least ${plural(min, 'character')}`,
          custom: false,
        }
      return { phrase: `must be ${issue.inclusive ? 'at least' : 'more than'} ${min}${not}`, custom: false }
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'array')
        return { phrase: `may have at most ${plural(max, 'item')}`, custom: false }
      if (issue.origin === 'string')
        return { phrase: `may have at most ${plural(max, 'character')}`, custom: false }
      return { phrase: `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}${not}`, custom: false }
    }
    case 'invalid_value': {
      const values = issue.values.map(String)
      const suggestion = typeof value === 'string' ? didYouMean(value, values) : ''
      return { phrase: `must be one of: ${values.join(', ')}${not}${suggestion}`, custom: false }
    }
    default:
      return { phrase: issue.message, custom: true }
  }
}

/** A YAML parser error as the parser reports it: code, place, message. */
export interface YamlFault {
  code: string
  line: number
  column: number
  message: string
}

/** The parser's errors for a line indented less than the text it continues (or a key without its ': '). */
function misplacedLine(f: YamlFault): boolean {
  return (
    (f.code === 'BAD_INDENT' && /same column/.test(f.message)) ||
    f.code === 'MULTILINE_IMPLICIT_KEY' ||
    (f.code === 'MISSING_CHAR' && /without - indicator/.test(f.message))
  )
}

/**
 * The YAML parser's errors in plain words, one message per cause: every line indented with tabs is one
 * message, and the errors that follow from one under-indented line are one message.
 */
export function yamlMessages(
  faults: readonly YamlFault[],
  lineText: (line: number) => string,
): { line: number; column: number; message: string }[] {
  const out: { line: number; column: number; message: string }[] = []
  const tabs = faults.filter((f) => f.code === 'TAB_AS_INDENT')
  if (tabs.length > 0) {
    const lines = [...new Set(tabs.map((t) => t.line))]
    const others =
      lines.length === 1
        ? ''
        : lines.length <= 6
          ? ` (and line${lines.length > 2 ? 's' : ''} ${lines.slice(1).join(', ')})`
          : ` (and ${lines.length - 1} more lines)`
    out.push({
      line: tabs[0]!.line,
      column: tabs[0]!.column,
      message: `This line is indented with a tab${others}; YAML needs spaces: replace each tab with two spaces`,
    })
  }
  let lastIndentLine = -2
  for (const f of faults) {
    if (f.code === 'TAB_AS_INDENT') continue
    const text = lineText(f.line)
    if (f.code === 'BLOCK_AS_IMPLICIT_KEY') {
      const key = /^\s*(?:-\s+)?([^:#]+?):\s/.exec(text)?.[1]
      const what = key === undefined ? 'This value' : `The value of '${key}'`
      out.push({
        line: f.line,
        column: f.column,
        message:
          `${what} contains ': ', which YAML reads as the start of another key; put the whole value in ` +
          `double quotes, or write '${key ?? 'key'}: |' and the text on the lines below it, indented`,
      })
      continue
    }
    if (misplacedLine(f)) {
      // One under-indented line makes several parser errors on it and the next: one message.
      if (f.line - lastIndentLine <= 1) continue
      lastIndentLine = f.line
      out.push({
        line: f.line,
        column: f.column,
        message:
          'YAML cannot tell where this line belongs: it is indented less than the text it continues, or a key ' +
          "lacks its ': '. Indent it like the line above, or write the value as 'key: |' with its text indented " +
          'on the lines below',
      })
      continue
    }
    out.push({ line: f.line, column: f.column, message: `YAML syntax error: ${f.message.split('\n')[0]}` })
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column)
}
