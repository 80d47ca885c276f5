// Worker thread: compiles a rubrics folder off the main thread, so parsing a large file never holds up requests.
// Keeps each file's parse until its text changes. Says which file it is parsing, so a file that takes too long
// can be named and left out.

import { parentPort } from 'node:worker_threads'
import { type ParsedRubricFile, parseRubricFile, type Rubric, type RubricSource } from '../engine/index'
import type { RubricFolder } from './rubric-files'
import { compileFolder } from './rubric-set'

export interface WorkerJob {
  read: RubricFolder
  previous: Rubric[]
}

export type WorkerMessage =
  | { ready: true }
  | { parsing: string }
  | { result: ReturnType<typeof compileFolder> }
  | { failed: string }

const port = parentPort
if (port === null) throw new Error('rubric-worker.ts runs as a worker thread')

const kept = new Map<string, { text: string; parsed: ParsedRubricFile }>()
const post = (message: WorkerMessage) => port.postMessage(message)

const parse = (source: RubricSource): ParsedRubricFile => {
  const k = kept.get(source.file)
  if (k?.text === source.text) return k.parsed
  post({ parsing: source.file })
  const parsed = parseRubricFile(source)
  kept.set(source.file, { text: source.text, parsed })
  return parsed
}

port.on('message', (job: WorkerJob) => {
  try {
    post({ result: compileFolder(job.read, job.previous, parse) })
    if (job.read.listed) {
      const present = new Set(job.read.files)
      for (const file of kept.keys()) if (!present.has(file)) kept.delete(file)
    }
  } catch (err) {
    post({ failed: err instanceof Error ? err.message : String(err) })
  }
})
post({ ready: true })
