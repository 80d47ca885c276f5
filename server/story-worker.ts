// Worker thread: fits long stories to every area rubric off the main thread. Keeps the rubrics it was sent by key,
// so each crosses the thread boundary once, not with every story.

import { parentPort } from 'node:worker_threads'
import { type StoryFit, storyFit } from '../engine/index'
import { type RubricRef, rubricsByKey } from './thread-jobs'

export interface StoryJob {
  id: number
  text: string
  rubrics: RubricRef[]
}

export type StoryReply = { id: number; fit: StoryFit[] } | { id: number; failed: string }

const port = parentPort
if (port === null) throw new Error('story-worker.ts runs as a worker thread')

const known = rubricsByKey()

port.on('message', (job: StoryJob) => {
  try {
    port.postMessage({ id: job.id, fit: storyFit(job.text, job.rubrics.map(known)) } satisfies StoryReply)
  } catch (err) {
    port.postMessage({ id: job.id, failed: (err as Error).message ?? String(err) } satisfies StoryReply)
  }
})
