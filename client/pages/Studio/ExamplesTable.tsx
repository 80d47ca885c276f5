// The draft's examples against its criteria: which example meets, partly meets or misses which criterion,
// with the cells that differ from what the example expects marked.
import type { DraftExample, Preview } from '../../../contract/rubrics'

const SHORT = { met: 'meets', partial: 'partial', missed: 'misses' } as const
const SYMBOL = { met: '✓', partial: '◐', missed: '✗' } as const

export function ExamplesTable({
  examples,
  criteria,
  onPick,
}: {
  examples: readonly DraftExample[]
  criteria: NonNullable<Preview['rubric']>['criteria']
  /** Shows the example in the draft. */
  onPick: (name: string) => void
}) {
  if (examples.length === 0) return <p class="muted">The draft has no examples yet.</p>
  return (
    // Wider than a phone: it scrolls sideways; the example names are buttons, so the keyboard reaches it too.
    <div class="table-wrap">
      <table class="examples-table" data-testid="examples-table">
        <caption class="sr-only">Examples by criterion</caption>
        <thead>
          <tr>
            <th scope="col">Example</th>
            <th scope="col">Score</th>
            {criteria.map((c) => (
              <th scope="col" key={c.id} title={c.label}>
                <code>{c.id}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {examples.map((e) => {
            const byId = new Map(e.criteria.map((c) => [c.id, c]))
            return (
              <tr key={e.name} class={e.failures.length > 0 ? 'example-failing' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    class="link"
                    title="Show this example in the draft"
                    onClick={() => onPick(e.name)}
                  >
                    {e.name}
                  </button>
                  {e.failures.length > 0 && (
                    <ul class="example-failures">
                      {e.failures.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  )}
                </th>
                <td class="num">
                  {e.score} <span class={`band-pill band-${e.band.id}`}>{e.band.label}</span>
                </td>
                {criteria.map((c) => {
                  const r = byId.get(c.id)
                  if (r === undefined) return <td key={c.id} />
                  const wrong = r.expected !== undefined && r.expected !== r.status
                  return (
                    <td
                      key={c.id}
                      class={`cell-${r.status}${wrong ? ' cell-unexpected' : ''}`}
                      data-criterion={c.id}
                      data-status={r.status}
                    >
                      <span aria-hidden="true">{SYMBOL[r.status]}</span> {SHORT[r.status]}
                      {wrong && <span class="small block">expected {SHORT[r.expected!]}</span>}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
