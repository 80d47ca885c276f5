// A rubric's example answers as models: the strong one first, developing and weak one click away, each scored
// in the browser by the same engine, highlighted by STAR section, with the criteria it meets.
import { useMemo, useState } from 'preact/hooks'
import { score } from '../../engine/score'
import type { Example, Rubric } from '../../engine/types'
import { shownStatus } from '../format'
import { Highlighted } from './Highlighted'

export type ExampleLevel = 'strong' | 'developing' | 'weak'
const LEVELS: readonly ExampleLevel[] = ['strong', 'developing', 'weak']
const LEVEL_LABEL: Record<ExampleLevel, string> = { strong: 'Strong', developing: 'Developing', weak: 'Weak' }

/** An example's level: the band it expects, else the first word of its name ("strong story about…"). */
function exampleLevel(example: Example): ExampleLevel | undefined {
  const band = example.expect.band
  if (band && (LEVELS as readonly string[]).includes(band)) return band as ExampleLevel
  const first = example.name.split(/\s+/)[0]?.toLowerCase()
  return (LEVELS as readonly string[]).includes(first ?? '') ? (first as ExampleLevel) : undefined
}

/** One example per level, preferring the one written for `promptId`. */
function examplesByLevel(examples: readonly Example[], promptId?: string) {
  const out = new Map<ExampleLevel, Example>()
  for (const level of LEVELS) {
    const all = examples.filter((e) => exampleLevel(e) === level)
    const pick = all.find((e) => promptId !== undefined && e.promptId === promptId) ?? all[0]
    if (pick) out.set(level, pick)
  }
  return out
}

export function ModelAnswer({
  rubric,
  promptId,
  idPrefix,
}: {
  rubric: Rubric
  promptId?: string
  /** Distinguishes the element ids of several model answers on one page. */
  idPrefix: string
}) {
  const byLevel = useMemo(() => examplesByLevel(rubric.examples, promptId), [rubric, promptId])
  const levels = LEVELS.filter((l) => byLevel.has(l))
  const [level, setLevel] = useState<ExampleLevel>(levels[0] ?? 'strong')
  const example = byLevel.get(level)
  const report = useMemo(() => (example ? score(example.answer, rubric) : null), [example, rubric])
  if (!example || !report) return <p class="muted">This rubric has no example answers yet.</p>
  const met = report.criteria.filter((c) => shownStatus(c.status, c.score, c.max) === 'met')
  return (
    <div class="model-answer" data-testid="model-answer" data-level={level}>
      <fieldset class="segmented-buttons">
        <legend class="sr-only">Example level</legend>
        {levels.map((l) => (
          <button
            key={l}
            type="button"
            class={l === level ? 'primary small' : 'secondary small'}
            aria-pressed={l === level}
            onClick={() => setLevel(l)}
          >
            {LEVEL_LABEL[l]}
          </button>
        ))}
      </fieldset>
      <p class="model-meta">
        <span class={`band-pill band-${report.band.id}`}>{report.band.label}</span>{' '}
        <strong data-testid="model-score">{report.score}</strong>/100 · {example.name}
      </p>
      <Highlighted answer={example.answer} sentences={report.sentences} />
      <p class="subhead" id={`${idPrefix}-met`}>
        Criteria it meets
      </p>
      {met.length === 0 ? (
        <p class="muted">None in full: see what it lacks.</p>
      ) : (
        <ul class="met-list" aria-labelledby={`${idPrefix}-met`}>
          {met.map((c) => (
            <li key={c.id}>
              <span aria-hidden="true">✓</span> {c.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
