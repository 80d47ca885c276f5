// On Practice, when the draft came from a story (?story=ID): which story, or that it was deleted since.

import { useLoad } from '../../hooks'
import { useAppState } from '../../state'

export function StoryDraftNote({ storyId }: { storyId: string }) {
  const state = useAppState()
  const [story] = useLoad(() => state.api.story(storyId), [storyId])
  if (story.state === 'loading') return null
  if (story.state === 'error') {
    const gone = story.status === 410 || story.status === 404
    return (
      <p class="notice story-note" role="alert" data-testid="story-note">
        {gone ? (
          <>
            {story.status === 410 ? story.message.replace(/\.?$/, '.') : `There is no story ${storyId}.`} The
            draft below is whatever you last wrote for this question; <a href="/stories">pick a story</a> to
            start from.
          </>
        ) : (
          `The story this draft came from could not be loaded: ${story.message}`
        )}
      </p>
    )
  }
  return (
    <p class="hint story-note" data-testid="story-note">
      Your draft starts from the story <a href={`/stories/${story.data.id}`}>{story.data.title}</a> (version{' '}
      {story.data.version}): shape it to this question.
    </p>
  )
}
