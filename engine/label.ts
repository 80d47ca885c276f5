// Labels each sentence situation / task / action / result / other: cue scores, then the best near-monotone S→T→A→R path.

import type { AnalyzedSentence } from './analyze'
import type { Star } from './types'

const LABELS: readonly Star[] = ['situation', 'task', 'action', 'result', 'other']
const ORDER: Record<Star, number> = { situation: 0, task: 1, action: 2, result: 3, other: -1 }

/** Cost of stepping back in the story (e.g. Result → Action); forward steps are free. */
const BACK_COST = 0.9
/** Cost of a step back of more than one section (Result → Situation). */
const FAR_BACK_COST = 1.4

interface Emission {
  scores: Record<Star, number>
  cues: Record<Star, string[]>
}

function addCue(e: Emission, label: Star, weight: number, cue: string): void {
  e.scores[label] += weight
  if (weight > 0) e.cues[label].push(cue)
}

function emit(s: AnalyzedSentence, index: number, count: number, heading: Star | undefined): Emission {
  const f = s.features
  const scores: Record<Star, number> = { situation: 0, task: 0, action: 0, result: 0, other: 0.3 }
  const cues: Record<Star, string[]> = { situation: [], task: [], action: [], result: [], other: [] }
  const e: Emission = { scores, cues }
  const rel = count <= 1 ? 0 : index / (count - 1)

  if (s.headingOnly && s.heading !== undefined) {
    addCue(e, s.heading, 10, `heading:${s.heading}`)
    return e
  }
  if (heading !== undefined) addCue(e, heading, 4, `heading:${heading}`)

  if (f.hypothetical) addCue(e, 'other', 3.5, 'hypothetical')
  if (f.generic) addCue(e, 'other', f.iDid || f.weDid || f.metrics.length > 0 ? 0.8 : 2.2, 'generic-claim')
  if (f.meta) addCue(e, 'other', 2.4, 'meta')
  if (f.list || f.fragment) addCue(e, 'other', 1.2, f.list ? 'bare-list' : 'fragment')

  if (f.present && !f.reflection && !f.change && !f.task) addCue(e, 'other', 1.4, 'present-tense-claim')
  if (f.secondPerson && !f.iDid && !f.weDid) addCue(e, 'other', 1.0, 'addresses-listener')
  if (f.interjection) addCue(e, 'other', 0.6, 'interjection')

  if (f.situation) addCue(e, 'situation', 1.3, 'context-phrase')
  if (f.situationWeak) addCue(e, 'situation', 0.6, 'context-phrase')
  if (f.timeMarker) addCue(e, 'situation', 0.9, 'time-marker')
  if (f.statePast) addCue(e, 'situation', 1.0, 'state-past')
  if (!f.iDid && !f.weDid && f.past && !f.outcome && !f.present) addCue(e, 'situation', 0.7, 'past-description')

  if (f.task) addCue(e, 'task', 2.8, 'responsibility-phrase')
  else if (f.taskWeak && !f.outcome) addCue(e, 'task', 1.2, 'constraint')

  if (f.iDid) addCue(e, 'action', 2.1, 'first-person-past')
  if (f.weDid) addCue(e, 'action', 1.8, 'we-past')

  if (f.metrics.length > 0) {
    addCue(e, 'result', 0.7 + Math.min(0.8, 0.4 * (f.metrics.length - 1)), 'metric')
    // A measured change ("fell from 20% to 1.4%") is the signature of a Result.
    if (f.outcome) addCue(e, 'result', 0.8, 'measured-outcome')
  }
  if (f.outcome) addCue(e, 'result', 1.4, 'outcome')
  if (f.vagueOutcome && f.outcome) addCue(e, 'result', 0.4, 'vague-outcome')
  if (f.reflection) addCue(e, 'result', 2.2, 'reflection')
  else if (f.change) addCue(e, 'result', rel > 0.6 ? 1.6 : 0.6, 'lasting-change')

  // Position in the answer: stories open with context and close with outcomes.
  if (rel < 0.2) addCue(e, 'situation', 0.9 * (1 - rel / 0.2), 'opening')
  if (rel > 0.75) addCue(e, 'result', 0.9 * ((rel - 0.75) / 0.25), 'closing')
  if (index === 0 && count > 2) addCue(e, 'action', -0.6, 'opening')

  return e
}

/**
 * Chooses labels by dynamic programming over (label, furthest section reached), so that "other"
 * sentences do not reset the story's progress. Writes `star` and `cues` on each sentence.
 */
export function labelSentences(sentences: AnalyzedSentence[]): void {
  const n = sentences.length
  if (n === 0) return
  let heading: Star | undefined
  const emissions: Emission[] = []
  // Sentences under an explicit heading count as one story unit per heading; positions use story sentences.
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.heading !== undefined) heading = s.heading
    emissions.push(emit(s, i, n, heading))
  }

  // State: label index 0..4 × progress 0..3 (highest section reached so far), as label * 4 + progress.
  // Two score rows reused and one flat table of back pointers: no allocation per sentence.
  const STATES = 5 * 4
  const NEG = Number.NEGATIVE_INFINITY
  let prev = new Float64Array(STATES).fill(NEG)
  let cur = new Float64Array(STATES)
  const back = new Int16Array(n * STATES).fill(-1)

  for (let i = 0; i < n; i++) {
    const e = emissions[i]!.scores
    cur.fill(NEG)
    const row = i * STATES
    for (let l = 0; l < 5; l++) {
      const o = ORDER[LABELS[l]!]
      const em = e[LABELS[l]!]
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
  for (let i = n - 1; i >= 0; i--) {
    const l = Math.floor(best / 4)
    const label = LABELS[l]!
    const s = sentences[i]!
    s.star = label
    const e = emissions[i]!
    const top = topLabel(e.scores)
    s.cues = e.cues[label].length > 0 ? [...e.cues[label]] : ['default']
    if (top !== label) s.cues.push('sequence')
    best = back[i * STATES + best]!
  }
}

function topLabel(scores: Record<Star, number>): Star {
  let best: Star = 'other'
  for (const l of LABELS) if (scores[l] > scores[best]) best = l
  return best
}
