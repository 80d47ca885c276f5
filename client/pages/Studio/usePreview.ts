// Checks the draft a short while after each keystroke; a newer draft cancels the request for an older one.
import { useEffect, useState } from 'preact/hooks'
import type { Preview } from '../../../contract/rubrics'
import type { Api } from '../../api'

/** Quiet time after the last keystroke before the draft is checked. */
const PREVIEW_DEBOUNCE_MS = 250

export interface PreviewState {
  preview: Preview | undefined
  /** The draft and answer the preview is of. */
  of: { yaml: string; answer: string } | undefined
  busy: boolean
  error: string
}

export function usePreview(api: Api, yaml: string, answer: string, refresh: number): PreviewState {
  const [state, setState] = useState<PreviewState>({
    preview: undefined,
    of: undefined,
    busy: false,
    error: '',
  })
  useEffect(() => {
    if (yaml.trim() === '') {
      setState({ preview: undefined, of: undefined, busy: false, error: '' })
      return
    }
    const controller = new AbortController()
    setState((s) => ({ ...s, busy: true }))
    const timer = setTimeout(() => {
      const body = answer.trim() === '' ? { yaml } : { yaml, answer }
      api.preview(body, controller.signal).then(
        (preview) => {
          if (!controller.signal.aborted) setState({ preview, of: { yaml, answer }, busy: false, error: '' })
        },
        (e: Error) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, busy: false, error: e.message }))
        },
      )
    }, PREVIEW_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, yaml, answer, refresh])
  return state
}
