// One loop question: the question, a running timer against the spoken target, the answer, then one probe round.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Loop, LoopQuestion as Question } from '../../../contract/loops'
import { score } from '../../../engine/score'
import type { Probe } from '../../../engine/types'
import { ProbeCard } from '../../components/Probes'
import { clock } from '../../format'
import { useTitle } from '../../hooks'
import { spokenVerdict, useAppState } from '../../state'

const draftKey = (loopId: number, promptId: string) => `starboard:loop:${loopId}:${promptId}`

/**
 * Time on this question, counted from when it was first shown: the start is kept beside the draft, so a reload
 * (or coming back to the loop later) goes on counting instead of starting again from 0:00.
 */
function useElapsed(running: boolean, storage: Storage | undefined, key: string): number {
  const started = useRef<number | null>(null)
  if (started.current === null) {
    const kept = Number(storage?.getItem(key) ?? Number.NaN)
    if (Number.isFinite(kept) && kept > 0 && kept <= Date.now()) started.current = kept
    else {
      started.current = Date.now()
      try {
        storage?.setItem(key, String(started.current))
      } catch {
        // A full or blocked storage only means a reload starts the clock again.
      }
    }
  }
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!running) return
    const t = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(t)
  }, [running])
  return now - started.current
}

/** Forgets a question's draft and start time once its answer is stored; storage failing here changes nothing. */
function forget(storage: Storage | undefined, keys: string[]): void {
  try {
    for (const k of keys) storage?.removeItem(k)
  } catch {
    // The answer is stored; a stale draft in a blocked storage is harmless.
  }
}

export function LoopQuestion({
  loop,
  question,
  index,
  onAnswered,
}: {
  loop: Loop
  question: Question
  index: number
  onAnswered: () => void
}) {
  const state = useAppState()
  const key = draftKey(loop.id, question.promptId)
  const [answer, setAnswer] = useState(() => state.storage?.getItem(key) ?? '')
  const [probes, setProbes] = useState<Probe[] | null>(null)
  const [followUp, setFollowUp] = useState<{ probeId: string; answer: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const startedKey = `${key}:started`
  const elapsed = useElapsed(probes === null, state.storage, startedKey)
  const frozen = useRef<number | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useTitle(`Mock loop ${loop.id}: question ${index + 1}`)
  useEffect(() => heading.current?.focus({ preventScroll: true }), [question.promptId])

  function edit(text: string) {
    setAnswer(text)
    try {
      state.storage?.setItem(key, text)
    } catch {
      // A full or blocked storage only loses the draft.
    }
  }

  async function finish() {
    if (answer.trim() === '') {
      setError('Write your answer before moving on.')
      return
    }
    setError('')
    setBusy(true)
    try {
      // The interviewer's follow-ups come from the report, scored here by the same engine as the server.
      const rubric = await state.rubric(question.rubricId)
      frozen.current = elapsed
      setProbes(score(answer, rubric).probes)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  async function submit(withFollowUp: boolean) {
    setBusy(true)
    setError('')
    try {
      await state.api.answerLoop(loop.id, {
        promptId: question.promptId,
        answer,
        durationMs: Math.round(frozen.current ?? elapsed),
        followUps: withFollowUp && followUp ? [followUp] : [],
      })
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
      return
    }
    forget(state.storage, [key, startedKey])
    onAnswered()
  }

  const time = frozen.current ?? elapsed
  const verdict = spokenVerdict(time)
  return (
    <>
      <p class="eyebrow">
        Mock loop {loop.id} · question {index + 1} of {loop.questions.length}
      </p>
      <ol class="loop-progress" aria-label="Questions">
        {loop.questions.map((q, i) => (
          <li
            key={q.promptId}
            class={q.attemptId !== null ? 'done' : i === index ? 'current' : ''}
            aria-current={i === index ? 'step' : undefined}
          >
            {q.principle}
            <span class="sr-only">{q.attemptId !== null ? ' (answered)' : ''}</span>
          </li>
        ))}
      </ol>
      <section class="card loop-question" data-testid="loop-question" aria-labelledby="loop-question-text">
        <p class="muted small">{question.principle}</p>
        <h1 id="loop-question-text" ref={heading} tabIndex={-1} class="prompt-text">
          {question.text}
        </h1>
        <div class={`loop-timer verdict-${verdict}`}>
          <span class="timer-clock" role="timer" aria-label="Time on this question" data-testid="loop-timer">
            {clock(time)}
          </span>
          <span class="muted small" data-testid="loop-target">
            Spoken target: 2–3 minutes
            {verdict === 'long' ? ' — past 3 minutes, wrap up with the result' : ''}
          </span>
        </div>
        <label for="loop-answer">Your answer</label>
        <textarea
          id="loop-answer"
          rows={10}
          value={answer}
          readOnly={probes !== null}
          data-testid="loop-answer"
          onInput={(e) => edit((e.target as HTMLTextAreaElement).value)}
        />
        {probes === null && (
          <div class="toolbar">
            <button type="button" class="primary" onClick={finish} disabled={busy} data-testid="loop-done">
              {busy ? 'Scoring…' : 'Done: hear the follow-up'}
            </button>
          </div>
        )}
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {probes !== null && (
        <section class="card probes" aria-labelledby="probe-round-title">
          <h2 id="probe-round-title">Follow-up round</h2>
          {probes.length === 0 ? (
            <p>The interviewer has no follow-up: every criterion is met.</p>
          ) : (
            <>
              <p class="muted">
                The interviewer asks one more question. Answer one follow-up, or move on without it.
              </p>
              <ol class="probe-list">
                {probes.map((p) => (
                  <ProbeCard
                    key={p.id}
                    probe={p}
                    idPrefix="loop-probe"
                    busy={busy}
                    onAnswer={
                      followUp === null || followUp.probeId === p.id
                        ? (text) => {
                            if (text.trim() === '') {
                              setError('Write what you would say to the interviewer first.')
                              return
                            }
                            setFollowUp({ probeId: p.id, answer: text })
                          }
                        : undefined
                    }
                  />
                ))}
              </ol>
              {followUp && (
                <p class="muted small" data-testid="follow-up-ready">
                  Your follow-up answer will be scored with your answer.
                </p>
              )}
            </>
          )}
          <div class="toolbar">
            <button
              type="button"
              class="primary"
              disabled={busy}
              data-testid="loop-submit"
              onClick={() => void submit(true)}
            >
              {busy ? 'Saving…' : index + 1 === loop.questions.length ? 'Finish the loop' : 'Next question'}
            </button>
          </div>
        </section>
      )}
    </>
  )
}
