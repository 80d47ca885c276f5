// A criterion-by-criterion table of two reports' scores and their difference (re-score and Compare).
import type { CriterionDifference } from '../../engine/difference'
import { signed } from '../format'
import { fmt, StatusTag } from './Feedback'

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
            const most = fmt(max.get(r.criterionId) ?? 0)
            return (
              <tr key={r.criterionId}>
                <th scope="row">{r.label}</th>
                <td>
                  {r.before === null ? '—' : `${fmt(r.before)}/${most}`}{' '}
                  {r.statusBefore && <StatusTag status={r.statusBefore} />}
                </td>
                <td>
                  {r.after === null ? '—' : `${fmt(r.after)}/${most}`}{' '}
                  {r.statusAfter && <StatusTag status={r.statusAfter} />}
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
