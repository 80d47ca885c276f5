// The draft's YAML in a plain text field, with line numbers beside it; lines with a problem are marked there.
import type { Ref } from 'preact'
import { useRef } from 'preact/hooks'
import type { DraftProblem } from '../../../contract/rubrics'

interface Props {
  value: string
  onInput: (text: string) => void
  problems: readonly DraftProblem[]
  textarea: Ref<HTMLTextAreaElement>
  describedBy: string
}

export function YamlEditor({ value, onInput, problems, textarea, describedBy }: Props) {
  const gutter = useRef<HTMLDivElement>(null)
  const lines = value.split('\n').length
  const severity = new Map<number, DraftProblem['severity']>()
  for (const p of problems) if (severity.get(p.line) !== 'error') severity.set(p.line, p.severity)
  return (
    <div class="yaml-editor">
      <div class="yaml-gutter" ref={gutter} aria-hidden="true" data-testid="yaml-gutter">
        {Array.from({ length: lines }, (_, i) => {
          const s = severity.get(i + 1)
          return (
            <span key={i} class={s === undefined ? undefined : `line-${s}`} data-line={i + 1}>
              {i + 1}
            </span>
          )
        })}
      </div>
      <textarea
        id="studio-yaml"
        ref={textarea}
        data-testid="studio-yaml"
        value={value}
        wrap="off"
        spellcheck={false}
        autocapitalize="off"
        autocomplete="off"
        aria-describedby={describedBy}
        aria-invalid={problems.some((p) => p.severity === 'error') ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop
        }}
        onKeyDown={(e) => {
          // Tab indents with two spaces (YAML forbids tabs); Esc then Tab leaves the field.
          if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return
          const t = e.currentTarget
          if (t.dataset.escaped === '1') {
            t.dataset.escaped = ''
            return
          }
          e.preventDefault()
          const { selectionStart: start, selectionEnd: end } = t
          t.setRangeText('  ', start, end, 'end')
          onInput(t.value)
        }}
        onKeyUp={(e) => {
          if (e.key === 'Escape') e.currentTarget.dataset.escaped = '1'
        }}
      />
    </div>
  )
}

/** Selects line `line` of the field and scrolls it into view. */
export function goToLine(textarea: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = textarea.value.split('\n')
  let start = 0
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i]!.length + 1
  const text = lines[line - 1] ?? ''
  textarea.focus()
  textarea.setSelectionRange(start + Math.min(column - 1, text.length), start + text.length)
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight)
}
