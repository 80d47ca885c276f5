// The instructor's view of a cohort's progress: who has not practised this week, the coverage heat map, the
// weakest criteria with a prompt each, attempts per member per week, and the answers shared with the cohort.

import type { CohortProgress } from '../../../contract/team'
import { HeatCell } from './HeatCell'

export function Progress({ p }: { p: CohortProgress }) {
  const candidates = p.members.filter((m) => m.role === 'candidate')
  const practised = new Set(p.coverage.map((c) => c.area))
  const areas = p.areas.filter((a) => practised.has(a.id))
  const best = new Map(p.coverage.map((c) => [`${c.memberId} ${c.area}`, c]))
  const weeks = [...new Set(candidates.flatMap((m) => m.weeks.map((w) => w.week)))].sort().slice(-8)
  const idle = candidates.filter((m) => !m.practisedThisWeek)
  const names = new Map(p.members.map((m) => [m.id, m.name]))
  const shared = p.attempts.filter((a) => a.answer !== null)
  return (
    <>
      <section aria-labelledby="idle-h">
        <h2 id="idle-h">Not practised this week</h2>
        <p class="muted">Week starting {p.weekStart}</p>
        {candidates.length === 0 ? (
          <p data-testid="no-candidates">No candidates have joined yet: send them an invite link.</p>
        ) : idle.length === 0 ? (
          <p data-testid="idle-none">Everyone has practised this week.</p>
        ) : (
          <ul data-testid="idle">
            {idle.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="coverage-h">
        <h2 id="coverage-h">Coverage</h2>
        {areas.length === 0 ? (
          <p>No attempts yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways on a phone, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
          <section class="table-scroll" aria-label="Coverage table, scrolls sideways" tabIndex={0}>
            <table class="heat-map" data-testid="heat-map">
              <caption class="visually-hidden">Best score per member and area, out of 100</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  {areas.map((a) => (
                    <th key={a.id} scope="col">
                      {a.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {candidates.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    {areas.map((a) => {
                      const c = best.get(`${m.id} ${a.id}`)
                      return <HeatCell key={a.id} best={c?.best} attempts={c?.attempts ?? 0} />
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="weakest-h">
        <h2 id="weakest-h">Weakest criteria</h2>
        {p.weakestCriteria.length === 0 ? (
          <p>No attempts yet.</p>
        ) : (
          <ol class="weakest" data-testid="weakest">
            {p.weakestCriteria.map((w) => (
              <li key={w.criterionId}>
                <strong>{w.label}</strong>{' '}
                <span class="muted">
                  {Math.round(w.average)}% on average, {w.attempts} attempts
                </span>
                {w.prompt && (
                  <div>
                    Train it: <a href={`/practice/${encodeURIComponent(w.prompt.id)}`}>{w.prompt.text}</a>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="weeks-h">
        <h2 id="weeks-h">Attempts per week</h2>
        {candidates.length === 0 ? (
          <p>No candidates yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways on a phone, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
          <section class="table-scroll" aria-label="Attempts per week table, scrolls sideways" tabIndex={0}>
            <table class="week-table" data-testid="weeks">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  {weeks.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                  <th scope="col">All</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    {weeks.map((w) => (
                      <td key={w}>{m.weeks.find((x) => x.week === w)?.attempts ?? 0}</td>
                    ))}
                    <td>{m.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="shared-h">
        <h2 id="shared-h">Shared answers</h2>
        {shared.length === 0 ? (
          <p>No one has shared an answer with this cohort.</p>
        ) : (
          <ul class="shared-answers">
            {shared.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{names.get(a.memberId)}</strong> · {a.score}/100 · {a.band}
                </p>
                <blockquote>{a.answer}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
