// A criterion-by-criterion table of two reports' scores and their difference (re-score and Compare).
import type { CriterionDifference } from '../../engine/difference'
import { signed } from '../format'
import { Points, StatusTag } from './Feedback'

export function DiffTable({
  rows,
  max,
  before = 'Before',
  after = 'After',
}: {
  rows: CriterionDifference[]
  /** Each criterion's maximum points (see `criterionMax`). */
  max: ReadonlyMap<string, number>
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
          {rows.map((r) => {
            const most = max.get(r.criterionId) ?? 0
            return (
              <tr key={r.criterionId}>
                <th scope="row">{r.label}</th>
                <td>
                  {r.before === null ? '—' : <Points score={r.before} max={most} />}{' '}
                  {r.statusBefore && r.before !== null && (
                    <StatusTag status={r.statusBefore} score={r.before} max={most} />
                  )}
                </td>
                <td>
                  {r.after === null ? '—' : <Points score={r.after} max={most} />}{' '}
                  {r.statusAfter && r.after !== null && (
                    <StatusTag status={r.statusAfter} score={r.after} max={most} />
                  )}
                </td>
                <td class={r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}>{signed(r.change)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
