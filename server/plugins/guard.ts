// Plugin: what every request must pass before a route sees it, and the limits on connections.
// - Host: only the server's own names are answered, so a page on a rebound DNS name cannot read the API.
// - Writes (POST, PUT, PATCH, DELETE): JSON only, and never from another origin or another site.
// - JSON bodies: strict UTF-8 (a declared charset must be UTF-8), and no keys that could change prototypes.
// - Connections: the whole request must arrive in time, idle connections close, and their number is capped.

import { networkInterfaces } from 'node:os'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../errors'

export interface GuardOptions {
  /** The address the server listens on (HOST); it is answered as a host name too. */
  bindHost?: string
  /** More names to answer to, such as `starboard.lan` or `proxy.example:8443` (STARBOARD_ALLOWED_HOSTS). */
  allowedHosts?: string[]
  /** Time allowed to receive one whole request, headers and body; a connection silent for twice this closes. */
  requestTimeoutMs?: number
  /** How long a kept-alive connection may stay idle between requests. */
  keepAliveTimeoutMs?: number
  /** Open connections at once; more are refused. */
  maxConnections?: number
  /** Requests one connection may carry before the server closes it (the client opens another). */
  maxRequestsPerSocket?: number
}

const GUARD_DEFAULTS = {
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
} as const
/** Requests on one kept-alive connection before the server closes it; the client simply opens another. */
const MAX_REQUESTS_PER_SOCKET = 1_000
/** How often Node looks for requests past their time; a timeout is kept to within this. */
const CHECK_INTERVAL_MS = 1_000
/** Headers must come sooner than a whole request; Node's own default is 60 s. */
const MAX_HEADERS_TIMEOUT_MS = 60_000

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]']
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SEND_JSON = 'Send the body as JSON with the header Content-Type: application/json.'

interface HostPort {
  /** Lower case; an IPv6 address in brackets. */
  name: string
  /** Absent when the header names no port. */
  port: number | undefined
}

/** Splits `name`, `name:port`, `[v6]` or `[v6]:port`; undefined for anything else. */
function parseHostPort(value: string): HostPort | undefined {
  const text = value.trim().toLowerCase()
  let name: string
  let rest: string
  if (text.startsWith('[')) {
    const close = text.indexOf(']')
    if (close < 0) return undefined
    name = text.slice(0, close + 1)
    rest = text.slice(close + 1)
  } else {
    const colon = text.indexOf(':')
    name = colon < 0 ? text : text.slice(0, colon)
    rest = colon < 0 ? '' : text.slice(colon)
  }
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)$/.test(name)) return undefined
  if (rest === '') return { name, port: undefined }
  const port = /^:(\d{1,5})$/.exec(rest)?.[1]
  if (port === undefined || Number(port) > 65535) return undefined
  return { name, port: Number(port) }
}

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address
}

/** The bind address as a host name; a wildcard address stands for every address of this machine. */
function bindNames(bindHost: string | undefined): string[] {
  if (bindHost === undefined || bindHost === '') return []
  const names = [bracketed(bindHost.toLowerCase())]
  if (bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '[::]') {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.push(bracketed(info.address.toLowerCase()))
    }
  }
  return names
}

interface Rules {
  /** Names answered with the server's port or none: the local names, the bind address, bare allowed names. */
  names: Set<string>
  /** Allowed names with a port of their own: `name:port`. */
  exact: Set<string>
  /** Bare allowed names (a proxy in front may use https and its own default port). */
  configured: Set<string>
}

function rulesOf(options: GuardOptions): Rules {
  const rules: Rules = { names: new Set(LOCAL_NAMES), exact: new Set(), configured: new Set() }
  for (const name of bindNames(options.bindHost)) rules.names.add(name)
  for (const entry of options.allowedHosts ?? []) {
    const parsed = parseHostPort(entry)
    if (parsed === undefined) continue
    if (parsed.port === undefined) {
      rules.names.add(parsed.name)
      rules.configured.add(parsed.name)
    } else rules.exact.add(`${parsed.name}:${parsed.port}`)
  }
  return rules
}

function hostAllowed(rules: Rules, host: HostPort, serverPort: number): boolean {
  if (host.port !== undefined && rules.exact.has(`${host.name}:${host.port}`)) return true
  return rules.names.has(host.name) && (host.port === undefined || host.port === serverPort)
}

/** An origin is this server's when it is `http://name:port` of an allowed host (a proxy's name may use https). */
function originAllowed(rules: Rules, origin: string, serverPort: number): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false
  const name = url.hostname
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port)
  if (rules.exact.has(`${name}:${port}`)) return true
  if (rules.configured.has(name) && url.port === '') return true
  return url.protocol === 'http:' && rules.names.has(name) && port === serverPort
}

/** The media type and charset of a Content-Type header, lower case; charset undefined when not given. */
function mediaTypeOf(header: string): { type: string; charset: string | undefined } {
  const [type = '', ...params] = header.split(';')
  let charset: string | undefined
  for (const param of params) {
    const eq = param.indexOf('=')
    if (eq < 0) continue
    if (param.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase()
    }
  }
  return { type: type.trim().toLowerCase(), charset }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Refuses a write that is not JSON, or that comes from another origin or another site. */
function checkWrite(request: FastifyRequest, rules: Rules, serverPort: number): void {
  const origin = request.headers.origin
  if (origin !== undefined && !originAllowed(rules, origin, serverPort)) {
    throw new HttpError(
      403,
      `Changes are not accepted from the page at origin '${origin}'; open Starboard at its own address to make them.`,
    )
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new HttpError(
      403,
      'Changes are not accepted from a page of another site; open Starboard at its own address to make them.',
    )
  }
  const header = request.headers['content-type']
  if (header === undefined) {
    // A DELETE names everything in its URL; only a body needs a declared type.
    if (request.method === 'DELETE' && !hasBody(request)) return
    throw new HttpError(415, SEND_JSON)
  }
  const { type, charset } = mediaTypeOf(header)
  if (type !== 'application/json') throw new HttpError(415, SEND_JSON)
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(
      415,
      `The body must be JSON in UTF-8, not charset=${charset}; send it as UTF-8 with Content-Type: application/json.`,
    )
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The first key that could change an object's prototype when the value is merged somewhere, if any. */
function prototypeKey(value: unknown): string | undefined {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === null || typeof item !== 'object') continue
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element)
      continue
    }
    if (Object.hasOwn(item, '__proto__')) return '"__proto__"'
    const ctor = Object.hasOwn(item, 'constructor')
      ? (item as { constructor: unknown }).constructor
      : undefined
    if (ctor !== null && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) {
      return '"constructor" with a "prototype" key (constructor.prototype)'
    }
    for (const child of Object.values(item)) stack.push(child)
  }
  return undefined
}

/** Parses a JSON body: strict UTF-8 (a byte order mark is dropped), then JSON, then no prototype keys. */
function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new HttpError(400, 'The body is empty; send a JSON object.')
  let text: string
  try {
    text = UTF8.decode(body)
  } catch {
    throw new HttpError(
      400,
      'The body is not valid UTF-8; send the JSON encoded as UTF-8 (Content-Type: application/json).',
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'The body is not valid JSON; check quotes, commas and escapes.')
  }
  const key = prototypeKey(value)
  if (key !== undefined) {
    throw new HttpError(400, `The body has a key named ${key}, which is not allowed; remove it.`)
  }
  return value
}

/** Reads the guard's settings from the environment; throws an Error naming the variable when one is bad. */
export function guardOptionsFromEnv(env: Record<string, string | undefined>): GuardOptions {
  const options: GuardOptions = {}
  const whole = (name: string, min: number, what: string): number | undefined => {
    const text = env[name]
    if (text === undefined || text === '') return undefined
    const value = Number(text)
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
      throw new Error(
        `${name} must be a whole number of ${what} from ${min.toLocaleString('en-US')}, not '${text}'`,
      )
    }
    return value
  }
  const hosts = env.STARBOARD_ALLOWED_HOSTS
  if (hosts !== undefined && hosts.trim() !== '') {
    const list = hosts
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '')
    for (const h of list) {
      if (parseHostPort(h) === undefined) {
        throw new Error(
          `STARBOARD_ALLOWED_HOSTS lists '${h}', which is not a host name; give names such as starboard.lan or proxy.example:8443, separated by commas`,
        )
      }
    }
    options.allowedHosts = list.map((h) => h.toLowerCase())
  }
  const requestTimeoutMs = whole('STARBOARD_REQUEST_TIMEOUT_MS', 1_000, 'milliseconds')
  if (requestTimeoutMs !== undefined) options.requestTimeoutMs = requestTimeoutMs
  const keepAliveTimeoutMs = whole('STARBOARD_KEEP_ALIVE_TIMEOUT_MS', 1, 'milliseconds')
  if (keepAliveTimeoutMs !== undefined) options.keepAliveTimeoutMs = keepAliveTimeoutMs
  const maxConnections = whole('STARBOARD_MAX_CONNECTIONS', 1, 'connections')
  if (maxConnections !== undefined) options.maxConnections = maxConnections
  const maxRequestsPerSocket = whole('STARBOARD_MAX_REQUESTS_PER_CONNECTION', 1, 'requests')
  if (maxRequestsPerSocket !== undefined) options.maxRequestsPerSocket = maxRequestsPerSocket
  return options
}

export async function guardPlugin(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const requestTimeoutMs = options.requestTimeoutMs ?? GUARD_DEFAULTS.requestTimeoutMs
  const server = app.server
  // Read by Node when the server starts listening, so it can still be set here.
  ;(server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval = Math.min(
    CHECK_INTERVAL_MS,
    requestTimeoutMs,
  )
  server.requestTimeout = requestTimeoutMs
  server.headersTimeout = Math.min(requestTimeoutMs, MAX_HEADERS_TIMEOUT_MS)
  // Longer than the request timeout, so a late request is answered 408 before its silent connection is dropped;
  // this one also ends a response that the client stopped reading.
  server.setTimeout(2 * requestTimeoutMs)
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? GUARD_DEFAULTS.keepAliveTimeoutMs
  server.maxRequestsPerSocket = options.maxRequestsPerSocket ?? MAX_REQUESTS_PER_SOCKET
  server.maxConnections = options.maxConnections ?? GUARD_DEFAULTS.maxConnections

  const rules = rulesOf(options)
  let listeningPort: number | undefined
  /** The port the server listens on; 80, what a Host without a port means, for injected requests. */
  const serverPort = (): number => {
    if (listeningPort !== undefined) return listeningPort
    const address = server.listening ? server.address() : null
    if (address !== null && typeof address === 'object') listeningPort = address.port
    return listeningPort ?? 80
  }

  // The Host headers this server has accepted, once it listens (the verdict depends on its port): a client sends
  // the same few values again and again, so each is parsed and matched once. Refused values are not kept, so what
  // anyone sends cannot grow this beyond the names the rules allow.
  const acceptedHosts = new Set<string>()
  const MAX_ACCEPTED_HOSTS = 64
  const hostOk = (host: string | undefined, port: number): boolean => {
    if (host === undefined) return false
    if (acceptedHosts.has(host)) return true
    const parsed = parseHostPort(host)
    if (parsed === undefined || !hostAllowed(rules, parsed, port)) return false
    if (listeningPort !== undefined && acceptedHosts.size < MAX_ACCEPTED_HOSTS) acceptedHosts.add(host)
    return true
  }

  // A synchronous hook: no promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    const host = request.headers.host
    const port = serverPort()
    if (!hostOk(host, port)) {
      done(
        new HttpError(
          421,
          `This server does not answer to the host name '${host ?? ''}'. Open it at http://localhost:${port}/, ` +
            'or add the name to STARBOARD_ALLOWED_HOSTS when you reach it by that name on purpose.',
        ),
      )
      return
    }
    // Nothing to protect on a path no route answers: it stays a plain 404.
    if (WRITE_METHODS.has(request.method) && !request.is404) {
      try {
        checkWrite(request, rules, port)
      } catch (err) {
        done(err as Error)
        return
      }
    }
    done()
  })

  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer))
    } catch (err) {
      done(err as Error, undefined)
    }
  })
}

// Hooks and parsers apply to every route, not to an encapsulated child (what fastify-plugin does).
Object.assign(guardPlugin, { [Symbol.for('skip-override')]: true })
