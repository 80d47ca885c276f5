// Small hooks shared by the pages: loading data with loading/error states, the document title, keyboard shortcuts.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { errorLoad, type Load } from './state'

/** Runs `fn` when `deps` change; returns its state and a reload function. A stale answer never overwrites a newer one. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' })
  const [nonce, setNonce] = useState(0)
  const refreshing = useRef(false)
  useEffect(() => {
    let live = true
    // New inputs start from "loading"; a reload of the same inputs (the rubrics changed, a retry) keeps what is
    // shown until the new data arrives, so a list does not blink empty while it refreshes.
    if (refreshing.current) setState((s) => (s.state === 'ready' ? s : { state: 'loading' }))
    else setState({ state: 'loading' })
    refreshing.current = false
    fn().then(
      (data) => live && setState({ state: 'ready', data }),
      (e) => live && setState(errorLoad(e)),
    )
    return () => {
      live = false
    }
  }, [...deps, nonce])
  const reload = useCallback(() => {
    refreshing.current = true
    setNonce((n) => n + 1)
  }, [])
  return [state, reload]
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Starboard` : 'Starboard'
  }, [title])
}

/**
 * Listens for keydown on the document, subscribing once: the handler of the latest render answers each key,
 * so it sees current state without the listener being replaced on every render.
 */
export function useKeydown(handler: (e: KeyboardEvent) => void) {
  const latest = useRef(handler)
  latest.current = handler
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
