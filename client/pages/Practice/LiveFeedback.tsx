// The live feedback panel: score (or "Start typing"), the next step, stats, section shares, more suggestions, criteria.
import { NextStep, ReportBreakdown, ScoreBadge, StartTyping } from '../../components/Feedback'
import { ErrorBox, Loading } from '../../components/Status'
import type { PracticeSession } from '../../state'

export function LiveFeedback({
  session,
  rubricError,
}: {
  session: PracticeSession
  rubricError: { message: string; status?: number } | null
}) {
  const report = session.report.value
  return (
    // Focusable: beside the answer it scrolls on its own, and a keyboard user must be able to scroll it.
    <aside class="feedback" aria-label="Live feedback" tabIndex={0}>
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
          <ReportBreakdown report={report} />
        </>
      )}
    </aside>
  )
}
