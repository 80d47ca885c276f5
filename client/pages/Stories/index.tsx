// The story bank: write a story once, see how it fits every Leadership Principle (and competency and theme), plan two
// stories per principle, keep versions, and practise a prompt with a story.

import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { AreaKind } from '../../../engine/kinds'
import { Empty, ErrorBox, Loading } from '../../components/Status'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { Matrix } from './Matrix'
import { Plan } from './Plan'
import { StoryDetail } from './StoryDetail'
import { StoryForm } from './StoryForm'
import './stories.css'

export function StoriesPage({ id }: { id?: string }) {
  const state = useAppState()
  const { route } = useLocation()
  const [version, setVersion] = useState(0)
  const [stories, reloadStories] = useLoad(() => state.api.stories(), [version])
  const [plan] = useLoad(() => state.api.storyPlan(), [version])
  const [kind, setKind] = useState<AreaKind>('leadership-principle')
  const changed = () => setVersion((v) => v + 1)
  const index = state.rubricIndex.value
  const titleOf = (rubricId: string) => index.get(rubricId)?.title ?? rubricId
  useTitle('Stories')

  return (
    <main id="main" tabIndex={-1} class="page stories">
      <h1>Stories</h1>
      <p class="lede">
        Name a story and write it once. Starboard scores it against every Leadership Principle, competency and
        theme, so you can see which questions it answers, and plans two distinct stories for each principle.
      </p>

      <div class="stories-grid">
        <section class="card" aria-labelledby="new-story-heading">
          <h2 id="new-story-heading">Write a story</h2>
          <StoryForm
            idPrefix="new-story"
            submitLabel="Save story"
            onSubmit={async (body) => {
              const created = await state.api.createStory(body)
              changed()
              route(`/stories/${created.id}`)
            }}
          />
        </section>
        {id !== undefined && <StoryDetail key={id} id={id} titleOf={titleOf} onChanged={changed} />}
      </div>

      {stories.state === 'loading' && <Loading label="Loading your stories…" />}
      {stories.state === 'error' && (
        <ErrorBox message={stories.message} status={stories.status} onRetry={reloadStories} />
      )}
      {stories.state === 'ready' &&
        (stories.data.length === 0 ? (
          <Empty title="No stories yet.">
            <p>Write your first story above: a real project, told Situation to Result.</p>
          </Empty>
        ) : (
          <Matrix
            stories={stories.data}
            kind={kind}
            onKind={setKind}
            titleOf={titleOf}
            selected={id === undefined ? undefined : Number(id)}
          />
        ))}

      {plan.state === 'ready' && <Plan plan={plan.data} titleOf={titleOf} />}
      {plan.state === 'error' && <ErrorBox message={plan.message} status={plan.status} />}
    </main>
  )
}
