// The cue features the sentence labeller weighs: layout and place in the answer, headings, the sentence's
// phrase cues, how it opens, and its tense. Every feature name is interned once, at load, to an integer id:
// the labeller adds up weights by id. label.ts holds the model and the decoding.

import type { AnalyzedSentence } from './analyze'
import { isPastTense, scanWords } from './features/words'
import {
  ASIDE_PHRASES,
  CLOSING_OPENERS,
  DETERMINERS,
  EVALUATIVE_WORDS,
  FILLER_PAIRS,
  FILLERS,
  HABIT_WORDS,
  INTENSIFIERS,
  MODAL_FINITE,
  OPINION_VERBS,
  PAST_FINITE,
  PAST_TIME_WORDS,
  PRESENT_FINITE,
  PRESENT_SKIP,
  SIGNAL_WORDS,
  SUBJECT_KINDS,
  TASK_MORE,
  VERB_SKIP,
} from './lexicon/label'
import { compileMulti, type PhraseHit } from './phrases'
import type { Star } from './types'

const PHRASES = compileMulti([TASK_MORE, CLOSING_OPENERS, FILLER_PAIRS, ASIDE_PHRASES])
enum Phrase {
  Task,
  Closing,
  Filler,
  Aside,
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

const SUBJECTS = ['i', 'we', 'you', 'third', 'it', 'np', 'none'] as const
const TENSES = ['present', 'past', 'perfect', 'modal'] as const
const NP = 5
const NONE = 6
const PRESENT = 0
const PAST = 1
const PERFECT_TENSE = 2
const MODAL = 3
/** How far into a sentence its main verb is looked for. */
const CLAUSE_WINDOW = 16

/**
 * The sentence's first finite verb and who it is about: the speaker ("I was"), the speaker's group ("we
 * had"), anyone ("you find", "everyone is"), another person, a thing ("it's", "there was") or a noun phrase
 * ("the dashboard was", "bootcamps are"). What a sentence does shows more in these than in its words.
 * Returns subject × 4 + tense (indexes into SUBJECTS and TENSES), or -1 when no finite verb is found;
 * `b` holds the words' wordBits from `at` on.
 */
function mainClause(words: readonly string[], b: Int32Array, at: number, start: number): number {
  const end = Math.min(words.length, start + CLAUSE_WINDOW)
  let relative = false
  for (let j = start; j < end; j++) {
    const x = b[at + j]!
    if (x & CONTRACTION_SUBJECT && !relative) {
      // "The project I'm proudest of is…": a relative clause, as below.
      if (j > start && b[at + start]! & DETERMINER) {
        relative = true
        continue
      }
      // "it's", "we're", "i've", "they'd", "you'll"
      const ending = (x >> ENDING_SHIFT) & 7
      const subject = ((x >> CONTRACTION_SHIFT) & 7) - 1
      const tense =
        ending === END_D
          ? j + 1 < words.length && b[at + j + 1]! & PAST_FORM
            ? PAST
            : MODAL
          : ending === END_PRESENT
            ? PRESENT
            : ending === END_PERFECT
              ? PERFECT_TENSE
              : MODAL
      return subject * 4 + tense
    }
    let tense: number
    if (x & PRESENT_FORM)
      tense = x & HAVE && j + 1 < words.length && b[at + j + 1]! & PAST_FORM ? PERFECT_TENSE : PRESENT
    else if (x & PAST_AUX || (x & PAST_FORM && !(j > 0 && b[at + j - 1]! & DETERMINER))) tense = PAST
    else if (x & MODAL_FORM) tense = MODAL
    else {
      // "I open", "we page", "she opens": a pronoun and a plain verb in the present.
      const kind = ((x >> KIND_SHIFT) & 7) - 1
      if (kind >= 0 && kind <= 3) {
        let k = j + 1
        while (k < end && b[at + k]! & SKIP) k++
        if (k < words.length) {
          const v = b[at + k]!
          if (v & PLAIN && !(v & (PAST_AUX | MODAL_FORM | PAST_FORM)))
            if (kind !== 3 || words[k]!.endsWith('s')) return kind * 4 + PRESENT
        }
      }
      continue
    }
    let k = j - 1
    while (k >= start && b[at + k]! & SKIP) k--
    const subject = k < start ? NONE : ((b[at + k]! >> KIND_SHIFT) & 7) - 1
    // "The two features I deferred shipped later": a pronoun's clause inside a noun phrase that opens the
    // sentence is a relative clause; the main clause is the noun phrase's own verb, further on.
    if (subject >= 0 && k > start && b[at + start]! & DETERMINER) {
      relative = true
      continue
    }
    return (subject < 0 || relative ? NP : subject) * 4 + tense
  }
  return -1
}

/** Sentences an answer needs before how much a sentence shares with the rest of it means anything. */
const TOPIC_MIN_SENTENCES = 6
/** Words shorter than this carry no topic ("the", "was", "fix"). */
const TOPIC_MIN_LENGTH = 5

/** A word that can carry the topic: long enough, lower-case letters first, and not a signal word. */
function topical(word: string): boolean {
  if (word.length < TOPIC_MIN_LENGTH) return false
  const c = word.charCodeAt(0)
  return c >= 97 && c <= 122 && !SIGNAL_WORDS.has(word)
}

/**
 * Per sentence, how many of its topic words (by stem) occur in another sentence of the answer, and how many
 * it has: a tangent about the coffee or the weather shares few words with the story around it. One lookup
 * per topic word: each distinct stem gets a slot, and the counting runs over the slots.
 */
function topicOverlap(
  sentences: readonly AnalyzedSentence[],
  bits: Int32Array,
  wordAt: Int32Array,
): { shared: Uint16Array; own: Uint16Array } {
  const n = sentences.length
  const slotOf = new Map<string, number>()
  const wordSlots: number[] = []
  const starts = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) {
    starts[i] = wordSlots.length
    const stems = sentences[i]!.stems
    const at = wordAt[i]!
    for (let j = 0; j < stems.length; j++) {
      if (!(bits[at + j]! & TOPIC)) continue
      const st = stems[j]!
      let slot = slotOf.get(st)
      if (slot === undefined) {
        slot = slotOf.size
        slotOf.set(st, slot)
      }
      wordSlots.push(slot)
    }
  }
  starts[n] = wordSlots.length
  // Per slot: in how many sentences it occurs, and the last sentence (plus one) that counted it.
  const spread = new Uint16Array(slotOf.size)
  const last = new Int32Array(slotOf.size)
  for (let i = 0; i < n; i++)
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const slot = wordSlots[k]!
      if (last[slot] === i + 1) continue
      last[slot] = i + 1
      spread[slot]!++
    }
  const shared = new Uint16Array(n)
  const own = new Uint16Array(n)
  last.fill(0)
  for (let i = 0; i < n; i++)
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const slot = wordSlots[k]!
      if (last[slot] === i + 1) continue
      last[slot] = i + 1
      own[i]!++
      if (spread[slot]! > 1) shared[i]!++
    }
  return { shared, own }
}

/** A word that compares a measure with another before "than" ("faster", "fewer", "less"). */
function comparative(x: string): boolean {
  return x === 'less' || x === 'more' || (x.endsWith('er') && x !== 'after' && x !== 'under' && x !== 'over')
}

/** A character that is a digit. */
function hasDigit(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i)
    if (c >= 48 && c <= 57) return true
  }
  return false
}

/**
 * Does the sentence state a change in a measure: "from 11% to 0.5%", "by 40%", "down to two", "five times
 * faster"? An outcome verb alone ("I reduced the pairing") may be a step taken, not what came of it.
 */
function statesChange(w: readonly string[], any: number): boolean {
  if (any & PERCENT) return true
  for (let j = 0; j < w.length; j++) {
    const x = w[j]!
    const next = w[j + 1] ?? ''
    if ((x === 'by' || x === 'to') && hasDigit(next)) return true
    if (x === 'from') for (let k = j + 2; k < w.length && k < j + 8; k++) if (w[k] === 'to') return true
    if ((x === 'times' || x === 'percent') && j > 0) return true
    if (next === 'than' && comparative(x)) return true
  }
  return false
}

/** Verbs of need and intent that take "to" and a verb: "had to", "needed to", "wanted to", "was to". */
const OBLIGATION_VERBS = new Set([
  'had',
  'have',
  'has',
  'need',
  'needed',
  'needs',
  'want',
  'wanted',
  'was',
  'is',
  'were',
  'are',
  'got',
  'aim',
  'aimed',
  'meant',
  'supposed',
  'decided',
  'agreed',
  'promised',
  'committed',
])

/** Does the sentence say what someone had to, needed to or set out to do ("we had to restore service")? */
function statesObligation(w: readonly string[], bits: Int32Array, at: number): boolean {
  for (let j = 0; j + 2 < w.length; j++)
    if (bits[at + j]! & NEED && w[j + 1] === 'to' && /^[a-z]+$/.test(w[j + 2]!) && !isPastTense(w[j + 2]!))
      return true
  return false
}

/** Words of judgement and of degree, as bits: one lookup per word. */
const EVALUATIVE = 1
const INTENSIFIER = 2
const TONE = new Map<string, number>([
  ...[...EVALUATIVE_WORDS].map((x) => [x, EVALUATIVE] as [string, number]),
  ...[...INTENSIFIERS].map((x) => [x, INTENSIFIER] as [string, number]),
])

/** Bits of what a word can tell the labeller, memoised per word: one lookup per word of an answer. */
const TOPIC = 1 << 2
const NEED = 1 << 3
const PERCENT = 1 << 4
const PRESENT_FORM = 1 << 5
const PAST_AUX = 1 << 6
const MODAL_FORM = 1 << 7
const SKIP = 1 << 8
const DETERMINER = 1 << 9
const PAST_FORM = 1 << 10
const PLAIN = 1 << 11
const HAVE = 1 << 12
const CONTRACTION_SUBJECT = 1 << 13
/** Three-bit fields: the word's subject kind (SUBJECTS index + 1), a contraction's ending and its subject. */
const KIND_SHIFT = 14
const ENDING_SHIFT = 17
const CONTRACTION_SHIFT = 20
const END_PRESENT = 1
const END_PERFECT = 2
const END_MODAL = 3
const END_D = 4
const ENDINGS: Readonly<Record<string, number>> = {
  s: END_PRESENT,
  re: END_PRESENT,
  m: END_PRESENT,
  ve: END_PERFECT,
  ll: END_MODAL,
  d: END_D,
}
const WORD_BITS = new Map<string, number>()
const WORD_BITS_LIMIT = 20_000

/** A subject kind's field value: its SUBJECTS index + 1, or 0. */
function kindOf(word: string): number {
  const kind = SUBJECT_KINDS[word]
  return kind === undefined ? 0 : SUBJECTS.indexOf(kind as (typeof SUBJECTS)[number]) + 1
}

function wordBits(word: string): number {
  let b = WORD_BITS.get(word)
  if (b === undefined) {
    b =
      (topical(word) ? TOPIC : 0) |
      (TONE.get(word) ?? 0) |
      (OBLIGATION_VERBS.has(word) ? NEED : 0) |
      (word.includes('%') ? PERCENT : 0) |
      (PRESENT_FINITE.has(word) ? PRESENT_FORM : 0) |
      (word === 'has' || word === 'have' ? HAVE : 0) |
      (PAST_FINITE.has(word) ? PAST_AUX : 0) |
      (MODAL_FINITE.has(word) ? MODAL_FORM : 0) |
      (VERB_SKIP.has(word) ? SKIP : 0) |
      (DETERMINERS.has(word) ? DETERMINER : 0) |
      (isPastTense(word) ? PAST_FORM : 0) |
      (/^[a-z]+$/.test(word) ? PLAIN : 0) |
      (kindOf(word) << KIND_SHIFT)
    const apostrophe = word.indexOf("'")
    if (apostrophe > 0) {
      const kind = kindOf(word.slice(0, apostrophe))
      const ending = ENDINGS[word.slice(apostrophe + 1)] ?? 0
      if (kind !== 0 && ending !== 0)
        b |= CONTRACTION_SUBJECT | (ending << ENDING_SHIFT) | (kind << CONTRACTION_SHIFT)
    }
    if (WORD_BITS.size >= WORD_BITS_LIMIT) WORD_BITS.clear()
    WORD_BITS.set(word, b)
  }
  return b
}

/**
 * Openings that announce the outcome of everything told so far: "As a result" says so outright (the
 * sentence is the Result, as under a "Result:" heading); "In the end", "Overall" mostly do.
 */
const OUTCOME_OPENINGS: readonly (readonly string[])[] = [
  ['as', 'a', 'result'],
  ['the', 'net', 'result'],
  ['the', 'end', 'result'],
  ['the', 'upshot'],
]
const LIKELY_OUTCOME_OPENINGS: readonly (readonly string[])[] = [
  ['in', 'the', 'end'],
  ['by', 'the', 'end'],
  ['all', 'in', 'all'],
  ['overall'],
  ['in', 'total'],
]

/** Does the sentence open, after fillers, with one of the openings? */
function opensWith(w: readonly string[], start: number, openings: readonly (readonly string[])[]): boolean {
  for (const opening of openings) {
    let j = 0
    while (j < opening.length && w[start + j] === opening[j]) j++
    if (j === opening.length) return true
  }
  return false
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
  'after-actions',
  'bare-list',
  'bullet',
  'closing-opener',
  'closing-opener:last',
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
  'aside',
  'aside:opening',
  'evaluative',
  'intensifier',
  'answer:long',
  'topic:apart',
  'topic:loose',
  'topic:shared',
  'change-measure',
  'outcome:unmeasured',
  'after-outcome-opening',
  'outcome-opening',
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
/** Per subject and tense, the ids of the main-clause features; present tense also in a present-tense story. */
/** Per subject × 4 + tense, the id of its main-clause feature; per subject, its present tense in a present-tense story. */
const CLAUSE_ID = SUBJECTS.flatMap((subject) => TENSES.map((tense) => intern(`clause:${subject}-${tense}`)))
const CLAUSE_STORY_ID = SUBJECTS.map((subject) => intern(`clause:${subject}-present:story`))
const TENSE_ID = TENSES.map((t) => intern(`tense:${t}`))
const SUBJECT_ID = SUBJECTS.map((t) => intern(`subject:${t}`))
/** Need or intent, by who it is about: "I had to…" is a Task, "they had to…" is often the scene. */
const OBLIGATION_ID = SUBJECTS.map((t) => intern(`obligation:${t}`))
/** Who the answer's last sentence is about: a closing "I handed over…" is an action, "it cut…" an outcome. */
const LAST_SUBJECT_ID = SUBJECTS.map((t) => intern(`last-subject:${t}`))
const NO_CLAUSE = intern('clause:none')
/** An outcome, measure or lesson by who the main clause is about: "it cut" reads otherwise than "I cut". */
const OUTCOME_BY_SUBJECT = SUBJECTS.map((t) => intern(`outcome-subject:${t}`))
/** Answers this long are mostly rambles: more of their sentences are asides. */
const LONG_ANSWER = 30

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

/** The cue features of every sentence, in order, by id. */
export function labelFeatureIds(sentences: readonly AnalyzedSentence[]): FeatureIds {
  const n = sentences.length
  let content = 0
  let paragraphs = 0
  const clauses = new Uint8Array(n)
  // Per sentence, each word's bits (wordBits) and all of them together.
  const wordAt = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) wordAt[i + 1] = wordAt[i]! + sentences[i]!.words.length
  const bits = new Int32Array(wordAt[n]!)
  const anyBits = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (!s.headingOnly) content++
    if (s.paragraphStart || i === 0) paragraphs++
    clauses[i] = presentClauses(s.words)
    let any = 0
    for (let j = 0, at = wordAt[i]!; j < s.words.length; j++) any |= bits[at + j] = wordBits(s.words[j]!)
    anyBits[i] = any
  }
  const story = presentStory(sentences, clauses)
  const longAnswer = content >= LONG_ANSWER
  const topic = content >= TOPIC_MIN_SENTENCES ? topicOverlap(sentences, bits, wordAt) : undefined
  const ids: number[] = []
  const starts: number[] = []
  let heading: Star | undefined
  /** The heading names a STAR section outright ("Action:", "**R**"), not in other words ("What I did"). */
  let named = false
  let sinceHeading = 0
  let told = 0
  let k = 0
  let paragraph = -1
  /** An earlier sentence opened with "As a result", "In the end": what follows is usually more outcome. */
  let outcomeOpened = false
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
    if (s.heading === undefined && HEADING_LINE.test(s.text)) {
      // A heading the engine cannot name still ends the section above it.
      heading = undefined
      ids.push(F['heading-line'])
      continue
    }
    const f = s.features
    const w = s.words
    // How many sentences before this one told an action: after the actions, a state is usually the outcome.
    const actionsBefore = told
    if (f.iDid || f.weDid || clauses[i]! & NARRATIVE_PRESENT) told++
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
    else if (k === 1) ids.push(F['pos:first'])
    else if (k === 2) ids.push(F['pos:second'])
    else if (rel < 0.2) ids.push(F['pos:early'])
    if (k === content && content > 1) ids.push(F['pos:last'])
    else if (rel > 0.75) ids.push(F['pos:late'])
    if (s.paragraphStart && k > 1) ids.push(F['paragraph-start'])
    if (paragraph === 0 && paragraphs > 1) ids.push(F['paragraph:first'])
    if (paragraph === paragraphs - 1 && paragraphs > 1) ids.push(F['paragraph:last'])
    if (f.words < 8) ids.push(F['len:short'])
    else if (f.words > 30) ids.push(F['len:long'])

    // Phrase cues of the sections and of what is not a story.
    if (f.hypothetical) ids.push(F.hypothetical)
    if (f.generic)
      ids.push(f.iDid || f.weDid || f.metrics.length > 0 ? F['generic-claim'] : F['generic-claim-alone'])
    if (f.meta) ids.push(F.meta)
    if (f.list) ids.push(F['bare-list'])
    if (f.fragment) ids.push(F.fragment)
    // In a story told in the present tense, a present-tense sentence is not a claim by that alone.
    if (f.present && !f.reflection && !f.change && !f.task)
      ids.push(story ? F['present-tense-claim:story'] : F['present-tense-claim'])
    if (f.interjection) ids.push(F.interjection)
    if (f.situation) ids.push(F['context-phrase'])
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
    if (f.metrics.length > 0) {
      ids.push(actionsBefore >= 2 ? F['metric:after-actions'] : F.metric)
      if (f.metrics.length > 1) ids.push(F.metrics)
      if (f.outcome) ids.push(F['measured-outcome'])
    } else if (f.figures > 0) ids.push(F.figure)
    if (f.outcome) ids.push(F.outcome)
    const change = statesChange(w, anyBits[i]!)
    if (change) ids.push(F['change-measure'])
    else if (f.outcome) ids.push(F['outcome:unmeasured'])
    if (f.vagueOutcome) ids.push(F['vague-outcome'])
    if (f.reflection) ids.push(F.reflection)
    if (f.change) ids.push(F['lasting-change'])

    // Spoken fillers aside, how the sentence opens and which closed-class words it uses.
    const hits = scanWords(PHRASES, w, s.infos)
    const start = coreStart(s, hits[Phrase.Filler]!, numbered)
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
    // "In the end…" opening the answer's last sentence is its outcome; earlier it may only move the story on.
    if (hits[Phrase.Closing]!.some((h) => h.from <= start + 1)) {
      ids.push(F['closing-opener'])
      if (i === n - 1) ids.push(F['closing-opener:last'])
    }

    // The main clause: who it is about and its tense. A present-tense statement about the world is a view,
    // unless the whole story is told in the present.
    const clause = mainClause(w, bits, wordAt[i]!, start)
    const subject = clause >> 2
    if (clause === -1) ids.push(NO_CLAUSE)
    else {
      const tense = clause & 3
      ids.push(tense === PRESENT && story ? CLAUSE_STORY_ID[subject]! : CLAUSE_ID[clause]!)
      ids.push(TENSE_ID[tense]!, SUBJECT_ID[subject]!)
      if (k === content && content > 1) ids.push(LAST_SUBJECT_ID[subject]!)
      if (anyBits[i]! & NEED && statesObligation(w, bits, wordAt[i]!)) ids.push(OBLIGATION_ID[subject]!)
    }
    if (anyBits[i]! & EVALUATIVE) ids.push(F.evaluative)
    if (anyBits[i]! & INTENSIFIER) ids.push(F.intensifier)
    if (longAnswer) ids.push(F['answer:long'])
    if (topic !== undefined && topic.own[i]! >= 3) {
      const share = topic.shared[i]! / topic.own[i]!
      ids.push(share < 0.25 ? F['topic:apart'] : share < 0.5 ? F['topic:loose'] : F['topic:shared'])
    }
    if (clause !== -1 && (f.outcome || f.metrics.length > 0 || f.reflection))
      ids.push(OUTCOME_BY_SUBJECT[subject]!)
    if (outcomeOpened) ids.push(F['after-outcome-opening'])
    if (opensWith(w, start, OUTCOME_OPENINGS)) {
      ids.push(F['outcome-opening'])
      outcomeOpened = true
    } else if (opensWith(w, start, LIKELY_OUTCOME_OPENINGS)) outcomeOpened = true
    const asides = hits[Phrase.Aside]!
    if (asides.length > 0) {
      ids.push(F.aside)
      if (asides[0]!.from <= start + 1) ids.push(F['aside:opening'])
    }

    // Tense: narrative present ("I open the dashboard") against views and habits ("I think", "I usually").
    const pc = clauses[i]!
    if (pc & NARRATIVE_PRESENT) ids.push(story ? F['narrative-present:story'] : F['narrative-present'])
    if (pc & OPINION) ids.push(F.opinion)
    if (pc & PERFECT) ids.push(F.perfect)
    if (pc & (NARRATIVE_PRESENT | PERFECT) && w.some((x) => PAST_TIME_WORDS.has(x)))
      ids.push(F['present-with-past-time'])
    // Verb-first bullets and fragments: "Profiled the service" is an action with an implied "I".
    if (first !== undefined && isPastTense(first) && !f.statePast)
      ids.push(bullet || numbered ? F['verb-first:list'] : F['verb-first'])
  }
  starts.push(ids.length)
  return { ids, starts }
}
