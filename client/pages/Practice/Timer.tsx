// Timing: the time spent writing, and a "say it aloud" stopwatch judged against the 2–3 minute spoken target,
// beside the estimated speaking time of what is written.
import { useComputed, useSignalEffect } from '@preact/signals'
import { clock, speakingTime } from '../../format'
import { type PracticeSession, SPOKEN_MAX_MS, SPOKEN_MIN_MS, spokenVerdict } from '../../state'

/** Re-reads the clock twice a second while either stopwatch runs. */
function useTicking(session: PracticeSession) {
  useSignalEffect(() => {
    if (!session.running.value && !session.rehearsal.running.value) return
    const t = setInterval(() => {
      session.tick.value++
    }, 500)
    return () => clearInterval(t)
  })
}

/** Writing time is not judged: typing is slower than speaking, so the target applies to the rehearsal. */
export function WritingTimer({ session }: { session: PracticeSession }) {
  useTicking(session)
  const label = useComputed(() => clock(session.elapsed.value))
  return (
    <div class="timer">
      <span class="timer-name">Writing time</span>
      <span class="timer-clock" role="timer" aria-label="Time spent writing this answer">
        {label}
      </span>
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

const VERDICT_TEXT = {
  short: 'Under 2 minutes: an interviewer will ask for more detail.',
  'on-target': 'Within the 2–3 minute target.',
  long: 'Over 3 minutes: trim the situation and keep the result.',
} as const

/** The rehearsal: say the answer aloud and time it. The bar spans 4 minutes with the 2–3 minute target marked. */
export function Rehearsal({ session }: { session: PracticeSession }) {
  const watch = session.rehearsal
  const span = 240_000
  const elapsed = watch.elapsed.value
  const running = watch.running.value
  const verdict = spokenVerdict(elapsed)
  const report = session.report.value
  const estimate = report && !session.blank.value ? report.stats.speakingSeconds : null
  return (
    <section class="rehearsal" aria-labelledby="rehearsal-title" data-testid="rehearsal">
      <h2 id="rehearsal-title">Say it aloud</h2>
      <p class="hint">
        An interview answer is spoken: aim for 2–3 minutes. Start the stopwatch, say your answer, then stop
        it.
      </p>
      <div class={`rehearsal-row verdict-${elapsed === 0 ? 'none' : verdict}`}>
        <button
          type="button"
          class={running ? 'primary' : 'secondary'}
          data-testid="rehearsal-toggle"
          aria-pressed={running}
          onClick={() => (running ? watch.pause() : watch.start())}
        >
          {running ? 'Stop' : elapsed > 0 ? 'Resume' : 'Start speaking'}
        </button>
        <span class="timer-clock" role="timer" aria-label="Time spent speaking" data-testid="rehearsal-clock">
          {clock(elapsed)}
        </span>
        <div class="timer-track" aria-hidden="true">
          <span
            class="timer-band"
            style={{
              left: `${(SPOKEN_MIN_MS / span) * 100}%`,
              width: `${((SPOKEN_MAX_MS - SPOKEN_MIN_MS) / span) * 100}%`,
            }}
          />
          <span class="timer-fill" style={{ width: `${Math.min(100, (elapsed / span) * 100)}%` }} />
        </div>
        {elapsed > 0 && (
          <button type="button" class="secondary small" onClick={() => watch.reset()}>
            Reset
          </button>
        )}
      </div>
      <p class="rehearsal-verdict" data-testid="rehearsal-verdict">
        {elapsed === 0 ? 'Target: 2–3 minutes spoken.' : running ? 'Speaking…' : VERDICT_TEXT[verdict]}
      </p>
      <p class="muted small" data-testid="speaking-estimate">
        {estimate === null
          ? 'Your written answer’s speaking time appears here as you type.'
          : `Your written answer takes about ${speakingTime(estimate)} to say (${
              spokenVerdict(estimate * 1000) === 'on-target'
                ? 'within the target'
                : spokenVerdict(estimate * 1000) === 'short'
                  ? 'under 2 minutes'
                  : 'over 3 minutes'
            }).`}
      </p>
    </section>
  )
}
