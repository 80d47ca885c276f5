// The prompt list: filter by type and area, search (`/` focuses the search), or jump to the weakest area.
// A new candidate sees a short "Start here" set above the full list.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { ServedPrompt } from '../../../contract/rubrics'
import { AREA_KINDS, STARTING_AREAS } from '../../../engine/kinds'
import { AreaOptions } from '../../components/AreaOptions'
import { NextWeakest } from '../../components/NextWeakest'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { TagChips } from '../../components/TagChips'
import { useServerEvent } from '../../events'
import { useKeydown, useLoad, useTitle } from '../../hooks'
import { KIND_LABEL, KIND_ORDER, offeredAreas, useAppState } from '../../state'

/**
 * The "Start here" set: the first prompt of the general STAR rubric and of the four Leadership Principles most
 * asked in interviews (the head of STARTING_AREAS), in that order; rubrics not in service are skipped.
 */
const STARTER_RUBRICS = ['star-core', ...STARTING_AREAS.slice(0, 4)]
/** The set is offered until the candidate has stored this many attempts. */
const STARTER_UNTIL = 3

/** The first prompt of each starter rubric, from the full prompt list. */
function starterPrompts(prompts: readonly ServedPrompt[]): ServedPrompt[] {
  return STARTER_RUBRICS.flatMap((id) => prompts.find((p) => p.rubricId === id) ?? [])
}

function PromptCard({ prompt }: { prompt: ServedPrompt }) {
  return (
    <a href={`/practice/${encodeURIComponent(prompt.id)}`} class="prompt-card">
      <span class="prompt-card-text">{prompt.text}</span>
      <TagChips tags={prompt.tags} />
    </a>
  )
}

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
  // Prompts added, changed or removed in the rubric files show up without a reload.
  useServerEvent('rubrics', reload)
  // Only whether there are a few attempts yet: the first STARTER_UNTIL of them are enough to tell.
  const [recent] = useLoad(() => state.api.attempts({ limit: STARTER_UNTIL }), [])
  const rubrics = state.rubrics.value
  const index = state.rubricIndex.value
  const areas = rubrics.state === 'ready' ? offeredAreas(rubrics.data) : []
  // The type filter keeps prompts that train at least one area of that type (tags are rubric ids).
  const shown =
    prompts.state !== 'ready'
      ? []
      : kind === ''
        ? prompts.data
        : prompts.data.filter((p) => p.tags.some((t) => index.get(t)?.kind === kind))
  // A new candidate looking at the whole list (no filter, no search) gets a short set to start with.
  const starters =
    prompts.state === 'ready' &&
    recent.state === 'ready' &&
    recent.data.attempts.length < STARTER_UNTIL &&
    tag === '' &&
    kind === '' &&
    query === ''
      ? starterPrompts(prompts.data)
      : []

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
            {starters.length > 0 && (
              <section class="start-here" aria-labelledby="start-here-title" data-testid="start-here">
                <h2 id="start-here-title">Start here</h2>
                <p class="muted small">
                  New to this? Begin with a general question, then the Leadership Principles interviewers ask
                  about most.
                </p>
                <ul class="prompt-list">
                  {starters.map((p) => (
                    <li key={p.id}>
                      <PromptCard prompt={p} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {starters.length > 0 && <h2>All prompts</h2>}
            <p class="muted small" aria-live="polite">
              {shown.length === 1 ? '1 prompt' : `${shown.length} prompts`}
            </p>
            <ul class="prompt-list" data-testid="all-prompts">
              {shown.map((p) => (
                <li key={p.id}>
                  <PromptCard prompt={p} />
                </li>
              ))}
            </ul>
          </>
        ))}
    </main>
  )
}
