// History: every stored attempt in a filterable, sortable table; pick two to compare; export.

import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { AttemptListQuery, AttemptSummary } from '../../../contract/attempts'
import { AreaOptions } from '../../components/AreaOptions'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { clock, dateTime } from '../../format'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'

const PAGE = 25

type SortKey = 'createdAt' | 'prompt' | 'rubricId' | 'score' | 'band'

interface FilterForm {
  tag: string
  promptId: string
  from: string
  to: string
  minScore: string
  maxScore: string
}

const EMPTY: FilterForm = { tag: '', promptId: '', from: '', to: '', minScore: '', maxScore: '' }

function toFilters(f: FilterForm): AttemptListQuery {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s))
  return {
    tag: f.tag || undefined,
    promptId: f.promptId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    minScore: num(f.minScore),
    maxScore: num(f.maxScore),
  }
}

export function HistoryPage() {
  useTitle('History')
  const state = useAppState()
  const { route } = useLocation()
  const [form, setForm] = useState<FilterForm>(EMPTY)
  const [applied, setApplied] = useState<FilterForm>(EMPTY)
  const [rows, setRows] = useState<AttemptSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [more, setMore] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' })
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'createdAt', dir: -1 })
  const [picked, setPicked] = useState<number[]>([])
  const [prompts] = useLoad(() => state.allPrompts(), [])
  const promptText = new Map(prompts.state === 'ready' ? prompts.data.map((p) => [p.id, p.text]) : [])
  const index = state.rubricIndex.value
  // Date and score are sorted by the server, so every page continues the order; other columns sort the rows shown.
  const serverSorted = sort.key === 'createdAt' || sort.key === 'score'
  const order: AttemptListQuery = serverSorted
    ? { sort: sort.key as 'createdAt' | 'score', order: sort.dir === 1 ? 'asc' : 'desc' }
    : {}
  const orderKey = `${order.sort ?? ''}:${order.order ?? ''}`

  const [first, reload] = useLoad(
    () => state.api.attempts({ ...toFilters(applied), ...order, limit: PAGE }),
    [applied, orderKey],
  )
  useEffect(() => {
    if (first.state === 'ready') {
      setRows(first.data.attempts)
      setCursor(first.data.nextCursor)
      setPicked((p) => p.filter((id) => first.data.attempts.some((r) => r.id === id)))
    }
  }, [first])

  async function loadMore() {
    if (!cursor) return
    setMore({ busy: true, error: '' })
    try {
      const page = await state.api.attempts({ ...toFilters(applied), ...order, limit: PAGE, cursor })
      setRows((r) => [...r, ...page.attempts])
      setCursor(page.nextCursor)
      setMore({ busy: false, error: '' })
    } catch (e) {
      setMore({ busy: false, error: (e as Error).message })
    }
  }

  const filterError = first.state === 'error' && first.status === 400 ? first.message : ''
  // Range errors are shown next to their field; anything else in the box under the filters.
  const named = first.state === 'error' && first.status === 400 ? first.field : undefined
  const errorField = named && ['from', 'to', 'minScore', 'maxScore'].includes(named) ? named : undefined
  const fieldMsg = (name: string) =>
    errorField === name ? (
      <span class="field-error" role="alert">
        {filterError}
      </span>
    ) : null

  const promptOf = (r: AttemptSummary) => r.promptText ?? promptText.get(r.promptId) ?? r.promptId
  const sorted = serverSorted
    ? rows
    : [...rows].sort((a, b) => {
        const key = (r: AttemptSummary): string | number => {
          switch (sort.key) {
            case 'createdAt':
              return r.createdAt
            case 'prompt':
              return promptOf(r).toLowerCase()
            case 'rubricId':
              return r.rubricId
            case 'score':
              return r.score
            case 'band':
              return r.band.label
          }
        }
        const x = key(a)
        const y = key(b)
        return (x < y ? -1 : x > y ? 1 : b.id - a.id) * sort.dir
      })

  function header(key: SortKey, label: string) {
    const active = sort.key === key
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          class="sort"
          onClick={() =>
            setSort(
              active ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'createdAt' ? -1 : 1 },
            )
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    )
  }

  function toggle(id: number) {
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)))
  }

  const pickedRows = picked.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined)
  const samePrompt = pickedRows.length === 2 && pickedRows[0]!.promptId === pickedRows[1]!.promptId
  const set = (k: keyof FilterForm) => (e: Event) =>
    setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value })
  const exportFilters = toFilters(applied)
  const areas = state.rubrics.value.state === 'ready' ? state.rubrics.value.data : []

  return (
    <main id="main" tabIndex={-1} class="page history">
      <div class="page-head">
        <h1>History</h1>
        <div class="exports">
          <span class="muted">Export:</span>
          <a
            class="button secondary small"
            href={state.api.exportUrl('json', exportFilters)}
            download="starboard-attempts.json"
          >
            JSON
          </a>
          <a
            class="button secondary small"
            href={state.api.exportUrl('csv', exportFilters)}
            download="starboard-attempts.csv"
          >
            CSV
          </a>
          <a
            class="button secondary small"
            href={state.api.exportUrl('md', exportFilters)}
            download="starboard-attempts.md"
          >
            Markdown
          </a>
        </div>
      </div>

      <form
        class="filters"
        aria-label="Filter attempts"
        onSubmit={(e) => {
          e.preventDefault()
          setApplied(form)
        }}
      >
        <label>
          Area
          <select value={form.tag} onChange={set('tag')}>
            <AreaOptions areas={areas} />
          </select>
        </label>
        <label class="grow">
          Prompt
          <select value={form.promptId} onChange={set('promptId')}>
            <option value="">All prompts</option>
            {prompts.state === 'ready' &&
              prompts.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.text}
                </option>
              ))}
          </select>
        </label>
        <label class="half">
          From
          <input
            type="date"
            value={form.from}
            onInput={set('from')}
            aria-invalid={errorField === 'from' || undefined}
          />
          {fieldMsg('from')}
        </label>
        <label class="half">
          To
          <input
            type="date"
            value={form.to}
            onInput={set('to')}
            aria-invalid={errorField === 'to' || undefined}
          />
          {fieldMsg('to')}
        </label>
        <label class="narrow">
          Min score
          <input
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={form.minScore}
            onInput={set('minScore')}
            aria-invalid={errorField === 'minScore' || undefined}
          />
          {fieldMsg('minScore')}
        </label>
        <label class="narrow">
          Max score
          <input
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            value={form.maxScore}
            onInput={set('maxScore')}
            aria-invalid={errorField === 'maxScore' || undefined}
          />
          {fieldMsg('maxScore')}
        </label>
        <div class="filter-actions">
          <button type="submit" class="primary">
            Apply
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setForm(EMPTY)
              setApplied(EMPTY)
            }}
          >
            Clear
          </button>
        </div>
      </form>

      <div class="compare-bar" aria-live="polite">
        <span>
          {picked.length === 0
            ? 'Tick two attempts to compare them.'
            : picked.length === 1
              ? 'One attempt picked: tick one more.'
              : samePrompt
                ? 'Two attempts of the same prompt picked.'
                : 'Two attempts picked (of different prompts).'}
        </span>
        <button
          type="button"
          class="primary"
          data-testid="compare"
          disabled={picked.length !== 2}
          onClick={() => route(`/compare/${picked[0]}/${picked[1]}`)}
        >
          Compare
        </button>
      </div>

      {first.state === 'loading' && <Loading label="Loading attempts…" />}
      {first.state === 'error' && !errorField && (
        <ErrorBox message={first.message} status={first.status} onRetry={reload} />
      )}
      {first.state === 'ready' &&
        (rows.length === 0 ? (
          applied === EMPTY ? (
            <Empty title="No attempts yet.">
              <p>
                <a href="/practice">Practise a question</a>: every submitted answer is kept here.
              </p>
            </Empty>
          ) : (
            <Empty title="No attempt matches these filters." />
          )
        ) : (
          <>
            <div class="table-wrap">
              <table class="attempts">
                <caption class="sr-only">
                  Attempts, {sort.key === 'createdAt' ? 'newest first' : 'sorted'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span class="sr-only">Compare</span>
                    </th>
                    {header('createdAt', 'Date')}
                    {header('prompt', 'Prompt')}
                    {header('rubricId', 'Rubric')}
                    {header('score', 'Score')}
                    {header('band', 'Band')}
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((r) => (
                    <tr
                      key={r.id}
                      data-attempt-id={r.id}
                      class={picked.includes(r.id) ? 'picked' : undefined}
                    >
                      <td>
                        <input
                          type="checkbox"
                          checked={picked.includes(r.id)}
                          onChange={() => toggle(r.id)}
                          aria-label={`Pick attempt ${r.id} to compare`}
                        />
                      </td>
                      <td class="nowrap">
                        <a href={`/attempts/${r.id}`}>{dateTime(r.createdAt)}</a>
                        {r.durationMs && r.durationMs >= 1000 ? (
                          <span class="muted small"> · {clock(r.durationMs)}</span>
                        ) : null}
                      </td>
                      <td class="prompt-cell">
                        <a href={`/attempts/${r.id}`}>{promptOf(r)}</a>
                        <span class="excerpt">{r.excerpt}</span>
                      </td>
                      <td>{index.get(r.rubricId)?.title ?? r.rubricId}</td>
                      <td class="num">
                        <strong>{r.score}</strong>
                      </td>
                      <td>
                        <span class={`band-pill band-${r.band.id}`}>{r.band.label}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="pager">
              <span class="muted">
                {rows.length} shown{cursor ? ', more available' : ''}
                {serverSorted ? '' : ' · sorting applies to the attempts shown'}
              </span>
              {cursor && (
                <button type="button" class="secondary" onClick={loadMore} disabled={more.busy}>
                  {more.busy ? 'Loading…' : `Load ${PAGE} more`}
                </button>
              )}
              {more.error && (
                <span class="field-error" role="alert">
                  {more.error}
                </span>
              )}
            </div>
          </>
        ))}
    </main>
  )
}
