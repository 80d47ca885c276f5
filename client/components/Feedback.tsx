// The parts of a score report shown on Practice and Attempt: score and band, the next step, section shares,
// stats, criteria, suggestions, and the breakdown both pages show under the next step.
import { useState } from 'preact/hooks'
import type { CriterionResult, CriterionStatus, ScoreReport } from '../../engine/types'
import { shareSegments, shownStatus, speakingTime, whole, wholePoints } from '../format'
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

/** Before the first words: no score yet, only what to do. */
export function StartTyping() {
  return (
    <div class="score-badge band-none" data-testid="start-typing">
      <span class="score-label">Live score</span>
      <span class="start-title">Start typing</span>
      <span class="band">Your score and the most useful fix appear after your first sentence.</span>
    </div>
  )
}

/** The single most useful fix: the report's first suggestion, which the engine orders by what matters most. */
export function NextStep({ report, testId = 'next-step' }: { report: ScoreReport; testId?: string }) {
  const first = report.suggestions[0]
  return (
    <div class="next-step" data-testid={testId}>
      <span class="next-step-label">Next step</span>{' '}
      {first ? (
        <span class="next-step-text">
          {first.message} <span class="gain">+{whole(first.gain)}</span>
        </span>
      ) : (
        <span class="next-step-text">Nothing to fix: every criterion is fully met.</span>
      )}
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
const STATUS_TEXT: Record<CriterionStatus, string> = { met: 'met', partial: 'partly met', missed: 'missed' }

/** A criterion's result in words and icon; pass the points so "met" is said only at full points. */
export function StatusTag({ status, score, max }: { status: CriterionStatus; score: number; max: number }) {
  const shown = shownStatus(status, score, max)
  return (
    <span class={`status status-${shown}`}>
      <span aria-hidden="true">{STATUS_ICON[shown]}</span>{' '}
      <span class="status-text">{STATUS_TEXT[shown]}</span>
    </span>
  )
}

/** "7/10": whole points, never full marks short of them. */
export function Points({ score, max }: { score: number; max: number }) {
  const p = wholePoints(score, max)
  return (
    <>
      {p.score}/{p.max}
    </>
  )
}

function CriteriaList({ criteria, detail }: { criteria: readonly CriterionResult[]; detail?: boolean }) {
  return (
    <ul class="criteria">
      {criteria.map((c) => (
        <li key={c.id} class={`criterion status-row-${shownStatus(c.status, c.score, c.max)}`}>
          <div class="criterion-head">
            <StatusTag status={c.status} score={c.score} max={c.max} />
            <span class="criterion-label">{c.label}</span>
            <span class="criterion-score">
              <Points score={c.score} max={c.max} />
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

/** The suggestions after the next step: at most `visible` at first, the rest behind a "More" toggle. */
function Suggestions({ report, visible = 2 }: { report: ScoreReport; visible?: number }) {
  const rest = report.suggestions.slice(1)
  if (rest.length === 0) return null
  return (
    <MoreList
      class="suggestions"
      ordered
      label="suggestions"
      visible={visible}
      items={rest.map((s) => (
        <li key={s.criterionId}>
          <span class="gain">+{whole(s.gain)}</span> <span>{s.message}</span>
        </li>
      ))}
    />
  )
}

/** A list that shows its first `visible` items and a "More" button for the rest. */
export function MoreList({
  items,
  visible,
  label,
  ordered,
  class: cls,
  testId,
}: {
  items: preact.JSX.Element[]
  visible: number
  /** What the items are, for the button: "Show 4 more suggestions". */
  label: string
  ordered?: boolean
  class?: string
  testId?: string
}) {
  const [open, setOpen] = useState(false)
  const shown = open ? items : items.slice(0, visible)
  const hidden = items.length - visible
  const List = ordered ? 'ol' : 'ul'
  return (
    <>
      <List class={cls} data-testid={testId}>
        {shown}
      </List>
      {hidden > 0 && (
        <button type="button" class="link more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `More: ${hidden} ${hidden === 1 ? label.replace(/s$/, '') : label}`}
        </button>
      )}
    </>
  )
}

/**
 * Everything after the score and the next step, the same on Practice (live) and Attempt (stored): stats, section
 * shares, the other suggestions behind "More", and every criterion with its points.
 */
export function ReportBreakdown({ report }: { report: ScoreReport }) {
  return (
    <>
      <Stats report={report} />
      <ShareBar report={report} />
      {report.suggestions.length > 1 && <h2>More suggestions</h2>}
      <Suggestions report={report} />
      <h2>Criteria</h2>
      <CriteriaList criteria={report.criteria} />
    </>
  )
}
