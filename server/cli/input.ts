// Reading answers for `star score`: a FILE or standard input as strict UTF-8, whole or as lines of bytes.

import { closeSync, openSync, readFileSync, statSync } from 'node:fs'
import { answerProblem, answerTooLong } from '../../engine/answer-rules'
import { fileFault, InputError } from './faults'

/** Strict UTF-8: a byte sequence that is not UTF-8 is refused, not read as U+FFFD (a byte-order mark is kept). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

export const isNamedFile = (file: string | undefined): file is string => file !== undefined && file !== '-'

/**
 * Opens `file` for reading, or says in one line why it cannot be: missing, a directory, unreadable.
 * Returns the descriptor and the file's size when it is a regular file.
 */
export function openInput(file: string): { fd: number; size: number | undefined } {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (e) {
    throw fileFault(e, file) ?? e
  }
  try {
    const stats = statSync(file)
    if (stats.isDirectory()) throw new InputError(`${file} is a directory; give a file`)
    return { fd, size: stats.isFile() ? stats.size : undefined }
  } catch (e) {
    closeSync(fd)
    throw e instanceof InputError ? e : (fileFault(e, file) ?? e)
  }
}

/** A UTF-16 code unit takes at most 3 bytes of UTF-8, so more bytes than this hold a text over `maxChars`. */
const maxBytesOfText = (maxChars: number) => 3 * maxChars

/** The answer of plain mode: FILE or standard input, strict UTF-8, checked like the server's. */
export async function readAnswer(file: string | undefined, maxChars: number): Promise<string> {
  const name = isNamedFile(file) ? file : 'standard input'
  let bytes: Buffer
  if (isNamedFile(file)) {
    const { fd, size } = openInput(file)
    try {
      if (size !== undefined && size > maxBytesOfText(maxChars)) {
        throw new InputError(`${name}: ${answerTooLong(maxChars)}`)
      }
      bytes = readFileSync(fd)
    } catch (e) {
      throw e instanceof InputError ? e : (fileFault(e, name) ?? e)
    } finally {
      closeSync(fd)
    }
  } else {
    const chunks: Buffer[] = []
    let size = 0
    try {
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer)
        size += (chunk as Buffer).length
        if (size > maxBytesOfText(maxChars)) throw new InputError(`${name}: ${answerTooLong(maxChars)}`)
      }
    } catch (e) {
      throw e instanceof InputError ? e : (fileFault(e, name) ?? e)
    }
    bytes = Buffer.concat(chunks)
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) throw new InputError(`${name} is not valid UTF-8 text; save it as UTF-8`)
  const problem = answerProblem(text, maxChars)
  if (problem !== undefined) throw new InputError(`${name}: ${problem}`)
  return text
}

/** One line of input as bytes (without its line break), or the fact that it was longer than allowed. */
type InputLine = { bytes: Buffer } | { tooLong: true }

/**
 * The lines of `input`, split at line feeds (a carriage return before one is dropped), as bytes so that each
 * line's UTF-8 is checked on its own. A line longer than `maxBytes` is not held in memory: it is skipped to
 * its end and reported as too long. A last line without a line break counts, so an empty input is one empty
 * line, as every other input without a line break is one line.
 */
export async function* inputLines(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<InputLine> {
  let parts: Buffer[] = []
  let size = 0
  let overflow = false
  let lines = 0
  const finish = (tail: Buffer): InputLine => {
    lines++
    if (overflow) return { tooLong: true }
    let bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail])
    if (bytes.length > maxBytes) return { tooLong: true }
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1)
    return { bytes }
  }
  for await (const chunk of input) {
    let start = 0
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      yield finish(chunk.subarray(start, nl))
      parts = []
      size = 0
      overflow = false
      start = nl + 1
    }
    if (start < chunk.length && !overflow) {
      parts.push(chunk.subarray(start))
      size += chunk.length - start
      if (size > maxBytes) {
        overflow = true
        parts = []
      }
    }
  }
  if (overflow || size > 0 || lines === 0) yield finish(Buffer.alloc(0))
}
