// Writing a story, or a new version of one: its name and its text, with the server's field errors beside them.

import { useState } from 'preact/hooks'
import type { StoryBody } from '../../../contract/stories'
import type { ApiError } from '../../api'

export function StoryForm({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
}: {
  idPrefix: string
  initial?: StoryBody
  submitLabel: string
  /** Saves; a rejection with a `field` is shown beside that field. */
  onSubmit(body: StoryBody): Promise<void>
}) {
  const [title, setTitle] = useState(initial?.title ?? '')
  const [text, setText] = useState(initial?.text ?? '')
  const [errors, setErrors] = useState<{ title?: string; text?: string; form?: string }>({})
  const [busy, setBusy] = useState(false)

  async function submit(e: Event) {
    e.preventDefault()
    const found: typeof errors = {}
    if (title.trim() === '') found.title = 'Name the story, for example "Billing export rescue".'
    if (text.trim() === '') found.text = 'Write the story before saving it.'
    setErrors(found)
    if (found.title || found.text) return
    setBusy(true)
    try {
      await onSubmit({ title, text })
      if (initial === undefined) {
        setTitle('')
        setText('')
      }
    } catch (err) {
      const e2 = err as ApiError
      if (e2.field === 'title' || e2.field === 'text') setErrors({ [e2.field]: e2.message })
      else setErrors({ form: e2.message })
    } finally {
      setBusy(false)
    }
  }

  const titleId = `${idPrefix}-title`
  const textId = `${idPrefix}-text`
  return (
    <form class="story-form" onSubmit={submit} noValidate>
      <div class="field">
        <label for={titleId}>Story name</label>
        <input
          id={titleId}
          data-testid={`${idPrefix}-title`}
          value={title}
          maxLength={120}
          aria-invalid={errors.title ? 'true' : undefined}
          aria-describedby={errors.title ? `${titleId}-error` : undefined}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        {errors.title && (
          <p id={`${titleId}-error`} class="field-error" role="alert">
            {errors.title}
          </p>
        )}
      </div>
      <div class="field">
        <label for={textId}>The story, Situation to Result</label>
        <textarea
          id={textId}
          data-testid={`${idPrefix}-text`}
          rows={8}
          value={text}
          aria-invalid={errors.text ? 'true' : undefined}
          aria-describedby={errors.text ? `${textId}-error` : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {errors.text && (
          <p id={`${textId}-error`} class="field-error" role="alert">
            {errors.text}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="submit" class="primary" data-testid={`${idPrefix}-save`} disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {errors.form && (
          <p class="field-error" role="alert">
            {errors.form}
          </p>
        )}
      </div>
    </form>
  )
}
