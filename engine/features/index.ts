// Cue features of one sentence: who acts and how (clauses), measures, detail, hypotheticals, and the
// phrase cues of each STAR section. Labels and checks read only these.

import {
  CHANGE_NEEDS_LOOK_BACK,
  CHANGE_PHRASES,
  GENERIC_CLAIMS,
  HEDGES,
  HESITATIONS,
  HYPOTHETICAL_OPENERS,
  INTERJECTIONS,
  LOOK_BACK_WORDS,
  MADE_ME_REFLECTIVE,
  META_PHRASES,
  OPINION_OPENERS,
  OUTCOME_PHRASES,
  REFLECTION_PHRASES,
  SITUATION_PHRASES,
  SITUATION_WEAK,
  TASK_PHRASES,
  TASK_WEAK,
  VAGUE_OUTCOME,
} from '../lexicon/cues'
import { TECH_TERMS } from '../lexicon/tech'
import { compileMulti, type PhraseHit } from '../phrases'
import type { Place } from '../types'
import { type ClauseFacts, readClauses } from './clauses'
import { findDetails } from './details'
import { type HypotheticalInput, isHypothetical } from './hypothetical'
import { countFigures, findMetrics, hasTimeMarker } from './metrics'
import {
  NO_PLACES,
  type PersonCounts,
  personCounts,
  type SentenceContext,
  scanWords,
  WordFlag,
} from './words'

export type { SentenceContext } from './words'

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
  /** The opener reading of `hypothetical` that the sentence labeller was trained on (`isHypothetical`). */
  hypotheticalCue: boolean
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

// Every phrase list in one table: each sentence is scanned once for all of them.
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
/** Some hit ends within the first `limit` words. */
function within(hits: readonly PhraseHit[], limit: number): boolean {
  for (let i = 0; i < hits.length; i++) if (hits[i]!.to <= limit) return true
  return false
}

const OPINION = new RegExp(`^(?:${OPINION_OPENERS.join('|')})\\b`, 'i')
const INTERJECTION = new RegExp(
  `^(?:(?:${INTERJECTIONS.join('|')})\\s*,|hmm|(?:${HESITATIONS.join('|')})\\b)`,
  'i',
)

/**
 * The lower-case ASCII letters that the alternatives of an opening pattern start with, as bits (a to z); all
 * bits when some alternative starts otherwise. A sentence opening with an ASCII character outside them cannot
 * match, and is not handed to the pattern.
 */
function firstLetters(alternatives: readonly string[]): number {
  let bits = 0
  for (const a of alternatives) {
    const c = a.charCodeAt(0) | 32
    if (c < 97 || c > 122) return -1
    bits |= 1 << (c - 97)
  }
  return bits
}
const OPINION_FIRST = firstLetters(OPINION_OPENERS)
const INTERJECTION_FIRST = firstLetters([...INTERJECTIONS, 'hmm', ...HESITATIONS])

/** `pattern.test(body)` for an opening pattern whose alternatives start with the letters `first`. */
function opensWith(pattern: RegExp, first: number, body: string): boolean {
  const c = body.charCodeAt(0)
  if (first !== -1 && c < 128) {
    const lower = c | 32
    if (lower < 97 || lower > 122 || !(first & (1 << (lower - 97)))) return false
  }
  return pattern.test(body)
}

/** A result word: an outcome phrase, or an outcome verb in the past tense or the third person. */
function hasOutcome({ words, flags }: SentenceContext, outcomeHits: readonly PhraseHit[]): boolean {
  if (outcomeHits.length > 0) return true
  for (let i = 0; i < words.length; i++) {
    const fl = flags[i]!
    if (fl & WordFlag.OutcomeStem && (fl & WordFlag.Past || words[i]!.endsWith('s'))) return true
  }
  return false
}

/** Hedge and filler spans, with "like," as filler between commas or at the start. */
function findHedges({ answer, tokens, words }: SentenceContext, hits: readonly PhraseHit[]): Place[] {
  let hedges = NO_PLACES
  if (hits.length > 0)
    hedges = hits.map((h) => ({ start: tokens[h.from]!.start, end: tokens[h.to - 1]!.end }))
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'like') {
      const after = answer.charAt(tokens[i]!.end)
      const beforeCh = answer.charAt(tokens[i]!.start - 2)
      if (after === ',' && (beforeCh === ',' || i === 0)) {
        if (hedges === NO_PLACES) hedges = [{ start: tokens[i]!.start, end: tokens[i]!.end }]
        else hedges.push({ start: tokens[i]!.start, end: tokens[i]!.end })
      }
    }
  }
  return hedges
}

/** Some word has the `WordFlag` bit `flag`: a loop, not a closure made for every sentence. */
function someFlagged(flags: readonly number[], flag: number): boolean {
  for (let i = 0; i < flags.length; i++) if (flags[i]! & flag) return true
  return false
}

/**
 * Sentences whose features hold no places (no measures, details, hedges or "we") and small counts share one
 * frozen features object per distinct set of values: a long run of one-word sentences ("1. 2. 3.", "J. J.")
 * then keeps one object, not one per sentence. Keyed by the flags as bits and the counts above them.
 */
const SHARED = new Map<number, SentenceFeatures>()
const SHARED_LIMIT = 4096
/** Counts up to this share an object; the key holds each in 6 bits. */
const SHARED_COUNT = 64

// What the finders write their facts into, and read them from: one of each for every sentence, not new ones.
const PERSON: PersonCounts = { iCount: 0, weCount: 0, weSpans: NO_PLACES, past: false }
const CLAUSE: ClauseFacts = { mainFrom: 0, iDid: false, weDid: false, statePast: false, present: false }
const NO_WORDS: readonly string[] = Object.freeze([])
const HYPOTHETICAL: HypotheticalInput = {
  words: NO_WORDS,
  openers: Object.freeze([]),
  mainFrom: 0,
  past: false,
  looksBack: false,
}

export function sentenceFeatures(ctx: SentenceContext): SentenceFeatures {
  const { words, body } = ctx
  const n = words.length
  const { iCount, weCount, weSpans, past } = personCounts(ctx, PERSON)
  const clause = readClauses(ctx, CLAUSE)
  const lex = scanWords(LEXICON, words, ctx.infos)

  // "made me" reflects only with a change of mind ("made me rethink"), not "made me lead the project".
  const reflectionHits = lex[Lex.Reflection]!
  const reflection =
    reflectionHits.length > 0 &&
    reflectionHits.some(
      (h) => h.phrase !== 'made me' || MADE_ME_REFLECTIVE.some((p) => (words[h.to] ?? '').startsWith(p)),
    )
  // "I always…" and "I still…" describe a lasting change only when the sentence looks back.
  const changeHits = lex[Lex.Change]!
  const change =
    changeHits.length > 0 &&
    changeHits.some(
      (h) => !CHANGE_NEEDS_LOOK_BACK.has(h.phrase) || LOOK_BACK_WORDS.some((w) => words.includes(w)),
    )
  const opinion = opensWith(OPINION, OPINION_FIRST, body)
  let commas = 0
  for (let at = body.indexOf(','); at !== -1; at = body.indexOf(',', at + 1)) commas++
  const anyVerb = past || someFlagged(ctx.flags, WordFlag.BeHaveDo)

  const metrics = findMetrics(ctx.tokens, ctx.flags)
  const figures = countFigures(ctx)
  const outcome = hasOutcome(ctx, lex[Lex.Outcome]!)
  const vagueOutcome = lex[Lex.Vague]!.length > 0
  const task = lex[Lex.Task]!.length > 0
  const taskWeak = lex[Lex.TaskWeak]!.length > 0
  const situation = within(lex[Lex.Situation]!, 8)
  const situationWeak = within(lex[Lex.SituationWeak]!, 8)
  const present = clause.present || (opinion && !past)
  const secondPerson = someFlagged(ctx.flags, WordFlag.SecondPerson)
  const interjection = opensWith(INTERJECTION, INTERJECTION_FIRST, body)
  const hypotheticalInput = HYPOTHETICAL
  hypotheticalInput.words = words
  hypotheticalInput.openers = lex[Lex.Hypothetical]!
  hypotheticalInput.mainFrom = clause.mainFrom
  hypotheticalInput.past = past
  hypotheticalInput.looksBack = reflection || change
  const hypothetical = isHypothetical(hypotheticalInput)
  const hypotheticalCue = isHypothetical(hypotheticalInput, false)
  hypotheticalInput.words = NO_WORDS
  const generic = lex[Lex.Generic]!.length > 0
  const meta = within(lex[Lex.Meta]!, 6)
  const fragment = n > 0 && n < 4 && !anyVerb
  const list = commas >= 2 && commas >= n / 4 && !anyVerb
  const timeMarker = hasTimeMarker(ctx)
  const details = findDetails(ctx, lex[Lex.Tech]!)
  const hedges = findHedges(ctx, lex[Lex.Hedge]!)

  let key = -1
  if (
    metrics === NO_PLACES &&
    details === NO_PLACES &&
    hedges === NO_PLACES &&
    weSpans === NO_PLACES &&
    n < SHARED_COUNT &&
    iCount < SHARED_COUNT &&
    weCount < SHARED_COUNT &&
    figures < SHARED_COUNT
  ) {
    const bits =
      +clause.iDid |
      (+clause.weDid << 1) |
      (+clause.statePast << 2) |
      (+past << 3) |
      (+outcome << 4) |
      (+vagueOutcome << 5) |
      (+reflection << 6) |
      (+change << 7) |
      (+task << 8) |
      (+taskWeak << 9) |
      (+situation << 10) |
      (+situationWeak << 11) |
      (+present << 12) |
      (+secondPerson << 13) |
      (+interjection << 14) |
      (+hypothetical << 15) |
      (+generic << 16) |
      (+meta << 17) |
      (+fragment << 18) |
      (+list << 19) |
      (+timeMarker << 20) |
      (+hypotheticalCue << 21)
    // 22 bits of flags, then four counts of 6 bits: 46 bits, an exact integer.
    key = bits + 2 ** 22 * (n + SHARED_COUNT * (iCount + SHARED_COUNT * (weCount + SHARED_COUNT * figures)))
    const shared = SHARED.get(key)
    if (shared !== undefined) return shared
  }
  const features: SentenceFeatures = {
    words: n,
    iCount,
    weCount,
    iDid: clause.iDid,
    weDid: clause.weDid,
    statePast: clause.statePast,
    past,
    metrics,
    figures,
    outcome,
    vagueOutcome,
    reflection,
    change,
    task,
    taskWeak,
    situation,
    situationWeak,
    present,
    secondPerson,
    interjection,
    hypothetical,
    hypotheticalCue,
    generic,
    meta,
    fragment,
    list,
    timeMarker,
    details,
    hedges,
    weSpans,
  }
  if (key !== -1) {
    if (SHARED.size >= SHARED_LIMIT) SHARED.clear()
    SHARED.set(key, Object.freeze(features))
  }
  return features
}
