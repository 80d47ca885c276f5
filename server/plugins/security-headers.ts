// Plugin: helmet's security headers (CSP and the rest) on every response, worked out once at start.
// The headers depend only on the options, never on the request, so helmet runs once against a recording response
// and each request gets the recorded list; building helmet's middleware per request cost more than the headers.

import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

/** What helmet does to a response: headers it sets, in order, and headers it removes. */
interface SecurityHeaders {
  set: [name: string, value: string][]
  removed: string[]
}

/** Runs helmet's middleware once on a stand-in response and records what it does. */
function securityHeaders(options: HelmetOptions): SecurityHeaders {
  const recorded: SecurityHeaders = { set: [], removed: [] }
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      recorded.set.push([name, Array.isArray(value) ? value.join(', ') : String(value)])
    },
    removeHeader(name: string) {
      recorded.removed.push(name)
    },
  }
  let failure: unknown
  helmet(options)({} as never, response as never, (err?: unknown) => {
    failure = err
  })
  if (failure !== undefined) throw failure
  return recorded
}

export async function securityHeadersPlugin(app: FastifyInstance, options: HelmetOptions): Promise<void> {
  const { set, removed } = securityHeaders(options)
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw
    for (const name of removed) raw.removeHeader(name)
    for (const [name, value] of set) raw.setHeader(name, value)
    done()
  })
}

// Hooks apply to every route, not to an encapsulated child (what fastify-plugin does).
Object.assign(securityHeadersPlugin, { [Symbol.for('skip-override')]: true })
