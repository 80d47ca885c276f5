// The count-up timer of a practice session, with the 2-minute target marked on its bar.
import { useComputed, useSignalEffect } from '@preact/signals'
import { clock } from '../../format'
import { type PracticeSession, TARGET_MS } from '../../state'

export function Timer({ session }: { session: PracticeSession }) {
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
