// The terminal's log format: one short line per request (only at `debug`), warnings and errors in words.
// Fastify's logger (pino) writes one JSON line per event into this stream; LOG_FORMAT=json keeps them as they are.

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
}
const LEVEL_VALUES: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
}

interface LogEntry {
  level?: number
  msg?: string
  reqId?: string | number
  req?: { method?: string; url?: string }
  res?: { statusCode?: number }
  responseTime?: number
  err?: { message?: string; stack?: string }
}

/** Requests seen but not yet answered; bounded, as an aborted request is never completed. */
const MAX_PENDING = 1000

/**
 * A writable for Fastify's `logger.stream`: turns pino's JSON lines into short lines for a person.
 * Each request gets one line, `GET /api/health 200 1 ms`, when `level` is `debug` or `trace`, and none at
 * `info` and above; Fastify's "Server listening" lines are left out (the start prints the URL itself).
 */
export function terminalLogStream(level: string, write: (line: string) => void) {
  const requestLines = (LEVEL_VALUES[level] ?? 30) <= 20
  const pending = new Map<string | number, string>()
  return {
    write(chunk: string) {
      for (const text of chunk.split('\n')) {
        if (text.trim() === '') continue
        let entry: LogEntry
        try {
          entry = JSON.parse(text) as LogEntry
        } catch {
          write(text)
          continue
        }
        const line = format(entry, requestLines, pending)
        if (line !== undefined) write(line)
      }
    },
  }
}

function format(
  entry: LogEntry,
  requestLines: boolean,
  pending: Map<string | number, string>,
): string | undefined {
  // Fastify logs each request twice: when it comes in (with `req`) and when it is answered (with `res`).
  if (entry.req && entry.reqId !== undefined && entry.msg === 'incoming request') {
    if (requestLines) {
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!)
      pending.set(entry.reqId, `${entry.req.method ?? '?'} ${entry.req.url ?? '?'}`)
    }
    return undefined
  }
  if (entry.res && entry.msg === 'request completed') {
    if (!requestLines) return undefined
    const what = entry.reqId === undefined ? undefined : pending.get(entry.reqId)
    if (entry.reqId !== undefined) pending.delete(entry.reqId)
    const ms = entry.responseTime === undefined ? '' : ` ${Math.round(entry.responseTime)} ms`
    return `${what ?? 'request'} ${entry.res.statusCode ?? '?'}${ms}`
  }
  if (entry.msg?.startsWith('Server listening at ')) return undefined
  const name = LEVEL_NAMES[entry.level ?? 30] ?? 'info'
  const prefix = name === 'info' ? '' : `${name}: `
  let line = `${prefix}${entry.msg ?? ''}`
  if (entry.err?.message && entry.err.message !== entry.msg) line += `: ${entry.err.message}`
  // A server error's stack is for the developer reading the terminal.
  if (entry.err?.stack && (entry.level ?? 30) >= 50) line += `\n${entry.err.stack}`
  return line
}

/** The lines `npm start` prints once the server listens: the URL first and alone, easy to find and click. */
export function startBanner(url: string, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s)
  return [
    '',
    bold(`  Starboard is running at ${url}`),
    '',
    `  Open it in your browser to practise. API docs: ${url}docs · Ctrl+C stops the server.`,
    '',
  ].join('\n')
}
