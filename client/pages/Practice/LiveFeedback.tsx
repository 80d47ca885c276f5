// The live feedback: the score (or "Start typing") and the next step at the top of the live column, then, below
// the STAR preview, the stats, section shares, more suggestions and criteria.
import { NextStep, ReportBreakdown, ScoreBadge, StartTyping } from '../../components/Feedback'
import { ErrorBox, Loading } from '../../components/Status'
import type { PracticeSession } from '../../state'

/** The score and the next step, or why there is none yet: first in the live column, above the preview. */
export function LiveHeadline({
  session,
  rubricError,
}: {
  session: PracticeSession
  rubricError: { message: string; status?: number } | null
}) {
  const report = session.report.value
  return (
    <section class="feedback live-headline" aria-label="Live score">
      {rubricError ? (
        <ErrorBox
          message={`Live feedback is unavailable: ${rubricError.message}`}
          status={rubricError.status}
        />
      ) : !report ? (
        <Loading label="Loading the rubric…" />
      ) : session.blank.value ? (
        <StartTyping />
      ) : (
        <>
          <ScoreBadge report={report} live />
          <NextStep report={report} />
        </>
      )}
    </section>
  )
}

/** Everything else the live report says, below the preview; nothing before the first sentence. */
export function LiveFeedback({ session }: { session: PracticeSession }) {
  const report = session.report.value
  if (!report || session.blank.value) return null
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: beside the answer this region scrolls on its own, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
    <aside class="feedback live-details" aria-label="Live feedback" tabIndex={0}>
      <ReportBreakdown report={report} />
    </aside>
  )
}
