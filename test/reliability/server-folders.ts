// The folders a reliability suite's server process runs on, and their cleaning up after the suite.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { makeRubricsDir } from '../server/helpers'
import type { ServerProcess } from '../support/server-process'

/**
 * A new folder for the database (at `dbPath`) and a copy of the test rubrics. After all tests of the file, the
 * server `current()` returns, if any, is stopped and both folders are removed.
 */
export function serverFolders(
  prefix: string,
  current: () => ServerProcess | undefined,
): { dir: string; rubricsDir: string; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const rubricsDir = makeRubricsDir()
  afterAll(async () => {
    await current()?.stop()
    rmSync(dir, { recursive: true, force: true })
    rmSync(rubricsDir, { recursive: true, force: true })
  })
  return { dir, rubricsDir, dbPath: join(dir, 'starboard.db') }
}
