// The request guard's connection limits: timeouts, requests per socket and the connection cap, from options
// and from the environment.

import { afterEach, describe, expect, test } from 'vitest'
import { startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

describe('connection limits', () => {
  test('defaults: request, header, idle and keep-alive timeouts, requests per socket and a connection cap', async () => {
    t = await startApp()
    const server = t.app.server
    expect(server.requestTimeout).toBe(30_000)
    expect(server.headersTimeout).toBeGreaterThan(0)
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout)
    expect(server.timeout).toBe(60_000)
    expect(server.keepAliveTimeout).toBe(5_000)
    expect(server.maxRequestsPerSocket).toBe(1_000)
    expect(server.maxConnections).toBe(256)
    // Expired requests are looked for at least once a second, so a timeout is kept to within a second.
    expect((server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(
      1_000,
    )
  })

  test('configured values reach the HTTP server', async () => {
    t = await startApp({ guard: { requestTimeoutMs: 2_000, keepAliveTimeoutMs: 700, maxConnections: 12 } })
    const server = t.app.server
    expect(server.requestTimeout).toBe(2_000)
    expect(server.headersTimeout).toBe(2_000)
    expect(server.timeout).toBe(4_000)
    expect(server.keepAliveTimeout).toBe(700)
    expect(server.maxConnections).toBe(12)
  })

  test('environment: each variable is read, checked, and a bad value is named', async () => {
    const { guardOptionsFromEnv } = await import('../../server/plugins/guard')
    expect(guardOptionsFromEnv({})).toEqual({})
    expect(
      guardOptionsFromEnv({
        STARBOARD_ALLOWED_HOSTS: ' starboard.lan, Proxy.Example:8443 ,,',
        STARBOARD_REQUEST_TIMEOUT_MS: '5000',
        STARBOARD_KEEP_ALIVE_TIMEOUT_MS: '1000',
        STARBOARD_MAX_CONNECTIONS: '64',
      }),
    ).toEqual({
      allowedHosts: ['starboard.lan', 'proxy.example:8443'],
      requestTimeoutMs: 5000,
      keepAliveTimeoutMs: 1000,
      maxConnections: 64,
    })
    expect(() => guardOptionsFromEnv({ STARBOARD_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /STARBOARD_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1,000.*not '0'/,
    )
    expect(() => guardOptionsFromEnv({ STARBOARD_MAX_CONNECTIONS: 'lots' })).toThrow(
      /STARBOARD_MAX_CONNECTIONS must be a whole number.*not 'lots'/,
    )
    expect(() => guardOptionsFromEnv({ STARBOARD_KEEP_ALIVE_TIMEOUT_MS: '-1' })).toThrow(
      /STARBOARD_KEEP_ALIVE_TIMEOUT_MS/,
    )
    expect(() => guardOptionsFromEnv({ STARBOARD_ALLOWED_HOSTS: 'http://starboard.lan/' })).toThrow(
      /STARBOARD_ALLOWED_HOSTS.*'http:\/\/starboard\.lan\/'.*host name/,
    )
  })
})
