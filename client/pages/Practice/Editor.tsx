// Answering one prompt: the answer field with its draft and timer, live feedback, and submitting.
import { useSignal } from '@preact/signals'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { ServedPrompt } from '../../../contract/rubrics'
import { MAX_ANSWER_CHARACTERS } from '../../../engine/answer-rules'
import type { Rubric } from '../../../engine/types'
import type { ApiError } from '../../api'
import { NextWeakest } from '../../components/NextWeakest'
import { useServerEvent } from '../../events'
import { useKeydown, useTitle } from '../../hooks'
import { createPracticeSession, useAppState } from '../../state'
import { StoryDraftNote } from '../Stories/StoryDraftNote'
import { LiveFeedback, LiveHeadline } from './LiveFeedback'
import { LivePreview } from './LivePreview'
import { LiveProbes, useFollowUpDrafts } from './LiveProbes'
import { LiveAnnouncer, LiveSummary } from './LiveSummary'
import { PromptHeader } from './PromptHeader'
import { Shortcuts } from './Shortcuts'
import { Rehearsal, WritingTimer } from './Timer'

/** From this length on, the answer field shows how many characters are left. */
const COUNTER_FROM = Math.round(MAX_ANSWER_CHARACTERS * 0.9)
const grouped = (n: number) => n.toLocaleString('en-US')

/** The character count near the limit, and how much to cut past it. */
function CharacterCounter({ length }: { length: number }) {
  if (length < COUNTER_FROM) return null
  const over = length - MAX_ANSWER_CHARACTERS
  return (
    <p id="answer-count" class={`char-count${over > 0 ? ' over' : ''}`} data-testid="char-count">
      {grouped(length)} / {grouped(MAX_ANSWER_CHARACTERS)} characters
      {over > 0 ? `: shorten by ${grouped(over)}` : ''}
    </p>
  )
}

export function Editor({ prompt }: { prompt: ServedPrompt }) {
  const state = useAppState()
  const { route, query } = useLocation()
  const why = query.why
  const rubric = useSignal<Rubric | null>(null)
  const rubricError = useSignal<{ message: string; status?: number } | null>(null)
  const session = useMemo(
    () => createPracticeSession({ prompt, rubric, storage: state.storage }),
    [prompt, rubric, state.storage],
  )
  const [fieldError, setFieldError] = useState('')
  const [submitError, setSubmitError] = useState('')
  const [busy, setBusy] = useState(false)
  // True from a submit until it ends: Ctrl/⌘+Enter reaches submit while the button is disabled, and a second
  // submit then would store the answer again or send a follow-up twice (refused as answered already).
  const submitting = useRef(false)
  const followUps = useFollowUpDrafts(session)
  // The answer once stored, and the follow-ups sent with it: when a follow-up fails, submitting again sends the
  // rest without storing the same answer twice.
  const stored = useRef<{ id: number; answer: string; sent: Set<string> } | null>(null)
  const [unsent, setUnsent] = useState<{ attemptId: number; question: string; message: string } | null>(null)
  const textarea = useRef<HTMLTextAreaElement>(null)
  // The question is on screen, so the answer field takes the focus: typing can start at once.
  useEffect(() => {
    textarea.current?.focus({ preventScroll: true })
  }, [prompt.id])

  useEffect(() => {
    let live = true
    // Fresh on every visit: an instructor may have changed the rubric file since the last one.
    state.rubric(prompt.rubricId, true).then(
      (r) => {
        if (live) rubric.value = r
      },
      (e) => {
        if (live) rubricError.value = { message: (e as Error).message, status: (e as ApiError).status }
      },
    )
    return () => {
      live = false
      session.flushDraft()
    }
  }, [prompt.rubricId])

  // A rubric file changed while the page is open: the question and the live scoring follow it, the answer stays.
  const [shown, setShown] = useState(prompt)
  useEffect(() => setShown(prompt), [prompt])
  useServerEvent('rubrics', () => {
    state.api.prompt(prompt.id).then(setShown, () => undefined)
    state.rubric(prompt.rubricId, true).then(
      (r) => {
        rubric.value = r
      },
      () => undefined,
    )
  })

  async function submit() {
    if (submitting.current) return
    const answer = session.answer.peek()
    if (answer.trim() === '') {
      setFieldError('Write your answer before submitting.')
      textarea.current?.focus()
      return
    }
    if (answer.length > MAX_ANSWER_CHARACTERS) {
      setFieldError(
        `Your answer is longer than ${grouped(MAX_ANSWER_CHARACTERS)} characters; shorten it by ${grouped(answer.length - MAX_ANSWER_CHARACTERS)}.`,
      )
      textarea.current?.focus()
      return
    }
    submitting.current = true
    setBusy(true)
    setFieldError('')
    setSubmitError('')
    setUnsent(null)
    const toSend = followUps.toSend()
    if (stored.current?.answer !== answer) {
      try {
        const { id } = await state.api.createAttempt({
          promptId: prompt.id,
          answer,
          durationMs: Math.round(session.elapsed.peek()),
        })
        stored.current = { id, answer, sent: new Set() }
        session.clearDraft()
        session.pause()
      } catch (e) {
        const err = e as ApiError
        if (err.field === 'answer') setFieldError(err.message)
        else setSubmitError(err.message)
        submitting.current = false
        setBusy(false)
        return
      }
    }
    const { id, sent } = stored.current
    // Each follow-up answered here, as the Attempt page sends one: scored with the answer and those before it.
    for (const f of toSend) {
      if (sent.has(f.probeId)) continue
      try {
        await state.api.followUp(id, f)
        sent.add(f.probeId)
      } catch (e) {
        // A send that reached the server though its answer did not arrive: the follow-up is stored, and the
        // Attempt page, which reads the attempt, shows it.
        if ((e as ApiError).code === 'answered-already') {
          sent.add(f.probeId)
          continue
        }
        const question = session.report.peek()?.probes.find((p) => p.id === f.probeId)?.question ?? f.probeId
        setUnsent({ attemptId: id, question, message: (e as Error).message })
        submitting.current = false
        setBusy(false)
        return
      }
    }
    route(`/attempts/${id}`)
  }

  // Subscribed once; each key reaches this render's submit and session.
  useKeydown((e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void submit()
    } else if (e.key === 'Escape' && document.activeElement === textarea.current) {
      if (session.running.peek()) session.pause()
      else session.start()
    }
  })

  useTitle('Practice')
  const length = session.answer.value.length
  return (
    <main id="main" tabIndex={-1} class="page practice">
      <nav class="crumbs" aria-label="Practice">
        <a href="/practice">← All prompts</a>
        <NextWeakest compact />
      </nav>
      <PromptHeader prompt={shown} why={why} />
      {query.story && <StoryDraftNote storyId={query.story} />}

      <div class="practice-grid">
        <section class="editor" aria-label="Your answer">
          <WritingTimer session={session} />
          <div class="field">
            <label for="answer">Your answer</label>
            <textarea
              id="answer"
              ref={textarea}
              data-testid="answer"
              rows={12}
              spellcheck
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={`${fieldError ? 'answer-error ' : ''}${length >= COUNTER_FROM ? 'answer-count ' : ''}answer-hint`}
              placeholder="Situation: where and when… Task: what you had to do… Action: what you did… Result: what changed, in numbers…"
              value={session.answer.peek()}
              onInput={(e) => {
                if (fieldError) setFieldError('')
                session.setAnswer(e.currentTarget.value)
              }}
            />
            <CharacterCounter length={length} />
            {fieldError && (
              <p id="answer-error" class="field-error" role="alert">
                {fieldError}
              </p>
            )}
            <p id="answer-hint" class="hint">
              {session.restored ? 'Your draft for this question was restored. ' : ''}Drafts are saved on this
              device as you type.
            </p>
          </div>
          <LiveSummary session={session} />
          <LiveAnnouncer session={session} />
          {/* Between the answer and its submit button: what is typed here is sent with the answer. */}
          <LiveProbes session={session} followUps={followUps} />
          <div class="actions">
            <button type="button" class="primary" data-testid="submit" onClick={submit} disabled={busy}>
              {busy ? 'Submitting…' : 'Submit answer'}
            </button>
            <span class="hint">
              or <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd>
            </span>
            {submitError && (
              <p class="field-error" role="alert">
                {submitError}
              </p>
            )}
            {unsent && (
              <p class="field-error" role="alert" data-testid="follow-up-unsent">
                Your answer is stored, but the follow-up “{unsent.question}” was not sent: {unsent.message}{' '}
                Submit again to send it, or <a href={`/attempts/${unsent.attemptId}`}>open the attempt</a> and
                answer it there.
              </p>
            )}
          </div>
          <Rehearsal session={session} />
          <Shortcuts />
        </section>
        {/* Beside the answer on a wide screen (sticky while typing), below it on a narrow one. */}
        <div class="live-column" data-testid="live-column">
          <LiveHeadline session={session} rubricError={rubricError.value} />
          <LivePreview session={session} />
          <LiveFeedback session={session} />
        </div>
      </div>
    </main>
  )
}
