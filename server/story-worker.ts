// Worker thread: fits long stories to every area rubric off the main thread. Keeps the rubrics it was sent by key,
// so each crosses the thread boundary once, not with every story.

import { parentPort } from 'node:worker_threads'
import { type Rubric, type StoryFit, storyFit } from '../engine/index'

/** A rubric by key (id, hash and file); the rubric itself only when the worker has not seen the key yet. */
export interface StoryRubricRef {
  key: string
  rubric?: Rubric
}

export interface StoryJob {
  id: number
  text: string
  rubrics: StoryRubricRef[]
}

export type StoryReply = { id: number; fit: StoryFit[] } | { id: number; failed: string }

const port = parentPort
if (port === null) throw new Error('story-worker.ts runs as a worker thread')

const known = new Map<string, Rubric>()

port.on('message', (job: StoryJob) => {
  try {
    const rubrics = job.rubrics.map((ref) => {
      if (ref.rubric !== undefined) known.set(ref.key, ref.rubric)
      const rubric = known.get(ref.key)
      if (rubric === undefined) throw new Error(`Rubric ${ref.key} was never sent`)
      return rubric
    })
    port.postMessage({ id: job.id, fit: storyFit(job.text, rubrics) } satisfies StoryReply)
  } catch (err) {
    port.postMessage({ id: job.id, failed: (err as Error).message ?? String(err) } satisfies StoryReply)
  }
})
