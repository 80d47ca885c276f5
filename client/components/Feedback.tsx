// The parts of a score report shown on Practice and Attempt: score and band, section shares, stats, criteria, suggestions.
import type { CriterionResult, CriterionStatus, ScoreReport } from '../../engine/types'
import { shareSegments, speakingTime } from '../format'
import { STAR_LABEL, STAR_LETTER } from '../highlight'

export function ScoreBadge({ report, live }: { report: ScoreReport; live?: boolean }) {
  return (
    <div class={`score-badge band-${report.band.id}`}>
      <span class="score-label">{live ? 'Live score' : 'Score'}</span>
      <span class="score-value">
        <span data-testid="score">{report.score}</span>
        <span class="score-max">/100</span>
      </span>
      <span class="band">{report.band.label}</span>
    </div>
  )
}

export function ShareBar({ report }: { report: ScoreReport }) {
  const segs = shareSegments(report.sections)
  const used = segs.reduce((s, x) => s + x.percent, 0)
  return (
    <figure class="share">
      <figcaption>Share of words by section</figcaption>
      <div class="share-bar" aria-hidden="true">
        {segs.map((s) =>
          s.percent > 0 ? (
            <span key={s.id} class={`share-seg star-${s.id}`} style={{ width: `${s.percent}%` }}>
              {s.percent >= 8 ? STAR_LETTER[s.id] : ''}
            </span>
          ) : null,
        )}
        {used < 100 && <span class="share-seg star-other" style={{ width: `${100 - used}%` }} />}
      </div>
      <ul class="share-legend">
        {segs.map((s) => (
          <li key={s.id}>
            <span class={`dot star-${s.id}`} aria-hidden="true">
              {STAR_LETTER[s.id]}
            </span>
            {STAR_LABEL[s.id]} {Math.round(s.percent)}%
          </li>
        ))}
      </ul>
    </figure>
  )
}

export function Stats({ report }: { report: ScoreReport }) {
  const { words, speakingSeconds, sentences } = report.stats
  return (
    <dl class="stats">
      <div>
        <dt>Words</dt>
        <dd data-testid="words">{words}</dd>
      </div>
      <div>
        <dt>Speaking time</dt>
        <dd>{speakingTime(speakingSeconds)}</dd>
      </div>
      <div>
        <dt>Sentences</dt>
        <dd>{sentences}</dd>
      </div>
    </dl>
  )
}

const STATUS_ICON: Record<CriterionStatus, string> = { met: '✓', partial: '◐', missed: '✗' }
const STATUS_TEXT: Record<CriterionStatus, string> = { met: 'met', partial: 'partial', missed: 'missed' }

export function StatusTag({ status }: { status: CriterionStatus }) {
  return (
    <span class={`status status-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>{' '}
      <span class="status-text">{STATUS_TEXT[status]}</span>
    </span>
  )
}

export function CriteriaList({
  criteria,
  detail,
}: {
  criteria: readonly CriterionResult[]
  detail?: boolean
}) {
  return (
    <ul class="criteria">
      {criteria.map((c) => (
        <li key={c.id} class={`criterion status-row-${c.status}`}>
          <div class="criterion-head">
            <StatusTag status={c.status} />
            <span class="criterion-label">{c.label}</span>
            <span class="criterion-score">
              {fmt(c.score)}/{fmt(c.max)}
            </span>
          </div>
          <span class="bar" aria-hidden="true">
            <span style={{ width: `${c.max ? Math.round((100 * c.score) / c.max) : 0}%` }} />
          </span>
          {detail && c.messages.length > 0 && (
            <ul class="criterion-messages">
              {c.messages.map((m, i) => (
                <li key={i} class={`sev-${m.severity}`}>
                  {m.reason}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}

export function Suggestions({ report, limit }: { report: ScoreReport; limit?: number }) {
  const list = limit ? report.suggestions.slice(0, limit) : report.suggestions
  if (list.length === 0) return <p class="muted">No suggestions: every criterion is fully met.</p>
  return (
    <ol class="suggestions">
      {list.map((s) => (
        <li key={s.criterionId}>
          <span class="gain">+{s.gain}</span> <span>{s.message}</span>
        </li>
      ))}
    </ol>
  )
}

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1)
}
