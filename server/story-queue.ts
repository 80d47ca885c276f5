// Fitting stories for requests without holding the event loop: one story is scored under every area rubric (about
// 28 rubrics of checks over one analysis), so a short story is fitted on this thread, one per turn of the event
// loop, and a longer one on a worker thread, as long answers are (see score-queue.ts).

import { type Rubric, type StoryFit, storyFit } from '../engine/index'
import type { StoryJob, StoryReply } from './story-worker'
import { RubricThread, TurnQueue } from './thread-jobs'

/** Stories longer than this (in UTF-16 units) are fitted on the worker thread: a few milliseconds of work here. */
const LONG_STORY = 1_000

const worker = new RubricThread<StoryReply, StoryFit[]>(
  new URL('./story-worker.ts', import.meta.url),
  'story worker',
  (m) => ('fit' in m ? m.fit : new Error(m.failed)),
)

const queue = new TurnQueue()

/**
 * The story's fit with every area rubric among `rubrics` (pass every rubric in service: the areas' parents tell
 * which criteria are their own), without holding the event loop.
 */
export function fitSoon(text: string, rubrics: readonly Rubric[]): Promise<StoryFit[]> {
  if (text.length > LONG_STORY) {
    return worker.run((id, ref): StoryJob => ({ id, text, rubrics: rubrics.map(ref) }))
  }
  return queue.push(() => storyFit(text, rubrics))
}
