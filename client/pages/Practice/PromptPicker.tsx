// The prompt list: filter by type and area, search (`/` focuses the search), or jump to the weakest area.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { AREA_KINDS } from '../../../engine/kinds'
import { AreaOptions } from '../../components/AreaOptions'
import { NextWeakest } from '../../components/NextWeakest'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { TagChips } from '../../components/TagChips'
import { useKeydown, useLoad, useTitle } from '../../hooks'
import { KIND_LABEL, KIND_ORDER, useAppState } from '../../state'

export function PromptPicker() {
  useTitle('Practice')
  const state = useAppState()
  const { query: params } = useLocation()
  const [tag, setTag] = useState(params.tag ?? '')
  const [kind, setKind] = useState('')
  const [q, setQ] = useState('')
  const [query, setQuery] = useState('')
  const search = useRef<HTMLInputElement>(null)
  // Search as the candidate types, but ask the server once they pause.
  useEffect(() => {
    const t = setTimeout(() => setQuery(q.trim()), 200)
    return () => clearTimeout(t)
  }, [q])
  useKeydown((e) => {
    if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') {
      e.preventDefault()
      search.current?.focus()
    }
  })
  const [prompts, reload] = useLoad(() => state.api.prompts({ tag, q: query }), [tag, query])
  const rubrics = state.rubrics.value
  const index = state.rubricIndex.value
  const areas = rubrics.state === 'ready' ? rubrics.data : []
  // The type filter keeps prompts that train at least one area of that type (tags are rubric ids).
  const shown =
    prompts.state !== 'ready'
      ? []
      : kind === ''
        ? prompts.data
        : prompts.data.filter((p) => p.tags.some((t) => index.get(t)?.kind === kind))

  return (
    <main id="main" tabIndex={-1} class="page">
      <div class="page-head">
        <h1>Practice</h1>
        <NextWeakest />
      </div>
      <p class="lede">
        Choose a question and answer it as you would out loud. Feedback appears while you type.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Find a prompt">
        <label>
          Type
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.currentTarget.value)
              setTag('')
            }}
          >
            <option value="">All types</option>
            {AREA_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Area
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <AreaOptions areas={areas} kinds={KIND_ORDER.filter((k) => kind === '' || k === kind)} />
          </select>
        </label>
        <label class="grow">
          {/* One line: in the label's column layout a bare <kbd> would become a row of its own. */}
          <span>
            Search <kbd>/</kbd>
          </span>
          <input
            ref={search}
            type="search"
            value={q}
            placeholder="e.g. conflict, deadline, customer"
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </label>
      </form>
      {rubrics.state === 'error' && <ErrorBox message={rubrics.message} status={rubrics.status} />}
      {prompts.state === 'loading' && <Loading label="Loading prompts…" />}
      {prompts.state === 'error' && (
        <ErrorBox message={prompts.message} status={prompts.status} onRetry={reload} />
      )}
      {prompts.state === 'ready' &&
        (shown.length === 0 ? (
          <Empty title="No prompt matches.">
            <p>Try another area or fewer words. Instructors add prompts in rubric files under rubrics/.</p>
          </Empty>
        ) : (
          <>
            <p class="muted small" aria-live="polite">
              {shown.length === 1 ? '1 prompt' : `${shown.length} prompts`}
            </p>
            <ul class="prompt-list">
              {shown.map((p) => (
                <li key={p.id}>
                  <a href={`/practice/${encodeURIComponent(p.id)}`} class="prompt-card">
                    <span class="prompt-card-text">{p.text}</span>
                    <TagChips tags={p.tags} />
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
    </main>
  )
}
