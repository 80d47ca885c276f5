// Follow-up probes: the interviewer's next questions for an answer, a field to answer one, and what answers added.
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FollowUp } from '../../contract/follow-ups'
import type { ReportDifference } from '../../engine/difference'
import type { Probe } from '../../engine/types'
import { lowerFirst, signed } from '../format'

/**
 * Why a probe is asked, as one sentence. Reasons end with a full stop now; a report stored before that carries the
 * older wording ("Specificity is partial (4 of 8 points)"), which is given one.
 */
export function askedBecause(reason: string): string {
  const said = `Asked because ${lowerFirst(reason.trim())}`
  return /[.!?…]$/.test(said) ? said : `${said}.`
}

/** The probes still open: those the report asks that no follow-up has answered. */
export function openProbes(probes: readonly Probe[], answered: readonly { probeId: string }[]): Probe[] {
  const done = new Set(answered.map((f) => f.probeId))
  return probes.filter((p) => !done.has(p.id))
}

/**
 * Follow-ups typed before the answer is sent, by whether their probe is asked now: the report changes as the
 * answer is typed, and a probe the answer now covers goes. Returns the drafts of the probes asked (empty ones
 * left out) and the others, set aside, with what was typed.
 */
export function keepOffered(
  drafts: Readonly<Record<string, string>>,
  probes: readonly Probe[],
): { kept: Record<string, string>; dropped: { probeId: string; answer: string }[] } {
  const offered = new Set(probes.map((p) => p.id))
  const kept: Record<string, string> = {}
  const dropped: { probeId: string; answer: string }[] = []
  for (const [probeId, answer] of Object.entries(drafts)) {
    if (answer.trim() === '') continue
    if (offered.has(probeId)) kept[probeId] = answer
    else dropped.push({ probeId, answer })
  }
  return { kept, dropped }
}

/**
 * One probe, with a field to answer it: sent at once with `onAnswer`, or kept as a draft with `draft` and
 * `onDraft`, to be sent with the answer it follows.
 */
export function ProbeCard({
  probe,
  onAnswer,
  draft,
  onDraft,
  busy,
  error,
  idPrefix,
}: {
  probe: Probe
  onAnswer?: (answer: string) => void
  draft?: string
  onDraft?: (answer: string) => void
  busy?: boolean
  error?: string
  idPrefix: string
}) {
  const [own, setOwn] = useState('')
  const text = draft ?? own
  const setText = onDraft ?? setOwn
  const [open, setOpen] = useState(text !== '')
  const box = useRef<HTMLTextAreaElement>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const toggled = useRef(false)
  // Opening or closing the field replaces the button pressed: the focus goes to what took its place.
  useEffect(() => {
    if (!toggled.current) return
    if (open) box.current?.focus()
    else opener.current?.focus()
  }, [open])
  const show = (on: boolean) => {
    toggled.current = true
    setOpen(on)
  }
  const field = `${idPrefix}-${probe.id}`
  const hint = onDraft && !onAnswer ? `${field}-hint` : undefined
  return (
    <li class="probe" data-testid="probe">
      <p class="probe-question">
        <span aria-hidden="true">“</span>
        {probe.question}
        <span aria-hidden="true">”</span>
      </p>
      <p class="muted small">{askedBecause(probe.reason)}</p>
      {(onAnswer || onDraft) &&
        (open ? (
          <div class="probe-answer">
            <label for={field}>Your answer to the follow-up</label>
            <textarea
              id={field}
              ref={box}
              rows={3}
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={[error ? `${field}-error` : '', hint ?? ''].join(' ').trim() || undefined}
              data-testid="probe-answer"
            />
            {hint && (
              <p id={hint} class="hint">
                Sent with your answer when you submit it, and scored together with it. If your answer comes to
                cover this question, the question goes, and this follow-up is set aside until it comes back.
              </p>
            )}
            {error && (
              <p id={`${field}-error`} class="field-error" role="alert">
                {error}
              </p>
            )}
            <div class="toolbar">
              {onAnswer ? (
                <>
                  <button
                    type="button"
                    class="primary"
                    disabled={busy}
                    data-testid="probe-submit"
                    onClick={() => onAnswer(text)}
                  >
                    {busy ? 'Scoring…' : 'Answer'}
                  </button>
                  <button type="button" class="secondary" onClick={() => show(false)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  class="secondary small"
                  data-testid="probe-discard"
                  onClick={() => {
                    setText('')
                    show(false)
                  }}
                >
                  Leave this follow-up out
                </button>
              )}
            </div>
          </div>
        ) : (
          <button
            type="button"
            class="secondary small"
            ref={opener}
            data-testid="probe-open"
            onClick={() => show(true)}
          >
            Answer this follow-up
          </button>
        ))}
    </li>
  )
}

/** How a follow-up is scored, said wherever what it added is shown. */
export const ONLY_ADDS = 'A follow-up only adds: what your first answer earned stays.'

/** The follow-ups given so far, each question with its answer, and what it added when `gains` has it. */
export function FollowUpList({
  followUps,
  gains,
}: {
  followUps: readonly FollowUp[]
  gains?: ReadonlyMap<string, ReportDifference>
}) {
  if (followUps.length === 0) return null
  return (
    <ol class="follow-ups" data-testid="follow-ups">
      {followUps.map((f) => {
        const gain = gains?.get(f.probeId)
        return (
          <li key={f.probeId}>
            <p class="probe-question">{f.question}</p>
            <blockquote>{f.answer}</blockquote>
            {gain && <FollowUpGain difference={gain} />}
          </li>
        )
      })}
    </ol>
  )
}

/** What a follow-up added: the change in total, and each criterion that moved. */
function FollowUpGain({ difference }: { difference: ReportDifference }) {
  const moved = difference.criteria.filter((c) => c.change !== 0)
  return (
    <p class="follow-up-gain" data-testid="follow-up-gain">
      {difference.score === 0
        ? 'The follow-up did not change the total'
        : `The follow-up ${difference.score > 0 ? 'added' : 'cost'} ${Math.abs(difference.score)} point${Math.abs(difference.score) === 1 ? '' : 's'}`}
      {moved.length > 0 && (
        <>
          {': '}
          {moved.map((c, i) => (
            <span key={c.criterionId}>
              {i > 0 ? ', ' : ''}
              {c.label} {signed(c.change)}
              {c.statusBefore !== c.statusAfter && c.statusAfter ? ` (now ${c.statusAfter})` : ''}
            </span>
          ))}
        </>
      )}
      . <span class="muted">{ONLY_ADDS}</span>
    </p>
  )
}
