// ownership: inside the Action, the candidate says "I" for what they did rather than hiding behind "we".

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { stepForPurpose } from '../../features/hypothetical'
import { isPastTense } from '../../features/words'
import { DETERMINERS, TEAM_SUBJECT_HEADS, WE_FORMS } from '../../lexicon/pronouns'
import { type CheckRunner, clamp01, message, percent } from '../check'
import { countedStars } from '../star-sections/run'
import type { OwnershipOptions } from './options'

const NOTE =
  'The interviewer is hiring you, not your team, so they listen for what you decided and did yourself.'

/** Words that open a relative or purpose clause: "the catalogue which we already ran", "so that we could". */
const RELATIVE = new Set(['which', 'that', 'where', 'who', 'whom'])

/** Words that open a clause of time, reason or purpose: "while we waited", "so we could ship". */
const AROUND = new Set([
  'while',
  'when',
  'before',
  'after',
  'until',
  'once',
  'because',
  'since',
  'as',
  'so',
  'if',
  'whenever',
  'though',
  'although',
])

/** What a team does with what the speaker put forward: "the team agreed", "we approved it". */
const ACCEPTED = new Set(['agreed', 'approved', 'accepted', 'adopted'])

/** A "we" or "the team" at `j` whose verb only accepts the speaker's step: "…, and the team agreed on it". */
function acceptsAfter(words: readonly string[], j: number): boolean {
  const w = words[j]!
  const group = WE_FORMS.has(w) || (TEAM_SUBJECT_HEADS.has(w) && j > 0 && DETERMINERS.has(words[j - 1]!))
  if (!group) return false
  let k = j + 1
  if (words[k] === 'all' || words[k] === 'then' || words[k] === 'quickly') k++
  return ACCEPTED.has(words[k] ?? '')
}

/** Verbs whose "we" after them is what the speaker put to the team: "I suggested we split the job by region". */
const PROPOSED = new Set(['suggested', 'proposed', 'recommended', 'argued', 'insisted', 'asked', 'pushed'])

/**
 * "We" that hides what the speaker did: not "us" as an object ("which let us retire…"), not "we" in a clause
 * that only describes ("the catalogue which we already ran") or sets the scene around the speaker's step ("I
 * rewrote it while we waited"), and not the "we" of a proposal the speaker made ("I suggested we split the job"), so adding such a clause to an "I" sentence does not read as sharing the
 * credit.
 */
function hidingWe(s: AnalyzedSentence): number {
  let described = 0
  for (let j = 0; j < s.words.length; j++) {
    const w = s.words[j]!
    if (w === 'us' || w === 'ourselves') described++
    else if (WE_FORMS.has(w) && j > 0 && RELATIVE.has(s.words[j - 1]!)) described++
    else if (
      WE_FORMS.has(w) &&
      j > 1 &&
      PROPOSED.has(s.words[j - 1]!) &&
      s.words.slice(Math.max(0, j - 4), j - 1).includes('i')
    )
      described++
    // "I rewrote the parser while we waited for the vendor": with "I" doing the main clause's step, a "we"
    // in a clause of time, reason or purpose sets the scene around it.
    else if (WE_FORMS.has(w) && j > 0 && s.features.iDid && AROUND.has(s.words[j - 1]!)) described++
    // "I drafted a review guide, and the team agreed on it": beside the speaker's step, the team only accepts
    // what the speaker put forward, as with "I suggested we…".
    else if (s.features.iDid && acceptsAfter(s.words, j)) described++
  }
  return Math.max(0, s.features.weCount - described)
}

/** Words that state the speaker's own share of team work: "my part was…", "I wrote it myself", "I personally". */
const OWN_SHARE = new Set(['myself', 'personally'])
const MY_SHARE = new Set(['part', 'piece', 'share', 'contribution'])
const CLAIM_VERBS = new Set(['owned', 'decided'])
const CHARGED = new Set(['responsible for', 'in charge'])

/**
 * A sentence that names what the speaker did within team work: "I wrote the indexes myself", "my part was the
 * parser", "I was the one who read the query plans", "I owned the parser", "I decided to cache the rates", "I was
 * responsible for the dump analysis". It answers the interviewer's question even among "we"s.
 */
function claimsOwnShare(s: AnalyzedSentence): boolean {
  if (wouldDo(s)) return false
  const w = s.words
  for (let j = 0; j < w.length; j++) {
    // "I owned the reconnect logic", "I decided to cache the rates", "I was responsible for the dump analysis".
    if (w[j] === 'i' && CLAIM_VERBS.has(w[j + 1] ?? '')) return true
    if (w[j] === 'i' && w[j + 1] === 'was' && CHARGED.has(`${w[j + 2]} ${w[j + 3]}`)) return true
  }
  return namesOwnPart(s)
}

/**
 * The plainest of those claims, which set the speaker's work apart from the team's wherever they stand: "my
 * part was…", "I wrote it myself", "I personally…", "I was the one who…". Unlike "I owned the service" or "I
 * was responsible for payments", they do not just state a role, as a Task does.
 */
function namesOwnPart(s: AnalyzedSentence): boolean {
  if (s.features.iCount === 0 && !s.words.includes('my')) return false
  if (wouldDo(s)) return false
  const w = s.words
  for (let j = 0; j < w.length; j++) {
    if (OWN_SHARE.has(w[j]!) && s.features.iCount > 0) return true
    if (
      w[j] === 'my' &&
      (MY_SHARE.has(w[j + 1] ?? '') || (w[j + 1] === 'own' && MY_SHARE.has(w[j + 2] ?? '')))
    )
      return true
    if (w[j] === 'i' && w[j + 1] === 'was' && w[j + 2] === 'the' && w[j + 3] === 'one') return true
  }
  return false
}

/** Credit for naming one's own share of team work, however many "we"s surround it. */
const OWN_SHARE_CREDIT = 0.5

/**
 * A step told in the first person alone ("I found that one report held the connections"): among "we"s it
 * still shows one thing the speaker did, so each such step earns OWN_STEP_CREDIT, whatever the share of "I".
 * Rewriting one "we" sentence into "I" then always counts, even in an answer where a few "I"s already stood
 * among many "we"s and the share alone barely moves. `hiding` is its count of `hidingWe`.
 */
function ownStep(s: AnalyzedSentence, hiding: number): boolean {
  if (s.features.iCount === 0 || wouldDo(s)) return false
  return hiding === 0 || splitsTheWork(s.words)
}

/** Words that open a clause of its own inside a sentence: "…, and I wrote the sync", "…, while I…". */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'then', 'so', 'whereas'])
const ADVERBS = new Set(['also', 'then', 'personally', 'myself', 'just', 'quickly', 'first'])
/** Past verbs that tell a state or what was done to the speaker, not a step: "and I was nervous", "I was told". */
const NOT_A_STEP = new Set(['was', 'were', 'felt', 'seemed', 'had', 'got', 'became'])

/**
 * A sentence that divides the work, as the advice asks ("name what others did"): "We agreed on the limits, and
 * I wrote the checklist", "We used the phone's database, and I wrote the sync while Dana built the screens". An
 * "I" that opens a clause of its own after the team's, with a verb in the past, tells one step the speaker
 * took. A sentence that opens with "I" and ends with "we" ("I wrote a guide, and we added a check") is left to
 * the share of "I", as before.
 */
function splitsTheWork(w: readonly string[]): boolean {
  for (let j = 0; j < w.length; j++) {
    if (w[j] !== 'i' || j === 0 || !CLAUSE_OPENERS.has(w[j - 1]!)) continue
    const k = ADVERBS.has(w[j + 1] ?? '') ? j + 2 : j + 1
    const verb = w[k] ?? ''
    if (isPastTense(verb) && !NOT_A_STEP.has(verb)) return true
  }
  return false
}

/** What the speaker would do, not a step taken: "I added an index so we could query by date" is a step. */
function wouldDo(s: AnalyzedSentence): boolean {
  return s.features.hypothetical && !stepForPurpose(s.words)
}
/**
 * A third of the criterion per step: under a principle or theme rubric, where the star-core criteria share the
 * points with the rubric's own and ownership weighs 11.5 to 14 points rather than 16, one more step told with "I"
 * still pays about 4 points, as the suggestion promises. A quarter paid under 3 there.
 */
const OWN_STEP_CREDIT = 1 / 3

/**
 * The Action and every story sentence inside it or closing it: a sentence the labeller read as scene or Task
 * between two Action sentences, or after the last one and before the Result ("I was the one who traced it"
 * at the end of the Action paragraph), still tells the interviewer who did the work.
 */
function actionRegion(analysis: Analysis): AnalyzedSentence[] {
  const { sentences } = analysis
  const first = sentences.findIndex((s) => s.star === 'action')
  // With no Action read, the steps read as scene that the STAR structure counts as the Action, and a story
  // sentence that names the speaker's own share ("I rewrote the parser myself"), are the account of what they did.
  if (first < 0) {
    const counted = countedStars(analysis)
    return sentences.filter(
      (s, i) =>
        counted[i] === 'action' || ((s.star === 'situation' || s.star === 'task') && claimsOwnShare(s)),
    )
  }
  let end = sentences.length
  while (sentences[end - 1]!.star !== 'action') end--
  while (end < sentences.length && sentences[end]!.star !== 'result') end++
  // Before the Action, a sentence that names the speaker's own share ("My part was the migration: I wrote…",
  // read as Task or scene) tells who did the work as plainly as one inside it.
  const claimsBefore = sentences
    .slice(0, first)
    .filter((s) => (s.star === 'situation' || s.star === 'task') && !s.headingOnly && namesOwnPart(s))
  const region = sentences
    .slice(first, end)
    .filter((s) => s.star === 'action' || (s.star !== 'other' && s.star !== 'result' && !s.headingOnly))
  return claimsBefore.length === 0 ? region : [...claimsBefore, ...region]
}

export const ownership: CheckRunner<OwnershipOptions, OwnershipOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    const action = actionRegion(analysis)
    if (action.length === 0) {
      return {
        fraction: 0,
        messages: [
          message({
            ruleId,
            severity: 'warning',
            reason: 'There is no Action to show what you did yourself',
            section: 'action',
            note: NOTE,
          }),
        ],
        fix: 'Tell what you did yourself, starting sentences with "I"',
        absent: 'action',
      }
    }
    let i = 0
    let we = 0
    let ownSteps = 0
    for (const s of action) {
      const hiding = hidingWe(s)
      i += s.features.iCount
      we += hiding
      if (ownStep(s, hiding)) ownSteps++
    }
    const messages = []
    if (i + we === 0) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: 'The Action never says who did the work',
          section: 'action',
          note: NOTE,
        }),
      )
      return { fraction: 0.3, messages, fix: 'Say who did each step: "I rewrote…", "I proposed…"' }
    }
    const share = i / (i + we)
    const actionWords = action.reduce((sum, s) => sum + s.features.words, 0)
    const evidence = clamp01(actionWords / options.minActionWords)
    const byShare = clamp01((share - options.zeroShare) / (options.minShare - options.zeroShare))
    // Each step told with "I" alone earns its share of credit; naming one's own share adds to the "I" share.
    const steps = Math.max(byShare, Math.min(1, OWN_STEP_CREDIT * ownSteps))
    const mine = action.some(claimsOwnShare)
      ? Math.max(Math.min(1, byShare + OWN_SHARE_CREDIT), steps)
      : steps
    const fraction = evidence * mine
    if (evidence < 1 && share >= options.minShare) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `The Action is ${actionWords} words: too little to show what you did`,
          section: 'action',
          note: NOTE,
        }),
      )
      return {
        fraction,
        messages,
        fix: 'Walk through your own steps in the Action: what you did first, next, and why',
      }
    }
    if (fraction < 1) {
      for (const s of action) {
        for (const place of s.features.weSpans.slice(0, 3)) {
          messages.push(
            message({
              ruleId,
              severity: 'info',
              reason: 'Say "I" for what you did yourself',
              place,
              section: 'action',
              note: NOTE,
            }),
          )
        }
      }
      messages.unshift(
        message({
          ruleId,
          severity: 'warning',
          reason: `Only ${percent(share)} of the Action says "I"; interviewers want your part, not the team's`,
          section: 'action',
          note: NOTE,
        }),
      )
    }
    return {
      fraction,
      messages,
      fix:
        fraction < 1 ? 'Replace "we" with "I" where you did the work, and name what others did' : undefined,
    }
  },
}

interface OwnSentence {
  sentence: AnalyzedSentence
  claim: boolean
}

/**
 * The sentences of the Action that show the speaker's own part, as this check reads them: each step told with
 * "I" (`claim` false), and each that names the speaker's own share of team work (`claim` true).
 */
export function ownSentences(analysis: Analysis): OwnSentence[] {
  return actionRegion(analysis).flatMap((s): OwnSentence[] =>
    claimsOwnShare(s)
      ? [{ sentence: s, claim: true }]
      : s.features.iCount > 0 && !wouldDo(s)
        ? [{ sentence: s, claim: false }]
        : [],
  )
}
