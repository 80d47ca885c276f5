// Starts server/main.ts as a child process on loopback (port 0), for the benchmark and the reliability suites.

import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const READY = /Starboard is running at (http:\/\/127\.0\.0\.1:\d+)\//

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string
  port: number
  child: ChildProcess
  pid: number
  /** Everything the process wrote, for failure messages. */
  output(): string
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>
}

export interface ServerProcessOptions {
  dbPath: string
  rubricsDir: string
  /** Write requests per minute; 0 (the default here) switches the limit off. */
  rateLimit?: number
  logLevel?: string
  /** How long to wait for the "running at" line. */
  startTimeoutMs?: number
  /** More environment variables for the server, e.g. STARBOARD_MAX_CONNECTIONS. */
  env?: Record<string, string>
}

/** Spawns `node --import tsx server/main.ts` (one process, so its PID is the server's) and waits until it listens. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      STARBOARD_DB: options.dbPath,
      STARBOARD_RUBRICS: options.rubricsDir,
      STARBOARD_RATE_LIMIT: String(options.rateLimit ?? 0),
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the server did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${text}`))
    }, options.startTimeoutMs ?? 30_000)
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8')
      // Keep only the tail: a long run must not hold every log line.
      if (text.length > 100_000) text = text.slice(-50_000)
      const match = READY.exec(text)
      if (match !== null) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${how}) before listening:\n${text}`))
    })
  })
  const pid = child.pid!
  return {
    url,
    port: Number(new URL(url).port),
    child,
    pid,
    output: () => text,
    exited,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}
