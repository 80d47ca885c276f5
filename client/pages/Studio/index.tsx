// The rubric studio: edit a rubric file (an existing one or a new one from a scaffold), see its problems at their
// lines as you type, score an answer with it and see what each criterion matched, run its examples, and save it
// into the rubrics folder when the server allows it, after seeing what changes.
import { useEffect, useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { DraftProblem, Studio } from '../../../contract/rubrics'
import { ErrorBox, Loading } from '../../components/Status'
import { useServerEvent } from '../../events'
import { useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { AnswerCheck } from './AnswerCheck'
import { ExamplesTable } from './ExamplesTable'
import { ProblemSummary, Problems } from './Problems'
import { SaveDialog } from './SaveDialog'
import { usePreview } from './usePreview'
import { goToLine, YamlEditor } from './YamlEditor'

const SCAFFOLD = ''

export function StudioPage() {
  useTitle('Rubric studio')
  const state = useAppState()
  const { query } = useLocation()
  const [studio, setStudio] = useState<Studio | undefined>()
  const [loadError, setLoadError] = useState('')
  const [source, setSource] = useState(query.rubric ?? SCAFFOLD)
  const [yaml, setYaml] = useState('')
  const [answer, setAnswer] = useState('')
  const [refresh, setRefresh] = useState(0)
  const [saving, setSaving] = useState<{ file: string; before: string } | undefined>()
  const [saveBusy, setSaveBusy] = useState(false)
  const [saveError, setSaveError] = useState('')
  const [saved, setSaved] = useState('')
  const textarea = useRef<HTMLTextAreaElement>(null)
  const result = usePreview(state.api, yaml, answer, refresh)
  const preview = result.preview
  const current = result.of?.yaml === yaml && !result.busy
  const problems = preview?.problems ?? []
  const errors = problems.filter((p) => p.severity === 'error')

  async function open(id: string) {
    setLoadError('')
    setSaved('')
    try {
      if (id === SCAFFOLD) {
        const s = studio ?? (await state.api.studio())
        setYaml(s.scaffold)
      } else setYaml((await state.api.rubricSource(id)).yaml)
    } catch (e) {
      setLoadError((e as Error).message)
    }
  }

  useEffect(() => {
    state.api.studio().then(
      (s) => {
        setStudio(s)
        if (source === SCAFFOLD) setYaml(s.scaffold)
      },
      (e: Error) => setLoadError(e.message),
    )
    if (source !== SCAFFOLD) void open(source)
  }, [])

  // The rubrics in service changed (a save, or a file edited elsewhere): check the draft against them again.
  useServerEvent('rubrics', () => {
    setRefresh((n) => n + 1)
    setSaved((s) => (s.endsWith('…') ? s.replace(/ It goes into service.*$/, ' It is in service now.') : s))
  })

  function pick(p: DraftProblem) {
    if (textarea.current) goToLine(textarea.current, p.line, p.column)
  }

  /** Selects the line where the draft names example `name`. */
  function pickExample(name: string) {
    const line = yaml.split('\n').findIndex((l) => {
      const m = /^\s*-\s*name:\s*(.*?)\s*$/.exec(l)
      return m !== null && m[1]!.replace(/^(['"])(.*)\1$/, '$2') === name
    })
    if (line >= 0 && textarea.current) goToLine(textarea.current, line + 1)
  }

  async function startSave() {
    const id = preview?.rubric?.id
    if (id === undefined) return
    setSaveError('')
    let before = ''
    if (state.rubricIndex.value.has(id)) {
      try {
        before = (await state.api.rubricSource(id)).yaml
      } catch {
        before = ''
      }
    }
    setSaving({ file: `${id}.yaml`, before })
  }

  async function save() {
    const id = preview?.rubric?.id
    if (id === undefined || saving === undefined) return
    setSaveBusy(true)
    setSaveError('')
    try {
      const r = await state.api.saveRubric(id, yaml)
      setSaving(undefined)
      setSaved(`Saved ${r.file}. It goes into service as soon as the server has read it…`)
    } catch (e) {
      setSaveError((e as Error).message)
    } finally {
      setSaveBusy(false)
    }
  }

  const rubrics = state.rubrics.value
  return (
    <main id="main" tabIndex={-1} class="page studio">
      <nav class="crumbs" aria-label="Rubrics">
        <a href="/rubrics">← Rubrics</a>
      </nav>
      <h1>Rubric studio</h1>
      <p class="lede">
        Edit a rubric file and see at once what the server would make of it: its problems at their lines, how
        an answer scores and what each criterion matched, and how its examples come out. Nothing is saved
        until you save it.
      </p>

      <form
        class="studio-source"
        onSubmit={(e) => {
          e.preventDefault()
          void open(source)
        }}
      >
        <label for="studio-source">Start from</label>
        <select id="studio-source" value={source} onChange={(e) => setSource(e.currentTarget.value)}>
          <option value={SCAFFOLD}>A new rubric (scaffold)</option>
          {/* A file with errors is opened by its id, though no rubric of that id is in service. */}
          {source !== SCAFFOLD && !state.rubricIndex.value.has(source) && (
            <option value={source}>{source}.yaml</option>
          )}
          {rubrics.state === 'ready' &&
            rubrics.data.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title} ({r.file})
              </option>
            ))}
        </select>
        <button type="submit" class="secondary">
          Open
        </button>
        <span class="hint">Opening replaces the draft below.</span>
      </form>
      {loadError && <ErrorBox message={loadError} />}

      <div class="studio-grid">
        <section class="studio-draft" aria-labelledby="draft-title">
          <h2 id="draft-title">Draft</h2>
          <label for="studio-yaml">Rubric file (YAML)</label>
          <ProblemSummary problems={problems} busy={result.busy} />
          {result.error && <ErrorBox message={result.error} />}
          <YamlEditor
            value={yaml}
            onInput={(text) => {
              setYaml(text)
              setSaved('')
            }}
            problems={current ? problems : (preview?.problems ?? [])}
            textarea={textarea}
            describedBy="studio-summary studio-yaml-hint"
          />
          <p id="studio-yaml-hint" class="hint">
            Checked against the rubrics in service as you type; a draft with the id of one of them stands in
            for it here only. Tab indents with two spaces; Esc, then Tab, leaves the field.
          </p>
          <Problems problems={problems} onPick={pick} />
          <SaveArea
            studio={studio}
            id={preview?.rubric?.id}
            canSave={current && errors.length === 0 && preview?.rubric !== undefined}
            saved={saved}
            onSave={startSave}
          />
        </section>

        <section class="studio-try" aria-labelledby="try-title">
          <h2 id="try-title">Try an answer</h2>
          <div class="field">
            <label for="studio-answer">Answer to score with the draft</label>
            <textarea
              id="studio-answer"
              data-testid="studio-answer"
              rows={8}
              value={answer}
              maxLength={20_000}
              placeholder="Paste or write an answer: the words each criterion matched are highlighted."
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
          </div>
          {preview?.report && result.of?.answer === answer ? (
            <AnswerCheck answer={answer} report={preview.report} evidence={preview.evidence} />
          ) : (
            <p class="muted">
              {answer.trim() === ''
                ? 'Write an answer to see its score and the matched words.'
                : errors.length > 0
                  ? 'Fix the errors in the draft to score the answer.'
                  : 'Scoring…'}
            </p>
          )}
        </section>
      </div>

      <section class="studio-examples" aria-labelledby="examples-title">
        <h2 id="examples-title">Examples</h2>
        {preview?.rubric ? (
          <ExamplesTable
            examples={preview.examples}
            criteria={preview.rubric.criteria}
            onPick={pickExample}
          />
        ) : yaml === '' && !loadError ? (
          <Loading label="Loading the draft…" />
        ) : (
          <p class="muted">The examples run once the draft has no errors.</p>
        )}
      </section>

      {saving && (
        <SaveDialog
          file={saving.file}
          before={saving.before}
          after={yaml}
          busy={saveBusy}
          error={saveError}
          onSave={save}
          onCancel={() => setSaving(undefined)}
        />
      )}
    </main>
  )
}

function SaveArea({
  studio,
  id,
  canSave,
  saved,
  onSave,
}: {
  studio: Studio | undefined
  id: string | undefined
  canSave: boolean
  saved: string
  onSave: () => void
}) {
  if (studio === undefined) return null
  if (!studio.write) {
    return (
      <p class="notice studio-write-off" data-testid="studio-write-off">
        {studio.writeHelp}
      </p>
    )
  }
  return (
    <div class="actions studio-save">
      <button type="button" class="primary" disabled={!canSave} onClick={onSave} data-testid="studio-save">
        {id === undefined ? 'Save' : `Save ${id}.yaml…`}
      </button>
      <span class="hint">You see the changes before anything is written.</span>
      {saved && (
        <p class="ok-line" role="status" data-testid="studio-saved">
          {saved}
        </p>
      )}
    </div>
  )
}
