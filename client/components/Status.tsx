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
  title,
}: {
  message: string
  onRetry?: () => void
  status?: number
  /** The first words, in place of the general "Something went wrong." */
  title?: string
}) {
  const down = status === 0
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{down ? 'The server is not answering.' : (title ?? 'Something went wrong.')}</strong>{' '}
        {message}
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
