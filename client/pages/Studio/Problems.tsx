// The draft's problems, errors first, each with its line and column; choosing one selects that line.
import type { DraftProblem } from '../../../contract/rubrics'
import { plural } from '../../format'

export function ProblemSummary({ problems, busy }: { problems: readonly DraftProblem[]; busy: boolean }) {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  return (
    <p
      id="studio-summary"
      class="studio-summary"
      role="status"
      aria-live="polite"
      data-testid="studio-summary"
    >
      {busy ? (
        'Checking…'
      ) : problems.length === 0 ? (
        <>
          <span aria-hidden="true">✓</span> No problems: the draft would load.
        </>
      ) : (
        [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
          .filter(Boolean)
          .join(', ')
      )}
    </p>
  )
}

export function Problems({
  problems,
  onPick,
}: {
  problems: readonly DraftProblem[]
  onPick: (p: DraftProblem) => void
}) {
  if (problems.length === 0) return null
  return (
    <ul class="studio-problems" data-testid="studio-problems">
      {problems.map((p, i) => (
        <li key={`${p.line}:${p.column}:${i}`} class={`problem-${p.severity}`}>
          <button type="button" class="link" onClick={() => onPick(p)}>
            <span class="where">
              line {p.line}:{p.column}
            </span>
          </button>{' '}
          <span class={`sev sev-${p.severity}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
          <span class="problem-message">{p.message}</span> <span class="muted small">{p.ruleId}</span>
        </li>
      ))}
    </ul>
  )
}
