// "Next: weakest area": asks the server for the prompt that trains the weakest area and opens it, saying why.

import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { useAppState } from '../state'

export function NextWeakest({ compact }: { compact?: boolean }) {
  const { api } = useAppState()
  const { route } = useLocation()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  async function go() {
    setBusy(true)
    setError('')
    try {
      const next = await api.nextPrompt()
      // Say why this prompt was chosen on the page it opens.
      const why = next.area
        ? next.reason === 'unpractised'
          ? `${next.area.title} has no story yet.`
          : `${next.area.title} has your lowest recent average${
              next.recentAverage === null ? '' : ` (${Math.round(next.recentAverage)})`
            }.`
        : 'You have practised this prompt least.'
      route(`/practice/${encodeURIComponent(next.prompt.id)}?why=${encodeURIComponent(why)}`)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <span class="next-weakest">
      <button type="button" class={compact ? 'secondary' : 'primary'} onClick={go} disabled={busy}>
        Next: weakest area
      </button>
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
