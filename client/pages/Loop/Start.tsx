// Starting a loop: how many questions and which principles to pin; unfinished loops to resume.
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ErrorBox } from '../../components/Status'
import { dateTime } from '../../format'
import { useLoad, useTitle } from '../../hooks'
import { offeredAreas, useAppState } from '../../state'

const SIZES = [2, 3, 4, 5, 6, 7, 8]

export function LoopStart() {
  const state = useAppState()
  const { route } = useLocation()
  const [size, setSize] = useState(4)
  const [pinned, setPinned] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [loops] = useLoad(() => state.api.loops(), [])
  useTitle('Mock loop')
  const rubrics = state.rubrics.value
  const principles =
    rubrics.state === 'ready'
      ? offeredAreas(rubrics.data).filter((r) => r.kind === 'leadership-principle' && r.prompts > 0)
      : []
  const unfinished = loops.state === 'ready' ? loops.data.filter((l) => l.status === 'in-progress') : []
  const done = loops.state === 'ready' ? loops.data.filter((l) => l.status === 'complete') : []

  async function start() {
    setBusy(true)
    setError('')
    try {
      const loop = await state.api.createLoop({ size, principles: pinned })
      route(`/loop/${loop.id}`)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  const toggle = (id: string) =>
    setPinned((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < size ? [...p, id] : p))

  return (
    <>
      <h1>Mock loop</h1>
      <p class="lead">
        A mock interview loop: one question from each of several Leadership Principles, one after another,
        each with a follow-up question as an interviewer would ask. At the end, a debrief compares your
        answers, as interviewers compare notes.
      </p>
      {unfinished.length > 0 && (
        <section class="card" aria-labelledby="resume-title" data-testid="loop-resume">
          <h2 id="resume-title">Resume a loop</h2>
          <ul class="plain">
            {unfinished.map((l) => (
              <li key={l.id}>
                <a href={`/loop/${l.id}`}>
                  Loop {l.id}: {l.answered} of {l.questions} answered
                </a>{' '}
                <span class="muted small">started {dateTime(l.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="new-title">
        <h2 id="new-title">Start a new loop</h2>
        <div class="loop-options">
          <label for="loop-size">Questions</label>
          <select
            id="loop-size"
            value={String(size)}
            data-testid="loop-size"
            onChange={(e) => {
              const n = Number((e.target as HTMLSelectElement).value)
              setSize(n)
              setPinned((p) => p.slice(0, n))
            }}
          >
            {SIZES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="loop-pins">
          <legend>
            Pin principles{' '}
            <span class="muted small">(optional, up to {size}; the rest favour your weakest areas)</span>
          </legend>
          {principles.map((p) => (
            <label key={p.id} class="pin">
              <input
                type="checkbox"
                checked={pinned.includes(p.id)}
                disabled={!pinned.includes(p.id) && pinned.length >= size}
                onChange={() => toggle(p.id)}
              />{' '}
              {p.title}
            </label>
          ))}
        </fieldset>
        <div class="toolbar">
          <button type="button" class="primary" onClick={start} disabled={busy} data-testid="loop-start">
            {busy ? 'Choosing questions…' : `Start a ${size}-question loop`}
          </button>
        </div>
        {error && <ErrorBox message={error} />}
      </section>
      {done.length > 0 && (
        <section aria-labelledby="past-title">
          <h2 id="past-title">Past loops</h2>
          <ul class="plain">
            {done.map((l) => (
              <li key={l.id}>
                <a href={`/loop/${l.id}`}>Loop {l.id} debrief</a>{' '}
                <span class="muted small">{dateTime(l.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
