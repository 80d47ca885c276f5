// Labels each sentence situation / task / action / result / other: a linear model over the sentence's cue
// features (weights in label-weights.ts, trained by scripts/train-labels.ts), decoded as the best
// near-monotone S→T→A→R path.

import type { AnalyzedSentence, LabelWeights } from './analysis-types'
import { FEATURE_NAMES, type FeatureIds, featureId, labelFeatureIds } from './label-features'
import { LABEL_WEIGHTS } from './label-weights'
import type { Star } from './types'

export const LABELS: readonly Star[] = ['situation', 'task', 'action', 'result', 'other']
const ORDER: readonly number[] = [0, 1, 2, 3, -1]
const RESULT = 3

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

/**
 * A weights' transition table, and for each state the states that may precede it (in increasing order) with
 * the move's score, in flat lists: state `to`'s run from fromStart[to] up to fromStart[to + 1].
 */
interface Transitions {
  table: Float64Array
  fromStart: Int32Array
  fromState: Int32Array
  fromScore: Float64Array
}

const TABLES = new WeakMap<LabelWeights, Transitions>()

function transitions(weights: LabelWeights): Transitions {
  let t = TABLES.get(weights)
  if (t === undefined) {
    const table = transitionTable(weights)
    // The states some path of allowed moves reaches from the start; the others score -Infinity at every
    // sentence, and a move from one of them never wins, so it is left out of the lists.
    const reached = new Uint8Array(STATES)
    for (let to = 0; to < STATES; to++) if (!Number.isNaN(table[to]!)) reached[to] = 1
    for (let grew = true; grew; ) {
      grew = false
      for (let from = 0; from < STATES; from++)
        for (let to = 0; to < STATES; to++)
          if (reached[from] && !reached[to] && !Number.isNaN(table[(from + 1) * STATES + to]!)) {
            reached[to] = 1
            grew = true
          }
    }
    const fromStart = new Int32Array(STATES + 1)
    const states: number[] = []
    const scores: number[] = []
    for (let to = 0; to < STATES; to++) {
      fromStart[to] = states.length
      for (let from = 0; from < STATES; from++) {
        const v = table[(from + 1) * STATES + to]!
        if (Number.isNaN(v) || !reached[from]) continue
        states.push(from)
        scores.push(v)
      }
    }
    fromStart[STATES] = states.length
    t = { table, fromStart, fromState: Int32Array.from(states), fromScore: Float64Array.from(scores) }
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

const BY_ID = new WeakMap<LabelWeights, Float64Array>()

/** The weights' rows by feature id, five to a row: no lookup by name when labelling. */
function rowsById(weights: LabelWeights): Float64Array {
  let t = BY_ID.get(weights)
  if (t === undefined) {
    const m = rows(weights)
    t = new Float64Array(FEATURE_NAMES.length * 5)
    for (let id = 0; id < FEATURE_NAMES.length; id++) {
      const row = m.get(FEATURE_NAMES[id]!)
      if (row !== undefined) for (let l = 0; l < 5; l++) t[id * 5 + l] = row[l]!
    }
    BY_ID.set(weights, t)
  }
  return t
}

/** Each label's score for each sentence, five to a sentence, summed in the features' order. */
function emissionsById({ ids, starts }: FeatureIds, table: Float64Array): Float64Array {
  const n = starts.length - 1
  const e = new Float64Array(n * 5)
  for (let i = 0; i < n; i++) {
    const at = i * 5
    for (let j = starts[i]!; j < starts[i + 1]!; j++) {
      const row = ids[j]! * 5
      for (let l = 0; l < 5; l++) e[at + l]! += table[row + l]!
    }
  }
  return e
}

const OTHER = 4
const NAMED = new Map(
  LABELS.slice(0, 4).flatMap((label, l) => [
    [`star-heading:${label}`, l],
    [`heading-only:${label}`, l],
  ]),
)

/** What makes a sentence "other" even under a STAR heading: a hypothetical, a claim, an opinion, meta talk. */
const OTHER_EVIDENCE = [
  'hypothetical',
  'generic-claim',
  'generic-claim-alone',
  'meta',
  'opinion',
  'present-tense-claim',
]
/** What a headline Result shows: an outcome or a measure, not only a lesson. */
const HEADLINE_EVIDENCE = ['outcome', 'metric']
/** Bit in `allowedLabels` that lets a Result open the story as a headline. */
const HEADLINE = 1 << 5

/** Per feature id: the STAR label its heading names (or -1), and whether it is other or headline evidence. */
const NAMED_LABEL = new Int8Array(FEATURE_NAMES.length).fill(-1)
const EVIDENCE = new Uint8Array(FEATURE_NAMES.length)
const OTHER_BIT = 1
const HEADLINE_BIT = 2
const CLOSING_BIT = 4
for (const [name, l] of NAMED) if (featureId(name) !== -1) NAMED_LABEL[featureId(name)] = l
EVIDENCE[featureId('closing-opener:last')]! |= CLOSING_BIT
for (const name of OTHER_EVIDENCE) if (featureId(name) !== -1) EVIDENCE[featureId(name)]! |= OTHER_BIT
for (const name of HEADLINE_EVIDENCE) if (featureId(name) !== -1) EVIDENCE[featureId(name)]! |= HEADLINE_BIT

/** The labels one sentence may take, from its features ids[from] up to ids[to]. */
function allowedOf(ids: readonly number[], from: number, to: number): number {
  let evidence = 0
  let named = -1
  for (let j = from; j < to; j++) {
    const id = ids[j]!
    if (id < 0) continue
    evidence |= EVIDENCE[id]!
    if (named === -1) named = NAMED_LABEL[id]!
  }
  const headline = evidence & HEADLINE_BIT ? HEADLINE : 0
  // The answer's last sentence opening "In the end…" with an outcome or a measure is its Result (or an aside).
  if (named === -1 && evidence & CLOSING_BIT && evidence & HEADLINE_BIT)
    return (1 << RESULT) | (evidence & OTHER_BIT ? 1 << OTHER : 0) | headline
  if (named === -1) return 31 | headline
  return (1 << named) | (evidence & OTHER_BIT ? 1 << OTHER : 0) | headline
}

/**
 * The labels each sentence may take, as bits: under a heading that names a STAR section outright ("Action:",
 * "**Result**") only that section, or "other" for a hypothetical or a claim; elsewhere any label. The
 * HEADLINE bit lets an outcome open the story before the Situation.
 */
export function allowedLabels(features: readonly (readonly string[])[]): number[] {
  return features.map((feats) => {
    const ids = feats.map(featureId)
    return allowedOf(ids, 0, ids.length)
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
  const flat = new Float64Array(emit.length * 5)
  for (let i = 0; i < emit.length; i++) flat.set(emit[i]!, i * 5)
  return decodeFlat(flat, emit.length, weights, Int32Array.from(allowed))
}

/** Scratch for decodeFlat: two rows of scores, and back pointers grown as needed. */
const ROW_A = new Float64Array(STATES)
const ROW_B = new Float64Array(STATES)
let BACK = new Int16Array(256 * STATES)

/** For each value of a sentence's label bits (allowedLabels), the states it may be in, one bit a state. */
const STATE_MASK = new Int32Array(64)
for (let ok = 0; ok < 64; ok++)
  for (let to = 0; to < STATES; to++) {
    const l = to >> 2
    if (!((ok >> l) & 1)) continue
    if (l === RESULT && (to & 3) === 0 && !(ok & HEADLINE)) continue
    STATE_MASK[ok]! |= 1 << to
  }

/** `decode` over emissions five to a sentence. */
function decodeFlat(emit: Float64Array, n: number, weights: LabelWeights, allowed: Int32Array): number[] {
  if (n === 0) return []
  const { table, fromStart, fromState, fromScore } = transitions(weights)
  const NEG = Number.NEGATIVE_INFINITY
  // Two rows of scores and the back pointers for all sentences, in buffers kept between calls; every entry
  // of a row is written before it is read.
  let prev = ROW_A
  let cur = ROW_B
  if (BACK.length < n * STATES) BACK = new Int16Array(Math.max(n * STATES, BACK.length * 2))
  const back = BACK
  // The first sentence: only the moves from the start.
  const first = STATE_MASK[allowed[0]! & 63]!
  for (let to = 0; to < STATES; to++) {
    const t = table[to]!
    prev[to] = (first >> to) & 1 && !Number.isNaN(t) ? t + emit[to >> 2]! : NEG
    back[to] = -1
  }
  for (let i = 1; i < n; i++) {
    const mask = STATE_MASK[allowed[i]! & 63]!
    const row = i * STATES
    const e = i * 5
    for (let to = 0; to < STATES; to++) {
      if (!((mask >> to) & 1)) {
        cur[to] = NEG
        back[row + to] = -1
        continue
      }
      const el = emit[e + (to >> 2)]!
      // Only the states that may move here, in increasing order: the first best one wins ties, as before.
      // A state not reached (-Infinity) gives -Infinity, which never beats the best.
      let bestV = NEG
      let bestFrom = -1
      const end = fromStart[to + 1]!
      for (let k = fromStart[to]!; k < end; k++) {
        const from = fromState[k]!
        const v = prev[from]! + fromScore[k]! + el
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

const DEFAULT = Object.freeze(['default']) as string[]
const DEFAULT_SEQUENCE = Object.freeze(['default', 'sequence']) as string[]

/** Chooses labels, and writes `star` and the `cues` that argued for it on each sentence. */
export function labelSentences(sentences: AnalyzedSentence[], weights: LabelWeights = LABEL_WEIGHTS): void {
  const features = labelFeatureIds(sentences)
  const { ids, starts } = features
  const byId = rowsById(weights)
  const emit = emissionsById(features, byId)
  const n = sentences.length
  const allowed = new Int32Array(n)
  for (let i = 0; i < n; i++) allowed[i] = allowedOf(ids, starts[i]!, starts[i + 1]!)
  const path = decodeFlat(emit, n, weights, allowed)
  // The three features that argued most for the label, best first (ties by name): scratch, reused.
  const cueName: string[] = ['', '', '', '']
  const cueWeight = [0, 0, 0, 0]
  const bias = featureId('bias')
  for (let i = 0; i < n; i++) {
    const l = path[i]! >> 2
    const s = sentences[i]!
    s.star = LABELS[l]!
    let count = 0
    for (let j = starts[i]!; j < starts[i + 1]!; j++) {
      const id = ids[j]!
      const w = byId[id * 5 + l]!
      if (w <= 0 || id === bias) continue
      const f = FEATURE_NAMES[id]!
      let at = count
      while (at > 0 && (cueWeight[at - 1]! < w || (cueWeight[at - 1]! === w && cueName[at - 1]! > f))) at--
      if (at >= 3) continue
      for (let m = Math.min(count, 2); m > at; m--) {
        cueName[m] = cueName[m - 1]!
        cueWeight[m] = cueWeight[m - 1]!
      }
      cueName[at] = f
      cueWeight[at] = w
      if (count < 3) count++
    }
    const e = i * 5
    let top = 0
    for (let m = 1; m < 5; m++) if (emit[e + m]! > emit[e + top]!) top = m
    // Sentences that no feature argued for share one frozen list.
    if (count === 0) s.cues = top !== l ? DEFAULT_SEQUENCE : DEFAULT
    else {
      s.cues = cueName.slice(0, count)
      if (top !== l) s.cues.push('sequence')
    }
  }
}
