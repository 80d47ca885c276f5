// Practice: pick a prompt, answer it against a timer with live STAR feedback from the in-browser engine, submit.
import { useComputed, useSignal, useSignalEffect } from '@preact/signals'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { ServedPrompt } from '../../../contract/rubrics'
import type { Rubric } from '../../../engine/types'
import { ApiError } from '../../api'
import { AreaOptions } from '../../components/AreaOptions'
import { CriteriaList, ScoreBadge, ShareBar, Stats, Suggestions } from '../../components/Feedback'
import { Highlighted, Legend } from '../../components/Highlighted'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { clock, speakingTime } from '../../format'
import { useLoad, useTitle } from '../../hooks'
import { createPracticeSession, KIND_ORDER, type PracticeSession, TARGET_MS, useAppState } from '../../state'

export function PracticePage({ promptId }: { promptId?: string }) {
  return promptId ? <Session key={promptId} promptId={promptId} /> : <PromptPicker />
}

function NextWeakest({ compact }: { compact?: boolean }) {
  const { api } = useAppState()
  const { route } = useLocation()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  async function go() {
    setBusy(true)
    setError('')
    try {
      const next = await api.nextPrompt()
      // Say why this prompt was chosen on the page it opens.
      const why = next.area
        ? next.reason === 'unpractised'
          ? `${next.area.title} has no story yet.`
          : `${next.area.title} has your lowest recent average${
              next.recentAverage === null ? '' : ` (${Math.round(next.recentAverage)})`
            }.`
        : 'You have practised this prompt least.'
      route(`/practice/${encodeURIComponent(next.prompt.id)}?why=${encodeURIComponent(why)}`)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <span class="next-weakest">
      <button type="button" class={compact ? 'secondary' : 'primary'} onClick={go} disabled={busy}>
        Next: weakest area
      </button>
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}

function PromptPicker() {
  useTitle('Practice')
  const state = useAppState()
  const { query: params } = useLocation()
  const [tag, setTag] = useState(params.tag ?? '')
  const [kind, setKind] = useState('')
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const search = useRef<HTMLInputElement>(null)
  // Search as the candidate types, but ask the server once they pause.
  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 200)
    return () => clearTimeout(t)
  }, [q])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') {
        e.preventDefault()
        search.current?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  const [prompts, reload] = useLoad(() => state.api.prompts({ tag, q: query }), [tag, query])
  const rubrics = state.rubrics.value
  const index = state.rubricIndex.value
  const areas = rubrics.state === 'ready' ? rubrics.data : []
  // The type filter keeps prompts that train at least one area of that type (tags are rubric ids).
  const shown =
    prompts.state !== 'ready'
      ? []
      : kind === ''
        ? prompts.data
        : prompts.data.filter((p) => p.tags.some((t) => index.get(t)?.kind === kind))

  return (
    <main id="main" tabIndex={-1} class="page">
      <div class="page-head">
        <h1>Practice</h1>
        <NextWeakest />
      </div>
      <p class="lede">
        Choose a question and answer it as you would out loud. Feedback appears while you type.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Find a prompt">
        <label>
          Type
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value)
              setTag('')
            }}
          >
            <option value="">All types</option>
            <option value="leadership-principle">Leadership Principles</option>
            <option value="competency">Competencies</option>
            <option value="theme">Themes</option>
          </select>
        </label>
        <label>
          Area
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <AreaOptions areas={areas} kinds={KIND_ORDER.filter((k) => kind === '' || k === kind)} />
          </select>
        </label>
        <label class="grow">
          Search <kbd>/</kbd>
          <input
            ref={search}
            type="search"
            value={q}
            placeholder="e.g. conflict, deadline, customer"
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </label>
      </form>
      {rubrics.state === 'error' && <ErrorBox message={rubrics.message} status={rubrics.status} />}
      {prompts.state === 'loading' && <Loading label="Loading prompts…" />}
      {prompts.state === 'error' && (
        <ErrorBox message={prompts.message} status={prompts.status} onRetry={reload} />
      )}
      {prompts.state === 'ready' &&
        (shown.length === 0 ? (
          <Empty title="No prompt matches.">
            <p>Try another area or fewer words. Instructors add prompts in rubric files under rubrics/.</p>
          </Empty>
        ) : (
          <>
            <p class="muted small" aria-live="polite">
              {shown.length === 1 ? '1 prompt' : `${shown.length} prompts`}
            </p>
            <ul class="prompt-list">
              {shown.map((p) => (
                <li key={p.id}>
                  <a href={`/practice/${encodeURIComponent(p.id)}`} class="prompt-card">
                    <span class="prompt-card-text">{p.text}</span>
                    <span class="tags">
                      {p.tags.map((t) => (
                        <span key={t} class={`tag kind-${index.get(t)?.kind ?? 'general'}`}>
                          {index.get(t)?.title ?? t}
                        </span>
                      ))}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
    </main>
  )
}

function Session({ promptId }: { promptId: string }) {
  const state = useAppState()
  const [prompt, reload] = useLoad(async () => {
    try {
      return await state.api.prompt(promptId)
    } catch (e) {
      if ((e as ApiError).status === 404)
        throw new ApiError(404, `There is no prompt "${promptId}". It may have been removed from its rubric.`)
      throw e
    }
  }, [promptId])
  useTitle('Practice')
  if (prompt.state === 'loading') return <Page>{<Loading label="Loading the prompt…" />}</Page>
  if (prompt.state === 'error')
    return (
      <Page>
        <ErrorBox
          message={prompt.message}
          status={prompt.status}
          onRetry={prompt.status === 404 ? undefined : reload}
        />
        <p>
          <a href="/practice">Choose another prompt</a>
        </p>
      </Page>
    )
  return <Editor prompt={prompt.data} />
}

function Page({ children }: { children: preact.ComponentChildren }) {
  return (
    <main id="main" tabIndex={-1} class="page">
      {children}
    </main>
  )
}

function Editor({ prompt }: { prompt: ServedPrompt }) {
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
  const textarea = useRef<HTMLTextAreaElement>(null)
  const index = state.rubricIndex.value

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

  async function submit() {
    const answer = session.answer.peek()
    if (answer.trim() === '') {
      setFieldError('Write your answer before submitting.')
      textarea.current?.focus()
      return
    }
    setBusy(true)
    setFieldError('')
    setSubmitError('')
    try {
      const { id } = await state.api.createAttempt({
        promptId: prompt.id,
        answer,
        durationMs: Math.round(session.elapsed.peek()),
      })
      session.clearDraft()
      session.pause()
      route(`/attempts/${id}`)
    } catch (e) {
      const err = e as ApiError
      if (err.field === 'answer') setFieldError(err.message)
      else setSubmitError(err.message)
      setBusy(false)
    }
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        void submit()
      } else if (e.key === 'Escape' && document.activeElement === textarea.current) {
        if (session.running.peek()) session.pause()
        else session.start()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  })

  useTitle('Practice')
  return (
    <main id="main" tabIndex={-1} class="page practice">
      <nav class="crumbs" aria-label="Practice">
        <a href="/practice">← All prompts</a>
        <NextWeakest compact />
      </nav>
      <header class="prompt-head">
        {why && (
          <p class="notice" role="status">
            Suggested by “Next: weakest area”: {why}
          </p>
        )}
        <p class="eyebrow">Interview question</p>
        <h1 class="prompt-text">{prompt.text}</h1>
        <p class="tags">
          {prompt.tags.map((t) => (
            <a key={t} class={`tag kind-${index.get(t)?.kind ?? 'general'}`} href="/rubrics">
              {index.get(t)?.title ?? t}
            </a>
          ))}
        </p>
        {prompt.tips.length > 0 && (
          <details class="tips" open>
            <summary>Tips for this question</summary>
            <ul>
              {prompt.tips.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          </details>
        )}
      </header>

      <div class="practice-grid">
        <section class="editor" aria-label="Your answer">
          <Timer session={session} />
          <div class="field">
            <label for="answer">Your answer</label>
            <textarea
              id="answer"
              ref={textarea}
              data-testid="answer"
              rows={12}
              spellcheck
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={fieldError ? 'answer-error answer-hint' : 'answer-hint'}
              placeholder="Situation: where and when… Task: what you had to do… Action: what you did… Result: what changed, in numbers…"
              value={session.answer.peek()}
              onInput={(e) => {
                if (fieldError) setFieldError('')
                session.setAnswer(e.currentTarget.value)
              }}
            />
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
          </div>
          <LivePreview session={session} />
          <section class="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <dl>
              <div>
                <dt>
                  <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd>
                </dt>
                <dd>Submit the answer</dd>
              </div>
              <div>
                <dt>
                  <kbd>Esc</kbd> in the answer
                </dt>
                <dd>Pause or resume the timer</dd>
              </div>
              <div>
                <dt>
                  <kbd>/</kbd> on the prompt list
                </dt>
                <dd>Search prompts</dd>
              </div>
            </dl>
          </section>
        </section>
        <LiveFeedback session={session} rubricError={rubricError.value} />
      </div>
    </main>
  )
}

function Timer({ session }: { session: PracticeSession }) {
  const label = useComputed(() => clock(session.elapsed.value))
  // The bar spans 3 minutes so the 2-minute target sits at two thirds.
  const span = TARGET_MS * 1.5
  const width = useComputed(() => `${Math.min(100, (session.elapsed.value / span) * 100)}%`)
  const over = useComputed(() => session.elapsed.value > TARGET_MS)
  useSignalEffect(() => {
    if (!session.running.value) return
    const t = setInterval(() => {
      session.tick.value++
    }, 500)
    return () => clearInterval(t)
  })
  return (
    <div class={`timer${over.value ? ' over' : ''}`}>
      <span class="timer-clock" role="timer" aria-label="Time spent on this answer">
        {label}
      </span>
      <div class="timer-track" aria-hidden="true">
        <span class="timer-fill" style={{ width: width.value }} />
        <span class="timer-target" style={{ left: `${(TARGET_MS / span) * 100}%` }} title="2-minute target" />
      </div>
      <span class="timer-note">{over.value ? 'Past the 2:00 target' : 'Target 2:00'}</span>
      <button
        type="button"
        class="secondary small"
        onClick={() => (session.running.peek() ? session.pause() : session.start())}
      >
        {session.running.value ? 'Pause' : 'Start'}
      </button>
      <button type="button" class="secondary small" onClick={() => session.resetTimer()}>
        Reset
      </button>
    </div>
  )
}

/** On narrow screens the feedback panel sits below the answer, so the essentials are repeated next to the field. */
function LiveSummary({ session }: { session: PracticeSession }) {
  const report = session.report.value
  if (!report) return null
  return (
    <p class="live-summary" aria-hidden="true">
      <strong>{report.score}</strong>/100 · {report.band.label} · {report.stats.words} words ·{' '}
      {speakingTime(report.stats.speakingSeconds)}
    </p>
  )
}

function LivePreview({ session }: { session: PracticeSession }) {
  const report = session.report.value
  const answer = session.answer.value
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Your answer by STAR section</h2>
      <Legend />
      {answer.trim() === '' ? (
        <p class="muted">
          Start typing: each sentence is labelled Situation, Task, Action or Result as you write.
        </p>
      ) : report ? (
        <Highlighted answer={answer} sentences={report.sentences} />
      ) : (
        <p class="muted">Loading the rubric…</p>
      )}
    </section>
  )
}

function LiveFeedback({
  session,
  rubricError,
}: {
  session: PracticeSession
  rubricError: { message: string; status?: number } | null
}) {
  const report = session.report.value
  return (
    <aside class="feedback" aria-label="Live feedback">
      {rubricError ? (
        <ErrorBox
          message={`Live feedback is unavailable: ${rubricError.message}`}
          status={rubricError.status}
        />
      ) : !report ? (
        <Loading label="Loading the rubric…" />
      ) : (
        <>
          <ScoreBadge report={report} live />
          <Stats report={report} />
          <ShareBar report={report} />
          <h2>Top suggestions</h2>
          <Suggestions report={report} limit={3} />
          <h2>Criteria</h2>
          <CriteriaList criteria={report.criteria} />
        </>
      )}
    </aside>
  )
}
