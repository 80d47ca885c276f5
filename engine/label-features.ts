// The cue features the sentence labeller weighs: layout and place in the answer, headings, the sentence's
// phrase cues, how it opens, and its tense. Every feature name is interned once, at load, to an integer id:
// the labeller adds up weights by id. label.ts holds the model and the decoding.

import type { AnalyzedSentence } from './analysis-types'
import { isPastTense, scanWords } from './features/words'
import { LESSON_PHRASES } from './lexicon/cues'
import {
  ACTION_OPENERS,
  ASIDE_MARKERS,
  CLOSING_OPENERS,
  EVALUATIVE,
  FILLER_PAIRS,
  FILLERS,
  GENERIC_PRESENT,
  HABIT_WORDS,
  LATER_WORDS,
  OPINION_VERBS,
  PAST_TIME_WORDS,
  PRESENT_SKIP,
  SIGNAL_WORDS,
  TASK_MORE,
  TOPIC_SKIP,
} from './lexicon/label'
import { compileMulti, type PhraseHit } from './phrases'
import type { Star } from './types'

const PHRASES = compileMulti([
  TASK_MORE,
  CLOSING_OPENERS,
  FILLER_PAIRS,
  ASIDE_MARKERS,
  ACTION_OPENERS,
  EVALUATIVE,
  GENERIC_PRESENT,
  ['you', 'your'],
  LATER_WORDS,
  LESSON_PHRASES,
])
enum Phrase {
  Task,
  Closing,
  Filler,
  Aside,
  Action,
  Evaluative,
  GenericPresent,
  You,
  Later,
  Lesson,
}

/** A line that is only a heading the splitter does not name ("**Why it mattered**", "## Notes"). */
const HEADING_LINE = /^\s*(?:#{1,6}\s+[^\n]{1,60}|(\*\*|__)[^*_\n]{1,60}\1:?)\s*$/
const STAR_HEADING = /^[\s#*_(-]*(?:situation|task|action|results?|[star])\b/i
const BULLET = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?[-*•]\s/
const NUMBERED = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?\d{1,2}[.)]\s/

/** Where the sentence's own words begin: after a list number and spoken fillers ("So, um, basically, I…"). */
function coreStart(s: AnalyzedSentence, fillers: readonly PhraseHit[], numbered: boolean): number {
  const w = s.words
  let i = numbered && s.tokens[0]?.numeric ? 1 : 0
  for (;;) {
    if (i < w.length && FILLERS.has(w[i]!)) i++
    else if (startsAt(fillers, i)) i += 2
    else return i
  }
}

function startsAt(hits: readonly PhraseHit[], i: number): boolean {
  for (let h = 0; h < hits.length; h++) if (hits[h]!.from === i) return true
  return false
}

/** Bits of a sentence's present-tense clauses. */
const NARRATIVE_PRESENT = 1
const OPINION = 2
const PERFECT = 4

/** "I open", "we page": a first-person subject and a present verb of doing; "I think", "I usually" are views. */
function presentClauses(words: readonly string[]): number {
  let out = 0
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!
    if (w === "i've" || w === "we've") {
      if (isPastTense(words[i + 1] ?? '')) out |= PERFECT
      continue
    }
    if (w !== 'i' && w !== 'we') continue
    let j = i + 1
    while (j < words.length && j < i + 3 && PRESENT_SKIP.has(words[j]!)) j++
    const v = words[j] ?? ''
    if (v === 'have' || v === 'has') {
      if (isPastTense(words[j + 1] ?? '')) out |= PERFECT
      continue
    }
    if (OPINION_VERBS.has(v) || HABIT_WORDS.has(v) || v.endsWith('ly')) {
      out |= OPINION
      continue
    }
    if (v === '' || isPastTense(v) || SIGNAL_WORDS.has(v) || !/^[a-z]+$/.test(v)) continue
    out |= NARRATIVE_PRESENT
  }
  return out
}

/** The answer as a whole: does it tell its story in the present tense? */
function presentStory(sentences: readonly AnalyzedSentence[], clauses: Uint8Array): boolean {
  let present = 0
  let past = 0
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!
    if (s.headingOnly) continue
    if (clauses[i]! & NARRATIVE_PRESENT) present++
    if (s.features.iDid || s.features.weDid) past++
  }
  return present >= 2 && present > past
}

/** Per word, its stem's id among content words, or -1 for a closed-class or short word: one lookup a word. */
const STEM_OF = new Map<string, number>()
/** Content stems by id. */
const STEM_ID = new Map<string, number>()
/** How many words the memo holds before it is emptied, between two answers. */
export const STEM_LIMIT = 20_000

/** Empties the word memo, as the labeller does between answers when it is full. */
export function emptyStemMemo(): void {
  STEM_OF.clear()
  STEM_ID.clear()
}

/** The id of a word's stem if the word can say what a story is about (a longer word, not closed-class), else -1. */
function contentStem(word: string, stem: string): number {
  let id = STEM_OF.get(word)
  if (id !== undefined) return id
  id = -1
  const c = word.charCodeAt(0)
  if (c >= 97 && c <= 122 && !TOPIC_SKIP.has(word) && !SIGNAL_WORDS.has(word) && !FILLERS.has(word)) {
    id = STEM_ID.get(stem) ?? STEM_ID.size
    STEM_ID.set(stem, id)
  }
  STEM_OF.set(word, id)
  return id
}

/** Scratch, by stem id: the answer that last counted the stem, the sentence that last did, and its count. */
let STEM_ANSWER: Int32Array = new Int32Array(1024)
let STEM_SENTENCE: Int32Array = new Int32Array(1024)
let STEM_COUNT: Int32Array = new Int32Array(1024)
let answers = 0
/** Scratch: the content stems of every sentence, one after another, from TOPIC_START[i] to TOPIC_START[i + 1]. */
let TOPIC_STEMS: Int32Array = new Int32Array(4096)
let TOPIC_START: Int32Array = new Int32Array(256)

/** A copy of `a` with room for `n` entries, or `a` itself when it has room. */
function room(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a
  const b = new Int32Array(Math.max(n, a.length * 2))
  b.set(a)
  return b
}

/**
 * Each sentence's content stems, in TOPIC_STEMS, and how many sentences use each stem, in STEM_COUNT, each stem
 * counted once a sentence: one pass over the words, no comparison of sentences. A sentence none of whose content
 * words comes back anywhere else is an aside.
 */
function stemSpread(sentences: readonly AnalyzedSentence[]): void {
  // The word memo is emptied only between answers, and before it could fill up within this one: ids handed out
  // earlier in an answer must never be reused for other words of the same answer, or the labels of a long
  // answer would depend on what the process read before it.
  let words = 0
  for (const s of sentences) words += s.words.length
  if (STEM_OF.size + words > STEM_LIMIT) emptyStemMemo()
  const answer = ++answers
  let at = 0
  TOPIC_START = room(TOPIC_START, sentences.length + 1)
  for (let i = 0; i < sentences.length; i++) {
    TOPIC_START[i] = at
    const s = sentences[i]!
    if (s.headingOnly) continue
    const { words, stems } = s
    TOPIC_STEMS = room(TOPIC_STEMS, at + words.length)
    for (let j = 0; j < words.length; j++) {
      // Words of three letters or fewer say little of what a story is about; they are not looked up.
      if (words[j]!.length < 4) continue
      const id = contentStem(words[j]!, stems[j]!)
      if (id === -1) continue
      TOPIC_STEMS[at++] = id
      if (id >= STEM_COUNT.length) {
        STEM_ANSWER = room(STEM_ANSWER, id + 1)
        STEM_SENTENCE = room(STEM_SENTENCE, id + 1)
        STEM_COUNT = room(STEM_COUNT, id + 1)
      }
      if (STEM_ANSWER[id] !== answer) {
        STEM_ANSWER[id] = answer
        STEM_SENTENCE[id] = i
        STEM_COUNT[id] = 1
      } else if (STEM_SENTENCE[id] !== i) {
        STEM_SENTENCE[id] = i
        STEM_COUNT[id]!++
      }
    }
  }
  TOPIC_START[sentences.length] = at
}

/** Below this many sentences an answer repeats too few words for a sentence's share of them to mean anything. */
const TOPIC_MIN_SENTENCES = 16

/** Bits of how a sentence's content words tie it to the rest of the answer. */
const TOPIC_NONE = 1
const TOPIC_WEAK = 2
const TOPIC_CORE = 4

/** How sentence i's content words tie it to the rest of the answer (TOPIC_ bits), after stemSpread. */
function topicTie(i: number): number {
  let content = 0
  let shared = 0
  let core = 0
  for (let j = TOPIC_START[i]!; j < TOPIC_START[i + 1]!; j++) {
    const n = STEM_COUNT[TOPIC_STEMS[j]!]!
    content++
    if (n >= 2) shared++
    if (n >= 3) core++
  }
  let out = 0
  if (content >= 3 && shared === 0) out |= TOPIC_NONE
  else if (content >= 3 && shared * 4 < content) out |= TOPIC_WEAK
  if (core >= 2) out |= TOPIC_CORE
  return out
}

/** Every feature name, by id. */
export const FEATURE_NAMES: string[] = []
const FEATURE_IDS = new Map<string, number>()

/** The id of a feature name, given one when first seen (at load: every name the labeller emits). */
function intern(name: string): number {
  let id = FEATURE_IDS.get(name)
  if (id === undefined) {
    id = FEATURE_NAMES.length
    FEATURE_NAMES.push(name)
    FEATURE_IDS.set(name, id)
  }
  return id
}

/** The id of a feature name, or -1 for a name the labeller never emits. */
export function featureId(name: string): number {
  return FEATURE_IDS.get(name) ?? -1
}

const FIXED = [
  'bias',
  'action-opener',
  'after-actions',
  'before-actions',
  'before-actions:none',
  'aside-marker',
  'aside:2',
  'aside:3',
  'evaluative',
  'generic-present',
  'generic-present:story',
  'second-person',
  'topic:core',
  'topic:none',
  'topic:weak',
  'bare-list',
  'bullet',
  'closing-opener',
  'closing-opener:last',
  'later-time',
  'constraint',
  'context-phrase',
  'context-phrase-weak',
  'figure',
  'filler-opening',
  'first-person-past',
  'first:past-verb',
  'first:word',
  'fragment',
  'generic-claim',
  'generic-claim-alone',
  'heading-line',
  'hypothetical',
  'interjection',
  'lasting-change',
  'lesson-phrase',
  'len:long',
  'len:short',
  'measured-outcome',
  'meta',
  'metric',
  'metric:after-actions',
  'metrics',
  'narrative-present',
  'narrative-present:story',
  'numbered',
  'opinion',
  'outcome',
  'paragraph-start',
  'paragraph:first',
  'paragraph:last',
  'past',
  'past-description',
  'perfect',
  'pos:early',
  'pos:first',
  'pos:first:short',
  'pos:last',
  'pos:late',
  'pos:only',
  'pos:second',
  'present-tense-claim',
  'present-tense-claim:story',
  'present-with-past-time',
  'reflection',
  'responsibility-phrase',
  'state-past',
  'state-past:after-actions',
  'task-phrase',
  'time-marker',
  'vague-outcome',
  'verb-first',
  'verb-first:list',
  'we-past',
] as const
const F = Object.fromEntries(FIXED.map((name) => [name, intern(name)])) as Record<
  (typeof FIXED)[number],
  number
>
const SECTION_NAMES = ['situation', 'task', 'action', 'result'] as const
/** Per heading (or none), the ids of its heading features. */
const byHeading = (prefix: string) =>
  new Map<Star | undefined, number>(
    [...SECTION_NAMES, undefined].map((h) => [h, intern(`${prefix}:${h}`)] as [Star | undefined, number]),
  )
const HEADING_ONLY = byHeading('heading-only')
const STAR_HEADING_ID = byHeading('star-heading')
const HEADING_ID = byHeading('heading')
const HEADING_FIRST = byHeading('heading-first')

/** Signal words count in the sentence's opening words only: how it opens says more than a bag of its words. */
const OPENING_WORDS = 6
/** Feature ids of the signal words, made once. */
const FIRST_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, intern(`first:${w}`)]))
const WORD_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, intern(`w:${w}`)]))
const W_YOU = WORD_FEATURE.get('you') ?? -1

/** Every sentence's feature ids, one after another: sentence i's are ids[starts[i]] up to ids[starts[i + 1]]. */
export interface FeatureIds {
  ids: number[]
  starts: number[]
}

/** The cue features of every sentence, in order, by name: what the model weighs. */
export function labelFeatures(sentences: readonly AnalyzedSentence[]): string[][] {
  const { ids, starts } = labelFeatureIds(sentences)
  const out: string[][] = []
  for (let i = 0; i + 1 < starts.length; i++) {
    const feats: string[] = []
    for (let j = starts[i]!; j < starts[i + 1]!; j++) feats.push(FEATURE_NAMES[ids[j]!]!)
    out.push(feats)
  }
  return out
}

/** Whether a hit starts at or before word `at`. */
function opensWith(hits: readonly { from: number }[], at: number): boolean {
  for (let j = 0; j < hits.length; j++) if (hits[j]!.from <= at) return true
  return false
}

/** Whether any of the words points to a past time ("yesterday", "ago", "last"). */
function hasPastTime(words: readonly string[]): boolean {
  for (let j = 0; j < words.length; j++) if (PAST_TIME_WORDS.has(words[j]!)) return true
  return false
}

/** The cue features of every sentence, in order, by id. */
export function labelFeatureIds(sentences: readonly AnalyzedSentence[]): FeatureIds {
  const n = sentences.length
  let content = 0
  let paragraphs = 0
  const clauses = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (!s.headingOnly) content++
    if (s.paragraphStart || i === 0) paragraphs++
    clauses[i] = presentClauses(s.words)
  }
  const story = presentStory(sentences, clauses)
  // How many sentences tell an action, to count those still to come: before more actions, a state is
  // usually a finding or the scene; after the last, usually the outcome.
  // Per sentence: a heading line the engine cannot name ("## How I fixed it"), and whether it tells an action;
  // a heading never does. `toldAll` counts them, so that the loop below knows how many are still to come.
  const lineHeading = new Uint8Array(n)
  const acts = new Uint8Array(n)
  let toldAll = 0
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.headingOnly) continue
    if (s.heading === undefined && HEADING_LINE.test(s.text)) lineHeading[i] = 1
    else if (s.features.iDid || s.features.weDid || clauses[i]! & NARRATIVE_PRESENT) {
      acts[i] = 1
      toldAll++
    }
  }
  const spread = content >= TOPIC_MIN_SENTENCES
  if (spread) stemSpread(sentences)
  const ids: number[] = []
  const starts: number[] = []
  let heading: Star | undefined
  /** The heading names a STAR section outright ("Action:", "**R**"), not in other words ("What I did"). */
  let named = false
  let sinceHeading = 0
  let told = 0
  let k = 0
  let paragraph = -1
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.paragraphStart || i === 0) paragraph++
    starts.push(ids.length)
    ids.push(F.bias)
    if (s.heading !== undefined) {
      heading = s.heading
      sinceHeading = 0
      named = STAR_HEADING.test(s.text)
    }
    if (s.headingOnly) {
      ids.push(HEADING_ONLY.get(heading)!)
      continue
    }
    if (lineHeading[i]) {
      // A heading the engine cannot name still ends the section above it.
      heading = undefined
      ids.push(F['heading-line'])
      continue
    }
    const f = s.features
    const w = s.words
    // How many sentences before this one told an action: after the actions, a state is usually the outcome.
    const actionsBefore = told
    told += acts[i]!
    const rel = content <= 1 ? 0 : k / (content - 1)
    k++
    if (heading !== undefined) {
      ids.push((named ? STAR_HEADING_ID : HEADING_ID).get(heading)!)
      if (sinceHeading === 0) ids.push(HEADING_FIRST.get(heading)!)
      sinceHeading++
    }

    // Layout and place in the answer.
    const numbered = NUMBERED.test(s.text)
    const bullet = BULLET.test(s.text)
    if (numbered) ids.push(F.numbered)
    if (bullet) ids.push(F.bullet)
    // One sentence alone has no place in a story to speak of.
    if (content === 1) ids.push(F['pos:only'])
    // In an answer of two or three sentences the first is as often the deed as the scene.
    else if (k === 1) ids.push(content <= 3 ? F['pos:first:short'] : F['pos:first'])
    else if (k === 2) ids.push(F['pos:second'])
    else if (rel < 0.2) ids.push(F['pos:early'])
    if (k === content && content > 1) ids.push(F['pos:last'])
    else if (rel > 0.75) ids.push(F['pos:late'])
    if (s.paragraphStart && k > 1) ids.push(F['paragraph-start'])
    if (paragraph === 0 && paragraphs > 1) ids.push(F['paragraph:first'])
    if (paragraph === paragraphs - 1 && paragraphs > 1) ids.push(F['paragraph:last'])
    if (f.words < 8) ids.push(F['len:short'])
    else if (f.words > 30) ids.push(F['len:long'])

    const hits = scanWords(PHRASES, w, s.infos)
    const start = coreStart(s, hits[Phrase.Filler]!, numbered)
    // "I was the one who read the query plans…" tells deeds, though "I was the" sets a scene elsewhere.
    const actionOpener = opensWith(hits[Phrase.Action]!, start + 1)

    // Phrase cues of the sections and of what is not a story.
    if (f.hypotheticalCue) ids.push(F.hypothetical)
    if (f.generic)
      ids.push(f.iDid || f.weDid || f.metrics.length > 0 ? F['generic-claim'] : F['generic-claim-alone'])
    if (f.meta) ids.push(F.meta)
    if (f.list) ids.push(F['bare-list'])
    if (f.fragment) ids.push(F.fragment)
    // In a story told in the present tense, a present-tense sentence is not a claim by that alone.
    if (f.present && !f.reflection && !f.change && !f.task)
      ids.push(story ? F['present-tense-claim:story'] : F['present-tense-claim'])
    if (f.interjection) ids.push(F.interjection)
    if (f.situation && !actionOpener) ids.push(F['context-phrase'])
    if (f.situationWeak) ids.push(F['context-phrase-weak'])
    if (f.timeMarker) ids.push(F['time-marker'])
    if (f.statePast) ids.push(actionsBefore >= 2 ? F['state-past:after-actions'] : F['state-past'])
    if (!f.iDid && !f.weDid && f.past && !f.outcome && !f.present) ids.push(F['past-description'])
    if (f.task) ids.push(F['responsibility-phrase'])
    if (f.taskWeak) ids.push(F.constraint)
    if (f.iDid) ids.push(F['first-person-past'])
    if (f.weDid) ids.push(F['we-past'])
    if (f.past) ids.push(F.past)
    if (actionsBefore >= 2) ids.push(F['after-actions'])
    const actionsAfter = toldAll - told
    if (actionsAfter >= 1) ids.push(F['before-actions'])
    else if (actionsAfter === 0 && toldAll > 0) ids.push(F['before-actions:none'])
    if (f.metrics.length > 0) {
      ids.push(actionsBefore >= 2 ? F['metric:after-actions'] : F.metric)
      if (f.metrics.length > 1) ids.push(F.metrics)
      if (f.outcome) ids.push(F['measured-outcome'])
    } else if (f.figures > 0) ids.push(F.figure)
    if (f.outcome) ids.push(F.outcome)
    // A lasting change ("Since then I always…") is the story's lesson: its later time and its habit are not
    // signs of an aside.
    if (hits[Phrase.Later]!.length > 0 && !f.change) ids.push(F['later-time'])
    if (f.vagueOutcome) ids.push(F['vague-outcome'])
    if (f.reflection) ids.push(F.reflection)
    if (f.change) ids.push(F['lasting-change'])
    // A lesson in other words, or told in the present ("What I take from it is…", "I learn to…").
    if (!f.reflection && hits[Phrase.Lesson]!.length > 0) ids.push(F['lesson-phrase'])

    // Spoken fillers aside, how the sentence opens and which closed-class words it uses.
    const first = w[start]
    if (first !== undefined) {
      ids.push(FIRST_FEATURE.get(first) ?? (isPastTense(first) ? F['first:past-verb'] : F['first:word']))
      if (start > 0 && !numbered) ids.push(F['filler-opening'])
    }
    const wordsFrom = ids.length
    for (let j = start; j < w.length && j < start + OPENING_WORDS; j++) {
      const id = WORD_FEATURE.get(w[j]!)
      if (id === undefined || ids.indexOf(id, wordsFrom) !== -1) continue
      // "you know", "you see" are fillers, not the listener.
      if (id === W_YOU && (w[j + 1] === 'know' || w[j + 1] === 'see' || w[j + 1] === 'mean')) continue
      ids.push(id)
    }
    if (hits[Phrase.Task]!.length > 0) ids.push(F['task-phrase'])
    if (actionOpener) ids.push(F['action-opener'])
    // "In the end…" opening the answer's last sentence is its outcome; earlier it may only move the story on.
    if (opensWith(hits[Phrase.Closing]!, start + 1)) {
      ids.push(F['closing-opener'])
      if (i === n - 1) ids.push(F['closing-opener:last'])
    }

    // Tense: narrative present ("I open the dashboard") against views and habits ("I think", "I usually").
    const pc = clauses[i]!
    if (pc & NARRATIVE_PRESENT) ids.push(story ? F['narrative-present:story'] : F['narrative-present'])
    if (pc & OPINION && !f.change) ids.push(F.opinion)
    if (pc & PERFECT) ids.push(F.perfect)
    if (pc & (NARRATIVE_PRESENT | PERFECT) && hasPastTime(w)) ids.push(F['present-with-past-time'])

    // Asides: discourse markers, views of things, general truths, words the rest of the answer never uses.
    if (hits[Phrase.Aside]!.length > 0) ids.push(F['aside-marker'])
    const evaluative = hits[Phrase.Evaluative]!.length > 0
    const genericPresent = hits[Phrase.GenericPresent]!.length > 0
    let you = false
    for (const h of hits[Phrase.You]!) {
      const next = w[h.from + 1]
      if (next !== 'know' && next !== 'see' && next !== 'mean') you = true
    }
    let aside = hits[Phrase.Aside]!.length > 0 ? 1 : 0
    if (evaluative) {
      ids.push(F.evaluative)
      aside++
    }
    if (genericPresent && !f.past && !f.iDid && !f.weDid) {
      ids.push(story ? F['generic-present:story'] : F['generic-present'])
      if (!story) aside++
    }
    if (you) {
      ids.push(F['second-person'])
      aside++
    }
    if (pc & OPINION) aside++
    if (first === 'which') aside++
    if (spread) {
      const tie = topicTie(i)
      if (tie & TOPIC_NONE) ids.push(F['topic:none'])
      if (tie & TOPIC_WEAK) ids.push(F['topic:weak'])
      if (tie & TOPIC_CORE) ids.push(F['topic:core'])
      if (tie & (TOPIC_NONE | TOPIC_WEAK)) aside++
    }
    // Several signs of an aside together say more than each alone.
    if (aside >= 3) ids.push(F['aside:3'])
    else if (aside === 2) ids.push(F['aside:2'])
    // Verb-first bullets and fragments: "Profiled the service" is an action with an implied "I".
    if (first !== undefined && isPastTense(first) && !f.statePast)
      ids.push(bullet || numbered ? F['verb-first:list'] : F['verb-first'])
  }
  starts.push(ids.length)
  return { ids, starts }
}
