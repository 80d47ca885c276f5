// STARBOARD_DATABASE_URL: a PostgreSQL URL selects PostgreSQL; anything else, or a database that cannot be reached,
// stops the start with one line naming the variable (and never the password).

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Runs `npm start`'s server with `url` as STARBOARD_DATABASE_URL; answers its exit code and what it wrote to stderr. */
function start(url: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, STARBOARD_DATABASE_URL: url, PORT: '0', STARBOARD_DB: ':memory:' },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: run.status, lines: run.stderr.trim().split('\n') }
}

describe('STARBOARD_DATABASE_URL', () => {
  test('a URL that is not PostgreSQL stops the start with one line naming the variable', () => {
    const { status, lines } = start('mysql://starboard:secret@127.0.0.1/starboard')
    expect(status).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^STARBOARD_DATABASE_URL must be a PostgreSQL URL, postgres:\/\//)
    expect(lines[0]).not.toContain('secret')
  })

  test('a PostgreSQL database that cannot be reached stops the start with one line, without the password', () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const { status, lines } = start('postgresql://starboard:secret@127.0.0.1:1/starboard')
    expect(status).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^Cannot open the PostgreSQL database at postgresql:\/\/starboard:\*\*\*@127\.0\.0\.1:1\/starboard: .+ \(STARBOARD_DATABASE_URL\)$/,
    )
    expect(lines[0]).not.toContain('secret')
  })
})
