// A criterion-by-criterion table of two reports' scores and their difference (re-score and Compare).
import type { CriterionDiff } from '../format'
import { signed } from '../format'
import { fmt, StatusTag } from './Feedback'

export function DiffTable({
  rows,
  before = 'Before',
  after = 'After',
}: {
  rows: CriterionDiff[]
  before?: string
  after?: string
}) {
  return (
    <div class="table-wrap">
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">{before}</th>
            <th scope="col">{after}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>
                {r.before === null ? '—' : `${fmt(r.before)}/${fmt(r.max)}`}{' '}
                {r.beforeStatus && <StatusTag status={r.beforeStatus} />}
              </td>
              <td>
                {r.after === null ? '—' : `${fmt(r.after)}/${fmt(r.max)}`}{' '}
                {r.afterStatus && <StatusTag status={r.afterStatus} />}
              </td>
              <td class={r.delta > 0 ? 'up' : r.delta < 0 ? 'down' : ''}>{signed(r.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
