// Attempt: a stored answer's report with messages anchored to their spans; try again, re-score, delete.

import { useMemo, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { Attempt, RescoreResult } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import type { CriterionDifference } from '../../../engine/difference'
import type { ScoreReport } from '../../../engine/types'
import { DiffTable } from '../../components/DiffTable'
import { MoreList, NextStep, ReportBreakdown, ScoreBadge } from '../../components/Feedback'
import { Highlighted, Legend } from '../../components/Highlighted'
import { ModelAnswer } from '../../components/ModelAnswer'
import { ErrorBox, Loading } from '../../components/Status'
import { clock, criterionMax, dateTime, signed, speakingTime, writeDraft } from '../../format'
import { anchoredMessages } from '../../highlight'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { FollowUpSection } from './FollowUps'
import { type ReplacedScore, scoreHistory } from './score-history'
import { spokenLength } from './speaking'
import { attemptStory, type Story } from './story'

const changed = (c: CriterionDifference) => c.change !== 0 || c.before === null || c.after === null

export function AttemptPage({ id }: { id: string }) {
  const state = useAppState()
  const [attempt, reload] = useLoad(() => state.api.attempt(id), [id])
  useTitle(`Attempt ${id}`)
  return (
    <main id="main" tabIndex={-1} class="page attempt">
      <nav class="crumbs" aria-label="Attempt">
        <a href="/history">← History</a>
      </nav>
      {attempt.state === 'loading' && (
        <>
          <h1>Attempt {id}</h1>
          <Loading label="Loading the attempt…" />
        </>
      )}
      {attempt.state === 'error' &&
        (attempt.status === 404 ? (
          <>
            <h1>Attempt not found</h1>
            <p data-testid="not-found">
              Attempt {id} does not exist: it may have been deleted. <a href="/history">See your history</a>{' '}
              or <a href="/practice">practise a question</a>.
            </p>
          </>
        ) : (
          <>
            <h1>Attempt {id}</h1>
            <ErrorBox message={attempt.message} status={attempt.status} onRetry={reload} />
          </>
        ))}
      {attempt.state === 'ready' && <AttemptView attempt={attempt.data} />}
    </main>
  )
}

function AttemptView({ attempt }: { attempt: Attempt }) {
  const state = useAppState()
  const { route } = useLocation()
  const [report, setReport] = useState<ScoreReport>(attempt.report)
  const [followUps, setFollowUps] = useState<FollowUp[]>(attempt.followUps)
  // The reports this attempt had, oldest first: a follow-up or a re-score answered here adds the one it replaced.
  const [history, setHistory] = useState<ReplacedScore[]>(attempt.history)
  // The report describes the answer and its follow-ups together: its offsets point into that text.
  const story = useMemo(
    () => attemptStory(attempt.answer, followUps, report),
    [attempt.answer, followUps, report],
  )
  const text = story.text
  // The answer as told, as its length note counts it; with the follow-ups, as the report's stats count them.
  const spoken = useMemo(
    () => spokenLength(attempt.answer, followUps.length, report),
    [attempt.answer, followUps.length, report],
  )
  const sceneAnswers = story.placed.filter((p) => p.scene).map((p) => followUps[p.index]!)
  const [change, setChange] = useState<{ before: ScoreReport; result: RescoreResult } | null>(null)
  const [busy, setBusy] = useState<'' | 'rescore' | 'delete'>('')
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  // A message's place is carried into the text shown; one whose words are not there is listed without a place.
  const carried = anchoredMessages(report.criteria).map((a) => ({ a, place: story.carry(a.message.place!) }))
  const anchored = carried.flatMap(({ a, place }) =>
    place ? [{ ...a, message: { ...a.message, place } }] : [],
  )
  const marks = anchored.map((a) => ({ ...a.message.place, severity: a.message.severity }))
  const unanchored = [
    ...[...report.messages, ...report.criteria.flatMap((c) => c.messages)].filter((m) => !m.place),
    ...carried.flatMap(({ a, place }) => (place ? [] : [a.message])),
  ]

  async function rescore() {
    setBusy('rescore')
    setError('')
    try {
      const result = await state.api.rescore(attempt.id)
      setChange({ before: report, result })
      setReport(result.report)
      // An unchanged report stays current, and nothing joins the history.
      if (!result.unchanged) setHistory((h) => [...h, result.previous])
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy('')
    }
  }

  async function remove() {
    setBusy('delete')
    setError('')
    try {
      await state.api.deleteAttempt(attempt.id)
      route('/history')
    } catch (e) {
      setError((e as Error).message)
      setBusy('')
    }
  }

  function tryAgain(fromThis: boolean) {
    writeDraft(state.storage, attempt.promptId, fromThis ? attempt.answer : '')
    route(`/practice/${encodeURIComponent(attempt.promptId)}`)
  }

  // The server's per-criterion difference when it sends one; otherwise computed from the two reports.
  const diff = change ? change.result.difference.criteria : null
  // The latest other attempt at the same prompt, for a one-click comparison.
  const [siblings] = useLoad(
    () => state.api.attempts({ promptId: attempt.promptId, limit: 10 }),
    [attempt.id],
  )
  const other =
    siblings.state === 'ready'
      ? (siblings.data.attempts.find((a) => a.id < attempt.id) ??
        siblings.data.attempts.find((a) => a.id !== attempt.id))
      : undefined

  return (
    <>
      <header class="attempt-head">
        <div>
          <p class="eyebrow">Attempt {attempt.id}</p>
          <h1 class="prompt-text">{attempt.promptText ?? attempt.promptId}</h1>
          {attempt.promptText === null && (
            <p class="muted">This prompt is no longer in any rubric; it was “{attempt.promptId}”.</p>
          )}
          <p class="meta">
            {dateTime(attempt.createdAt)}
            {attempt.durationMs && attempt.durationMs >= 1000
              ? ` · ${clock(attempt.durationMs)} writing`
              : ''}{' '}
            · about {speakingTime(spoken.told)} to say
            {spoken.withFollowUps !== undefined &&
              ` (${speakingTime(spoken.withFollowUps)} with ${yourFollowUps(followUps.length)})`}
          </p>
        </div>
        <ScoreBadge report={report} />
      </header>
      <NextStep report={report} />
      {attempt.loopId !== null && (
        <p class="muted">
          Answered in <a href={`/loop/${attempt.loopId}`}>mock loop {attempt.loopId}</a>.
        </p>
      )}
      <FollowUpSection
        attempt={attempt}
        report={report}
        followUps={followUps}
        history={history}
        onAnswered={(next, all, replaced) => {
          setReport(next)
          setFollowUps(all)
          setHistory(replaced)
        }}
      />

      <div class="toolbar">
        <button type="button" class="primary" onClick={() => tryAgain(false)}>
          Try again
        </button>
        <button type="button" class="secondary" onClick={() => tryAgain(true)}>
          Try again from this answer
        </button>
        {other && (
          <a class="button secondary" href={`/compare/${other.id}/${attempt.id}`}>
            Compare with attempt {other.id} ({other.score})
          </a>
        )}
        <button type="button" class="secondary" onClick={rescore} disabled={busy !== ''}>
          {busy === 'rescore' ? 'Re-scoring…' : 'Re-score with current rubric'}
        </button>
        {confirming ? (
          <span class="confirm">
            <span>Delete this attempt for good?</span>
            <button type="button" class="danger" onClick={remove} disabled={busy !== ''}>
              {busy === 'delete' ? 'Deleting…' : 'Yes, delete'}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" class="danger-outline" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}

      {change && diff && (
        <section class="rescore" aria-labelledby="rescore-title" aria-live="polite">
          <h2 id="rescore-title">Re-scored with the current rubric</h2>
          <p>
            Score {change.before.score} → {change.result.report.score} (
            {signed(change.result.report.score - change.before.score)})
            {change.before.band.id !== change.result.report.band.id
              ? `, band ${change.before.band.label} → ${change.result.report.band.label}`
              : ''}
            {change.before.rubricHash !== change.result.report.rubricHash
              ? `; rubric version ${change.before.rubricHash.slice(0, 10)} → ${change.result.report.rubricHash.slice(0, 10)}.`
              : '; the rubric has not changed since the last scoring.'}{' '}
            The earlier report is kept with the attempt.
          </p>
          {diff.some(changed) ? (
            <DiffTable rows={diff.filter(changed)} max={criterionMax(change.before, change.result.report)} />
          ) : (
            <p class="muted">No criterion changed.</p>
          )}
        </section>
      )}
      {!change && <ScoreHistoryNote history={history} followUps={followUps} report={report} />}

      <div class="report-grid">
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">Your answer</h2>
          <Legend />
          {sceneAnswers.length > 0 && (
            <p class="muted" data-testid="follow-up-placed">
              {sceneAnswers.map((f, i) => (
                <span key={f.probeId}>
                  {i > 0 ? ' ' : ''}Your answer to “{f.question}” sets the scene, so it is read at the start
                  of the story, with your Situation, not after your Result.
                </span>
              ))}
              {sceneAnswers.length < followUps.length && ' Your other follow-ups are read after your answer.'}
            </p>
          )}
          <Highlighted answer={text} sentences={story.sentences} marks={marks} markId="msg" />
          {anchored.length > 0 && (
            <>
              <h3>Notes on your answer</h3>
              <ol class="anchored">
                {anchored.map((a, i) => (
                  <li key={i} class={`sev-${a.message.severity}`}>
                    <a href={`#msg-${i + 1}`} class="anchor-quote">
                      “{text.slice(a.message.place!.start, a.message.place!.end)}”
                    </a>{' '}
                    <span class="muted">{a.criterionLabel}:</span> {a.message.reason}
                    {a.message.note && <span class="muted"> {a.message.note}</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
          {unanchored.length > 0 && (
            <>
              <h3>About the whole answer</h3>
              <MoreList
                class="plain-messages"
                label="notes"
                visible={3}
                testId="whole-answer-notes"
                items={unanchored.map((m, i) => (
                  <li key={i} class={`sev-${m.severity}`}>
                    {m.reason}
                  </li>
                ))}
              />
            </>
          )}
        </section>
        <aside class="feedback" aria-label="Report">
          <ReportBreakdown report={report} />
        </aside>
      </div>

      <ModelSection attempt={attempt} report={report} story={story} />

      <p class="meta scored-with">
        Scored with rubric <code>{report.rubricId}</code>, version{' '}
        <code title={report.rubricHash}>{report.rubricHash.slice(0, 10)}</code>, engine {report.engineVersion}
        .
      </p>
    </>
  )
}

/** "your follow-up", "your 2 follow-ups". */
const yourFollowUps = (count: number) => (count === 1 ? 'your follow-up' : `your ${count} follow-ups`)

/**
 * How the score came to be what it is: what the answer alone scored and what it scores with its follow-ups, and
 * whether it was re-scored with a changed rubric since it was first scored. Nothing when neither happened.
 */
function ScoreHistoryNote({
  history,
  followUps,
  report,
}: {
  history: readonly ReplacedScore[]
  followUps: readonly FollowUp[]
  report: ScoreReport
}) {
  const { followUps: added, rescores } = scoreHistory(followUps, history, report)
  if (!added && !rescores) return null
  return (
    <p class="muted" data-testid="score-history">
      {added && (
        <>
          Your answer alone scored {added.alone}; with your{' '}
          {added.count === 1 ? 'follow-up' : `${added.count} follow-ups`}, it{' '}
          {added.isCurrent ? 'scores' : 'scored'} {added.withFollowUps} (
          {signed(added.withFollowUps - added.alone)}).
        </>
      )}
      {added && rescores && ' '}
      {rescores && (
        <>
          Re-scored {rescores.count === 1 ? 'once' : `${rescores.count} times`} with the current rubric; first
          scored {rescores.firstScore} with rubric version{' '}
          <code>{rescores.firstRubricHash.slice(0, 10)}</code>.
        </>
      )}
    </p>
  )
}

/** The rubric's strong example beside the candidate's answer, with developing and weak one click away. */
function ModelSection({ attempt, report, story }: { attempt: Attempt; report: ScoreReport; story: Story }) {
  const state = useAppState()
  const [rubric, reload] = useLoad(() => state.rubric(report.rubricId), [report.rubricId])
  return (
    <section class="model-section" aria-labelledby="model-title">
      <h2 id="model-title">Compare with a model answer</h2>
      <p class="muted">
        An example answer from the rubric, scored the same way as yours: read what a strong story does that
        yours does not yet.
      </p>
      <div class="side-by-side">
        <section class="side" aria-labelledby="mine-title">
          <h3 id="mine-title">
            Your answer <span class="muted">({report.score}/100)</span>
          </h3>
          <Highlighted answer={story.text} sentences={story.sentences} />
        </section>
        <section class="side" aria-labelledby="example-title">
          <h3 id="example-title">Example answer</h3>
          {rubric.state === 'loading' && <Loading label="Loading the examples…" />}
          {rubric.state === 'error' && (
            <ErrorBox message={rubric.message} status={rubric.status} onRetry={reload} />
          )}
          {rubric.state === 'ready' && (
            <ModelAnswer rubric={rubric.data} promptId={attempt.promptId} idPrefix="model" />
          )}
        </section>
      </div>
    </section>
  )
}
