// The answer scored with the draft: each criterion's status, and the words it matched highlighted in the answer
// (and the words it counts against, underlined as problems), for every criterion or the one chosen, so an
// instructor sees why a criterion was met or not. A criterion chosen also shows everything else its check counted
// toward it (the sentences of each STAR section, the steps told with "I", the details, the answer's length).
import { useState } from 'preact/hooks'
import type { DraftEvidence } from '../../../contract/rubrics'
import type { ScoreReport } from '../../../engine/types'
import { Highlighted } from '../../components/Highlighted'

const STATUS_WORD = { met: 'meets', partial: 'partly meets', missed: 'misses' } as const

/** Long spans (a sentence, the whole answer) are quoted by their opening words: the highlight shows the rest. */
const QUOTE_CHARS = 90

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= QUOTE_CHARS) return flat
  const cut = flat.lastIndexOf(' ', QUOTE_CHARS)
  return `${flat.slice(0, cut > 0 ? cut : QUOTE_CHARS).replace(/[,;:.]$/, '')}…`
}

export function AnswerCheck({
  answer,
  report,
  evidence,
}: {
  answer: string
  report: ScoreReport
  evidence: readonly DraftEvidence[]
}) {
  const [only, setOnly] = useState<string | null>(null)
  // Every criterion: the words matched and flagged. One criterion: all its check counted, whole sentences too.
  const shown =
    only === null
      ? evidence.filter((e) => e.counted === undefined)
      : evidence.filter((e) => e.criterionId === only)
  const label = new Map(report.criteria.map((c) => [c.id, c.label]))
  return (
    <div class="answer-check" data-testid="answer-check">
      <p class="answer-score">
        Scores <strong>{report.score}</strong>/100 with the draft:{' '}
        <span class={`band-pill band-${report.band.id}`}>{report.band.label}</span>
      </p>
      <ul class="criterion-filter" aria-label="Show the matches of one criterion">
        <li>
          <button type="button" aria-pressed={only === null} onClick={() => setOnly(null)}>
            Every criterion
          </button>
        </li>
        {report.criteria
          .filter((c) => c.weight > 0)
          .map((c) => {
            const n = evidence.filter((e) => e.criterionId === c.id).length
            return (
              <li key={c.id}>
                <button
                  type="button"
                  aria-pressed={only === c.id}
                  data-criterion={c.id}
                  onClick={() => setOnly(only === c.id ? null : c.id)}
                >
                  <span class={`status-dot status-${c.status}`} aria-hidden="true" />
                  {c.label}{' '}
                  <span class="muted">
                    ({STATUS_WORD[c.status]}, {n} highlighted)
                  </span>
                </button>
              </li>
            )
          })}
      </ul>
      {only === null && (
        <p class="muted answer-check-hint">
          Matched and flagged words of every criterion; choose one to see all it counted.
        </p>
      )}
      <div class="answer-highlight" data-testid="answer-highlight">
        <Highlighted
          answer={answer}
          sentences={report.sentences}
          marks={shown.map((e) => ({ start: e.start, end: e.end, severity: e.severity }))}
          markId="match"
        />
      </div>
      {shown.length > 0 && (
        <ol class="match-list" data-testid="match-list">
          {shown.map((e, i) => (
            <li key={`${e.criterionId}:${e.start}:${i}`}>
              <a href={`#match-${i + 1}`}>“{quoted(e.text)}”</a>{' '}
              <span class="muted">
                {label.get(e.criterionId) ?? e.criterionId}
                {e.severity === 'info' ? ': ' : ', flagged: '}
                {e.reason}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
