// The terminal log format: a real Fastify app logs into it; each request is one short line at debug, none at info.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { startBanner, terminalLogStream } from '../../server/log-lines'

async function requestsLoggedAt(level: string): Promise<string[]> {
  const lines: string[] = []
  const app = Fastify({ logger: { level, stream: terminalLogStream(level, (l) => lines.push(l)) } })
  app.get('/ok', async () => ({ ok: true }))
  app.get('/boom', async () => {
    throw new Error('the disk is full')
  })
  await app.inject({ method: 'GET', url: '/ok' })
  await app.inject({ method: 'GET', url: '/missing' })
  await app.inject({ method: 'GET', url: '/boom' })
  app.log.warn('rubric file ownership.yaml has errors')
  await app.close()
  return lines
}

describe('terminal log lines', () => {
  it('writes one short line per request at debug', async () => {
    const lines = await requestsLoggedAt('debug')
    const requests = lines.filter((l) => /^GET \//.test(l))
    expect(requests).toHaveLength(3)
    expect(requests[0]).toMatch(/^GET \/ok 200 \d+ ms$/)
    expect(requests[1]).toMatch(/^GET \/missing 404 \d+ ms$/)
    expect(requests[2]).toMatch(/^GET \/boom 500 \d+ ms$/)
    expect(lines.some((l) => l.startsWith('{'))).toBe(false)
  })

  it('writes no request lines at info, but keeps warnings and errors in words', async () => {
    const lines = await requestsLoggedAt('info')
    expect(lines.filter((l) => /^GET \//.test(l))).toEqual([])
    expect(lines).toContain('warn: rubric file ownership.yaml has errors')
    const error = lines.find((l) => l.startsWith('error: '))
    expect(error).toMatch(/the disk is full/)
    expect(lines.some((l) => l.startsWith('{'))).toBe(false)
  })

  it('passes through a line that is not JSON', () => {
    const lines: string[] = []
    terminalLogStream('info', (l) => lines.push(l)).write('plain text\n')
    expect(lines).toEqual(['plain text'])
  })

  it('prints the URL on a line of its own, and in bold only on a terminal', () => {
    const plain = startBanner('http://127.0.0.1:3000/', false)
    expect(plain.split('\n')).toContain('  Starboard is running at http://127.0.0.1:3000/')
    expect(plain).not.toContain('\u001b[')
    expect(startBanner('http://127.0.0.1:3000/', true)).toContain('\u001b[1m')
  })
})
