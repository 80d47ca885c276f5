// Rubric files in a subfolder of the rubrics folder are not read: the reader says so, as a warning.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readRubricFolder, readRubricFolderAsync } from '../../server/rubric-files'

let dir: string | undefined

afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

function folder(): string {
  dir = mkdtempSync(join(tmpdir(), 'starboard-subfolder-'))
  writeFileSync(join(dir, 'top.yaml'), 'id: top\n')
  mkdirSync(join(dir, 'drafts'))
  writeFileSync(join(dir, 'drafts', 'b.yaml'), 'id: b\n')
  writeFileSync(join(dir, 'drafts', 'a.yml'), 'id: a\n')
  mkdirSync(join(dir, 'notes'))
  writeFileSync(join(dir, 'notes', 'readme.txt'), 'not a rubric\n')
  return dir
}

const WARNING = {
  file: 'drafts',
  line: 1,
  column: 1,
  path: '',
  ruleId: 'subfolder',
  message:
    'Rubric files in subfolders are not read (a.yml, b.yaml); move them up into the rubrics folder to use them',
  severity: 'warning',
}

describe('a rubrics folder with subfolders', () => {
  it('reads the files at the top and warns about a subfolder holding rubric files', () => {
    const read = readRubricFolder(folder())
    expect(read.sources.map((s) => s.file)).toEqual(['top.yaml'])
    expect(read.errors).toEqual([WARNING])
  })

  it('says the same when read asynchronously', async () => {
    const read = await readRubricFolderAsync(folder())
    expect(read.sources.map((s) => s.file)).toEqual(['top.yaml'])
    expect(read.errors).toEqual([WARNING])
  })
})
