// Rubrics: every loaded rubric with its prompts, criteria and bands, and the load errors instructors need to fix.
// Kept in step with the server: the list, the open rubrics and the problems refresh when the rubrics change.
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { RubricSummary } from '../../../contract/rubrics'
import type { Rubric, RubricError } from '../../../engine/types'
import { ModelAnswer } from '../../components/ModelAnswer'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { useServerEvent } from '../../events'
import { plural } from '../../format'
import { useLoad, useTitle } from '../../hooks'
import { KIND_LABEL, KIND_ORDER, useAppState } from '../../state'

export function RubricsPage() {
  useTitle('Rubrics')
  const state = useAppState()
  const rubrics = state.rubrics.value
  const [errors, reloadErrors] = useLoad(() => state.api.rubricErrors(), [])
  useServerEvent('rubrics', reloadErrors)
  return (
    <main id="main" tabIndex={-1} class="page rubrics">
      <h1>Rubrics</h1>
      <p class="lede">
        Every area an interviewer may probe: what it looks for, what is scored, and example answers at each
        level. Open an area to read them.
      </p>

      {rubrics.state === 'loading' && <Loading label="Loading rubrics…" />}
      {rubrics.state === 'error' && (
        <ErrorBox message={rubrics.message} status={rubrics.status} onRetry={() => state.loadRubrics()} />
      )}
      {rubrics.state === 'ready' &&
        (rubrics.data.length === 0 ? (
          <Empty title="No rubrics loaded.">
            <p>Add a YAML file to the rubrics folder; see rubrics/README.md for the format.</p>
          </Empty>
        ) : (
          KIND_ORDER.map((kind) => {
            const list = rubrics.data.filter((r) => r.kind === kind)
            return list.length === 0 ? null : (
              <section key={kind} aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>
                  {KIND_LABEL[kind]} <span class="muted">({list.length})</span>
                </h2>
                <ul class="rubric-list">
                  {list.map((r) => (
                    <RubricItem key={r.id} summary={r} />
                  ))}
                </ul>
              </section>
            )
          })
        ))}

      <section aria-labelledby="instructors-title" class="instructors">
        <div class="page-head">
          <h2 id="instructors-title">For instructors</h2>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              void state.loadRubrics()
              reloadErrors()
            }}
          >
            Reload
          </button>
        </div>
        <p>
          Rubrics are YAML files in the server’s <code>rubrics/</code> folder. Edits are picked up while the
          server runs; a broken file keeps its last good version in service and is listed below.
        </p>
        <p>
          <a href="/studio" class="studio-link">
            Open the rubric studio
          </a>{' '}
          to write a rubric or change one, and see its problems, matches and examples as you type.
        </p>
        <h3 id="errors-title">Load errors</h3>
        {errors.state === 'loading' && <Loading label="Checking rubric files…" />}
        {errors.state === 'error' && (
          <ErrorBox message={errors.message} status={errors.status} onRetry={reloadErrors} />
        )}
        {errors.state === 'ready' && <ProblemLists problems={errors.data} />}
      </section>
    </main>
  )
}

/** File errors, then warnings (examples that miss their expectations, tags naming no rubric): those still serve. */
function ProblemLists({ problems }: { problems: RubricError[] }) {
  const errors = problems.filter((e) => e.severity !== 'warning')
  const warnings = problems.filter((e) => e.severity === 'warning')
  return (
    <>
      {errors.length === 0 ? (
        <p class="ok-line">
          <span aria-hidden="true">✓</span> Every rubric file loaded without errors.
        </p>
      ) : (
        <ul class="rubric-errors" data-testid="rubric-errors">
          {errors.map((e, i) => (
            <ErrorLine key={i} error={e} />
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3 id="warnings-title">Example failures and warnings</h3>
          <p class="muted">These rubrics still serve; fix them so their examples say what they show.</p>
          <ul class="rubric-errors rubric-warnings" data-testid="rubric-warnings">
            {warnings.map((e, i) => (
              <ErrorLine key={i} error={e} />
            ))}
          </ul>
        </>
      )}
    </>
  )
}

function ErrorLine({ error }: { error: RubricError }) {
  // A rubric file (named after its rubric, as it should be) can be opened in the studio.
  const id = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/.exec(error.file)?.[1]
  return (
    <li>
      <code class="where">
        {error.file}:{error.line}:{error.column}
      </code>{' '}
      <span>{error.message}</span>
      {error.path && (
        <span class="muted">
          {' '}
          (at <code>{error.path}</code>)
        </span>
      )}{' '}
      <span class="muted small">{error.ruleId}</span>
      {id !== undefined && (
        <>
          {' '}
          <a href={`/studio?rubric=${encodeURIComponent(id)}`} class="small">
            Fix in the studio
          </a>
        </>
      )}
    </li>
  )
}

function RubricItem({ summary }: { summary: RubricSummary }) {
  const state = useAppState()
  const [open, setOpen] = useState(false)
  return (
    <li class="rubric-item">
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span class="rubric-title">{summary.title}</span>{' '}
          <span class="muted small">
            {plural(summary.prompts, 'question')} · {plural(summary.criteria, 'criterion', 'criteria')}
          </span>
          {summary.draft && <span class="tag">draft: not offered to candidates</span>}{' '}
          {summary.stale && <span class="tag warn">file has errors: last good version</span>}
        </summary>
        <p>{summary.summary}</p>
        {open && (
          <RubricDetail
            summary={summary}
            // A rubric changed since it was fetched is fetched again.
            load={() =>
              state
                .rubric(summary.id)
                .then((r) => (r.hash === summary.hash ? r : state.rubric(summary.id, true)))
            }
          />
        )}
      </details>
    </li>
  )
}

function RubricDetail({ summary, load }: { summary: RubricSummary; load: () => Promise<Rubric> }) {
  const [rubric, reload] = useLoad(load, [summary.id, summary.hash])
  if (rubric.state === 'loading') return <Loading />
  if (rubric.state === 'error')
    return <ErrorBox message={rubric.message} status={rubric.status} onRetry={reload} />
  const r = rubric.data
  const total = r.criteria.reduce((s, c) => s + c.weight, 0)
  const points = (weight: number) => (total ? Math.round((100 * weight) / total) : 0)
  return (
    <div class="rubric-detail">
      <h3>Example answers</h3>
      <ModelAnswer rubric={r} idPrefix={`examples-${r.id}`} />
      <h3>Questions</h3>
      {r.prompts.length === 0 ? (
        <p class="muted">No questions of its own.</p>
      ) : (
        <ul>
          {r.prompts.map((p) => (
            <li key={p.id}>
              <a href={`/practice/${encodeURIComponent(p.id)}`}>{p.text}</a>
            </li>
          ))}
        </ul>
      )}
      <h3>What is scored</h3>
      <CriteriaTable
        criteria={r.criteria}
        columns={['Criterion', 'Points']}
        row={(c) => [
          <>
            {c.label}
            {c.description && <span class="muted small block">{c.description}</span>}
          </>,
          points(c.weight),
        ]}
      />
      <h3>Bands</h3>
      <ul class="bands">
        {[...r.bands]
          .sort((a, b) => b.min - a.min)
          .map((b) => (
            <li key={b.id}>
              <span class={`band-pill band-${b.id}`}>{b.label}</span> from {b.min}
            </li>
          ))}
      </ul>
      <details class="instructor-detail">
        <summary>For instructors: file and checks</summary>
        <p class="meta">
          Id <code>{summary.id}</code> · file <code>{summary.file}</code> · version{' '}
          <code title={summary.hash}>{summary.hash.slice(0, 10)}</code>
          {summary.extends.length > 0 && (
            <>
              {' '}
              · extends <code>{summary.extends.join(' → ')}</code>
            </>
          )}
        </p>
        <CriteriaTable
          criteria={r.criteria}
          columns={['Criterion id', 'Check', 'Weight']}
          row={(c) => [<code key="id">{c.id}</code>, <code key="check">{c.check}</code>, c.weight]}
        />
        <p>
          <a href={`/studio?rubric=${encodeURIComponent(summary.id)}`}>Edit {summary.file} in the studio</a>
        </p>
      </details>
    </div>
  )
}

/**
 * The criteria as a table: the first cell of each row heads it; cells that are numbers are right-aligned.
 * Candidates see labels and points, instructors ids, checks and weights.
 */
function CriteriaTable({
  criteria,
  columns,
  row,
}: {
  criteria: Rubric['criteria']
  columns: string[]
  row: (c: Rubric['criteria'][number]) => ComponentChildren[]
}) {
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const [head, ...cells] = row(c)
            return (
              <tr key={c.id}>
                <th scope="row">{head}</th>
                {cells.map((cell, i) => (
                  <td key={i} class={typeof cell === 'number' ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
