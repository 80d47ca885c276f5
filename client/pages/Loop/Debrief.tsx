// The loop's debrief: per question score, band, STAR balance and probe answers; per principle a verdict; the
// strongest and weakest principles; story reuse; and the Markdown export.
import type { Debrief as DebriefData, Loop } from '../../../contract/loops'
import { FollowUpList, ONLY_ADDS } from '../../components/Probes'
import { percent, signed, speakingTime } from '../../format'
import { useTitle } from '../../hooks'
import { useAppState } from '../../state'

export function Debrief({ loop, debrief }: { loop: Loop; debrief: DebriefData }) {
  const state = useAppState()
  useTitle(`Mock loop ${loop.id}: debrief`)
  const principle = new Map(debrief.questions.map((q) => [q.promptId, q.principle]))
  return (
    <section data-testid="loop-debrief" aria-labelledby="debrief-title">
      <p class="eyebrow">Mock loop {loop.id}</p>
      <h1 id="debrief-title">Debrief</h1>
      <p class="lead">
        Average score <strong>{debrief.averageScore}</strong> over {debrief.questions.length} questions.
        {debrief.strongest && (
          <>
            {' '}
            Strongest: <strong>{debrief.strongest.principle}</strong> ({debrief.strongest.score}).
          </>
        )}
        {debrief.weakest && (
          <>
            {' '}
            Weakest: <strong>{debrief.weakest.principle}</strong> ({debrief.weakest.score}).
          </>
        )}
      </p>
      <div class="toolbar">
        <a
          class="button secondary"
          href={state.api.debriefUrl(loop.id)}
          download
          data-testid="debrief-export"
        >
          Export as Markdown
        </a>
        <a class="button secondary" href="/loop">
          Start another loop
        </a>
      </div>

      <section aria-labelledby="reuse-title" class="card">
        <h2 id="reuse-title">Story reuse</h2>
        {debrief.warnings.length === 0 ? (
          <p>
            Each answer tells its own story{' '}
            <span class="muted">(similarity threshold {debrief.threshold})</span>.
          </p>
        ) : (
          <ul class="warnings">
            {debrief.warnings.map((w) => (
              <li key={w.promptIds.join()} class="warning" data-testid="story-reused">
                <strong>Same story twice:</strong> your answers for {principle.get(w.promptIds[0])} and{' '}
                {principle.get(w.promptIds[1])} tell the same story (similarity {w.similarity}, flagged from{' '}
                {w.threshold}). Interviewers in one loop compare notes: bring a different story to one of
                them.
              </li>
            ))}
          </ul>
        )}
      </section>

      <h2>Principles</h2>
      <div class="table-wrap">
        <table class="debrief-principles">
          <thead>
            <tr>
              <th scope="col">Principle</th>
              <th scope="col">Score · band</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {debrief.principles.map((p) => (
              <tr key={p.rubricId}>
                <th scope="row">{p.principle}</th>
                {/* One cell for the score and its band, as each question shows them: the table fits a phone. */}
                <td>
                  <span class="principle-score">{p.score}</span> ·{' '}
                  <span class="principle-band">{p.band.label}</span>
                </td>
                <td class={`verdict ${p.verdict}`}>{p.verdictLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted small" data-testid="verdict-rule">
        {debrief.verdictRule}
      </p>

      <h2>Questions</h2>
      <ol class="debrief-questions">
        {debrief.questions.map((q) => (
          <li key={q.promptId} class="card">
            <p class="muted small">{q.principle}</p>
            <h3 class="prompt-text">{q.text}</h3>
            <p>
              <a href={`/attempts/${q.attemptId}`}>
                Score {q.score} · {q.band.label}
              </a>{' '}
              <span class="muted">· about {speakingTime(q.speakingSeconds)} to say</span>
            </p>
            <p class="star-balance">
              STAR balance: Situation {percent(q.star.situation)} · Task {percent(q.star.task)} · Action{' '}
              {percent(q.star.action)} · Result {percent(q.star.result)} · Other {percent(q.star.other)}
            </p>
            <FollowUpList followUps={q.followUps} />
            {q.followUpGain !== null && (
              <p class="follow-up-gain">
                The follow-up changed the score by {signed(q.followUpGain)}.{' '}
                <span class="muted">{ONLY_ADDS}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
