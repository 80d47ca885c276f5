// The story × area matrix: one row per story, one column per area of the chosen kind, the best-fitting areas first;
// each cell is the share of that area's own criteria the story meets.

import type { StorySummary } from '../../../contract/stories'
import { AREA_KINDS, type AreaKind } from '../../../engine/kinds'
import { percent } from '../../format'
import { KIND_LABEL } from '../../state'
import { fitLevel, fitsById, matrixColumns } from './fit-view'

const LEVEL_WORDS = { strong: 'strong fit', some: 'fits', weak: 'weak fit', none: 'no fit' } as const

export function Matrix({
  stories,
  kind,
  onKind,
  titleOf,
  selected,
}: {
  stories: readonly StorySummary[]
  kind: AreaKind
  onKind(kind: AreaKind): void
  titleOf(id: string): string
  selected?: number
}) {
  const columns = matrixColumns(stories, kind, titleOf)
  return (
    <section class="card story-matrix-card" aria-labelledby="matrix-heading">
      <div class="page-head">
        <h2 id="matrix-heading">Story × principle matrix</h2>
        <label class="inline-select">
          Areas{' '}
          <select value={kind} onChange={(e) => onKind(e.currentTarget.value as AreaKind)}>
            {AREA_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint">
        Each cell: the share of the area's own criteria the story meets (a partial criterion counts half). The
        best-fitting areas come first.
      </p>
      {/* Scrolls sideways on a narrow screen; the story links inside let the keyboard reach it. */}
      <div class="table-wrap">
        <table class="story-matrix" data-testid="story-matrix">
          <thead>
            <tr>
              <th scope="col">Story</th>
              {columns.map((id) => (
                <th key={id} scope="col" data-area={id}>
                  {titleOf(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stories.map((s) => {
              const fits = fitsById(s.fit)
              return (
                <tr key={s.id} aria-current={selected === s.id ? 'true' : undefined}>
                  <th scope="row">
                    <a href={`/stories/${s.id}`}>{s.title}</a>
                    <span class="muted small"> v{s.version}</span>
                  </th>
                  {columns.map((id) => {
                    const f = fits.get(id)
                    if (f === undefined)
                      return (
                        <td key={id} class="fit fit-none">
                          –
                        </td>
                      )
                    const level = fitLevel(f.share)
                    return (
                      <td
                        key={id}
                        class={`fit fit-${level}`}
                        data-area={id}
                        title={`${titleOf(id)}: ${percent(f.share)} of its own criteria; ${f.band.label} (${f.score}/100) under the whole rubric`}
                      >
                        {percent(f.share)}
                        <span class="sr-only"> ({LEVEL_WORDS[level]})</span>
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
