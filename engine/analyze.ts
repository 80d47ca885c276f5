// Reads an answer once: sentences, tokens, cue features, STAR labels and section shares, shared by every check.

import { labelSentences } from './label'
import {
  CHANGE_PHRASES,
  GENERIC_CLAIMS,
  HEDGES,
  HYPOTHETICAL_OPENERS,
  I_FORMS,
  I_SUBJECT,
  IRREGULAR_PAST,
  META_PHRASES,
  MONTHS,
  NOT_PAST,
  NUMBER_WORDS,
  OUTCOME_PHRASES,
  OUTCOME_STEMS,
  REFLECTION_PHRASES,
  REPORTED_SPEECH,
  SITUATION_PHRASES,
  SITUATION_WEAK,
  STATE_PAST,
  TASK_PHRASES,
  TASK_WEAK,
  TECH_TERMS,
  UNIT_WORDS,
  VAGUE_OUTCOME,
  WE_FORMS,
  WE_SUBJECT,
} from './lexicon'
import { compileMulti, type PhraseHit, scanAll } from './phrases'
import { stem } from './stem'
import { countWords, type HeadingSection, splitSentences, type Token, tokenize } from './text'
import { type Place, SECTIONS, type Section, type Star } from './types'

export interface SentenceFeatures {
  words: number
  iCount: number
  weCount: number
  /** Main clause: I + a past-tense verb of doing. */
  iDid: boolean
  /** Main clause: we / the team + a past-tense verb of doing. */
  weDid: boolean
  /** Main clause subject + a past-tense state verb ("I was", "we had", "it was"). */
  statePast: boolean
  /** Any past-tense verb at all. */
  past: boolean
  metrics: Place[]
  /** Numbers, number words, money: any figure, measured or not. */
  figures: number
  outcome: boolean
  vagueOutcome: boolean
  /** Learning: "I learned", "in hindsight", "taught me". */
  reflection: boolean
  /** Lasting change: "since then", "from then on", "now I always". */
  change: boolean
  task: boolean
  /** A constraint is mentioned ("deadline"), which Task and Result sentences both do. */
  taskWeak: boolean
  situation: boolean
  /** Weaker scene-setting phrases ("there was", "it was", "our team"). */
  situationWeak: boolean
  /** Main clause in the present tense with I or we: opinions, habits, claims ("I think", "I'm a believer"). */
  present: boolean
  /** Addresses the listener ("you know", "if you've ever"). */
  secondPerson: boolean
  /** Opens with a spoken interjection ("Okay, so", "Sure,", "Hmm"). */
  interjection: boolean
  hypothetical: boolean
  generic: boolean
  meta: boolean
  fragment: boolean
  list: boolean
  timeMarker: boolean
  /** Spans of specific detail: figures, names, tools, dates. */
  details: Place[]
  hedges: Place[]
  weSpans: Place[]
}

export interface AnalyzedSentence {
  text: string
  start: number
  end: number
  bodyStart: number
  heading?: HeadingSection
  headingOnly: boolean
  paragraphStart: boolean
  tokens: Token[]
  /** Lower-case token texts. */
  words: string[]
  /** Stems of `words`, for keyword matching. */
  stems: string[]
  features: SentenceFeatures
  star: Star
  cues: string[]
}

export interface Analysis {
  text: string
  sentences: AnalyzedSentence[]
  words: number
  sections: Record<Section, { words: number; share: number }>
  iCount: number
  weCount: number
}

// Every lexicon list in one table: each sentence is scanned once for all of them.
const LEXICON = compileMulti([
  OUTCOME_PHRASES,
  VAGUE_OUTCOME,
  REFLECTION_PHRASES,
  CHANGE_PHRASES,
  TASK_PHRASES,
  SITUATION_PHRASES,
  SITUATION_WEAK,
  GENERIC_CLAIMS,
  META_PHRASES,
  HYPOTHETICAL_OPENERS,
  [...TECH_TERMS],
  HEDGES.filter((h) => h !== 'like,'),
  TASK_WEAK,
])
enum Lex {
  Outcome,
  Vague,
  Reflection,
  Change,
  Task,
  Situation,
  SituationWeak,
  Generic,
  Meta,
  Hypothetical,
  Tech,
  Hedge,
  TaskWeak,
}
const within = (hits: PhraseHit[], limit: number) => hits.filter((h) => h.to <= limit)
const REPORTED = new Set(REPORTED_SPEECH)

const SUBORDINATORS = new Set([
  'when',
  'while',
  'after',
  'before',
  'because',
  'since',
  'although',
  'though',
  'once',
  'if',
  'as',
  'whenever',
  'until',
  'given',
  'despite',
  'with',
  'by',
  'to',
  'in',
  'at',
  'during',
  'over',
  'within',
  'on',
  'for',
  'from',
  'after',
])
const SKIPPABLE = new Set([
  'then',
  'also',
  'first',
  'quickly',
  'immediately',
  'personally',
  'eventually',
  'finally',
  'still',
  'even',
  'just',
  'actually',
  'initially',
  'later',
  'next',
  'soon',
  'together',
  'both',
  'all',
  'never',
  'once',
  'again',
  'carefully',
  'really',
  'mostly',
  'instead',
  'myself',
  'ourselves',
  'only',
  'already',
  'further',
  'jointly',
  'deliberately',
  'directly',
  'explicitly',
  'simply',
  'not',
  "didn't",
  'did',
  'always',
  'often',
  'sometimes',
  'usually',
])
// A present-tense claim needs a pronoun subject right before its verb ("I think", "we always").
const PRONOUN_OR_ADVERB =
  /^(?:i|we|i'm|we're|then|also|always|often|sometimes|usually|really|just|still|never|\w+ly)$/
const TEAM_SUBJECT_HEADS = new Set(['team', 'teams', 'group', 'squad', 'everyone', 'everybody'])
const OUTCOME_STEM_SET = OUTCOME_STEMS

const MULTIPLIED = new Set(['doubled', 'tripled', 'quadrupled', 'halved', 'tenfold', 'twofold', 'threefold'])
const FRACTIONS = new Set(['half', 'third', 'quarter'])
const FRACTION_LEADS = new Set(['by', 'in', 'a'])
const DETERMINERS = new Set(['the', 'our', 'my', 'whole', 'entire'])
const OTHER_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'they', 'he', 'she'])
const BE_HAVE_DO = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'have', 'has', 'do', 'does'])
const UPPER = /\p{Lu}/u

/** True when the character at `i` is an upper-case letter (ASCII fast path). */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(text.charAt(i))
}

/** A capital, digit or dot after the first character: "PagerDuty", "S3", "Node.js". */
function hasInnerMark(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46) return true
    if (c >= 128 && UPPER.test(text.charAt(i))) return true
  }
  return false
}

// Verbs whose base form is also their past form: after "I'd" they read as "I would".
const SAME_FORM = new Set([
  'set',
  'put',
  'cut',
  'split',
  'shut',
  'read',
  'hit',
  'let',
  'cost',
  'bet',
  'spread',
  'quit',
  'run',
])

/** A past participle after "I'd" / "we'd" ("I'd rewritten"), so the contraction is "had", not "would". */
function isParticiple(word: string): boolean {
  return isPastTense(word) && !SAME_FORM.has(word)
}

// Per-word facts, memoised: an answer looks each word up in many lists, a memo makes that one lookup.
enum W {
  I = 1,
  We = 2,
  Past = 4,
  NumberWord = 8,
  Month = 16,
  OutcomeStem = 32,
  ISubject = 64,
  WeSubject = 128,
}
interface WordInfo {
  stem: string
  flags: number
}
const WORD_INFO = new Map<string, WordInfo>()
const WORD_INFO_LIMIT = 20_000

function wordInfo(w: string): WordInfo {
  let info = WORD_INFO.get(w)
  if (info !== undefined) return info
  const st = stem(w)
  let flags = 0
  if (I_FORMS.has(w)) flags |= W.I
  if (WE_FORMS.has(w)) flags |= W.We
  if (I_SUBJECT.has(w)) flags |= W.ISubject
  if (WE_SUBJECT.has(w)) flags |= W.WeSubject
  if (isPastTense(w)) flags |= W.Past
  if (NUMBER_WORDS.has(w)) flags |= W.NumberWord
  if (MONTHS.has(w)) flags |= W.Month
  if (OUTCOME_STEM_SET.has(st)) flags |= W.OutcomeStem
  info = { stem: st, flags }
  if (WORD_INFO.size >= WORD_INFO_LIMIT) WORD_INFO.clear()
  WORD_INFO.set(w, info)
  return info
}

export function isPastTense(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true
  if (word.length < 4 || !word.endsWith('ed')) return false
  if (NOT_PAST.has(word)) return false
  const c = word.charCodeAt(word.length - 3)
  return c >= 97 && c <= 122
}

function isYear(t: Token): boolean {
  return /^(?:19|20)\d\d$/.test(t.text)
}

function isFigure(t: Token): boolean {
  return t.numeric || NUMBER_WORDS.has(t.lower)
}

/** Finds spans that measure something: "40%", "$2k", "3x", "two weeks", "from 900 to 120 ms", "halved". */
function findMetrics(tokens: readonly Token[]): Place[] {
  const spans: Place[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    if (MULTIPLIED.has(t.lower)) {
      spans.push({ start: t.start, end: t.end })
      continue
    }
    // "twice the volume", "cut in half", "down by a third"
    if (
      t.lower === 'twice' ||
      t.lower === 'thrice' ||
      (FRACTIONS.has(t.lower) && FRACTION_LEADS.has(tokens[i - 1]?.lower ?? ''))
    ) {
      spans.push({ start: t.start, end: t.end })
      continue
    }
    if (!isFigure(t)) continue
    // "every two weeks" is a rhythm, not a measure of outcome.
    if (i > 0 && tokens[i - 1]!.lower === 'every') continue
    // "March 10" and "Q3 2024" are dates, not measures.
    if (t.numeric && i > 0 && MONTHS.has(tokens[i - 1]!.lower) && !/[%$€£]/.test(t.text)) continue
    const selfUnit = /[%$€£kKmMbBxX]|ms$/.test(t.text) && t.numeric
    const nextWord = next?.lower
    const unitAfter =
      nextWord !== undefined &&
      (UNIT_WORDS.has(nextWord) || (nextWord.endsWith('s') && UNIT_WORDS.has(nextWord.slice(0, -1))))
    if (isYear(t) && !unitAfter) continue
    if (t.lower === 'one' && !unitAfter) continue
    if (t.lower === 'single' || t.lower === 'quarter') {
      if (!unitAfter) continue
    }
    if (selfUnit || unitAfter || (t.numeric && /\d/.test(t.text) && !isYear(t) && hasFromTo(tokens, i))) {
      const end = unitAfter && next !== undefined ? next.end : t.end
      spans.push({ start: t.start, end })
      if (unitAfter) i++
    } else if (
      t.numeric &&
      t.text.length >= 2 &&
      !isYear(t) &&
      !t.text.includes('.') &&
      !afterName(tokens, i)
    ) {
      // A bare count ("reviewed 40 pull requests") is still a measure; "Node 18" and "Python 3.12" are versions.
      spans.push({ start: t.start, end: t.end })
    }
  }
  return spans
}

/** True after a capitalised name inside the sentence ("Node 18", "Java 21"): a version, not a count. */
function afterName(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]
  return prev !== undefined && i - 1 > 0 && isUpperAt(prev.text, 0)
}

function hasFromTo(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.lower
  return prev === 'from' || prev === 'to' || prev === 'by'
}

function mainClauseStart(
  words: readonly string[],
  tokens: readonly Token[],
  text: string,
  base: number,
): number {
  if (words.length === 0) return 0
  if (!SUBORDINATORS.has(words[0]!)) return 0
  // The main clause begins after the first comma.
  const comma = text.indexOf(',', 0)
  if (comma === -1) return 0
  const offset = base + comma
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start > offset) return i
  return 0
}

interface SubjectVerb {
  subject: 'i' | 'we' | 'other'
  verb: string
  index: number
}

/** The first subject + verb pair from `from` on, skipping adverbs between them. */
function findSubjectVerb(words: readonly string[], from: number): SubjectVerb | undefined {
  for (let i = from; i < words.length; i++) {
    const w = words[i]!
    let subject: SubjectVerb['subject'] | undefined
    let j = i + 1
    if (I_SUBJECT.has(w)) subject = 'i'
    else if (WE_SUBJECT.has(w)) subject = 'we'
    else if (TEAM_SUBJECT_HEADS.has(w) && i > 0 && DETERMINERS.has(words[i - 1]!)) subject = 'we'
    else if (DETERMINERS.has(w) && TEAM_SUBJECT_HEADS.has(words[i + 1] ?? '')) {
      // "Our team (at a logistics startup) was asked…": the verb is the first past-tense word after the noun.
      j = i + 2
      while (j < words.length && j < i + 9 && !isPastTense(words[j]!)) j++
      if (j >= words.length || j >= i + 9) return { subject: 'we', verb: '', index: i + 1 }
      return { subject: 'we', verb: words[j]!, index: j }
    } else if (OTHER_SUBJECTS.has(w) || (i === from && (w === 'the' || w === 'our' || w === 'my'))) {
      subject = 'other'
      if (w === 'the' || w === 'our' || w === 'my') {
        // "The service was...", "Our deploys took..."
        j = i + 2
        while (j < words.length && j < i + 4 && !isPastTense(words[j]!)) j++
      }
    }
    if (subject === undefined) continue
    if (w === "i'll" || w === "we'll") return { subject, verb: 'will', index: i }
    if (w === "i'd" || w === "we'd") {
      // "I'd" + past participle is "I had"; "I'd" + base verb is "I would".
      const next = words[i + 1]
      return { subject, verb: next !== undefined && isParticiple(next) ? 'had' : 'would', index: i }
    }
    while (j < words.length && j < i + 5 && (SKIPPABLE.has(words[j]!) || words[j]!.endsWith('ly'))) j++
    const verb = words[j]
    if (verb === undefined) return undefined
    return { subject, verb, index: j }
  }
  return undefined
}

function spanOfHits(tokens: readonly Token[], hits: readonly PhraseHit[]): Place[] {
  return hits.map((h) => ({ start: tokens[h.from]!.start, end: tokens[h.to - 1]!.end }))
}

function analyzeFeatures(
  text: string,
  tokens: Token[],
  words: string[],
  flags: number[],
  sentenceText: string,
  base: number,
  sentenceStart: boolean,
): SentenceFeatures {
  const n = words.length
  let iCount = 0
  let weCount = 0
  const weSpans: Place[] = []
  let past = false
  for (let i = 0; i < n; i++) {
    const fl = flags[i]!
    if (fl & W.I) iCount++
    else if (fl & W.We) {
      weCount++
      weSpans.push({ start: tokens[i]!.start, end: tokens[i]!.end })
    }
    if (fl & W.Past) past = true
  }

  // "The team rewrote…" hides the speaker as much as "we rewrote…".
  for (let i = 0; i + 1 < n; i++) {
    if (
      DETERMINERS.has(words[i]!) &&
      TEAM_SUBJECT_HEADS.has(words[i + 1]!) &&
      isPastTense(words[i + 2] ?? '')
    ) {
      weCount++
      weSpans.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end })
    }
  }
  weSpans.sort((a, b) => a.start - b.start)
  const mainFrom = mainClauseStart(words, tokens, sentenceText, base)
  let sv = findSubjectVerb(words, mainFrom)
  if (sv === undefined && mainFrom > 0) sv = findSubjectVerb(words, 0)
  let iDid = false
  let weDid = false
  let statePast = false
  if (sv !== undefined) {
    const v = sv.verb
    const isPast = isPastTense(v)
    const state = STATE_PAST.has(v)
    if (isPast && !state) {
      if (sv.subject === 'i') iDid = true
      else if (sv.subject === 'we') weDid = true
    }
    if (isPast && state) statePast = true
    if (sv.subject === 'other' && isPast) statePast = statePast || state || !OUTCOME_STEM_SET.has(stem(v))
  }
  let present = false
  if (sv !== undefined && (sv.subject === 'i' || sv.subject === 'we')) {
    const subjectWord =
      words[mainFrom] === undefined
        ? ''
        : (words.slice(mainFrom).find((w) => I_SUBJECT.has(w) || WE_SUBJECT.has(w)) ?? '')
    const perfect = subjectWord === "i've" || subjectWord === "we've"
    if (perfect) {
      present = true
      iDid = false
      weDid = false
    } else if (subjectWord === "i'm" || subjectWord === "we're") {
      // "I'm obsessed with…": after a present "be", an -ed word is an adjective, not an action.
      present = true
      iDid = false
      weDid = false
    } else if (words.includes("didn't") || words.includes('never')) {
      // "I didn't argue; instead I asked…" is a past action told in the negative.
      if (sv.subject === 'i') iDid = true
      else weDid = true
    } else if (
      sv.verb !== '' &&
      PRONOUN_OR_ADVERB.test(words[sv.index - 1] ?? '') &&
      !isPastTense(sv.verb) &&
      !/^(?:would|will|could|should|might|can|must|had|was|were|remember|recall)$/.test(sv.verb)
    ) {
      present = true
    }
  }
  // A second clause can carry the action: "Once the data was in, I rewrote the job."
  if (!iDid && !weDid && !present) {
    for (let i = 0; i < n - 1; i++) {
      const w = words[i]!
      if (!(flags[i]! & (W.ISubject | W.WeSubject))) continue
      let j = i + 1
      while (j < n && j < i + 4 && (SKIPPABLE.has(words[j]!) || words[j]!.endsWith('ly'))) j++
      const v = words[j]
      if (v !== undefined && isPastTense(v) && !STATE_PAST.has(v)) {
        if (I_SUBJECT.has(w)) iDid = true
        else weDid = true
        break
      }
    }
  }

  const lex = scanAll(LEXICON, words)
  const metrics = findMetrics(tokens)
  let figures = 0
  for (let i = 0; i < n; i++) {
    if ((tokens[i]!.numeric || flags[i]! & W.NumberWord) && words[i] !== 'one' && words[i] !== 'single')
      figures++
  }

  const outcomeHits = lex[Lex.Outcome]!
  let outcome = outcomeHits.length > 0
  if (!outcome) {
    for (let i = 0; i < n; i++) {
      const fl = flags[i]!
      if (fl & W.OutcomeStem && (fl & W.Past || words[i]!.endsWith('s'))) {
        outcome = true
        break
      }
    }
  }
  const vagueOutcome = lex[Lex.Vague]!.length > 0
  const reflectionHits = lex[Lex.Reflection]!
  // "made me" reflects only with a change of mind ("made me rethink"), not "made me lead the project".
  const reflection = reflectionHits.some(
    (h) => h.phrase !== 'made me' || /^(?:re|realiz|realis|question)/.test(words[h.to] ?? ''),
  )
  // "I always…" and "I still…" describe a lasting change only when the sentence looks back.
  const change = lex[Lex.Change]!.some(
    (h) =>
      (h.phrase !== 'i always' && h.phrase !== 'i still') ||
      words.includes('since') ||
      words.includes('now') ||
      words.includes('today'),
  )
  const taskHits = lex[Lex.Task]!
  const situationHits = within(lex[Lex.Situation]!, 8)
  const situationWeak = within(lex[Lex.SituationWeak]!, 8).length > 0
  const secondPerson = words.some(
    (w) => w === 'you' || w === "you've" || w === "you'll" || w === "you're" || w === "you'd",
  )
  const opinion = /^(?:for me|to me|in my opinion|in my view|personally|i believe|i feel)\b/i.test(
    sentenceText,
  )
  const interjection = /^(?:(?:okay|ok|sure|right|so|well|yeah|um|uh|alright)\s*,|hmm|um\b|uh\b)/i.test(
    sentenceText,
  )
  const generic = lex[Lex.Generic]!.length > 0
  const meta = within(lex[Lex.Meta]!, 6).length > 0

  // Hypothetical: a modal or habitual opener in the main clause, unless it reports a past promise.
  let hypothetical = false
  const hypoHits = within(lex[Lex.Hypothetical]!, mainFrom + 8)
  for (const h of hypoHits) {
    const before = words.slice(Math.max(0, h.from - 4), h.from)
    if (before.some((w) => REPORTED.has(w))) continue
    if (
      (h.phrase === "i'd" || h.phrase === "we'd") &&
      (words[h.from + 1] === 'have' || isParticiple(words[h.from + 1] ?? ''))
    )
      continue
    if ((h.phrase === 'i would' || h.phrase === "i'd") && words[h.from + 2] === 'have') continue
    if (
      /^(?:i always|i also|i then|i first|i make sure|i make it|i focus on|i can|i need to|i want to)$/.test(
        h.phrase,
      )
    ) {
      // Present-tense habits count only without a past-tense verb of doing in the sentence.
      if (past) continue
    }
    hypothetical = true
    break
  }
  // "Next time, I would…" and "Since then I always…" look back on the story; they are not hypotheticals.
  if (hypothetical && (reflection || change)) hypothetical = false
  // "If I were in that situation" style conditionals
  if (!hypothetical && words[0] === 'if' && !past && (words.includes('would') || words.includes("i'd")))
    hypothetical = true

  const timeMarker =
    tokens.slice(0, 6).some((t) => isYear(t) || MONTHS.has(t.lower)) ||
    (n > 2 &&
      /^(?:last|in|back|during|at|early|late|two|three|a)$/.test(words[0]!) &&
      tokens.slice(0, 5).some(isYear))

  // Specific detail: figures, dates, tools, and proper names inside the sentence.
  const details: Place[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.numeric || flags[i]! & W.Month) {
      details.push({ start: t.start, end: t.end })
      continue
    }
    const atStart = i === 0 || (sentenceStart && i === 0)
    const cap = isUpperAt(t.text, 0)
    const inner = hasInnerMark(t.text)
    if (t.lower === 'i' || t.lower.startsWith("i'")) continue
    if ((cap && !atStart && t.text.length > 1) || (inner && t.text.length > 1)) {
      details.push({ start: t.start, end: t.end })
    }
  }
  // A set of starts, not a search of `details` per hit: a sentence of many tool names would cost quadratic time.
  const techHits = lex[Lex.Tech]!
  const detailStarts = techHits.length === 0 ? undefined : new Set(details.map((d) => d.start))
  for (const h of techHits) {
    const s = tokens[h.from]!.start
    if (!detailStarts!.has(s)) {
      details.push({ start: s, end: tokens[h.to - 1]!.end })
      detailStarts!.add(s)
    }
  }
  details.sort((a, b) => a.start - b.start)

  const hedges = spanOfHits(tokens, lex[Lex.Hedge]!)
  // "like," as filler
  for (let i = 0; i < n; i++) {
    if (words[i] === 'like') {
      const after = text.charAt(tokens[i]!.end)
      const beforeCh = text.charAt(tokens[i]!.start - 2)
      if (after === ',' && (beforeCh === ',' || i === 0))
        hedges.push({ start: tokens[i]!.start, end: tokens[i]!.end })
    }
  }

  const commas = (sentenceText.match(/,/g) ?? []).length
  const anyVerb = past || words.some((w) => BE_HAVE_DO.has(w))
  const list = commas >= 2 && commas >= n / 4 && !anyVerb
  const fragment = n > 0 && n < 4 && !anyVerb

  return {
    words: n,
    iCount,
    weCount,
    iDid,
    weDid,
    statePast,
    past,
    metrics,
    figures,
    outcome,
    vagueOutcome,
    reflection,
    change,
    task: taskHits.length > 0,
    taskWeak: lex[Lex.TaskWeak]!.length > 0,
    situation: situationHits.length > 0,
    situationWeak,
    present: present || (opinion && !past),
    secondPerson,
    interjection,
    hypothetical,
    generic,
    meta,
    fragment,
    list,
    timeMarker,
    details,
    hedges,
    weSpans,
  }
}

/** Analyzes an answer. Never throws; an empty answer gives no sentences. */
export function analyze(text: string): Analysis {
  const raw = splitSentences(text)
  const sentences: AnalyzedSentence[] = []
  // One tokenizer pass over the whole answer; each sentence takes the tokens inside its body.
  const all = tokenize(text)
  let next = 0
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!
    while (next < all.length && all[next]!.start < r.bodyStart) next++
    const first = next
    while (next < all.length && all[next]!.end <= r.end) next++
    const tokens = r.headingOnly ? [] : all.slice(first, next)
    const words = tokens.map((t) => t.lower)
    const infos = tokens.map((t) => wordInfo(t.lower))
    const stems = infos.map((x) => x.stem)
    const flags = infos.map((x) => x.flags)
    const features = analyzeFeatures(
      text,
      tokens,
      words,
      flags,
      text.slice(r.bodyStart, r.end),
      r.bodyStart,
      true,
    )
    sentences.push({
      text: r.text,
      start: r.start,
      end: r.end,
      bodyStart: r.bodyStart,
      heading: r.heading,
      headingOnly: r.headingOnly,
      paragraphStart: r.paragraphStart,
      tokens,
      words,
      stems,
      features,
      star: 'other',
      cues: [],
    })
  }
  labelSentences(sentences)

  let total = 0
  let iCount = 0
  let weCount = 0
  const sectionWords: Record<Section, number> = { situation: 0, task: 0, action: 0, result: 0 }
  for (const s of sentences) {
    total += s.features.words
    iCount += s.features.iCount
    weCount += s.features.weCount
    if (s.star !== 'other') sectionWords[s.star] += s.features.words
  }
  const words = total === 0 ? countWords(text) : total
  const sections = {} as Record<Section, { words: number; share: number }>
  for (const sec of SECTIONS) {
    sections[sec] = { words: sectionWords[sec], share: words === 0 ? 0 : round2(sectionWords[sec] / words) }
  }
  return { text, sentences, words, sections, iCount, weCount }
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100
}
