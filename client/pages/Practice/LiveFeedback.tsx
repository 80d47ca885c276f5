// The live feedback panel: score (or "Start typing"), the next step, stats, section shares, more suggestions, criteria.
import {
  CriteriaList,
  NextStep,
  ScoreBadge,
  ShareBar,
  StartTyping,
  Stats,
  Suggestions,
} from '../../components/Feedback'
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
    <aside class="feedback" aria-label="Live feedback">
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
          <Stats report={report} />
          <ShareBar report={report} />
          {report.suggestions.length > 1 && <h2>More suggestions</h2>}
          <Suggestions report={report} />
          <h2>Criteria</h2>
          <CriteriaList criteria={report.criteria} />
        </>
      )}
    </aside>
  )
}
