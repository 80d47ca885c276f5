// One story: its text, a new version, every version with how well it fitted, practising a prompt with it, deleting.

import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { Story, StoryFitBody } from '../../../contract/stories'
import { ErrorBox, Loading } from '../../components/Status'
import { dateTime, percent, plural } from '../../format'
import { useLoad } from '../../hooks'
import { useAppState } from '../../state'
import { practiceChoices, practiseWithStory } from './fit-view'
import { StoryForm } from './StoryForm'

/** Areas the story fits best, for the practice choices: the top three, at least one. */
const PRACTICE_AREAS = 3

function bestFits(fit: readonly StoryFitBody[], titleOf: (id: string) => string, n = 3): string {
  return fit
    .slice(0, n)
    .map((f) => `${titleOf(f.rubricId)} ${percent(f.share)}`)
    .join(', ')
}

function Practise({ story, titleOf }: { story: Story; titleOf(id: string): string }) {
  const state = useAppState()
  const { route } = useLocation()
  const [prompts] = useLoad(() => state.allPrompts(), [])
  const areas = story.fit.slice(0, PRACTICE_AREAS).map((f) => f.rubricId)
  const choices = prompts.state === 'ready' ? practiceChoices(areas, prompts.data) : []
  const first = choices.find((c) => c.prompts.length > 0)?.prompts[0]?.id ?? ''
  const [promptId, setPromptId] = useState('')
  const chosen = promptId || first
  if (prompts.state === 'loading') return <Loading label="Loading the prompts…" />
  if (prompts.state === 'error') return <ErrorBox message={prompts.message} status={prompts.status} />
  return (
    <form
      class="filters story-practise"
      aria-label="Practise with this story"
      onSubmit={(e) => {
        e.preventDefault()
        if (chosen) route(practiseWithStory(state.storage, chosen, story))
      }}
    >
      <label>
        Prompt
        <select
          data-testid="story-prompt"
          value={chosen}
          onChange={(e) => setPromptId(e.currentTarget.value)}
        >
          {choices.map((c) =>
            c.prompts.length === 0 ? null : (
              <optgroup key={c.area} label={titleOf(c.area)}>
                {c.prompts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.text}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </label>
      <button type="submit" class="primary" data-testid="story-practise" disabled={!chosen}>
        Practise this prompt with this story
      </button>
      <p class="hint">The story becomes your draft answer for that prompt, replacing any draft it had.</p>
    </form>
  )
}

export function StoryDetail({
  id,
  titleOf,
  onChanged,
}: {
  id: string
  titleOf(id: string): string
  /** After an edit or a delete: the list, matrix and plan are loaded again. */
  onChanged(): void
}) {
  const state = useAppState()
  const { route } = useLocation()
  const [story, reload] = useLoad(() => state.api.story(id), [id])
  const [confirming, setConfirming] = useState(false)
  const [saved, setSaved] = useState('')
  const [deleteError, setDeleteError] = useState('')

  if (story.state === 'loading') return <Loading label="Loading the story…" />
  if (story.state === 'error')
    return (
      <section class="card" aria-labelledby="story-heading" data-testid="story-missing">
        <h2 id="story-heading">{story.status === 410 ? 'Story deleted' : 'Story not found'}</h2>
        <ErrorBox
          title={
            story.status === 410
              ? 'This story was deleted.'
              : story.status === 404
                ? 'No such story.'
                : undefined
          }
          message={story.message}
          status={story.status}
          onRetry={story.status === 404 || story.status === 410 ? undefined : reload}
        />
      </section>
    )
  const s = story.data
  return (
    <section class="card story-detail" aria-labelledby="story-heading" data-testid="story-detail">
      <h2 id="story-heading">{s.title}</h2>
      <p class="meta">
        Version {s.version}, written {dateTime(s.updatedAt)}. Fits best: {bestFits(s.fit, titleOf)}.
      </p>
      <blockquote class="story-text">{s.text}</blockquote>

      <h3>Practise it</h3>
      <Practise story={s} titleOf={titleOf} />

      <h3>Versions</h3>
      <ol class="story-versions" data-testid="story-versions">
        {s.versions.map((v) => {
          const fitting = v.fit.filter((f) => f.kind === 'leadership-principle' && f.share >= 0.5).length
          return (
            <li key={v.version}>
              <details>
                <summary>
                  Version {v.version} · {dateTime(v.createdAt)} · {v.title}: fits{' '}
                  {plural(fitting, 'principle')} at half or more; best {bestFits(v.fit, titleOf, 2)}
                </summary>
                <blockquote class="story-text">{v.text}</blockquote>
              </details>
            </li>
          )
        })}
      </ol>

      <h3>Write a new version</h3>
      {saved && (
        <p class="ok-line" role="status">
          {saved}
        </p>
      )}
      <StoryForm
        key={s.version}
        idPrefix="edit-story"
        initial={{ title: s.title, text: s.text }}
        submitLabel="Save as a new version"
        onSubmit={async (body) => {
          const r = await state.api.updateStory(s.id, body)
          setSaved(
            r.unchanged ? 'Nothing changed, so no version was added.' : `Saved as version ${r.version}.`,
          )
          reload()
          onChanged()
        }}
      />

      <div class="actions">
        {confirming ? (
          <span class="confirm">
            Delete "{s.title}" and all {plural(s.versions.length, 'version')}?
            <button
              type="button"
              class="danger"
              data-testid="story-delete-confirm"
              onClick={async () => {
                try {
                  await state.api.deleteStory(s.id)
                  onChanged()
                  route('/stories')
                } catch (e) {
                  setDeleteError((e as Error).message)
                }
              }}
            >
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button
            type="button"
            class="danger-outline"
            data-testid="story-delete"
            onClick={() => setConfirming(true)}
          >
            Delete story
          </button>
        )}
        {deleteError && (
          <p class="field-error" role="alert">
            {deleteError}
          </p>
        )}
      </div>
    </section>
  )
}
