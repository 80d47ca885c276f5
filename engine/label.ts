// Labels each sentence situation / task / action / result / other: a linear model over the sentence's cue
// features (weights in label-weights.ts, trained by scripts/train-labels.ts), decoded as the best
// near-monotone S→T→A→R path.

import type { AnalyzedSentence } from './analyze'
import { isPastTense } from './features/words'
import { LABEL_WEIGHTS } from './label-weights'
import {
  CLOSING_OPENERS,
  FILLER_PAIRS,
  FILLERS,
  HABIT_WORDS,
  OPINION_VERBS,
  PAST_TIME_WORDS,
  PRESENT_SKIP,
  SIGNAL_WORDS,
  TASK_MORE,
} from './lexicon/label'
import { compileMulti, scanAll } from './phrases'
import type { Star } from './types'

export const LABELS: readonly Star[] = ['situation', 'task', 'action', 'result', 'other']
const ORDER: readonly number[] = [0, 1, 2, 3, -1]
const RESULT = 3

/** Integer weights: per feature one weight for each label (in LABELS order), and one per transition feature. */
export interface LabelWeights {
  emit: Readonly<Record<string, readonly number[]>>
  trans: Readonly<Record<string, number>>
}

const PHRASES = compileMulti([TASK_MORE, CLOSING_OPENERS, FILLER_PAIRS])
enum Phrase {
  Task,
  Closing,
  Filler,
}

/** A line that is only a heading the splitter does not name ("**Why it mattered**", "## Notes"). */
const HEADING_LINE = /^\s*(?:#{1,6}\s+[^\n]{1,60}|(\*\*|__)[^*_\n]{1,60}\1:?)\s*$/
const STAR_HEADING = /^[\s#*_(-]*(?:situation|task|action|results?|[star])\b/i
const BULLET = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?[-*•]\s/
const NUMBERED = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?\d{1,2}[.)]\s/

/** Where the sentence's own words begin: after a list number and spoken fillers ("So, um, basically, I…"). */
function coreStart(s: AnalyzedSentence, fillerEnds: ReadonlySet<number>, numbered: boolean): number {
  const w = s.words
  let i = numbered && s.tokens[0]?.numeric ? 1 : 0
  for (;;) {
    if (i < w.length && FILLERS.has(w[i]!)) i++
    else if (fillerEnds.has(i)) i += 2
    else return i
  }
}

interface SubjectVerb {
  narrativePresent: boolean
  opinion: boolean
  perfect: boolean
}

/** "I open", "we page": a first-person subject and a present verb of doing; "I think", "I usually" are views. */
function presentClauses(words: readonly string[]): SubjectVerb {
  const out = { narrativePresent: false, opinion: false, perfect: false }
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!
    if (w === "i've" || w === "we've") {
      if (isPastTense(words[i + 1] ?? '')) out.perfect = true
      continue
    }
    if (w !== 'i' && w !== 'we') continue
    let j = i + 1
    while (j < words.length && j < i + 3 && PRESENT_SKIP.has(words[j]!)) j++
    const v = words[j] ?? ''
    if (v === 'have' || v === 'has') {
      if (isPastTense(words[j + 1] ?? '')) out.perfect = true
      continue
    }
    if (OPINION_VERBS.has(v) || HABIT_WORDS.has(v) || v.endsWith('ly')) {
      out.opinion = true
      continue
    }
    if (v === '' || isPastTense(v) || SIGNAL_WORDS.has(v) || !/^[a-z]+$/.test(v)) continue
    out.narrativePresent = true
  }
  return out
}

/** The answer as a whole: does it tell its story in the present tense? */
function presentStory(sentences: readonly AnalyzedSentence[], clauses: readonly SubjectVerb[]): boolean {
  let present = 0
  let past = 0
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!
    if (s.headingOnly) continue
    if (clauses[i]!.narrativePresent) present++
    if (s.features.iDid || s.features.weDid) past++
  }
  return present >= 2 && present > past
}

/** Signal words count in the sentence's opening words only: how it opens says more than a bag of its words. */
const OPENING_WORDS = 6
/** Feature names of the signal words, made once. */
const WORD_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, `w:${w}`]))
const FIRST_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, `first:${w}`]))

/** The cue features of every sentence, in order: what the model weighs. */
export function labelFeatures(sentences: readonly AnalyzedSentence[]): string[][] {
  const n = sentences.length
  const content = sentences.filter((s) => !s.headingOnly).length
  const clauses = sentences.map((s) => presentClauses(s.words))
  const story = presentStory(sentences, clauses)
  const out: string[][] = []
  let heading: Star | undefined
  /** The heading names a STAR section outright ("Action:", "**R**"), not in other words ("What I did"). */
  let named = false
  let sinceHeading = 0
  let told = 0
  let k = 0
  let paragraph = -1
  const paragraphs = sentences.filter((s, i) => s.paragraphStart || i === 0).length
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.paragraphStart || i === 0) paragraph++
    const feats: string[] = ['bias']
    out.push(feats)
    if (s.heading !== undefined) {
      heading = s.heading
      sinceHeading = 0
      named = STAR_HEADING.test(s.text)
    }
    if (s.headingOnly) {
      feats.push(`heading-only:${heading}`)
      continue
    }
    if (s.heading === undefined && HEADING_LINE.test(s.text)) {
      // A heading the engine cannot name still ends the section above it.
      heading = undefined
      feats.push('heading-line')
      continue
    }
    const f = s.features
    const w = s.words
    // How many sentences before this one told an action: after the actions, a state is usually the outcome.
    const actionsBefore = told
    if (f.iDid || f.weDid || clauses[i]!.narrativePresent) told++
    const rel = content <= 1 ? 0 : k / (content - 1)
    k++
    if (heading !== undefined) {
      feats.push(named ? `star-heading:${heading}` : `heading:${heading}`)
      if (sinceHeading === 0) feats.push(`heading-first:${heading}`)
      sinceHeading++
    }

    // Layout and place in the answer.
    const numbered = NUMBERED.test(s.text)
    const bullet = BULLET.test(s.text)
    if (numbered) feats.push('numbered')
    if (bullet) feats.push('bullet')
    // One sentence alone has no place in a story to speak of.
    if (content === 1) feats.push('pos:only')
    else if (k === 1) feats.push('pos:first')
    else if (k === 2) feats.push('pos:second')
    else if (rel < 0.2) feats.push('pos:early')
    if (k === content && content > 1) feats.push('pos:last')
    else if (rel > 0.75) feats.push('pos:late')
    if (s.paragraphStart && k > 1) feats.push('paragraph-start')
    if (paragraph === 0 && paragraphs > 1) feats.push('paragraph:first')
    if (paragraph === paragraphs - 1 && paragraphs > 1) feats.push('paragraph:last')
    if (f.words < 8) feats.push('len:short')
    else if (f.words > 30) feats.push('len:long')

    // Phrase cues of the sections and of what is not a story.
    if (f.hypothetical) feats.push('hypothetical')
    if (f.generic)
      feats.push(f.iDid || f.weDid || f.metrics.length > 0 ? 'generic-claim' : 'generic-claim-alone')
    if (f.meta) feats.push('meta')
    if (f.list) feats.push('bare-list')
    if (f.fragment) feats.push('fragment')
    // In a story told in the present tense, a present-tense sentence is not a claim by that alone.
    if (f.present && !f.reflection && !f.change && !f.task)
      feats.push(story ? 'present-tense-claim:story' : 'present-tense-claim')
    if (f.interjection) feats.push('interjection')
    if (f.situation) feats.push('context-phrase')
    if (f.situationWeak) feats.push('context-phrase-weak')
    if (f.timeMarker) feats.push('time-marker')
    if (f.statePast) feats.push(actionsBefore >= 2 ? 'state-past:after-actions' : 'state-past')
    if (!f.iDid && !f.weDid && f.past && !f.outcome && !f.present) feats.push('past-description')
    if (f.task) feats.push('responsibility-phrase')
    if (f.taskWeak) feats.push('constraint')
    if (f.iDid) feats.push('first-person-past')
    if (f.weDid) feats.push('we-past')
    if (f.past) feats.push('past')
    if (actionsBefore >= 2) feats.push('after-actions')
    if (f.metrics.length > 0) {
      feats.push(actionsBefore >= 2 ? 'metric:after-actions' : 'metric')
      if (f.metrics.length > 1) feats.push('metrics')
      if (f.outcome) feats.push('measured-outcome')
    } else if (f.figures > 0) feats.push('figure')
    if (f.outcome) feats.push('outcome')
    if (f.vagueOutcome) feats.push('vague-outcome')
    if (f.reflection) feats.push('reflection')
    if (f.change) feats.push('lasting-change')

    // Spoken fillers aside, how the sentence opens and which closed-class words it uses.
    const hits = scanAll(PHRASES, w)
    const fillerEnds = new Set(hits[Phrase.Filler]!.map((h) => h.from))
    const start = coreStart(s, fillerEnds, numbered)
    const first = w[start]
    if (first !== undefined) {
      feats.push(FIRST_FEATURE.get(first) ?? (isPastTense(first) ? 'first:past-verb' : 'first:word'))
      if (start > 0 && !numbered) feats.push('filler-opening')
    }
    const seen = new Set<string>()
    for (let j = start; j < w.length && j < start + OPENING_WORDS; j++) {
      const name = WORD_FEATURE.get(w[j]!)
      if (name === undefined || seen.has(name)) continue
      // "you know", "you see" are fillers, not the listener.
      if (name === 'w:you' && (w[j + 1] === 'know' || w[j + 1] === 'see' || w[j + 1] === 'mean')) continue
      seen.add(name)
      feats.push(name)
    }
    if (hits[Phrase.Task]!.length > 0) feats.push('task-phrase')
    // "In the end…" opening the answer's last sentence is its outcome; earlier it may only move the story on.
    if (hits[Phrase.Closing]!.some((h) => h.from <= start + 1)) {
      feats.push('closing-opener')
      if (i === n - 1) feats.push('closing-opener:last')
    }

    // Tense: narrative present ("I open the dashboard") against views and habits ("I think", "I usually").
    const pc = clauses[i]!
    if (pc.narrativePresent) feats.push(story ? 'narrative-present:story' : 'narrative-present')
    if (pc.opinion) feats.push('opinion')
    if (pc.perfect) feats.push('perfect')
    if ((pc.narrativePresent || pc.perfect) && w.some((x) => PAST_TIME_WORDS.has(x)))
      feats.push('present-with-past-time')
    // Verb-first bullets and fragments: "Profiled the service" is an action with an implied "I".
    if (first !== undefined && isPastTense(first) && !f.statePast)
      feats.push(bullet || numbered ? 'verb-first:list' : 'verb-first')
  }
  return out
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
