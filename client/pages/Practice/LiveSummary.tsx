// The live score in one line next to the answer field.
import { speakingTime } from '../../format'
import type { PracticeSession } from '../../state'

/** On narrow screens the feedback panel sits below the answer, so the essentials are repeated next to the field. */
export function LiveSummary({ session }: { session: PracticeSession }) {
  const report = session.report.value
  if (!report) return null
  return (
    <p class="live-summary" aria-hidden="true">
      <strong>{report.score}</strong>/100 · {report.band.label} · {report.stats.words} words ·{' '}
      {speakingTime(report.stats.speakingSeconds)}
    </p>
  )
}
