// The cohort pages' loading state: a request's result as loading, failed (with its HTTP status) or its value,
// and a way to ask again.

import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../../api'

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status: number }
  | { state: 'ok'; value: T }

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    setResult({ state: 'loading' })
    load().then(
      (value) => live && setResult({ state: 'ok', value }),
      (e: unknown) =>
        live &&
        setResult({
          state: 'error',
          message: e instanceof Error ? e.message : String(e),
          status: e instanceof ApiError ? e.status : 0,
        }),
    )
    return () => {
      live = false
    }
  }, [...deps, generation])
  return [result, () => setGeneration((g) => g + 1)]
}
