// An answer with each sentence highlighted by STAR section (colour and letter), built from offsets as text nodes.
import type { SentenceReport } from '../../engine/types'
import { buildHighlight, type Mark, STAR_LABEL, STAR_LETTER } from '../highlight'

interface Props {
  answer: string
  sentences: readonly SentenceReport[]
  /** Spans to underline (message places); each gets the number `index + 1` at its end. */
  marks?: readonly Mark[]
  /** Id prefix for mark anchors, so a message list can link to `#<prefix>-<n>`. */
  markId?: string
}

export function Highlighted({ answer, sentences, marks = [], markId }: Props) {
  // No keys: while typing, sentence i stays element i and only its text changes, the cheapest update.
  const blocks = buildHighlight(answer, sentences, marks)
  return (
    <div class="highlighted">
      {blocks.map((b) =>
        b.kind === 'gap' ? (
          b.text
        ) : (
          <span class={`sent star-${b.star}`} data-star={b.star} title={STAR_LABEL[b.star]}>
            <span class="star-letter" aria-hidden="true">
              {STAR_LETTER[b.star]}
            </span>
            <span class="sr-only">{STAR_LABEL[b.star]}: </span>
            {b.pieces.map((p) => {
              if (p.marks.length === 0) return p.text
              const ending = p.marks.filter((mi) => marks[mi]!.end === p.end)
              // The most severe covering mark decides the underline.
              const sev = p.marks.some((mi) => marks[mi]!.severity === 'error')
                ? 'error'
                : p.marks.some((mi) => marks[mi]!.severity === 'warning')
                  ? 'warning'
                  : 'info'
              return (
                <mark
                  class={`flag flag-${sev}`}
                  id={
                    markId && p.start === marks[p.marks[0]!]!.start
                      ? `${markId}-${p.marks[0]! + 1}`
                      : undefined
                  }
                >
                  {p.text}
                  {ending.map((mi) => (
                    <sup key={mi} class={`flag-ref flag-ref-${marks[mi]!.severity ?? 'info'}`}>
                      {mi + 1}
                    </sup>
                  ))}
                </mark>
              )
            })}
          </span>
        ),
      )}
    </div>
  )
}

export function Legend() {
  return (
    <ul class="legend" aria-label="STAR sections">
      {(['situation', 'task', 'action', 'result', 'other'] as const).map((s) => (
        <li key={s} class={`sent star-${s}`}>
          <span class="star-letter" aria-hidden="true">
            {STAR_LETTER[s]}
          </span>
          {STAR_LABEL[s]}
        </li>
      ))}
    </ul>
  )
}
