// The "Area" choices of a filter: every rubric grouped by kind (Leadership Principles, competencies, themes).

import type { RubricSummary } from '../../contract/rubrics'
import type { RubricKind } from '../../engine/kinds'
import { KIND_LABEL, KIND_ORDER } from '../state'

/** `<option>`s for an area `<select>`: "All areas", then one group per kind in `kinds` that has rubrics. */
export function AreaOptions({
  areas,
  kinds = KIND_ORDER,
}: {
  areas: readonly RubricSummary[]
  kinds?: readonly RubricKind[]
}) {
  return (
    <>
      <option value="">All areas</option>
      {kinds.map((kind) => {
        const list = areas.filter((r) => r.kind === kind)
        return list.length === 0 ? null : (
          <optgroup key={kind} label={KIND_LABEL[kind]}>
            {list.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </optgroup>
        )
      })}
    </>
  )
}
