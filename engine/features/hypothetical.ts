// Hypotheticals: a modal or habitual opener in the main clause ("I would…", "I always…"), unless it reports
// a past promise or looks back on the story.

import { HABIT_OPENERS, KIND_OF_CASE, REPORTED_SPEECH, REPORTED_SPEECH_PRESENT } from '../lexicon/cues'
import { IRREGULAR_PARTICIPLES } from '../lexicon/verbs'
import type { PhraseHit } from '../phrases'
import { isModal, isParticiple, isPastTense } from './words'

const REPORTED = new Set(REPORTED_SPEECH)
const REPORTED_NOW = new Set(REPORTED_SPEECH_PRESENT)
/** Words that make what follows a case rather than a moment: "when a client says…, I would…". */
const WHEN = new Set(['when', 'whenever', 'if', 'once'])

/**
 * A report in the present of what the speaker said they would do, as a story told in the present tells it: "I
 * tell her I'll check in every Monday". Its verb is told of "I" or "we", within the four words before the opener,
 * and no "when" or "if" sets it on a kind of case ("When a client says it is late, I would call them").
 */
function reportsNow(words: readonly string[], from: number): boolean {
  for (let k = Math.max(1, from - 4); k < from; k++) {
    if (!REPORTED_NOW.has(words[k]!)) continue
    if (words[k - 1] !== 'i' && words[k - 1] !== 'we') continue
    return !words.slice(0, k).some((w) => WHEN.has(w))
  }
  return false
}
const EMBEDDING = new Set(['if', 'whether', 'that'])

export interface HypotheticalInput {
  words: readonly string[]
  /** Hits of the hypothetical openers in the sentence. */
  openers: readonly PhraseHit[]
  /** Index of the first word of the main clause. */
  mainFrom: number
  /** The sentence has a past-tense verb. */
  past: boolean
  /** The sentence reflects or tells a lasting change: then "I would…" looks back. */
  looksBack: boolean
}

/** Words in an "if" clause that set it on the story just told: "if I did it again", "if I started over today". */
const AGAIN = new Set(['again', 'over', 'today', 'now'])
const ANOTHER = new Set(['chance', 'go', 'try', 'shot'])

/**
 * A conditional that looks back on the story, the way people close one: "If I started again I would run the
 * comparison first", "If I had to do it over today, I'd…", "Given another chance, I would…", "What I'd do
 * differently is…", "I'd now start with a load test". It is a lesson, not what the candidate would do instead of
 * telling what they did.
 */
export function looksAgain(words: readonly string[]): boolean {
  if (words[0] === 'given' && words[1] === 'another' && ANOTHER.has(words[2] ?? '')) return true
  // "What I'd do differently is…", "I'd now start with a load test", "Today I would ask first".
  for (let j = 0; j < words.length; j++) {
    const w = words[j]!
    if (w !== "i'd" && !(w === 'i' && words[j + 1] === 'would')) continue
    const next = words.slice(j + (w === "i'd" ? 1 : 2), j + 5)
    if (
      next.includes('differently') ||
      next[0] === 'now' ||
      words[j - 1] === 'today' ||
      words[j - 1] === 'now'
    )
      return true
  }
  if (words[0] !== 'if' || (words[1] !== 'i' && words[1] !== 'we')) return false
  for (let j = 2; j < Math.min(words.length, 10); j++) if (AGAIN.has(words[j]!)) return true
  return false
}

const SUPPOSING = new Set(['if', 'unless', 'suppose', 'supposing', 'imagine', 'assuming'])

/** Whether the words before `to` open a supposition: "if", "unless", "suppose", "supposing", "imagine", "assuming". */
function supposes(words: readonly string[], to: number): boolean {
  for (let j = 0; j < to; j++) if (SUPPOSING.has(words[j]!)) return true
  return false
}

/** Modals that, followed by "have", tell what did not happen in the story: "we would have run out", "I should have". */
const PAST_MODALS = new Set(['would', 'could', 'might', 'should', "i'd", "we'd"])

/** Where a modal followed by "have" stands at or after `from` ("would have", "could've"…), or -1. */
function modalHave(words: readonly string[], from: number): number {
  for (let j = from; j + 1 < words.length; j++)
    if (PAST_MODALS.has(words[j]!) && words[j + 1] === 'have') return j
  return -1
}

/**
 * A counterfactual about the story: the opener's modal (or the "had" of "if I had") followed by "have" and a
 * participle, "without the extra orders we would have run out", "if we had waited we would have missed the
 * launch", "we could have lost the weekend", "I should have tested it". It tells what the story avoided or what
 * the candidate regrets, not what they would do.
 */
function counterfactual(words: readonly string[], h: PhraseHit): boolean {
  if (PAST_MODALS.has(words[h.to - 1] ?? '') && words[h.to] === 'have') return true
  return (h.phrase === 'if i had' || h.phrase === 'if we had') && modalHave(words, h.to) >= 0
}

/** Anyone, in a case told of anyone: "if someone is stuck", "whenever people ask". */
const ANYONE = new Set([
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'people',
  'customers',
  'users',
  'clients',
])
/** "a" or "any" before one of these is anyone of them: "if a customer complains", "when a new hire joins". */
const A_PERSON = new Set([
  'customer',
  'user',
  'client',
  'colleague',
  'teammate',
  'engineer',
  'developer',
  'manager',
  'patient',
  'student',
  'member',
  'candidate',
  'stakeholder',
  'partner',
  'person',
  'new',
  'junior',
])
/** Words between "I" and its verb: "I immediately called", "we simply rolled back". */
const BEFORE_VERB = new Set(['first', 'then', 'also', 'just', 'still', 'even', 'simply', 'usually', 'always'])

/**
 * A case told of anyone, then what the speaker or their team does in it, in the present: "If a customer
 * complains, I ring them back myself the same day", "When someone is stuck, I pair with them", "Whenever people
 * ask for an estimate, we give a range". It is a habit offered instead of a story, however it is worded; "When a
 * customer complained, I immediately called them" is the story, and so is "Once a week, I reviewed…". Read by
 * the real-story check, outside stories told in the present.
 */
export function genericCase(words: readonly string[]): boolean {
  if (!WHEN.has(words[0] ?? '')) return false
  const a = words[1] === 'a' || words[1] === 'an' || words[1] === 'any'
  if (!(ANYONE.has(words[1] ?? '') || (a && A_PERSON.has(words[2] ?? '')))) return false
  for (let j = 2; j + 1 < words.length; j++) {
    const w = words[j]!
    if (w !== 'i' && w !== 'we') continue
    let k = j + 1
    while (k < words.length && (BEFORE_VERB.has(words[k]!) || words[k]!.endsWith('ly'))) k++
    const verb = words[k] ?? ''
    return (
      verb !== '' &&
      !isPastTense(verb) &&
      !isModal(verb) &&
      !PAST_NEGATIVES.has(verb) &&
      verb !== 'was' &&
      verb !== 'were'
    )
  }
  return false
}

/** What a candidate calls the story they choose: "the one", "the story", "the example", "the bet". */
const STORY_NOUNS = new Set([
  'one',
  'story',
  'example',
  'bet',
  'time',
  'project',
  'case',
  'situation',
  'incident',
])
/** Verbs of choosing or telling it: "the one I'd pick", "the story I'd tell", "the example I'd use". */
const CHOOSING = new Set([
  'pick',
  'choose',
  'talk',
  'tell',
  'share',
  'use',
  'mention',
  'describe',
  'give',
  'go',
])

/**
 * The opener `h` is the candidate choosing the story to tell: "the one I'd pick is…", "the bet I'd talk about is
 * from Longshadow Games", "the example I would use is…". It says which story follows, not what they would do.
 */
function choosesStory(words: readonly string[], h: PhraseHit): boolean {
  if (h.phrase !== "i'd" && h.phrase !== 'i would') return false
  return STORY_NOUNS.has(words[h.from - 1] ?? '') && CHOOSING.has(words[h.to] ?? '')
}

/** Words that open a clause about something named before: "a time when I would ring her", "the day which we…". */
const RELATIVE = new Set(['when', 'where', 'which', 'who', 'whom', 'whose'])
/** States that report what was to come, as reporting verbs do: "it was clear we would not get there". */
const SEEN_TO_COME = new Set([
  'clear',
  'obvious',
  'evident',
  'certain',
  'apparent',
  'likely',
  'unlikely',
  'sure',
])

/**
 * The opener `h` tells, inside a past sentence, what was then still to come or what could not be done, not what
 * the candidate would do: in a clause about something a past verb before it named ("I agreed a fixed time with
 * her, when I would ring her", "we picked a day which we could all make"), a past inability about something just
 * named ("we had a deadline we could not move"), or what was seen coming ("it was clear we would not get there").
 * Read by the checks only; the labeller keeps the openers' plain reading.
 */
function futureInPast(words: readonly string[], h: PhraseHit): boolean {
  let pastBefore = false
  for (let j = 0; j < h.from; j++) if (isPastTense(words[j]!)) pastBefore = true
  if (!pastBefore) return false
  const before = words[h.from - 1] ?? ''
  if (RELATIVE.has(before)) return true
  // A past inability about something just named ("a deadline we could not move"), not one that opens a clause of
  // its own ("…, and I could not see myself ignoring it", "honestly, I could never stay quiet").
  const next = words[h.to] ?? ''
  if (
    words[h.to - 1] === 'could' &&
    (next === 'not' || next === 'never') &&
    !JOINS.has(before) &&
    !before.endsWith('ly')
  )
    return true
  for (let j = Math.max(0, h.from - 3); j < h.from; j++) if (SEEN_TO_COME.has(words[j]!)) return true
  return false
}
/** Words that open a clause of its own before "I could not": "and", "but", "so", "because". */
const JOINS = new Set([
  'and',
  'but',
  'so',
  'or',
  'yet',
  'then',
  'because',
  'as',
  'since',
  'though',
  'although',
  'while',
  'when',
  'if',
  'that',
  'where',
  'which',
  'who',
  'frankly',
  'really',
  'just',
  'also',
  'still',
])

/** Words that make a counterfactual told of "I" or "we" one of what was avoided: "without it", "if we had…". */
const CONDITION = new Set(['without', 'otherwise', 'if', 'had', 'unless'])

/**
 * What the story avoided: "without the extra orders we would have run out", "otherwise the clinic could have lost
 * its licence", "that would have cost us £40,000". A regret is not one: "should have" never is, and "I/we
 * would/could have…" only with the condition that was avoided ("if we had waited, we would have missed…"), since
 * "I could have talked to customers" tells what the candidate did not do.
 */
export function tellsAvoided(words: readonly string[]): boolean {
  const j = modalHave(words, 0)
  if (j < 0 || words[j] === 'should') return false
  const speaker = words[j - 1] === 'i' || words[j - 1] === 'we' || words[j] === "i'd" || words[j] === "we'd"
  return !speaker || words.slice(0, j).some((w) => CONDITION.has(w))
}

/** The kinds of case, as words to match after "in" (`KIND_OF_CASE`). */
const CASES = KIND_OF_CASE.map((k) => k.split(' '))

/**
 * Whether the sentence sets itself on a kind of case rather than this one: "in these situations", "in cases like
 * this", "in general", "as a rule".
 */
export function kindOfCase(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'as' && words[i + 1] === 'a' && words[i + 2] === 'rule') return true
    if (words[i] === 'in' && CASES.some((c) => c.every((w, k) => words[i + 1 + k] === w))) return true
  }
  return false
}

/** "agreed that we would": "that" introduces what was reported; "in a case like that, I would": it points back. */
const POINTING = new Set(['like', 'after', 'before', 'for', 'with', 'about', 'of', 'at', 'on', 'in', 'than'])

/**
 * Whether the sentence says what the candidate would, could or usually does rather than what they did. `read`
 * is the reading the checks take: a counterfactual about the story ("we would have run out") is not one, a
 * situational opener before a past step ("In that case, we rolled back") neither, and a sentence set on a kind
 * of case ("in these situations, I tend to…") is one wherever its opener stands. Without it, the reading the
 * sentence labeller was trained on: the openers alone.
 */
export function isHypothetical(
  { words, openers, mainFrom, past, looksBack }: HypotheticalInput,
  read = true,
): boolean {
  if (looksAgain(words)) return false
  // Told of a kind of case, an opener anywhere in the sentence says what the candidate does in such cases.
  const general = read && kindOfCase(words)
  let hypothetical = false
  for (const h of openers) {
    if (h.to > mainFrom + 8 && !general) continue
    if (read && counterfactual(words, h)) continue
    // "In that case, we rolled back": a situational opener before a past step tells the story.
    if (read && past && !general && h.phrase.startsWith('in ')) continue
    // Choosing the story to tell is no hypothetical: "Um, so, the one I'd pick is from Longshadow Games".
    if (read && choosesStory(words, h)) continue
    // A past sentence that tells, after a step, what was then to come or could not be done: "I agreed a time
    // when I would ring her", "we had a deadline we could not move", "it was clear we would not get there".
    if (read && past && !general && !supposes(words, h.from) && futureInPast(words, h)) continue
    const before = words.slice(Math.max(0, h.from - 4), h.from)
    // A reported future ("I promised I would", "it meant we would"), unless the report is itself supposed: "If a
    // manager suggested skipping the tests, I would push back".
    if (
      (before.some((w) => REPORTED.has(w)) || (read && reportsNow(words, h.from))) &&
      !supposes(words, h.from)
    )
      continue
    // An embedded clause of a past sentence reports what was asked or decided ("I asked if I could own it",
    // "we agreed that we would ship on Friday"); it is not what the candidate would do now.
    if (past && EMBEDDING.has(words[h.from - 1] ?? '') && !(general && POINTING.has(words[h.from - 2] ?? '')))
      continue
    if (
      (h.phrase === "i'd" || h.phrase === "we'd") &&
      (words[h.from + 1] === 'have' || isParticiple(words[h.from + 1] ?? ''))
    )
      continue
    if ((h.phrase === 'i would' || h.phrase === "i'd") && words[h.from + 2] === 'have') continue
    // Present-tense habits count only without a past-tense verb of doing in the sentence.
    if (HABIT_OPENERS.has(h.phrase) && past && !general) continue
    hypothetical = true
    break
  }
  // "Next time, I would…" and "Since then I always…" look back on the story; they are not hypotheticals.
  if (hypothetical && looksBack) hypothetical = false
  // "If I were in that situation" style conditionals
  if (!hypothetical && words[0] === 'if' && !past && (words.includes('would') || words.includes("i'd")))
    hypothetical = true
  return hypothetical
}

const MODAL_AFTER_SO = new Set(['could', 'would', 'can', 'might'])

/**
 * A past step whose only modal is in the clause saying what it was for: "I added an index so we could query by
 * date", "I split the job so I could rerun each region". Read by the checks, which take such a sentence as the
 * step it tells, though the sentence features mark it hypothetical.
 */
export function stepForPurpose(words: readonly string[]): boolean {
  const k = words.findIndex(
    (w, i) =>
      w === 'so' && (words[i + 1] === 'i' || words[i + 1] === 'we') && MODAL_AFTER_SO.has(words[i + 2] ?? ''),
  )
  if (k < 0) return false
  for (let j = 0; j + 1 < k; j++)
    if ((words[j] === 'i' || words[j] === 'we') && isPastTense(words[j + 1]!)) {
      // Nothing hypothetical before the step: "I would usually …, so I could" is no past step.
      return !words
        .slice(0, j + 2)
        .some((w) => w === 'would' || w === "i'd" || w === 'usually' || w === 'always')
    }
  return false
}

/** Present-tense verbs, ability and obligation: with a modal (`isModal`), what keeps a sentence out of the past. */
const PRESENT = new Set([
  'can',
  'must',
  'is',
  "isn't",
  'are',
  "aren't",
  'am',
  "i'm",
  'do',
  "don't",
  'does',
  "doesn't",
])

/** Who "would" must follow to say what someone would do rather than what kept happening. */
const SPEAKER = new Set(['i', 'we', 'you', 'one', 'they', 'he', 'she', ''])

/** Past negatives: "it didn't", "we weren't" still tell what happened. */
const PAST_NEGATIVES = new Set(["didn't", "wasn't", "weren't", "hadn't"])

/** A modal or present verb, or a contraction of one ("wouldn't", "you'd", "they'll", "can't"). */
function keepsHypothetical(w: string): boolean {
  if (isModal(w) || PRESENT.has(w)) return true
  return w.endsWith("n't") && !PAST_NEGATIVES.has(w)
}

/**
 * What kept happening in the story, told in the past with no modal or present verb: "After that the HR director
 * came to me first whenever they planned a change", "every time it broke we logged why". It happened; it is no
 * habit of the candidate's offered instead of a story ("Usually the disagreement isn't about the design"). Beside
 * a step the speaker took (`stepTaken`), "would" told of something else says what kept happening then: "We kept a
 * list of every time it broke, and one team's test would wipe the tables another needed". The hypothetical check
 * and the evidence checks both read a habit this way.
 */
export function pastHabit(words: readonly string[], past: boolean, stepTaken: boolean): boolean {
  if (!past) return false
  for (let j = 0; j < words.length; j++)
    if (
      keepsHypothetical(words[j]!) &&
      !(stepTaken && words[j] === 'would' && !SPEAKER.has(words[j - 1] ?? ''))
    )
      return false
  return true
}

/** Adverbs that may stand between "'d" and its participle: "I'd even written", "we'd already shipped". */
const BETWEEN = new Set([
  'even',
  'also',
  'already',
  'just',
  'never',
  'only',
  'recently',
  'since',
  'previously',
  'once',
  'all',
])

/**
 * A sentence whose "I'd" or "we'd" is "had": "I'd even written a migration script the year before", "we'd been on
 * call all week". The sentence features read a contraction before an adverb or an irregular participle as
 * "would"; the checks read it as what it is, where no other modal is in the sentence.
 */
export function saysHad(words: readonly string[]): boolean {
  let had = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w !== "i'd" && w !== "we'd") {
      // Another modal keeps the sentence hypothetical whatever its "'d" says.
      if (isModal(w)) return false
      continue
    }
    let j = i + 1
    while (BETWEEN.has(words[j] ?? '')) j++
    const next = words[j] ?? ''
    if (!(isParticiple(next) || IRREGULAR_PARTICIPLES.has(next))) return false
    had = true
  }
  return had
}
