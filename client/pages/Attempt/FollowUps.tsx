// The attempt's follow-up round: the interviewer's probes, answering one, and what each answer added.
import { useState } from 'preact/hooks'
import type { Attempt } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import type { ReportDifference } from '../../../engine/difference'
import type { ScoreReport } from '../../../engine/types'
import { FollowUpList, ONLY_ADDS, openProbes, ProbeCard } from '../../components/Probes'
import { useAppState } from '../../state'
import { followUpGains } from './follow-up-gains'

export function FollowUpSection({
  attempt,
  report,
  followUps,
  onAnswered,
}: {
  attempt: Attempt
  report: ScoreReport
  followUps: readonly FollowUp[]
  onAnswered: (report: ScoreReport, followUp: FollowUp) => void
}) {
  const state = useAppState()
  const [busy, setBusy] = useState('')
  const [error, setError] = useState<{ probeId: string; message: string } | null>(null)
  // What each follow-up added: those stored when the page loaded from the attempt's history, those answered here
  // from the server's answer (the history loaded with the page does not hold the reports they replaced).
  const [gains, setGains] = useState<ReadonlyMap<string, ReportDifference>>(() =>
    followUpGains(attempt.followUps, attempt.history, attempt.report),
  )
  const open = openProbes(report.probes, followUps)
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
      // The server's difference is this follow-up's own: the report it replaced against the one it made.
      setGains((g) => new Map(g).set(result.followUp.probeId, result.difference))
      onAnswered(result.report, result.followUp)
    } catch (e) {
      setError({ probeId, message: (e as Error).message })
    } finally {
      setBusy('')
    }
  }

  return (
    <section class="probes card" aria-labelledby="probes-title" data-testid="probes">
      <h2 id="probes-title">Follow-up questions</h2>
      {followUps.length > 0 && <FollowUpList followUps={followUps} gains={gains} />}
      {open.length > 0 && (
        <>
          <p class="muted">
            An interviewer would ask next. Answer one: it is scored together with your answer, as the whole
            story is what counts. {ONLY_ADDS}
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
