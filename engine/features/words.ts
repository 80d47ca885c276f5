// Word facts: what each word is (pronoun, past-tense verb, number word, month), memoised, and the sentence
// as the feature finders read it.

import { FRACTIONS, MONTHS, MULTIPLIED, NUMBER_WORDS } from '../lexicon/measures'
import {
  DETERMINERS,
  I_FORMS,
  I_SUBJECT,
  OTHER_SUBJECTS,
  PLACING,
  SECOND_PERSON,
  TEAM_SHARE,
  TEAM_SUBJECT_HEADS,
  WE_FORMS,
  WE_SUBJECT,
} from '../lexicon/pronouns'
import { BE_HAVE_DO, IRREGULAR_PAST, MODALS, NOT_PAST, OUTCOME_STEMS, SAME_FORM } from '../lexicon/verbs'
import { type MultiTable, type PhraseHit, scanAll, type WordRoots } from '../phrases'
import { stem } from '../stem'
import type { Token } from '../text'
import type { Place } from '../types'

/**
 * The one empty list of places that sentences without any share: most sentences of a long answer have no
 * measures, hedges or "we", and one list for them all spares the collector. Frozen: never to be added to.
 */
export const NO_PLACES: Place[] = Object.freeze([]) as unknown as Place[]

/** One sentence as every feature finder reads it. */
export interface SentenceContext {
  /** The whole answer: a few cues look at the characters around a token. */
  answer: string
  /** The sentence after any inline heading, and where it starts in the answer. */
  body: string
  bodyStart: number
  tokens: readonly Token[]
  /** Lower-case token texts. */
  words: readonly string[]
  /** `WordFlag` bits of each word. */
  flags: readonly number[]
  /** Each word's memoised facts. */
  infos: readonly WordInfo[]
}

/** Bits of a word's facts. */
export enum WordFlag {
  I = 1,
  We = 2,
  Past = 4,
  NumberWord = 8,
  Month = 16,
  OutcomeStem = 32,
  ISubject = 64,
  WeSubject = 128,
  /** "doubled", "halved": a measure by itself. */
  Multiplied = 256,
  /** "half", "third", "quarter". */
  Fraction = 512,
  /** A form of "be", "have" or "do" (`BE_HAVE_DO`). */
  BeHaveDo = 1024,
  /** Addresses the listener (`SECOND_PERSON`). */
  SecondPerson = 2048,
  /** "the", "our", "my", "whole", "entire" (`DETERMINERS`). */
  Determiner = 4096,
  /** "team", "group", "everyone" (`TEAM_SUBJECT_HEADS`). */
  TeamHead = 8192,
  /** "it", "they", "she" (`OTHER_SUBJECTS`). */
  OtherSubject = 16384,
  /** A count as a specific detail: a number word other than a vague amount, or one joined to what it counts ("six-month"). */
  CountedNumber = 32768,
  /** "i" or one of its contractions ("i'm", "i've"): never a name. */
  IWord = 65536,
  /** A digit or dot after the first character (`hasInnerMark`): "s3", "node.js". */
  InnerMark = 131072,
}

/** Number words that only say "a few" or "one of": no specific detail. */
const VAGUE_AMOUNTS = new Set(['one', 'single', 'half', 'twice', 'dozen', 'dozens', 'hundreds', 'thousands'])

/** A number word joined to what it counts: "six-month", "thirty-minute", "two-week", "three-person". */
function countedCompound(lower: string): boolean {
  const dash = lower.indexOf('-')
  if (dash <= 0 || dash === lower.length - 1) return false
  const head = lower.slice(0, dash)
  return NUMBER_WORDS.has(head) && !VAGUE_AMOUNTS.has(head)
}

export interface WordInfo extends WordRoots {
  /**
   * The word as the memo holds it: the same text as the token's, in one string kept across answers, so that
   * every later lookup of it reuses its hash.
   */
  word: string
  stem: string
  flags: number
}

/** A one-word sentence's lists, frozen: every such sentence of the word shares them. */
interface OneWord {
  infos: WordInfo[]
  words: string[]
  stems: string[]
  flags: number[]
}

/**
 * The lists of each word's one-word sentence, made when first needed. They are kept beside the word's info, not
 * in it: an info is part of every analysis that has the word, and a list holding the info would make it circular.
 */
const ALONE = new WeakMap<WordInfo, OneWord>()

/** The lists of a sentence made of the one word `info`, shared by all such sentences. */
export function alone(info: WordInfo): OneWord {
  let one = ALONE.get(info)
  if (one === undefined) {
    one = {
      infos: Object.freeze([info]) as WordInfo[],
      words: Object.freeze([info.word]) as string[],
      stems: Object.freeze([info.stem]) as string[],
      flags: Object.freeze([info.flags]) as number[],
    }
    ALONE.set(info, one)
  }
  return one
}

/**
 * `scanAll` over a sentence's words, except that when each word is already known to start no phrase of the
 * table, the table's one shared result of empty (frozen) lists stands for the scan: most sentences of a run of
 * numbers or initials start none.
 */
export function scanWords(
  table: MultiTable,
  words: readonly string[],
  infos: readonly WordInfo[],
): readonly PhraseHit[][] {
  for (let i = 0; i < infos.length; i++)
    if (infos[i]!.roots[table.id] !== null) return scanAll(table, words, infos)
  return table.none
}

// An answer looks each word up in many lists; a memo makes that one lookup.
const WORD_INFO = new Map<string, WordInfo>()
const WORD_INFO_LIMIT = 20_000

export function wordInfo(w: string): WordInfo {
  let info = WORD_INFO.get(w)
  if (info !== undefined) return info
  const st = stem(w)
  let flags = 0
  if (I_FORMS.has(w)) flags |= WordFlag.I
  if (WE_FORMS.has(w)) flags |= WordFlag.We
  if (I_SUBJECT.has(w)) flags |= WordFlag.ISubject
  if (WE_SUBJECT.has(w)) flags |= WordFlag.WeSubject
  if (isPastTense(w)) flags |= WordFlag.Past
  if (NUMBER_WORDS.has(w)) flags |= WordFlag.NumberWord
  if (MONTHS.has(w)) flags |= WordFlag.Month
  if (OUTCOME_STEMS.has(st)) flags |= WordFlag.OutcomeStem
  if (MULTIPLIED.has(w)) flags |= WordFlag.Multiplied
  if (FRACTIONS.has(w)) flags |= WordFlag.Fraction
  if (BE_HAVE_DO.has(w)) flags |= WordFlag.BeHaveDo
  if (SECOND_PERSON.has(w)) flags |= WordFlag.SecondPerson
  if (DETERMINERS.has(w)) flags |= WordFlag.Determiner
  if (TEAM_SUBJECT_HEADS.has(w)) flags |= WordFlag.TeamHead
  if (OTHER_SUBJECTS.has(w)) flags |= WordFlag.OtherSubject
  if ((NUMBER_WORDS.has(w) && !VAGUE_AMOUNTS.has(w)) || countedCompound(w)) flags |= WordFlag.CountedNumber
  if (w === 'i' || w.startsWith("i'")) flags |= WordFlag.IWord
  if (hasInnerMark(w)) flags |= WordFlag.InnerMark
  info = { word: w, stem: st, flags, roots: [] }
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

/** A modal, or a contraction of one ("I'd", "they'll"): words come normalised, a typographic apostrophe is "'". */
export function isModal(word: string): boolean {
  return MODALS.has(word) || word.endsWith("'d") || word.endsWith("'ll")
}

/** A past participle after "I'd" / "we'd" ("I'd rewritten"), so the contraction is "had", not "would". */
export function isParticiple(word: string): boolean {
  return isPastTense(word) && !SAME_FORM.has(word)
}

export interface PersonCounts {
  iCount: number
  weCount: number
  /** Where the speaker hides behind "we". */
  weSpans: Place[]
  /** Any past-tense verb at all. */
  past: boolean
}

/**
 * Counts "I" and "we"; "the team" before a past-tense verb counts as "we". Written into `out` (and returned):
 * one object reused for every sentence, not a new one each.
 */
export function personCounts({ tokens, words, flags }: SentenceContext, out: PersonCounts): PersonCounts {
  let iCount = 0
  let weCount = 0
  let weSpans = NO_PLACES
  let past = false
  for (let i = 0; i < flags.length; i++) {
    const fl = flags[i]!
    if (fl & WordFlag.I) iCount++
    else if (fl & WordFlag.We) {
      weCount++
      if (weSpans === NO_PLACES) weSpans = [{ start: tokens[i]!.start, end: tokens[i]!.end }]
      else weSpans.push({ start: tokens[i]!.start, end: tokens[i]!.end })
    }
    if (fl & WordFlag.Past) past = true
  }
  // "The team rewrote…" hides the speaker as much as "we rewrote…"; "Farah on my team kept running the tests"
  // names who did it, while "most of the team rewrote…" is the team again.
  for (let i = 0; i + 1 < words.length; i++) {
    if (
      flags[i]! & WordFlag.Determiner &&
      !(i > 1 && PLACING.has(words[i - 1]!) && !TEAM_SHARE.has(words[i - 2]!)) &&
      flags[i + 1]! & WordFlag.TeamHead &&
      isPastTense(words[i + 2] ?? '')
    ) {
      weCount++
      if (weSpans === NO_PLACES) weSpans = [{ start: tokens[i]!.start, end: tokens[i + 1]!.end }]
      else weSpans.push({ start: tokens[i]!.start, end: tokens[i + 1]!.end })
    }
  }
  if (weSpans.length > 1) weSpans.sort((a, b) => a.start - b.start)
  out.iCount = iCount
  out.weCount = weCount
  out.weSpans = weSpans
  out.past = past
  return out
}

const UPPER = /\p{Lu}/u

/** A capital, digit or dot after the first character: "PagerDuty", "S3", "Node.js". */
export function hasInnerMark(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46) return true
    if (c >= 128 && UPPER.test(text.charAt(i))) return true
  }
  return false
}

/** True when the character at `i` is an upper-case letter (ASCII fast path). */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER.test(text.charAt(i))
}

/** A year from 1900 to 2099. */
export function isYear(t: Token): boolean {
  const w = t.text
  if (w.length !== 4) return false
  const a = w.charCodeAt(0)
  const b = w.charCodeAt(1)
  return (
    ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigit(w.charCodeAt(2)) && isDigit(w.charCodeAt(3))
  )
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
