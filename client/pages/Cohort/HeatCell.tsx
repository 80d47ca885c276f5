// One cell of the coverage heat map.

/** A best score as a heat-map cell: darker is stronger; empty when the area was never practised. */
export function HeatCell({ best, attempts }: { best: number | undefined; attempts: number }) {
  if (best === undefined) return <td class="heat heat-none">–</td>
  const level = Math.min(4, Math.floor(best / 20))
  return (
    <td class={`heat heat-${level}`} title={`best ${best} of 100 in ${attempts} attempts`}>
      {best}
    </td>
  )
}
