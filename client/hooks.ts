// Small hooks shared by the pages: loading data with loading/error states, the document title, keyboard shortcuts.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { errorLoad, type Load } from './state'

/** Runs `fn` when `deps` change; returns its state and a reload function. A stale answer never overwrites a newer one. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' })
  const [nonce, setNonce] = useState(0)
  useEffect(() => {
    let live = true
    setState({ state: 'loading' })
    fn().then(
      (data) => live && setState({ state: 'ready', data }),
      (e) => live && setState(errorLoad(e)),
    )
    return () => {
      live = false
    }
  }, [...deps, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
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
