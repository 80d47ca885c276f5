// Labels each sentence situation / task / action / result / other: cue scores, then the best near-monotone S→T→A→R path.

import type { AnalyzedSentence } from './analyze'
import type { Star } from './types'

const LABELS: readonly Star[] = ['situation', 'task', 'action', 'result', 'other']
/** Story order of each label in `LABELS` order; "other" has none. */
const ORDER_OF: readonly number[] = [0, 1, 2, 3, -1]

/** Cost of stepping back in the story (e.g. Result → Action); forward steps are free. */
const BACK_COST = 0.9
/** Cost of a step back of more than one section (Result → Situation). */
const FAR_BACK_COST = 1.4

const INDEX: Record<Star, number> = { situation: 0, task: 1, action: 2, result: 3, other: 4 }
const HEADING_CUE: Record<Star, string> = {
  situation: 'heading:situation',
  task: 'heading:task',
  action: 'heading:action',
  result: 'heading:result',
  other: 'heading:other',
}

/**
 * Where `emit` writes: five scores per sentence (in `LABELS` order) at `at`, and, when `cueLabel` is set, the
 * cues that raised that label. Scores of every sentence come first; cues only for the label finally chosen,
 * so that labelling allocates almost nothing per sentence.
 */
interface Sink {
  scores: Float64Array
  at: number
  cueLabel: number
  cues: string[]
}

function add(sink: Sink, label: Star, weight: number, cue: string): void {
  const l = INDEX[label]
  const at = sink.at + l
  sink.scores[at] = sink.scores[at]! + weight
  if (weight > 0 && l === sink.cueLabel) sink.cues.push(cue)
}

function emit(s: AnalyzedSentence, index: number, count: number, heading: Star | undefined, e: Sink): void {
  const f = s.features
  const at = e.at
  e.scores[at] = 0
  e.scores[at + 1] = 0
  e.scores[at + 2] = 0
  e.scores[at + 3] = 0
  e.scores[at + 4] = 0.3
  const rel = count <= 1 ? 0 : index / (count - 1)

  if (s.headingOnly && s.heading !== undefined) {
    add(e, s.heading, 10, HEADING_CUE[s.heading])
    return
  }
  if (heading !== undefined) add(e, heading, 4, HEADING_CUE[heading])

  if (f.hypothetical) add(e, 'other', 3.5, 'hypothetical')
  if (f.generic) add(e, 'other', f.iDid || f.weDid || f.metrics.length > 0 ? 0.8 : 2.2, 'generic-claim')
  if (f.meta) add(e, 'other', 2.4, 'meta')
  if (f.list || f.fragment) add(e, 'other', 1.2, f.list ? 'bare-list' : 'fragment')

  if (f.present && !f.reflection && !f.change && !f.task) add(e, 'other', 1.4, 'present-tense-claim')
  if (f.secondPerson && !f.iDid && !f.weDid) add(e, 'other', 1.0, 'addresses-listener')
  if (f.interjection) add(e, 'other', 0.6, 'interjection')

  if (f.situation) add(e, 'situation', 1.3, 'context-phrase')
  if (f.situationWeak) add(e, 'situation', 0.6, 'context-phrase')
  if (f.timeMarker) add(e, 'situation', 0.9, 'time-marker')
  if (f.statePast) add(e, 'situation', 1.0, 'state-past')
  if (!f.iDid && !f.weDid && f.past && !f.outcome && !f.present) add(e, 'situation', 0.7, 'past-description')

  if (f.task) add(e, 'task', 2.8, 'responsibility-phrase')
  else if (f.taskWeak && !f.outcome) add(e, 'task', 1.2, 'constraint')

  if (f.iDid) add(e, 'action', 2.1, 'first-person-past')
  if (f.weDid) add(e, 'action', 1.8, 'we-past')

  if (f.metrics.length > 0) {
    add(e, 'result', 0.7 + Math.min(0.8, 0.4 * (f.metrics.length - 1)), 'metric')
    // A measured change ("fell from 20% to 1.4%") is the signature of a Result.
    if (f.outcome) add(e, 'result', 0.8, 'measured-outcome')
  }
  if (f.outcome) add(e, 'result', 1.4, 'outcome')
  if (f.vagueOutcome && f.outcome) add(e, 'result', 0.4, 'vague-outcome')
  if (f.reflection) add(e, 'result', 2.2, 'reflection')
  else if (f.change) add(e, 'result', rel > 0.6 ? 1.6 : 0.6, 'lasting-change')

  // Position in the answer: stories open with context and close with outcomes.
  if (rel < 0.2) add(e, 'situation', 0.9 * (1 - rel / 0.2), 'opening')
  if (rel > 0.75) add(e, 'result', 0.9 * ((rel - 0.75) / 0.25), 'closing')
  if (index === 0 && count > 2) add(e, 'action', -0.6, 'opening')
}

/**
 * Chooses labels by dynamic programming over (label, furthest section reached), so that "other"
 * sentences do not reset the story's progress. Writes `star` and `cues` on each sentence.
 */
export function labelSentences(sentences: AnalyzedSentence[]): void {
  const n = sentences.length
  if (n === 0) return
  let heading: Star | undefined
  // The heading each sentence falls under, to emit its cues again once its label is known.
  const headings: (Star | undefined)[] = new Array(n)
  const sink: Sink = { scores: new Float64Array(n * 5), at: 0, cueLabel: -1, cues: [] }
  // A heading applies to every sentence after it until the next one; positions count every sentence.
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.heading !== undefined) heading = s.heading
    headings[i] = heading
    sink.at = i * 5
    emit(s, i, n, heading, sink)
  }
  const scores = sink.scores

  // State: label index 0..4 × progress 0..3 (highest section reached so far), as label * 4 + progress.
  // Two score rows reused and one flat table of back pointers: no allocation per sentence.
  const STATES = 5 * 4
  const NEG = Number.NEGATIVE_INFINITY
  let prev = new Float64Array(STATES).fill(NEG)
  let cur = new Float64Array(STATES)
  const back = new Int16Array(n * STATES).fill(-1)

  for (let i = 0; i < n; i++) {
    cur.fill(NEG)
    const row = i * STATES
    for (let l = 0; l < 5; l++) {
      const o = ORDER_OF[l]!
      const em = scores[i * 5 + l]!
      if (i === 0) {
        // First sentence: progress is its own section (or 0 for other); opening past the Situation costs a little.
        cur[l * 4 + (o === -1 ? 0 : o)] = em - (o > 0 ? 0.15 * o : 0)
        continue
      }
      for (let from = 0; from < STATES; from++) {
        const pv = prev[from]!
        if (pv === NEG) continue
        const pp = from & 3
        let progress = pp
        let cost = 0
        if (o !== -1) {
          if (o >= pp) progress = o
          else cost = pp - o >= 2 ? FAR_BACK_COST : BACK_COST
          // Skipping a section forward is cheap but not free.
          if (o > pp + 1) cost += 0.1 * (o - pp - 1)
        }
        const v = pv + em - cost
        const st = l * 4 + progress
        if (v > cur[st]!) {
          cur[st] = v
          back[row + st] = from
        }
      }
    }
    const done = prev
    prev = cur
    cur = done
  }

  let best = 0
  for (let st = 1; st < STATES; st++) if (prev[st]! > prev[best]!) best = st
  // The cues of the chosen label: emit again, scores into a scratch row.
  const cueSink: Sink = { scores: new Float64Array(5), at: 0, cueLabel: -1, cues: [] }
  for (let i = n - 1; i >= 0; i--) {
    const l = Math.floor(best / 4)
    const label = LABELS[l]!
    const s = sentences[i]!
    s.star = label
    cueSink.cueLabel = l
    cueSink.cues = []
    emit(s, i, n, headings[i], cueSink)
    const top = topLabel(scores, i * 5)
    s.cues = cueSink.cues.length > 0 ? cueSink.cues : ['default']
    if (top !== label) s.cues.push('sequence')
    best = back[i * STATES + best]!
  }
}

/** The label with the highest score, "other" on ties with it, else the first in `LABELS` order. */
function topLabel(scores: Float64Array, at: number): Star {
  let best = 4
  for (let l = 0; l < 5; l++) if (scores[at + l]! > scores[at + best]!) best = l
  return LABELS[best]!
}
