// The interviewer's follow-up questions for the answer as it stands, between the answer and its submit button
// (beside the score and the next step on a wide screen, below the pinned summary on a narrow one): a follow-up
// typed here is sent with the answer. The questions change as the answer is typed: a follow-up whose question is
// no longer asked is set aside (said, with what was typed) and comes back to its field if the question does.
import { useRef, useState } from 'preact/hooks'
import type { FollowUpRequest } from '../../../contract/follow-ups'
import { keepOffered, ProbeCard } from '../../components/Probes'
import type { PracticeSession } from '../../state'

/** A follow-up set aside because its question is no longer asked: the question and what was typed for it. */
interface SetAside {
  question: string
  answer: string
}

/**
 * The follow-ups typed so far. Only those whose probe the live report asks are shown in a field and sent; the
 * others are set aside, not forgotten, until dismissed: the probes change with every keystroke (one the answer
 * covers goes, one another outranks may come back), and a question that comes back brings its follow-up with it.
 */
export function useFollowUpDrafts(session: PracticeSession) {
  const probes = session.report.value?.probes ?? null
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  // Each question by probe id, so a follow-up set aside can be named while its probe is not in the report.
  const questions = useRef(new Map<string, string>())
  if (probes !== null) for (const p of probes) questions.current.set(p.id, p.question)
  const setAside: SetAside[] =
    probes === null
      ? []
      : keepOffered(drafts, probes).dropped.map((d) => ({
          question: questions.current.get(d.probeId) ?? d.probeId,
          answer: d.answer,
        }))
  return {
    drafts,
    setAside,
    edit(probeId: string, text: string) {
      setDrafts((d) => ({ ...d, [probeId]: text }))
    },
    /** Forgets the follow-ups set aside now. */
    dismiss() {
      const now = session.report.peek()?.probes ?? []
      setDrafts((d) => keepOffered(d, now).kept)
    },
    /** The follow-ups to send with the answer: those typed for a probe still asked, in the report's order. */
    toSend(): FollowUpRequest[] {
      const now = session.report.peek()?.probes ?? []
      return now.flatMap((p) => {
        const answer = drafts[p.id]?.trim() ?? ''
        return answer === '' ? [] : [{ probeId: p.id, answer }]
      })
    },
  }
}

export type FollowUpDrafts = ReturnType<typeof useFollowUpDrafts>

export function LiveProbes({ session, followUps }: { session: PracticeSession; followUps: FollowUpDrafts }) {
  const report = session.report.value
  if (!report || session.blank.value) return null
  if (report.probes.length === 0 && followUps.setAside.length === 0) return null
  return (
    <section class="card live-probes" aria-labelledby="live-probes-title" data-testid="live-probes">
      <h2 id="live-probes-title">Follow-up questions</h2>
      <p class="muted small">
        An interviewer would ask next. A follow-up you answer here is sent with your answer, while its
        question is still asked.
      </p>
      <div role="status" data-testid="follow-up-set-aside">
        {followUps.setAside.length > 0 && (
          <div class="set-aside">
            <p>
              {followUps.setAside.length === 1
                ? 'A question you had answered is no longer asked, so that follow-up was left out: '
                : 'Questions you had answered are no longer asked, so those follow-ups were left out: '}
              {followUps.setAside.map((f, i) => (
                <span key={f.question}>
                  {i > 0 ? '; ' : ''}“{f.question}”
                </span>
              ))}
              .{' '}
              {followUps.setAside.length === 1
                ? 'It comes back if its question does.'
                : 'Each comes back if its question does.'}
            </p>
            <details>
              <summary>What you wrote</summary>
              {followUps.setAside.map((f) => (
                <blockquote key={f.question}>{f.answer}</blockquote>
              ))}
            </details>
            <button type="button" class="secondary small" onClick={followUps.dismiss}>
              OK
            </button>
          </div>
        )}
      </div>
      {report.probes.length > 0 && (
        <ol class="probe-list">
          {report.probes.map((p) => (
            <ProbeCard
              key={p.id}
              probe={p}
              idPrefix="practice-probe"
              draft={followUps.drafts[p.id] ?? ''}
              onDraft={(text) => followUps.edit(p.id, text)}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
