// Server-Sent Events: pages listening for changes (`event: rubrics` when the rubrics in service change), each
// kept open past the request timeout, sent a comment now and then so proxies and the browser know it is alive.

import type { IncomingMessage, ServerResponse } from 'node:http'

export interface EventHubOptions {
  /** How often a comment line is sent to every listener (default 15 s). */
  heartbeatMs?: number
}

/** How long a browser waits before reconnecting after the stream ends (the `retry:` field). */
const RETRY_MS = 3_000

export class EventHub {
  private readonly clients = new Set<ServerResponse>()
  private timer: NodeJS.Timeout | undefined
  private readonly heartbeatMs: number
  private closed = false

  constructor(options: EventHubOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000
  }

  /** Pages listening now. */
  get size(): number {
    return this.clients.size
  }

  /**
   * Starts an event stream on a response nobody else writes to. The connection's inactivity timeout is switched
   * off for it (the heartbeat keeps it busy anyway); it is forgotten when the page goes away.
   */
  open(request: IncomingMessage, response: ServerResponse): void {
    request.socket.setTimeout(0)
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-content-type-options': 'nosniff',
      // Tells a buffering proxy (nginx) to pass events on at once.
      'x-accel-buffering': 'no',
    })
    response.write(`retry: ${RETRY_MS}\n: listening\n\n`)
    this.clients.add(response)
    const forget = () => {
      this.clients.delete(response)
      if (this.clients.size === 0) this.stopHeartbeat()
    }
    response.on('close', forget)
    response.on('error', forget)
    this.startHeartbeat()
  }

  /** Sends one event to every listener; `data` is sent as one line of JSON. */
  send(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
    for (const client of this.clients) client.write(frame)
  }

  private startHeartbeat(): void {
    if (this.timer !== undefined || this.closed) return
    this.timer = setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n')
    }, this.heartbeatMs)
    this.timer.unref()
  }

  private stopHeartbeat(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
  }

  /** Ends every stream (the server is shutting down); browsers reconnect to the next server. */
  close(): void {
    this.closed = true
    this.stopHeartbeat()
    for (const client of this.clients) client.end()
    this.clients.clear()
  }
}
