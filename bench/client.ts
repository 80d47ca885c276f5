// Client size benchmark: builds whatever client/ holds with Vite into a temp folder and sums gzipped JS and CSS.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

export interface ClientBench {
  jsGzipKb: number
  cssGzipKb: number
  jsKb: number
  cssKb: number
  files: number
  /** Each JS file's gzipped size, largest first, for finding what to trim. */
  jsFiles: { name: string; gzipKb: number }[]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

export async function benchClient(): Promise<ClientBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'starboard-bench-client-'))
  try {
    // A temp outDir: dist/client may be in use by a running server or a colleague's build.
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    })
    const sizes: ClientBench = { jsGzipKb: 0, cssGzipKb: 0, jsKb: 0, cssKb: 0, files: 0, jsFiles: [] }
    for (const file of filesUnder(outDir)) {
      const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : undefined
      if (kind === undefined) continue
      const bytes = readFileSync(file)
      sizes[`${kind}Kb`] += bytes.length / 1024
      // zlib's default level, as web servers and Vite's size report use.
      const gzipKb = gzipSync(bytes).length / 1024
      sizes[`${kind}GzipKb`] += gzipKb
      if (kind === 'js') sizes.jsFiles.push({ name: basename(file), gzipKb })
      sizes.files++
    }
    sizes.jsFiles.sort((a, b) => b.gzipKb - a.gzipKb)
    return sizes
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}
