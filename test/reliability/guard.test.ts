// Connections and other origins against a real server on loopback: a stalled or trickled body is cut off at the
// request timeout, connections beyond the cap are refused and the server serves again once idle ones are closed,
// and a page on another origin in Chromium cannot re-score an attempt.

import { readdirSync } from 'node:fs'
import { createServer, get, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GOOD_ANSWER } from '../server/helpers'
import { launchChromium, SKIP_BROWSER } from '../support/chromium'
import { type ServerProcess, startServerProcess } from '../support/server-process'
import { serverFolders } from './server-folders'

const REQUEST_TIMEOUT_MS = 2_000
const MAX_CONNECTIONS = 20
/** Node looks for expired requests once a second; the rest is room for a loaded machine. */
const CLOSE_BOUND_MS = REQUEST_TIMEOUT_MS + 1_000 + 2_500
/** How long a test waits before it calls a connection "never closed". */
const GIVE_UP_MS = 20_000

let server: ServerProcess
const { rubricsDir, dbPath } = serverFolders('starboard-guard-', () => server)

beforeAll(async () => {
  server = await startServerProcess({
    dbPath,
    rubricsDir,
    env: {
      STARBOARD_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      STARBOARD_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
    },
  })
})

interface Held {
  socket: Socket
  /** Milliseconds from opening to the server closing it, once it has. */
  closedAfter: Promise<number | undefined>
  received: () => string
}

/** Opens a loopback connection and notes when it closes (undefined when it is still open after GIVE_UP_MS). */
async function open(): Promise<Held> {
  const started = Date.now()
  const socket = connect({ host: '127.0.0.1', port: server.port })
  let text = ''
  socket.on('data', (chunk) => {
    text += chunk.toString('latin1')
  })
  socket.on('error', () => {})
  const closedAfter = new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), GIVE_UP_MS)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(Date.now() - started)
    })
  })
  await new Promise<void>((resolve) => {
    socket.once('connect', () => resolve())
    socket.once('close', () => resolve())
  })
  return { socket, closedAfter, received: () => text }
}

const head = (length: string) =>
  `POST /api/score HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\n${length}\r\n`

/** GET /api/health on a connection of its own that closes after the answer, so it never holds a slot. */
function health(): Promise<number> {
  return new Promise((resolve) => {
    const request = get(`${server.url}/api/health`, { agent: false, timeout: 2_000 }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(0))
  })
}

describe('request timeout', () => {
  test('a chunked body that stalls is answered 408 and closed within the request timeout', async () => {
    const held = await open()
    held.socket.write(`${head('Transfer-Encoding: chunked\r\n')}9\r\n{"answer"\r\n`)
    const closedAfter = await held.closedAfter
    held.socket.destroy()
    expect(closedAfter, 'the connection was still open after 20 s').toBeDefined()
    expect(closedAfter!).toBeLessThanOrEqual(CLOSE_BOUND_MS)
    expect(held.received()).toMatch(/^HTTP\/1\.1 408/)
    expect(await health()).toBe(200)
  })

  test('a body trickled a byte at a time is cut off too: the limit is on the whole request', async () => {
    const held = await open()
    const body = `{"answer":"${'x'.repeat(200)}"}`
    held.socket.write(head(`Content-Length: ${body.length}\r\n`))
    let sent = 0
    const trickle = setInterval(() => {
      if (sent < body.length && !held.socket.destroyed) held.socket.write(body[sent++]!)
    }, 250)
    const closedAfter = await held.closedAfter
    clearInterval(trickle)
    held.socket.destroy()
    expect(closedAfter, 'the connection was still open after 20 s').toBeDefined()
    expect(closedAfter!).toBeLessThanOrEqual(CLOSE_BOUND_MS)
    expect(sent).toBeLessThan(body.length)
  })
})

describe('connection cap', () => {
  test('idle connections beyond the cap are refused at once; the server serves again when they are cut off', async () => {
    const pid = server.pid
    const openFiles = () => readdirSync(`/proc/${pid}/fd`).length
    const before = openFiles()
    const flood = 5 * MAX_CONNECTIONS
    const held: Held[] = []
    for (let i = 0; i < flood; i++) held.push(await open())
    const started = Date.now()
    const filesDuring = openFiles()
    try {
      expect(filesDuring - before).toBeLessThanOrEqual(MAX_CONNECTIONS + 5)
      // A normal request gets through within the request timeout, without any help from the flood.
      let status = 0
      while (status !== 200 && Date.now() - started < GIVE_UP_MS) {
        status = await health()
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      expect(status).toBe(200)
      expect(Date.now() - started).toBeLessThanOrEqual(CLOSE_BOUND_MS + 2_000)
      const closed = await Promise.all(held.map((h) => h.closedAfter))
      expect(closed.filter((ms) => ms === undefined)).toEqual([])
      // Refused at once, or held until the headers were overdue: nothing in between.
      const refused = closed.filter((ms) => ms! < REQUEST_TIMEOUT_MS / 2).length
      const cutOff = closed.filter((ms) => ms! >= REQUEST_TIMEOUT_MS && ms! <= CLOSE_BOUND_MS).length
      expect({ refused, cutOff }).toEqual({ refused: flood - MAX_CONNECTIONS, cutOff: MAX_CONNECTIONS })
    } finally {
      for (const h of held) h.socket.destroy()
    }
  })
})

describe.skipIf(SKIP_BROWSER)('another origin in Chromium', () => {
  let page: Server
  let pageUrl: string

  beforeAll(async () => {
    page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end('<!doctype html><title>elsewhere</title><iframe name="sink"></iframe>')
    })
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', () => resolve()))
    const address = page.address()
    pageUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`
  })
  afterAll(async () => {
    await new Promise((resolve) => page?.close(resolve))
  })

  test('a page on another port cannot re-score by form, no-cors fetch or JSON fetch', async () => {
    const created = await fetch(`${server.url}/api/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ promptId: 'ownership-outside-scope', answer: GOOD_ANSWER }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: number }
    const target = `${server.url}/api/attempts/${id}/rescore`

    const browser = await launchChromium()
    try {
      const tab = await browser.context.newPage()
      const statuses: number[] = []
      tab.on('response', (r) => {
        if (r.url() === target && r.request().method() === 'POST') statuses.push(r.status())
      })
      await tab.goto(pageUrl)
      // Two no-cors posts (text/plain, and no body at all); a JSON post needs a preflight the server never grants.
      await tab.evaluate(async (url) => {
        const send = (init: RequestInit) => fetch(url, init).catch(() => undefined)
        await send({ method: 'POST', mode: 'no-cors', body: '{}' })
        await send({ method: 'POST', mode: 'no-cors' })
        await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      }, target)
      const formDone = tab.waitForResponse((r) => r.url() === target)
      // A form post, which any page can make without script; text/plain is the encoding closest to JSON.
      await tab.evaluate(`(() => {
        const form = document.createElement('form')
        form.method = 'POST'
        form.action = ${JSON.stringify(target)}
        form.enctype = 'text/plain'
        form.target = 'sink'
        const input = document.createElement('input')
        input.name = '{"a":"'
        input.value = '"}'
        form.append(input)
        document.body.append(form)
        form.submit()
      })()`)
      await formDone
      const attempt = (await (await fetch(`${server.url}/api/attempts/${id}`)).json()) as {
        history: unknown[]
      }
      expect({ history: attempt.history, statuses }).toEqual({ history: [], statuses: [403, 403, 403] })
    } finally {
      await browser.close()
    }
  })
})
