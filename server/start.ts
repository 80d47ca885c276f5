// `npm start`: builds the client when dist/client is missing or older than its sources, then starts the server.

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'dist', 'client', 'index.html')
const viteConfig = join(root, 'vite.config.ts')

/** Newest modification time of any file under `path` (a file or a folder), or 0 when absent. */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let latest = 0
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)))
  return latest
}

function clientNeedsBuild(): boolean {
  if (!existsSync(viteConfig)) return false
  if (!existsSync(builtIndex)) return true
  const sources = Math.max(newest(join(root, 'client')), newest(viteConfig), newest(join(root, 'engine')))
  return sources > statSync(builtIndex).mtimeMs
}

if (clientNeedsBuild()) {
  console.log('Building the client (dist/client is missing or older than client/)…')
  const vite = join(root, 'node_modules', '.bin', 'vite')
  const result = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    // The API still works without the UI; the server says how to build it at /.
    console.error('The client build failed (see above); starting the server anyway.')
  }
}

await import('./main')
