// Labels each sentence situation / task / action / result / other: a linear model over the sentence's cue
// features (weights in label-weights.ts, trained by scripts/train-labels.ts), decoded as the best
// near-monotone S→T→A→R path.

import type { AnalyzedSentence } from './analyze'
import { labelFeatures } from './label-features'
import { LABEL_WEIGHTS } from './label-weights'
import type { Star } from './types'

export const LABELS: readonly Star[] = ['situation', 'task', 'action', 'result', 'other']
const ORDER: readonly number[] = [0, 1, 2, 3, -1]
const RESULT = 3

/** Integer weights: per feature one weight for each label (in LABELS order), and one per transition feature. */
export interface LabelWeights {
  emit: Readonly<Record<string, readonly number[]>>
  trans: Readonly<Record<string, number>>
}

/** Transition features from state `from` (label × progress, or -1 before the first sentence) to `to`. */
function transitionFeatures(from: number, to: number): string[] | undefined {
  const l = Math.floor(to / 4)
  const p = to & 3
  const o = ORDER[l]!
  const prevLabel = from === -1 ? 'start' : LABELS[Math.floor(from / 4)]!
  const pp = from === -1 ? 0 : from & 3
  // Where the story starts is the emission's business (pos:first); transitions weigh only the order, not
  // which sections follow which, so that a story without a Task is not pushed into having one.
  const feats: string[] = []
  if (from !== -1) {
    if (prevLabel === LABELS[l]) feats.push('t:stay')
    else if (o === -1) feats.push('t:to-other')
    else if (prevLabel === 'other') feats.push('t:from-other')
  }
  if (o === -1) return p === (from === -1 ? 0 : pp) ? feats : undefined
  // A headline result before the story: the outcome first, without counting as reached.
  if (o === RESULT && pp === 0 && p === 0) return [...feats, 't:headline']
  if (from === -1) return p === o ? feats : undefined
  if (o >= pp) {
    return p === o ? feats : undefined
  }
  if (p !== pp) return undefined
  feats.push(pp - o >= 2 ? 't:far-back' : 't:back')
  return feats
}

const STATES = 5 * 4
/** Transition scores by (from + 1) * STATES + to, with NaN where the move is not allowed. */
function transitionTable(weights: LabelWeights): Float64Array {
  const table = new Float64Array((STATES + 1) * STATES).fill(Number.NaN)
  for (let from = -1; from < STATES; from++)
    for (let to = 0; to < STATES; to++) {
      const feats = transitionFeatures(from, to)
      if (feats === undefined) continue
      let v = 0
      for (const t of feats) v += weights.trans[t] ?? 0
      table[(from + 1) * STATES + to] = v
    }
  return table
}

/** A weights' transition table, and for each state the states that may precede it (in increasing order). */
interface Transitions {
  table: Float64Array
  froms: Int32Array[]
}

const TABLES = new WeakMap<LabelWeights, Transitions>()

function transitions(weights: LabelWeights): Transitions {
  let t = TABLES.get(weights)
  if (t === undefined) {
    const table = transitionTable(weights)
    const froms: Int32Array[] = []
    for (let to = 0; to < STATES; to++) {
      const list: number[] = []
      for (let from = 0; from < STATES; from++)
        if (!Number.isNaN(table[(from + 1) * STATES + to]!)) list.push(from)
      froms.push(Int32Array.from(list))
    }
    t = { table, froms }
    TABLES.set(weights, t)
  }
  return t
}

const ROWS = new WeakMap<LabelWeights, Map<string, readonly number[]>>()

/** The weights' rows in a Map: one hashed lookup per feature. */
function rows(weights: LabelWeights): Map<string, readonly number[]> {
  let m = ROWS.get(weights)
  if (m === undefined) {
    m = new Map(Object.entries(weights.emit))
    ROWS.set(weights, m)
  }
  return m
}

/** Each label's score for each sentence: the sum of its features' weights. */
export function emissions(features: readonly (readonly string[])[], weights: LabelWeights): Float64Array[] {
  const m = rows(weights)
  return features.map((feats) => {
    const e = new Float64Array(5)
    for (const f of feats) {
      const row = m.get(f)
      if (row !== undefined) for (let l = 0; l < 5; l++) e[l]! += row[l]!
    }
    return e
  })
}

const OTHER = 4
const NAMED = new Map(
  LABELS.slice(0, 4).flatMap((label, l) => [
    [`star-heading:${label}`, l],
    [`heading-only:${label}`, l],
  ]),
)

/** What makes a sentence "other" even under a STAR heading: a hypothetical, a claim, an opinion, meta talk. */
const OTHER_EVIDENCE = new Set([
  'hypothetical',
  'generic-claim',
  'generic-claim-alone',
  'meta',
  'opinion',
  'present-tense-claim',
])
/** What a headline Result shows: an outcome or a measure, not only a lesson. */
const HEADLINE_EVIDENCE = new Set(['outcome', 'metric'])
/** Bit in `allowedLabels` that lets a Result open the story as a headline. */
const HEADLINE = 1 << 5

/**
 * The labels each sentence may take, as bits: under a heading that names a STAR section outright ("Action:",
 * "**Result**") only that section, or "other" for a hypothetical or a claim; elsewhere any label. The
 * HEADLINE bit lets an outcome open the story before the Situation.
 */
export function allowedLabels(features: readonly (readonly string[])[]): number[] {
  return features.map((feats) => {
    const headline = feats.some((f) => HEADLINE_EVIDENCE.has(f)) ? HEADLINE : 0
    for (const f of feats) {
      const l = NAMED.get(f)
      if (l === undefined) continue
      return (1 << l) | (feats.some((x) => OTHER_EVIDENCE.has(x)) ? 1 << OTHER : 0) | headline
    }
    return 31 | headline
  })
}

/**
 * The best path of states (label * 4 + furthest section reached) by dynamic programming, so that "other"
 * sentences do not reset the story's progress. `allowed` holds each sentence's label bits (allowedLabels).
 */
export function decode(
  emit: readonly Float64Array[],
  weights: LabelWeights,
  allowed: readonly number[],
): number[] {
  const n = emit.length
  if (n === 0) return []
  const { table, froms } = transitions(weights)
  const NEG = Number.NEGATIVE_INFINITY
  // Two rows of scores, reused; back pointers for all sentences in one buffer.
  let prev = new Float64Array(STATES)
  let cur = new Float64Array(STATES)
  const back = new Int16Array(n * STATES)
  for (let i = 0; i < n; i++) {
    const e = emit[i]!
    const ok = allowed[i]!
    cur.fill(NEG)
    const row = i * STATES
    for (let to = 0; to < STATES; to++) {
      back[row + to] = -1
      const l = to >> 2
      if (!((ok >> l) & 1)) continue
      if (l === RESULT && (to & 3) === 0 && !(ok & HEADLINE)) continue
      if (i === 0) {
        const t = table[to]!
        if (!Number.isNaN(t)) cur[to] = t + e[l]!
        continue
      }
      // Only the states that may move here, in increasing order: the first best one wins ties, as before.
      const fs = froms[to]!
      let bestV = NEG
      let bestFrom = -1
      for (let k = 0; k < fs.length; k++) {
        const from = fs[k]!
        const pv = prev[from]!
        if (pv === NEG) continue
        const v = pv + table[(from + 1) * STATES + to]! + e[l]!
        if (v > bestV) {
          bestV = v
          bestFrom = from
        }
      }
      cur[to] = bestV
      back[row + to] = bestFrom
    }
    const swap = prev
    prev = cur
    cur = swap
  }
  let best = 0
  for (let st = 1; st < STATES; st++) if (prev[st]! > prev[best]!) best = st
  const path = new Array<number>(n)
  for (let i = n - 1; i >= 0; i--) {
    path[i] = best
    best = back[i * STATES + best]!
  }
  return path
}

/** The transition features along a path of states, for training. */
export function pathTransitions(path: readonly number[]): string[] {
  const out: string[] = []
  for (let i = 0; i < path.length; i++)
    out.push(...(transitionFeatures(i === 0 ? -1 : path[i - 1]!, path[i]!) ?? []))
  return out
}

/** Chooses labels, and writes `star` and the `cues` that argued for it on each sentence. */
export function labelSentences(sentences: AnalyzedSentence[], weights: LabelWeights = LABEL_WEIGHTS): void {
  const features = labelFeatures(sentences)
  const emit = emissions(features, weights)
  const path = decode(emit, weights, allowedLabels(features))
  const byName = rows(weights)
  for (let i = 0; i < sentences.length; i++) {
    const l = path[i]! >> 2
    const s = sentences[i]!
    s.star = LABELS[l]!
    const e = emit[i]!
    // The three features that argued most for the label (ties by name).
    const cues: { f: string; w: number }[] = []
    for (const f of features[i]!) {
      const w = byName.get(f)?.[l] ?? 0
      if (w <= 0 || f === 'bias') continue
      let at = cues.length
      while (at > 0 && (cues[at - 1]!.w < w || (cues[at - 1]!.w === w && cues[at - 1]!.f > f))) at--
      if (at < 3) cues.splice(at, 0, { f, w })
      if (cues.length > 3) cues.pop()
    }
    s.cues = cues.length > 0 ? cues.map((c) => c.f) : ['default']
    let top = 0
    for (let m = 1; m < 5; m++) if (e[m]! > e[top]!) top = m
    if (top !== l) s.cues.push('sequence')
  }
}
