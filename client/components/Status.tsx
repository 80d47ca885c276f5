// Loading, error and empty states, the same on every page.
import type { ComponentChildren } from 'preact'

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> {label}
    </p>
  )
}

export function ErrorBox({
  message,
  onRetry,
  status,
}: {
  message: string
  onRetry?: () => void
  status?: number
}) {
  const down = status === 0
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{down ? 'The server is not answering.' : 'Something went wrong.'}</strong> {message}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  )
}
