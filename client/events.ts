// What the server says has changed (GET /api/events), for pages that refresh their data without a reload.
// One EventSource per page load, opened on the first listener and closed after the last; the browser
// reconnects by itself when the server restarts. Every (re)connection counts as a change too: a change made
// while the stream was still connecting, or down, sends no event to this page, so listeners refetch then.

import { useEffect, useRef } from 'preact/hooks'

/** Events the server sends: `rubrics` when the rubrics in service (or the problems in their files) change. */
export type ServerEvent = 'rubrics'

type Listener = () => void

const listeners = new Map<ServerEvent, Set<Listener>>()
let source: EventSource | undefined

function count(): number {
  let n = 0
  for (const set of listeners.values()) n += set.size
  return n
}

function open(): void {
  if (source !== undefined || typeof EventSource === 'undefined') return
  const s = new EventSource('/api/events')
  const notify = () => {
    for (const listener of [...(listeners.get('rubrics') ?? [])]) listener()
  }
  s.addEventListener('rubrics', notify)
  s.addEventListener('open', notify)
  source = s
}

/** Calls `listener` on every `event` from the server; returns a function that stops it. */
export function onServerEvent(event: ServerEvent, listener: Listener): () => void {
  let set = listeners.get(event)
  if (set === undefined) {
    set = new Set()
    listeners.set(event, set)
  }
  set.add(listener)
  open()
  return () => {
    listeners.get(event)?.delete(listener)
    if (count() === 0) {
      source?.close()
      source = undefined
    }
  }
}

/** `onServerEvent` for a component: subscribed while it is mounted; the latest render's handler answers. */
export function useServerEvent(event: ServerEvent, handler: () => void): void {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => onServerEvent(event, () => latest.current()), [event])
}
