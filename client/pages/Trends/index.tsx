// Trends: overall and per-criterion scores over time (uPlot), the weakest criteria, and the story coverage grid.
import { useMemo, useState } from 'preact/hooks'
import type { Trends } from '../../../contract/progress'
import type { RubricSummary } from '../../../contract/rubrics'
import { Chart, type ChartSeries, MAX_SERIES, SERIES_COLORS } from '../../components/Chart'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { bandClass, bestSource, coverageGroups, weakestCriteria } from '../../coverage'
import { useLoad, useTitle } from '../../hooks'
import { KIND_LABEL, KIND_SINGULAR, offeredAreas, useAppState } from '../../state'

const toSeconds = (period: string) => Date.parse(`${period}T00:00:00Z`) / 1000

/** A criterion's average over the window, to order the series weakest first. */
function meanOf(points: { average: number }[]): number {
  return points.length ? points.reduce((s, p) => s + p.average, 0) / points.length : 100
}

function chartData(trends: Trends) {
  const periods = [
    ...new Set([...trends.overall, ...trends.criteria.flatMap((c) => c.points)].map((p) => p.period)),
  ].sort()
  const x = periods.map(toSeconds)
  const align = (points: { period: string; average: number }[]) => {
    const m = new Map(points.map((p) => [p.period, Math.round(p.average)]))
    return periods.map((p) => m.get(p) ?? null)
  }
  const overall: ChartSeries[] = [
    { label: 'Overall score', values: align(trends.overall), color: SERIES_COLORS[0]! },
  ]
  // Weakest first, in groups of at most eight: each group's colours are all different.
  const sorted = [...trends.criteria].sort(
    (a, b) => meanOf(a.points) - meanOf(b.points) || a.label.localeCompare(b.label),
  )
  const groups: ChartSeries[][] = []
  for (let i = 0; i < sorted.length; i += MAX_SERIES)
    groups.push(
      sorted.slice(i, i + MAX_SERIES).map((c, j) => ({
        label: c.label,
        values: align(c.points),
        color: SERIES_COLORS[j]!,
      })),
    )
  return { x, overall, groups }
}

export function TrendsPage() {
  useTitle('Trends')
  const state = useAppState()
  const [interval, setInterval] = useState<'day' | 'week'>('day')
  const [group, setGroup] = useState(0)
  const [tag, setTag] = useState('')
  const [trends, reloadTrends] = useLoad(
    () => state.api.trends({ interval, tag: tag || undefined }),
    [interval, tag],
  )
  const [coverage, reloadCoverage] = useLoad(() => state.api.coverage(), [])
  const summaries: RubricSummary[] = state.rubrics.value.state === 'ready' ? state.rubrics.value.data : []
  // Trends name a prompt per criterion; the prompt list (one request) gives its text for the link.
  const [prompts] = useLoad(() => state.allPrompts().catch(() => []), [])
  const promptText = new Map(prompts.state === 'ready' ? prompts.data.map((p) => [p.id, p.text]) : [])
  const data = useMemo(() => (trends.state === 'ready' ? chartData(trends.data) : null), [trends])
  const weakest = trends.state === 'ready' ? weakestCriteria(trends.data) : []
  const step = interval === 'day' ? 86_400 : 7 * 86_400
  const rubricTitle = (id: string) => summaries.find((r) => r.id === id)?.title
  const shownGroup = data && group < data.groups.length ? group : 0

  return (
    <main id="main" tabIndex={-1} class="page trends">
      <h1>Trends</h1>
      <form class="filters" aria-label="Trend options" onSubmit={(e) => e.preventDefault()}>
        <fieldset class="segmented">
          <legend>Group by</legend>
          {(['day', 'week'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="interval"
                value={v}
                checked={interval === v}
                onChange={() => setInterval(v)}
              />
              {v === 'day' ? 'Day' : 'Week'}
            </label>
          ))}
        </fieldset>
        <label>
          Area
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">All areas</option>
            {offeredAreas(summaries)
              .filter((r) => r.kind !== 'general')
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {KIND_SINGULAR[r.kind]}: {r.title}
                </option>
              ))}
          </select>
        </label>
      </form>

      {trends.state === 'loading' && <Loading label="Loading trends…" />}
      {trends.state === 'error' && (
        <ErrorBox message={trends.message} status={trends.status} onRetry={reloadTrends} />
      )}
      {trends.state === 'ready' &&
        data &&
        (trends.data.overall.length === 0 ? (
          <Empty title="No attempts to chart yet.">
            <p>
              <a href="/practice">Practise a question</a>; your scores over time appear here.
            </p>
          </Empty>
        ) : (
          <div class="trend-grid">
            <section aria-labelledby="overall-title" class="card">
              <h2 id="overall-title">Overall score</h2>
              <Chart
                label={`Average overall score per ${interval}, ${trends.data.overall.length} ${interval}s`}
                x={data.x}
                series={data.overall}
                step={step}
                testId="chart-overall"
              />
              <p class="muted small">
                Average per {interval} (UTC).{' '}
                {trends.data.overall.length === 1 &&
                  'One period so far: come back after more practice for a line.'}
              </p>
            </section>
            <section aria-labelledby="weakest-title" class="card">
              <h2 id="weakest-title">Weakest criteria</h2>
              {weakest.length === 0 ? (
                <p class="muted">Nothing weak: every criterion is at full marks lately.</p>
              ) : (
                <ol class="weakest">
                  {weakest.map((w) => {
                    const id = trends.data.criteria.find((c) => c.criterionId === w.criterionId)?.promptId
                    const p = id == null ? undefined : { id, text: promptText.get(id) ?? id }
                    return (
                      <li key={w.criterionId}>
                        <span class="weak-label">{w.label}</span>{' '}
                        <span class="muted">{w.average}% of its points</span>
                        {p ? (
                          <a class="weak-link" href={`/practice/${encodeURIComponent(p.id)}`}>
                            Train it: {p.text}
                          </a>
                        ) : (
                          <a class="weak-link" href="/practice">
                            Pick a prompt
                          </a>
                        )}
                      </li>
                    )
                  })}
                </ol>
              )}
            </section>
            <section aria-labelledby="criteria-title" class="card wide">
              <h2 id="criteria-title">Per criterion</h2>
              {data.groups.length > 1 && (
                <fieldset class="segmented-buttons">
                  <legend class="sr-only">Criteria shown</legend>
                  {data.groups.map((g, i) => (
                    <button
                      key={i}
                      type="button"
                      class={i === shownGroup ? 'primary small' : 'secondary small'}
                      aria-pressed={i === shownGroup}
                      onClick={() => setGroup(i)}
                    >
                      {i === 0
                        ? `Weakest ${g.length}`
                        : `Next ${g.length} (${i * MAX_SERIES + 1}–${i * MAX_SERIES + g.length})`}
                    </button>
                  ))}
                </fieldset>
              )}
              <Chart
                label={`Average share of each criterion's points per ${interval}, ${data.groups[shownGroup]?.length ?? 0} criteria, weakest first`}
                x={data.x}
                series={data.groups[shownGroup] ?? []}
                height={280}
                step={step}
                testId="chart-criteria"
              />
              <p class="muted small">
                Percentage of each criterion’s points earned, weakest criteria first, at most {MAX_SERIES} at
                a time.{' '}
                {tag !== '' &&
                  'For this area, every answer that trains it is judged by the area’s own rubric and criteria, whichever question it answered. '}
                Click a legend entry to hide it.
              </p>
            </section>
          </div>
        ))}

      <section aria-labelledby="coverage-title" class="coverage">
        <h2 id="coverage-title">Story coverage</h2>
        <p class="lede">
          Your best score so far in each area, judged by that area’s own rubric: an answer to another area’s
          prompt counts here at the score this area’s criteria give it. Before an interview loop, aim for a
          strong story in every cell.
        </p>
        {coverage.state === 'loading' && <Loading label="Loading coverage…" />}
        {coverage.state === 'error' && (
          <ErrorBox message={coverage.message} status={coverage.status} onRetry={reloadCoverage} />
        )}
        {coverage.state === 'ready' && (
          <>
            <p class="muted">
              {coverage.data.practised} of {coverage.data.total} areas practised.
            </p>
            {coverageGroups(coverage.data).map((g) =>
              g.cells.length === 0 ? null : (
                <div key={g.kind} class="coverage-group">
                  <h3>
                    {KIND_LABEL[g.kind]} <span class="muted">({g.cells.length})</span>
                  </h3>
                  <ul class="coverage-grid" data-testid={`coverage-${g.kind}`}>
                    {g.cells.map((c) => (
                      <li
                        key={c.id}
                        class={`cell ${c.best === null ? 'cell-none' : `cell-${bandClass(c.bestBandId ?? c.bestBand)}`}`}
                      >
                        <a
                          href={
                            c.bestAttemptId
                              ? `/attempts/${c.bestAttemptId}`
                              : c.noRubric
                                ? '/rubrics'
                                : `/practice?tag=${encodeURIComponent(c.id)}`
                          }
                        >
                          <span class="cell-title">{c.title}</span>
                          {c.best === null ? (
                            <span class="cell-score none">
                              {c.noRubric ? 'no rubric yet' : 'no story yet'}
                            </span>
                          ) : (
                            <span class="cell-score">
                              <strong>{c.best}</strong> {c.bestBand ?? c.status}
                              <span class="muted small">
                                {' '}
                                · {c.attempts} {c.attempts === 1 ? 'attempt' : 'attempts'}
                              </span>
                              {bestSource(c, rubricTitle) !== null && (
                                <span class="muted small cell-source" data-testid="coverage-source">
                                  {' '}
                                  · {bestSource(c, rubricTitle)}
                                </span>
                              )}
                            </span>
                          )}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            )}
          </>
        )}
      </section>
    </main>
  )
}
