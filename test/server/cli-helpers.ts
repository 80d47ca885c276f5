// Running the `star` command in tests: in a child process (`run`) or in this one (`runMain`), and what its output must be.

import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { expect, vi } from 'vitest'
import { main } from '../../server/cli'

export const ROOT = new URL('../..', import.meta.url).pathname
export const TSX = join(ROOT, 'node_modules/.bin/tsx')
export const CLI = join(ROOT, 'server/cli.ts')
export const STRONG =
  'In 2023 I was the tech lead for checkout at a retailer. My goal was to cut payment failures before the holidays. ' +
  'I traced the failures to a retry storm in our Kafka consumer, rewrote the retry logic with jittered backoff, and added a circuit breaker. ' +
  'Payment failures fell from 2.1% to 0.3% within two weeks. I learned to measure before I change anything.'

export function capture(): { out: Writable; text: () => string } {
  const chunks: string[] = []
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { out, text: () => chunks.join('') }
}

export function run(args: string[], input: string | Buffer, env: Record<string, string> = {}) {
  return spawnSync(TSX, [CLI, ...args], {
    input,
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  })
}

/** Runs `main` in this process, as `run` does in a child: its exit code, standard output and error. */
export async function runMain(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { out, text } = capture()
  const written: string[] = []
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  try {
    const status = await main(args, out)
    return { status, stdout: text(), stderr: written.join('') }
  } finally {
    spy.mockRestore()
  }
}

/** A user fault: nothing on stdout, exactly one line on stderr (no stack trace), and the exit code. */
export function expectOneLine(
  r: { status: number | null; stdout: string; stderr: string },
  status: number,
  message: RegExp,
): void {
  expect(r.stderr).not.toMatch(/\n\s+at /)
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^star: /)
  expect(lines[0]).toMatch(message)
  expect(r.stdout).toBe('')
  expect(r.status).toBe(status)
}

export function tempDir(prefix = 'star-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A natural answer of exactly `length` characters. */
export function answerOfLength(length: number): string {
  return STRONG.repeat(Math.ceil(length / STRONG.length) + 1).slice(0, length)
}

/** Any C0 control other than line feed, or DEL or a C1 control: what must never reach a terminal raw. */
export const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/

export const jsonLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { error?: string; score?: number })
