// Reads a rubrics folder: every .yaml/.yml file as text, with unreadable files and folders reported as errors.

import { type Dirent, lstatSync, readdirSync, readFileSync, type Stats, statSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { RubricError, RubricSource } from '../engine/index'

export const RUBRIC_FILE = /\.ya?ml$/i

/** The largest rubric file read. The shipped ones are under 10 KB; a file this size takes seconds to parse. */
export const MAX_RUBRIC_FILE_BYTES = 256 * 1024

export interface RubricFolder {
  sources: RubricSource[]
  /** The folder or a file could not be read; each error names it, like a rubric file error. */
  errors: RubricError[]
  /**
   * Every rubric file in the folder, named, whether it could be read or not: a file that is there but cannot
   * be read keeps its last good version in service.
   */
  files: string[]
  /** False when the folder itself could not be listed: nothing is known about its files then. */
  listed: boolean
}

function readError(file: string, ruleId: string, message: string, line = 1, column = 1): RubricError {
  return { file, line, column, path: '', ruleId, message }
}

function folderError(dir: string, err: unknown): RubricFolder {
  const code = (err as NodeJS.ErrnoException).code
  const message =
    code === 'ENOENT'
      ? `The rubrics folder '${dir}' does not exist; create it or point STARBOARD_RUBRICS at one`
      : code === 'ENOTDIR'
        ? `The rubrics folder '${dir}' is not a folder; point STARBOARD_RUBRICS at one`
        : `The rubrics folder '${dir}' cannot be read (${code ?? 'error'}); check its permissions`
  return { sources: [], errors: [readError(dir, 'rubrics-folder', message)], files: [], listed: false }
}

/** Entries that may be rubric files: a rubric name, and not a folder (a link is followed when read). */
function candidates(entries: Dirent[]): string[] {
  return entries
    .filter((e) => RUBRIC_FILE.test(e.name) && !e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** Real folders (not links) inside the rubrics folder, sorted: rubric files in them are not read. */
function subfolders(entries: Dirent[]): string[] {
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
}

/** A warning for a subfolder holding rubric files, which are not read; nothing for one without. */
function subfolderWarning(name: string, files: string[]): RubricError[] {
  const rubrics = files.filter((f) => RUBRIC_FILE.test(f)).sort()
  if (rubrics.length === 0) return []
  const listed =
    rubrics.slice(0, 3).join(', ') + (rubrics.length > 3 ? ` and ${rubrics.length - 3} more` : '')
  return [
    {
      ...readError(
        name,
        'subfolder',
        `Rubric files in subfolders are not read (${listed}); move them up into the rubrics folder to use them`,
      ),
      severity: 'warning',
    },
  ]
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Where the first byte that is not UTF-8 is, as line and column (in characters) of the valid text before it. */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  // The longest prefix that decodes (a cut-off last character is allowed while streaming); binary search.
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  // The prefix may end in the first bytes of the sequence that breaks: the fault starts where they do.
  let start = lo
  while (start > 0 && lo - start < 3) {
    try {
      fatalUtf8.decode(bytes.subarray(0, start))
      break
    } catch {
      start--
    }
  }
  const before = fatalUtf8.decode(bytes.subarray(0, start))
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.slice(0, lineStart).split('\n').length
  return { line, column: [...before.slice(lineStart)].length + 1 }
}

type FileRead = { source: RubricSource } | { error: RubricError } | { skip: true }

/** Checks and decodes one file's bytes; `info` is its stat (following a link), or the error getting it. */
function fileResult(name: string, info: Stats | Error, read: () => Buffer): FileRead
function fileResult(name: string, info: Stats | Error, read: () => Promise<Buffer>): Promise<FileRead>
function fileResult(
  name: string,
  info: Stats | Error,
  read: () => Buffer | Promise<Buffer>,
): FileRead | Promise<FileRead> {
  if (info instanceof Error) return { error: unreadable(name, info) }
  // A link to a folder is no rubric file; a pipe or device would block the read or never end.
  if (info.isDirectory()) return { skip: true }
  if (!info.isFile()) {
    return {
      error: readError(name, 'unreadable', 'Not a regular file (a pipe, socket or device); replace it'),
    }
  }
  if (info.size > MAX_RUBRIC_FILE_BYTES) return { error: tooLarge(name, info.size) }
  const decode = (bytes: Buffer): FileRead => {
    // It may have grown since it was measured.
    if (bytes.length > MAX_RUBRIC_FILE_BYTES) return { error: tooLarge(name, bytes.length) }
    try {
      return { source: { file: name, text: fatalUtf8.decode(bytes) } }
    } catch {
      const { line, column } = firstInvalidByte(bytes)
      return {
        error: readError(
          name,
          'encoding',
          'The file is not valid UTF-8 here; save it as UTF-8 (bytes that are not UTF-8 would be read as �)',
          line,
          column,
        ),
      }
    }
  }
  try {
    const bytes = read()
    if (bytes instanceof Promise) {
      return bytes.then(decode, (err: Error) => ({ error: unreadable(name, err) }))
    }
    return decode(bytes)
  } catch (err) {
    return { error: unreadable(name, err as Error) }
  }
}

function unreadable(name: string, err: Error): RubricError {
  // Deleted between listing and reading, a dangling link, or no permission: reported like any other bad file.
  const code = (err as NodeJS.ErrnoException).code ?? 'error'
  return readError(name, 'unreadable', `The file cannot be read (${code})`)
}

function tooLarge(name: string, size: number): RubricError {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`
  return readError(
    name,
    'file-too-large',
    `The file is ${kb(size)}; a rubric file may be at most ${kb(MAX_RUBRIC_FILE_BYTES)}. Split it into several rubrics`,
  )
}

function collect(names: string[], results: FileRead[], nameOf: (name: string) => string): RubricFolder {
  const folder: RubricFolder = { sources: [], errors: [], files: [], listed: true }
  results.forEach((r, i) => {
    if ('skip' in r) return
    folder.files.push(nameOf(names[i]!))
    if ('source' in r) folder.sources.push(r.source)
    else folder.errors.push(r.error)
  })
  return folder
}

/**
 * The rubric files directly inside `dir`, sorted by name. `nameOf` says how a file is named in
 * sources and errors: by default its name, relative to `dir`. Never throws.
 */
export function readRubricFolder(dir: string, nameOf: (name: string) => string = (n) => n): RubricFolder {
  let names: string[]
  let folders: string[]
  try {
    const entries = readdirSync(dir, { withFileTypes: true })
    names = candidates(entries)
    folders = subfolders(entries)
  } catch (err) {
    return folderError(dir, err)
  }
  const results = names.map((name) => {
    const path = join(dir, name)
    let info: Stats | Error
    try {
      info = statSync(path)
    } catch (err) {
      info = err as Error
    }
    return fileResult(nameOf(name), info, () => readFileSync(path))
  })
  const folder = collect(names, results, nameOf)
  for (const sub of folders) {
    let files: string[] = []
    try {
      files = readdirSync(join(dir, sub))
    } catch {
      // A subfolder that cannot be listed holds nothing that is read either way.
    }
    folder.errors.push(...subfolderWarning(nameOf(sub), files))
  }
  return folder
}

/** `readRubricFolder` without blocking: the files are listed, measured and read asynchronously. */
export async function readRubricFolderAsync(
  dir: string,
  nameOf: (name: string) => string = (n) => n,
): Promise<RubricFolder> {
  let names: string[]
  let folders: string[]
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    names = candidates(entries)
    folders = subfolders(entries)
  } catch (err) {
    return folderError(dir, err)
  }
  const results = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name)
      const info = await stat(path).catch((err: Error) => err)
      return fileResult(nameOf(name), info, () => readFile(path))
    }),
  )
  const folder = collect(names, results, nameOf)
  const listings = await Promise.all(
    folders.map((sub) => readdir(join(dir, sub)).catch(() => [] as string[])),
  )
  folders.forEach((sub, i) => {
    folder.errors.push(...subfolderWarning(nameOf(sub), listings[i]!))
  })
  return folder
}

/**
 * One rubric file given by path, read as `readRubricFolder` reads the files of a folder: a file that cannot be
 * read is an error named `name`. Never throws.
 */
export function readRubricFile(path: string, name: string): RubricFolder {
  let info: Stats | Error
  try {
    info = statSync(path)
  } catch (err) {
    info = err as Error
  }
  return collect([name], [fileResult(name, info, () => readFileSync(path))], (n) => n)
}

/**
 * What a reload would read differently: each rubric file's name, kind, size, modification time and inode (of the
 * file a link points to, or of the link when it points nowhere). Cheap: one listing and one stat a file, no reads.
 */
export function folderFingerprint(dir: string): string {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => RUBRIC_FILE.test(name))
  } catch {
    return 'unlistable'
  }
  return names
    .sort()
    .map((name) => {
      const path = join(dir, name)
      let info: Stats
      try {
        info = statSync(path)
      } catch {
        try {
          info = lstatSync(path)
        } catch {
          return `${name} gone`
        }
      }
      return `${name} ${info.mode} ${info.size} ${info.mtimeMs} ${info.ino}`
    })
    .join('\n')
}
