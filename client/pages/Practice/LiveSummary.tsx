// Next to the answer field: the score and the next step, pinned while typing on a narrow screen,
// and a polite live region that tells a screen reader the score once typing pauses.
import { useEffect, useState } from 'preact/hooks'
import { whole } from '../../format'
import type { PracticeSession } from '../../state'

/** On narrow screens the feedback panel sits below the answer, so the essentials stay pinned beside the field. */
export function LiveSummary({ session }: { session: PracticeSession }) {
  const report = session.report.value
  if (!report) return null
  const first = report.suggestions[0]
  return (
    <div class="live-summary" data-testid="pinned-summary" aria-hidden="true">
      {session.blank.value ? (
        <p>
          <strong>Start typing</strong>: your score appears after the first sentence.
        </p>
      ) : (
        <>
          <p class={`live-score band-${report.band.id}`}>
            <strong>{report.score}</strong>/100 · {report.band.label}
          </p>
          <p class="live-next">
            <span class="next-step-label">Next</span>{' '}
            {first ? `${first.message} (+${whole(first.gain)})` : 'Nothing to fix.'}
          </p>
        </>
      )}
    </div>
  )
}

/** What a screen reader hears after typing pauses: score, band and the next step, in one sentence. */
function liveAnnouncement(session: PracticeSession): string {
  const report = session.report.peek()
  if (!report || session.blank.peek()) return ''
  const first = report.suggestions[0]
  return `Score ${report.score} of 100, ${report.band.label}. ${first ? `Next step: ${first.message}.` : 'Nothing to fix.'}`
}

export function LiveAnnouncer({ session }: { session: PracticeSession }) {
  const [text, setText] = useState('')
  const answer = session.answer.value
  const hasReport = session.report.value !== null
  // Announced once typing pauses for a second, so the reader is not interrupted on every key.
  useEffect(() => {
    const t = setTimeout(() => setText(liveAnnouncement(session)), 1000)
    return () => clearTimeout(t)
  }, [answer, hasReport])
  return (
    <p class="sr-only" aria-live="polite" data-testid="live-status">
      {text}
    </p>
  )
}
