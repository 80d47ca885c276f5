// The attempt's follow-up round: the interviewer's probes, answering one, and what each answer added.
import { useState } from 'preact/hooks'
import type { Attempt } from '../../../contract/attempts'
import type { FollowUp } from '../../../contract/follow-ups'
import type { ReportDifference } from '../../../engine/difference'
import type { ScoreReport } from '../../../engine/types'
import type { ApiError } from '../../api'
import { FollowUpList, ONLY_ADDS, openProbes, ProbeCard } from '../../components/Probes'
import { useAppState } from '../../state'
import { followUpGains } from './follow-up-gains'
import type { ReplacedScore } from './score-history'

export function FollowUpSection({
  attempt,
  report,
  followUps,
  onAnswered,
  history,
}: {
  attempt: Attempt
  report: ScoreReport
  followUps: readonly FollowUp[]
  /**
   * A follow-up is stored: the attempt's report now, all its follow-ups, and its history as the server holds it
   * (the report the follow-up replaced added last).
   */
  onAnswered: (report: ScoreReport, followUps: FollowUp[], history: ReplacedScore[]) => void
  /** The history the page shows, which the report a follow-up replaced is added to. */
  history: readonly ReplacedScore[]
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
      // The report it replaced joins the history, as a reload would show it.
      onAnswered(result.report, [...followUps, result.followUp], [...history, result.previous])
    } catch (e) {
      if ((e as ApiError).code === 'answered-already') await showStored(probeId)
      else setError({ probeId, message: (e as Error).message })
    } finally {
      setBusy('')
    }
  }

  /**
   * The probe is answered already: an earlier send was stored though its answer did not arrive (or another tab
   * sent one). It counts as sent: the attempt is read again, and its follow-ups and report shown as stored.
   */
  async function showStored(probeId: string) {
    try {
      const stored = await state.api.attempt(attempt.id)
      // What each follow-up added, from the history read now; a gain known from a server's answer stays.
      const known = followUpGains(stored.followUps, stored.history, stored.report)
      setGains((g) => new Map([...known, ...g]))
      onAnswered(stored.report, stored.followUps, stored.history)
    } catch (e) {
      setError({
        probeId,
        message: `This follow-up is stored already, but the attempt could not be read again: ${(e as Error).message} Reload the page to see it.`,
      })
    }
  }

  return (
    <section class="probes card" aria-labelledby="probes-title" data-testid="probes">
      <h2 id="probes-title">Follow-up questions</h2>
      {followUps.length > 0 && <FollowUpList followUps={followUps} gains={gains} />}
      {open.length > 0 && (
        <>
          <p class="muted">
            {followUps.length === 0
              ? 'An interviewer would ask these next. Answer one:'
              : 'An interviewer could still ask these. Answer another:'}{' '}
            it is scored together with your answer, as the whole story is what counts.
            {/* Once a follow-up is answered, what it added says this beside it. */}
            {followUps.length === 0 && ` ${ONLY_ADDS}`}
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
