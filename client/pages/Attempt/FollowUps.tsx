// The attempt's follow-up round: the interviewer's probes, answering one, and what the answers added.
import { useState } from 'preact/hooks'
import type { Attempt } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import { type ReportDifference, reportDifference } from '../../../engine/difference'
import type { ScoreReport } from '../../../engine/types'
import { FollowUpGain, FollowUpList, openProbes, ProbeCard } from '../../components/Probes'
import { useAppState } from '../../state'

/** What the follow-ups added: the report the first one replaced (kept in the history) against the current one. */
function followUpDifference(attempt: Attempt, report: ScoreReport): ReportDifference | null {
  const first = attempt.followUps[0]
  if (first === undefined) return null
  const before = attempt.history.find((h) => h.replacedAt === first.createdAt)
  return before === undefined ? null : reportDifference(before.report, report)
}

export function FollowUpSection({
  attempt,
  report,
  followUps,
  onAnswered,
}: {
  attempt: Attempt
  report: ScoreReport
  followUps: readonly FollowUp[]
  onAnswered: (report: ScoreReport, followUp: FollowUp, difference: ReportDifference) => void
}) {
  const state = useAppState()
  const [busy, setBusy] = useState('')
  const [error, setError] = useState<{ probeId: string; message: string } | null>(null)
  const [added, setAdded] = useState<ReportDifference | null>(null)
  const open = openProbes(report.probes, followUps)
  const overall = added ?? followUpDifference(attempt, report)
  if (open.length === 0 && followUps.length === 0) return null

  async function answer(probeId: string, text: string) {
    if (text.trim() === '') {
      setError({ probeId, message: 'Write what you would say to the interviewer first.' })
      return
    }
    setBusy(probeId)
    setError(null)
    try {
      const result = await state.api.followUp(attempt.id, { probeId, answer: text })
      // Against the report before any follow-up, when there was one already; else against this one.
      const base =
        followUps.length === 0
          ? result.difference
          : (followUpDifference({ ...attempt, followUps: [...followUps] }, result.report) ??
            result.difference)
      setAdded(base)
      onAnswered(result.report, result.followUp, base)
    } catch (e) {
      setError({ probeId, message: (e as Error).message })
    } finally {
      setBusy('')
    }
  }

  return (
    <section class="probes card" aria-labelledby="probes-title" data-testid="probes">
      <h2 id="probes-title">Follow-up questions</h2>
      {followUps.length > 0 && (
        <>
          <FollowUpList followUps={followUps} />
          {overall && <FollowUpGain difference={overall} />}
        </>
      )}
      {open.length > 0 && (
        <>
          <p class="muted">
            An interviewer would ask next. Answer one: it is scored together with your answer, as the whole
            story is what counts.
          </p>
          <ol class="probe-list">
            {open.map((p) => (
              <ProbeCard
                key={p.id}
                probe={p}
                idPrefix="attempt-probe"
                busy={busy === p.id}
                error={error?.probeId === p.id ? error.message : undefined}
                onAnswer={(text) => void answer(p.id, text)}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
