// The live feedback panel: score, stats, section shares, top suggestions and criteria.
import { CriteriaList, ScoreBadge, ShareBar, Stats, Suggestions } from '../../components/Feedback'
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
