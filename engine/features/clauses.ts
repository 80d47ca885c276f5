// Clauses: where the main clause starts, its subject and verb, and whether it tells a past action, a past
// state or a present-tense claim.

import { CLAIM_LEADS, SKIPPABLE, SUBORDINATORS } from '../lexicon/clauses'
import { DETERMINERS, I_SUBJECT, OTHER_SUBJECTS, TEAM_SUBJECT_HEADS, WE_SUBJECT } from '../lexicon/pronouns'
import { NOT_CLAIM_VERBS, OUTCOME_STEMS, STATE_PAST } from '../lexicon/verbs'
import { stem } from '../stem'
import { isParticiple, isPastTense, type SentenceContext, WordFlag } from './words'

export interface ClauseFacts {
  /** Index of the first word of the main clause. */
  mainFrom: number
  /** Main clause: I + a past-tense verb of doing. */
  iDid: boolean
  /** Main clause: we / the team + a past-tense verb of doing. */
  weDid: boolean
  /** Main clause subject + a past-tense state verb ("I was", "we had", "it was"). */
  statePast: boolean
  /** Main clause in the present tense with I or we: opinions, habits, claims ("I think", "I'm a believer"). */
  present: boolean
}

/** The first word of the main clause: after the first comma when the sentence opens with a subordinator. */
function mainClauseStart({ words, tokens, body, bodyStart }: SentenceContext): number {
  if (words.length === 0) return 0
  if (!SUBORDINATORS.has(words[0]!)) return 0
  const comma = body.indexOf(',', 0)
  if (comma === -1) return 0
  const offset = bodyStart + comma
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start > offset) return i
  return 0
}

interface SubjectVerb {
  subject: 'i' | 'we' | 'other'
  verb: string
  index: number
}

/** The `WordFlag` bits of the words that may open a subject: a word with none of them is passed over unread. */
const SUBJECT_WORD =
  WordFlag.ISubject | WordFlag.WeSubject | WordFlag.TeamHead | WordFlag.Determiner | WordFlag.OtherSubject

/** The first subject + verb pair from `from` on, skipping adverbs between them; `flags` are the words' `WordFlag` bits. */
function findSubjectVerb(
  words: readonly string[],
  flags: readonly number[],
  from: number,
): SubjectVerb | undefined {
  for (let i = from; i < words.length; i++) {
    // "the", "our" and "my" are determiners: every word the tests below accept has one of these bits.
    if (!(flags[i]! & SUBJECT_WORD)) continue
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

/** A word that may stand right before the verb of a present-tense claim. */
function claimLead(word: string): boolean {
  return CLAIM_LEADS.has(word) || /^\w+ly$/.test(word)
}

/** The clause facts of a sentence, written into `out` (and returned): one object reused for every sentence. */
export function readClauses(ctx: SentenceContext, out: ClauseFacts): ClauseFacts {
  const { words, flags } = ctx
  const n = words.length
  const mainFrom = mainClauseStart(ctx)
  let sv = findSubjectVerb(words, flags, mainFrom)
  if (sv === undefined && mainFrom > 0) sv = findSubjectVerb(words, flags, 0)
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
    if (sv.subject === 'other' && isPast) statePast = statePast || state || !OUTCOME_STEMS.has(stem(v))
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
      claimLead(words[sv.index - 1] ?? '') &&
      !isPastTense(sv.verb) &&
      !NOT_CLAIM_VERBS.has(sv.verb)
    ) {
      present = true
    }
  }
  // A second clause can carry the action: "Once the data was in, I rewrote the job."
  if (!iDid && !weDid && !present) {
    for (let i = 0; i < n - 1; i++) {
      const w = words[i]!
      if (!(flags[i]! & (WordFlag.ISubject | WordFlag.WeSubject))) continue
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
  out.mainFrom = mainFrom
  out.iDid = iDid
  out.weDid = weDid
  out.statePast = statePast
  out.present = present
  return out
}
