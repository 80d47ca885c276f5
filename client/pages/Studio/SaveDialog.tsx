// Before a draft is written: the file it replaces, line by line against the draft, then save or go back.
import { useEffect, useRef } from 'preact/hooks'
import { type DiffLine, diffLines, foldDiff } from '../../diff'

const SIGN = { same: ' ', added: '+', removed: '−' } as const

export function SaveDialog({
  file,
  before,
  after,
  busy,
  error,
  onSave,
  onCancel,
}: {
  file: string
  /** The file as it is now; empty for a new file. */
  before: string
  after: string
  busy: boolean
  error: string
  onSave: () => void
  onCancel: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  const lines = diffLines(before, after)
  const added = lines.filter((l) => l.kind === 'added').length
  const removed = lines.filter((l) => l.kind === 'removed').length
  const shown: DiffLine[] = foldDiff(lines)
  return (
    <dialog
      ref={dialog}
      class="save-dialog"
      aria-labelledby="save-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id="save-title">
        {before === '' ? 'Create' : 'Save'} <code>{file}</code>?
      </h2>
      <p data-testid="diff-summary">
        {before === ''
          ? `A new file of ${lines.length} lines.`
          : added + removed === 0
            ? 'The file already says exactly this.'
            : `${added} ${added === 1 ? 'line' : 'lines'} added, ${removed} removed.`}
      </p>
      <pre class="diff" data-testid="diff">
        {shown.map((l, i) =>
          l.kind === 'fold' ? (
            <span key={i} class="diff-fold">
              {`  … ${l.count} unchanged ${l.count === 1 ? 'line' : 'lines'}\n`}
            </span>
          ) : (
            <span key={i} class={`diff-${l.kind}`}>
              <span class="sr-only">{l.kind === 'same' ? '' : `${l.kind}: `}</span>
              {`${SIGN[l.kind]} ${l.text}\n`}
            </span>
          ),
        )}
      </pre>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={onSave} disabled={busy} data-testid="confirm-save">
          {busy ? 'Saving…' : `Write ${file}`}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
          Back to the draft
        </button>
      </div>
    </dialog>
  )
}
