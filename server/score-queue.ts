// Scoring for requests, never holding the event loop for long. Scoring is synchronous: a short answer is scored
// on this thread, one per turn of the event loop (so many at once never add up into one long block); a long
// answer, which can take tens of milliseconds, is scored on a worker thread. Under load, when short answers are
// already waiting here, the worker takes its share of them too, so the two threads score side by side.

import type { AreaScore, StorableReport } from '../db/index'
import {
  analyzeFollowUps,
  followUpTexts,
  type Rubric,
  type ScoreReport,
  scoreFollowUpAnalysis,
} from '../engine/index'
import { areaScoresOf } from './area-scoring'
import type { ScoreJob, ScoreReply } from './score-worker'
import { RubricThread, TurnQueue } from './thread-jobs'

/** Answers longer than this (in UTF-16 units) are scored on the worker thread. */
const LONG_ANSWER = 4_000

/** A report as JSON (to store or to send without serializing it again), and as an object when asked for. */
export interface Scored {
  json: string
  report(): ScoreReport
  /** What the database indexes of the report: enough to store it (with `json`) without parsing `json`. */
  stored: StorableReport
  /** The answer's score under the rubric of each area among the tags asked for. */
  areaScores: AreaScore[]
}

function scored(json: string, stored: StorableReport, areaScores: AreaScore[], report?: ScoreReport): Scored {
  let parsed = report
  return { json, stored, areaScores, report: () => (parsed ??= JSON.parse(json) as ScoreReport) }
}

/** The prompt's tags, and where their rubrics are found, for per-area scores. */
export interface Areas {
  tags: readonly string[]
  rubricFor(id: string): Rubric | undefined
}

const NO_AREAS: Areas = { tags: [], rubricFor: () => undefined }

const worker = new RubricThread<ScoreReply, Scored>(
  new URL('./score-worker.ts', import.meta.url),
  'scoring worker',
  (m) => ('json' in m ? scored(m.json, m.stored, m.areaScores) : new Error(m.failed)),
)

/**
 * Follow-up answers to an attempt's probes, scored with the answer (see scoreFollowUpAnalysis), each with the
 * criterion its probe belongs to: an answer to a question about the scene is read with the answer's Situation.
 */
type FollowUpTexts = readonly { answer: string; criterionId: string }[]

/** Scores the answer on the worker thread, with its per-area scores from the same analysis. */
function scoreOnWorker(
  answer: string,
  rubric: Rubric,
  areas: Areas,
  followUps: FollowUpTexts,
): Promise<Scored> {
  const areaRubrics = [...new Set(areas.tags)]
    .map((tag) => areas.rubricFor(tag))
    .filter((r): r is Rubric => r !== undefined)
  return worker.run(
    (id, ref): ScoreJob => ({
      id,
      answer,
      followUps: followUpTexts(followUps, rubric.criteria),
      rubric: ref(rubric),
      tags: [...areas.tags],
      areas: areaRubrics.map(ref),
    }),
  )
}

const queue = new TurnQueue()

/** Scores the answer on this thread, with its per-area scores from the same analysis. */
function scoreHere(answer: string, rubric: Rubric, areas: Areas, followUps: FollowUpTexts): Scored {
  const analysis = analyzeFollowUps(answer, followUpTexts(followUps, rubric.criteria))
  const report = scoreFollowUpAnalysis(analysis, rubric)
  const areaScores = areaScoresOf(
    (r) => scoreFollowUpAnalysis(analysis, r),
    report,
    areas.tags,
    areas.rubricFor,
  )
  return scored(JSON.stringify(report), report, areaScores, report)
}

/**
 * A short answer goes to the worker as well when answers are already waiting on this thread and the worker has
 * no more waiting than this thread: under load both threads score (and this one keeps its time for reading
 * requests and writing), while a lone request is still scored here without crossing to another thread.
 */
function shareWithWorker(): boolean {
  return queue.length > 0 && worker.waiting <= queue.length
}

/**
 * Scores `answer` with `rubric` without holding the event loop: short ones in a later turn, long ones on a worker,
 * and short ones shared with the worker while others wait. Either thread gives the same report. With follow-ups,
 * the answer and its follow-ups are scored together, and a follow-up only adds (scoreFollowUpAnalysis); the
 * per-area scores are scored the same way.
 */
export function scoreSoon(
  answer: string,
  rubric: Rubric,
  areas: Areas = NO_AREAS,
  followUps: FollowUpTexts = [],
): Promise<Scored> {
  const length = followUps.reduce((n, f) => n + f.answer.length, answer.length)
  if (length > LONG_ANSWER || shareWithWorker()) return scoreOnWorker(answer, rubric, areas, followUps)
  return queue.push(() => scoreHere(answer, rubric, areas, followUps))
}
