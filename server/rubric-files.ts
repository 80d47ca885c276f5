// Reads a rubrics folder: every .yaml/.yml file as text, with unreadable files and folders reported as errors.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RubricError, RubricSource } from '../engine/index'

export const RUBRIC_FILE = /\.ya?ml$/i

export interface RubricFolder {
  sources: RubricSource[]
  /** The folder or a file could not be read; each error names it, like a rubric file error. */
  errors: RubricError[]
}

function readError(file: string, ruleId: string, message: string): RubricError {
  return { file, line: 1, column: 1, path: '', ruleId, message }
}

/**
 * The rubric files directly inside `dir`, sorted by name. `nameOf` says how a file is named in
 * sources and errors: by default its name, relative to `dir`. Never throws.
 */
export function readRubricFolder(dir: string, nameOf: (name: string) => string = (n) => n): RubricFolder {
  let names: string[]
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && RUBRIC_FILE.test(e.name))
      .map((e) => e.name)
      .sort()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? `The rubrics folder '${dir}' does not exist; create it or point STARBOARD_RUBRICS at one`
        : `The rubrics folder '${dir}' cannot be read (${code ?? 'error'}); check its permissions`
    return { sources: [], errors: [readError(dir, 'rubrics-folder', message)] }
  }
  const sources: RubricSource[] = []
  const errors: RubricError[] = []
  for (const name of names) {
    try {
      sources.push({ file: nameOf(name), text: readFileSync(join(dir, name), 'utf8') })
    } catch (err) {
      // Deleted between listing and reading, or unreadable: report it like any other bad file.
      const code = (err as NodeJS.ErrnoException).code ?? 'error'
      errors.push(readError(nameOf(name), 'unreadable', `The file cannot be read (${code})`))
    }
  }
  return { sources, errors }
}
