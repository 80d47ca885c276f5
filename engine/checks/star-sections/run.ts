// star-sections: every STAR section present, with the Action carrying the most weight and the Situation kept short.

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { round2 } from '../../analyze'
import { scanWords } from '../../features/words'
import { POSSESSED_WORK, STATED_TASK_PHRASES } from '../../lexicon/cues'
import { PLACING } from '../../lexicon/pronouns'
import { compileMulti, type PhraseHit } from '../../phrases'
import type { Section, Star } from '../../types'
import { type CheckRunner, clamp01, message, percent, SECTION_NAMES } from '../check'
import { lastStepWhere, outcomeOfStep } from '../closing'
import { presentReading } from '../present-story'
import { looksBackOnStory } from '../reflection/run'
import type { StarSectionsOptions } from './options'

const NOTE =
  'Interviewers follow a story by its Situation, Task, Action and Result; a missing or lopsided part hides what you did.'

const WHAT: Record<Section, string> = {
  situation: 'set the scene in a sentence or two: where you were, when, and what was at stake',
  task: 'say what you were responsible for or asked to achieve',
  action: 'say step by step what you did yourself, in the past tense',
  result: 'say what happened because of your actions, with a number if you can',
}
// When several sections are missing, the fix for the most valuable one is suggested first.
const PRIORITY: Section[] = ['result', 'action', 'task', 'situation']

/** The last step the speaker took, as the STAR structure reads the story. */
function lastStepAt(analysis: Analysis): number {
  const { told, lasting } = presentReading(analysis)
  // A step of a story told in the present ("I write a one-page guide") is one too, when told of "I" or "we".
  // A lasting outcome after the Result ("I still keep the script up to date") is none, nor an outcome told after
  // the step it came of (`outcomeOfStep`).
  return lastStepWhere(analysis, (s, i) => {
    const f = s.features
    const step = f.iDid || f.weDid || (told[i]! && !lasting[i] && (f.iCount > 0 || f.weCount > 0))
    return step && !outcomeOfStep(s)
  })
}

/**
 * Which sentences count as Result though read as Action: an outcome that closes the story after the speaker's
 * last step ("In the end the error rate went from 4% to 0.3%"), and, among the sentences that end the answer
 * after that step, any told in the past that is what came of it ("The complaints mostly stopped after that") or
 * what changed afterwards ("After this I started reading the reviews every week"): no step the speaker took,
 * however the labeller read it. A later sentence read as a step ends that run: "The product team kept adding
 * features" among the Action still to come is no Result.
 */
function closingSentences(analysis: Analysis): readonly boolean[] {
  let closes = CLOSING.get(analysis)
  if (closes === undefined) {
    closes = findClosing(analysis)
    CLOSING.set(analysis, closes)
  }
  return closes
}

/** Each analysis's closing sentences, found once: the STAR structure and measured-result checks both read them. */
const CLOSING = new WeakMap<Analysis, readonly boolean[]>()

function findClosing(analysis: Analysis): boolean[] {
  const { sentences } = analysis
  const lastStep = lastStepAt(analysis)
  const closes = sentences.map(
    (s, i) => i > lastStep && s.star === 'action' && !s.features.hypothetical && s.features.outcome,
  )
  if (lastStep < 0) return closes
  for (let i = sentences.length - 1; i > lastStep; i--) {
    const s = sentences[i]!
    if (s.star !== 'action') continue
    const f = s.features
    // Told in the past of neither "I" nor "we" (a step in the historic present, "I also find a person who ran…",
    // is no outcome for its past verb), or what the speaker learned or did differently afterwards, in any tense
    // ("I learn that the things nobody owns…" closes a story told in the present).
    const ending =
      !f.hypothetical &&
      ((f.past && f.iCount === 0 && f.weCount === 0) || looksBackOnStory(analysis, i) || outcomeOfStep(s))
    if (!ending && !closes[i]) break
    closes[i] = true
  }
  return closes
}

/** Verbs that report what the speaker undertook: "I told my manager I would take it". */
const UNDERTOOK = new Set(['told', 'promised', 'said', 'committed', 'agreed', 'assured', 'offered'])
/** "I would", "I'd", "I will", "I'll": what the speaker said they would do. */
function undertakes(w: readonly string[], j: number): boolean {
  return w[j] === "i'd" || w[j] === "i'll" || (w[j] === 'i' && (w[j + 1] === 'would' || w[j + 1] === 'will'))
}

/**
 * A commitment the speaker reports making: "I told my manager I would take it and get it working within two
 * weeks", "I promised the client I'd have it fixed by Friday". Saying one would do the work, to the person who
 * needed it done, is taking it on: the Task.
 */
function reportsCommitment(w: readonly string[]): boolean {
  for (let j = 0; j + 2 < w.length; j++) {
    if (w[j] !== 'i' || !UNDERTOOK.has(w[j + 1]!)) continue
    for (let k = j + 2; k < Math.min(w.length, j + 7); k++) if (undertakes(w, k)) return true
  }
  return false
}

/** The speaker as subject: "I took it on", "I'd take it on", "I was the one who had to", "we were supposed to". */
const SPEAKER = new Set(['i', "i'd", "i'll", "i'm", "i've", 'we', "we'd", "we'll", "we're", "we've"])
/** The phrases that name the speaker themselves ("was on me", "my call", "is mine"). */
const NAMES_SPEAKER = new Set(['me', 'my', 'mine'])
/** "Who had to" is the speaker's only when they are the one: "I was the one who had to", "I'm the person who has to". */
const IS = new Set(['was', 'am', 'were', 'are'])
/** Someone else, or no one, as subject: "nobody would take it on", "the lead, who has to…" has none of these. */
const NOT_SPEAKER = new Set(['nobody', 'noone', 'he', 'she', 'they', 'someone', 'everyone', 'anyone'])
/** Words that deny the phrase: "I didn't take it on", "no one would take it on", "it was never on me". */
function denies(x: string): boolean {
  return x === 'not' || x === 'never' || x === 'no' || x === 'none' || x === 'neither' || x.endsWith("n't")
}
/** Words that open a relative clause, whose subject is not the speaker's. */
const RELATIVE = new Set(['who', 'whose', 'which', 'whom'])
/** How far back the subject of a stated Task is looked for: "I was the one on our team who had to…". */
const SUBJECT_REACH = 8

/**
 * A stated-Task phrase told of the speaker and not denied. A phrase that names the speaker ("it was on me", "the
 * call is mine") needs no more than no denial just before it ("it was not on me"); one that does not ("took it
 * on", "who has to", "was supposed to") needs "I" or "we" as its subject, found before it with no denial or
 * other subject between: "I took it on myself", "I told my manager I would take it on", but not "the support
 * lead, who has to answer every customer" or "nobody would take it on".
 */
function speakerOwns(w: readonly string[], hit: PhraseHit): boolean {
  const named = hit.phrase.split(' ').some((x) => NAMES_SPEAKER.has(x))
  const from = Math.max(0, hit.from - SUBJECT_REACH)
  for (let j = hit.from - 1; j >= from; j--) {
    const x = w[j]!
    if (denies(x) || NOT_SPEAKER.has(x)) return false
    // A relative clause tells of someone else ("I worked with Anna, who was responsible for billing"), unless the
    // speaker is that one ("I was the one who was in charge of it").
    if (RELATIVE.has(x) && w[j - 1] !== 'one' && w[j - 1] !== 'person') return false
    // "that" right before the phrase opens a relative clause ("a team that owned the platform"); elsewhere it
    // points ("getting that time down was on me").
    if (x === 'that' && j === hit.from - 1) return false
    if (SPEAKER.has(x)) return w[hit.from] !== 'who' || x === "i'm" || x === "we're" || IS.has(w[j + 1]!)
    if (named && hit.from - j >= 3) return true
  }
  return named
}

/** What "owned" may take to name work the speaker owned: "owned the rollout", "owned getting it ready". */
const OWNED_WORK = new Set(['the', 'our', 'my', 'this', 'that', 'it', 'all', 'both', 'every', 'each'])
/** What owning a mistake is: an admission ("I owned the mistake", "I owned up to it"), not a Task. */
const ADMITTED = new Set([
  'up',
  'mistake',
  'mistakes',
  'error',
  'errors',
  'fault',
  'failure',
  'blame',
  'miss',
  'bug',
  'bugs',
  'oversight',
  'slip',
  'typo',
  'blunder',
])
/** The work named as the speaker's: "the order screen was mine", "pricing was my area". */
const POSSESSED = new Set(POSSESSED_WORK)
/** What is one's own without being work to do: "the idea was mine". */
const CREDITED = new Set([
  'idea',
  'ideas',
  'suggestion',
  'proposal',
  'credit',
  'phone',
  'laptop',
  'car',
  'desk',
  'seat',
])
/** Being responsible, in charge or accountable: the speaker's only as "I was (the …) responsible for". */
const ANSWERING = new Set(['responsible for', 'in charge of', 'accountable for'])

/**
 * Whether a stated-Task hit names work the speaker took on: "owned" with the work after it, not a thing owned ("I
 * owned a small flat"), a passive ("owned by the payments team") or an admission ("owned the mistake"); being
 * responsible for something, only as what the speaker was (`copula`), not a team they joined ("I joined the team
 * responsible for billing").
 */
function ownsWork(w: readonly string[], hit: PhraseHit): boolean {
  if (hit.phrase === 'owned') {
    const next = w[hit.to] ?? ''
    if (ADMITTED.has(next) || ADMITTED.has(w[hit.to + 1] ?? '')) return false
    return OWNED_WORK.has(next) || next.endsWith('ing')
  }
  if (ANSWERING.has(hit.phrase)) return copula(w, hit.from)
  // "The mistake was mine" admits a fault and "the idea was mine" claims credit; "the order screen was mine"
  // names the work.
  if (POSSESSED.has(hit.phrase)) {
    const owner = w[hit.from - 1] ?? ''
    return !ADMITTED.has(owner) && !CREDITED.has(owner)
  }
  return true
}

const BE = new Set(['was', 'am', 'were', 'are', 'became', 'become', 'remained', 'stayed'])

/** "I was the engineer responsible for…", "I'm in charge of…": the speaker, a form of "be", then only the role. */
function copula(w: readonly string[], from: number): boolean {
  for (let j = from - 1; j >= Math.max(0, from - 6); j--) {
    const x = w[j]!
    if (PLACING.has(x) || RELATIVE.has(x)) return false
    if (x === "i'm" || x === "we're") return true
    if (BE.has(x)) return SPEAKER.has(w[j - 1] ?? '')
  }
  return false
}

/** Whether the stated-Task phrases found in `s` (`stated`) or a reported commitment make it the speaker's Task. */
function statesTask(s: AnalyzedSentence, stated: readonly PhraseHit[]): boolean {
  const w = s.words
  for (const hit of stated) if (speakerOwns(w, hit) && ownsWork(w, hit)) return true
  return reportsCommitment(w)
}

/** Verbs of handing work over: "my manager gave the peak to me", "she passed the migration over to me". */
const HANDED = new Set(['gave', 'handed', 'passed', 'assigned', 'delegated', 'entrusted'])

/** Who hands work over: "my manager", "the team lead", "she". */
const HANDS_OVER = new Set([
  'manager',
  'lead',
  'boss',
  'director',
  'head',
  'supervisor',
  'cto',
  'ceo',
  'vp',
  'chief',
  'founder',
  'owner',
  'principal',
  'he',
  'she',
  'they',
])

/** What is given as thanks, not work: "my manager gave a shout-out to me", "they gave the credit to me". */
const PRAISE = new Set([
  'credit',
  'shout-out',
  'shoutout',
  'thanks',
  'praise',
  'kudos',
  'award',
  'compliment',
  'bonus',
  'raise',
  'feedback',
  'gift',
])

/**
 * Work handed to the speaker by whoever hands work over, with the work between, told as scene: "my manager gave
 * the New Year's Eve peak to me", "the lead handed the whole migration over to me" ("assigned to me" is a
 * stated-Task phrase of its own). Not what anyone else gave ("the vendor gave a discount to me"), nor work handed
 * back, nor a denial ("my manager never gave it to me").
 */
function handedToSpeaker(w: readonly string[]): boolean {
  for (let j = 1; j < w.length; j++) {
    if (!HANDED.has(w[j]!)) continue
    const giver = HANDS_OVER.has(w[j - 1]!) ? j - 1 : HANDS_OVER.has(w[j - 2] ?? '') ? j - 2 : -1
    if (giver < 0 || w.slice(giver, j).some(denies)) continue
    for (let k = j + 2; k < Math.min(w.length, j + 8); k++)
      if (w[k] === 'to' && w[k + 1] === 'me')
        return w[k - 1] !== 'back' && !w.slice(j + 1, k).some((x) => PRAISE.has(x))
  }
  return false
}

/**
 * Plain ways of saying the work was one's own to do that the labeller's Task cues do not carry (list 0), and the
 * plainest of them, read as Task even beside another Task sentence (list 1): one table, so that a sentence is
 * scanned once for both.
 */
const TASK_PHRASES = compileMulti([
  STATED_TASK_PHRASES,
  [
    'i was responsible for',
    'it was my job',
    'my job was',
    'it was my responsibility',
    'my responsibility was',
    'my task was',
  ],
])

/**
 * A scene sentence that says plainly what the speaker was responsible for ("I was responsible for the top-up
 * screen, so it was my job that people could recharge quickly"): it is no background, even where another
 * sentence was read as the Task, and counting it as scene would only push the Situation past its share.
 */
function ownWork(s: AnalyzedSentence, i: number): boolean {
  if (i === 0 || s.star !== 'situation' || s.features.hypothetical || s.headingOnly) return false
  const [stated, own] = scanWords(TASK_PHRASES, s.words, s.infos)
  return own!.length > 0 || statesTask(s, stated!)
}

/** A later scene sentence that says what the speaker was responsible for: it counts as Task when none was read. */
function statedTask(s: AnalyzedSentence, i: number): boolean {
  if (s.features.hypothetical || s.headingOnly) return false
  // The opening sentence sets the scene; it counts only when it says what the speaker answered for ("At Lumen
  // Bikes I was the engineer responsible for the delivery service"), which is what "Add a Task" asks for.
  if (i === 0) return s.star === 'situation' && answersFor(s)
  // Read as scene, any responsibility phrase; read as a step ("I was the one on our team who had to get the
  // releases out"), only these plainer ways of saying the work was one's own.
  if (s.star === 'situation')
    return (
      s.features.task ||
      statesTask(s, scanWords(TASK_PHRASES, s.words, s.infos)[0]!) ||
      handedToSpeaker(s.words)
    )
  // A step that says the work was the speaker's ("I said plainly that the script was mine") owns up to it.
  return (
    s.star === 'action' &&
    statesTask(
      s,
      scanWords(TASK_PHRASES, s.words, s.infos)[0]!.filter((hit) => !POSSESSED.has(hit.phrase)),
    )
  )
}

/** Being responsible, in charge or accountable, told of the speaker as what they were ("I was the engineer responsible for…"). */
function answersFor(s: AnalyzedSentence): boolean {
  for (const hit of scanWords(TASK_PHRASES, s.words, s.infos)[0]!)
    if (ANSWERING.has(hit.phrase) && copula(s.words, hit.from)) return true
  return false
}

/**
 * The sections as this check counts them (`countedStars`): an outcome that closes the story after the last step
 * the speaker took counts as Result even where it was read as Action ("In the end the error rate went from 4% to
 * 0.3%"), as the measured-result check reads it, so an answer that shows its measured Result is not told it has
 * none; a later scene sentence that says what the speaker was responsible for is the Task where none was read;
 * and steps read as scene are the Action where none was read.
 */
function countedSections(analysis: Analysis): Analysis['sections'] {
  const counted = countedStars(analysis)
  const words: Record<Section, number> = { situation: 0, task: 0, action: 0, result: 0 }
  analysis.sentences.forEach((s, i) => {
    const star = counted[i]!
    if (star !== 'other') words[star] += s.features.words
  })
  const total = analysis.words
  const section = (w: number) => ({ words: w, share: total === 0 ? 0 : round2(w / total) })
  return {
    situation: section(words.situation),
    task: section(words.task),
    action: section(words.action),
    result: section(words.result),
  }
}

/**
 * Each sentence's section as this check counts it: with the closing outcome and the stated Task moved, and, in an
 * answer where no sentence was read as Action, the steps the speaker took read as scene counted as its Action
 * (after a filler opening, the labeller can read a whole story as scene).
 */
export function countedStars(analysis: Analysis): readonly Star[] {
  let stars = COUNTED.get(analysis)
  if (stars === undefined) {
    const closes = closingSentences(analysis)
    const noTask = analysis.sections.task.words === 0
    const noAction = analysis.sections.action.words === 0
    const headline = headlineAt(analysis)
    stars = analysis.sentences.map((s, i) =>
      closes[i] || i === headline
        ? 'result'
        : (noTask ? statedTask(s, i) : ownWork(s, i))
          ? 'task'
          : noAction && sceneStep(s, i)
            ? 'action'
            : s.star,
    )
    COUNTED.set(analysis, stars)
  }
  return stars
}

/** Words that tie a headline's outcome to what the speaker did: "because I…", "after we…", "thanks to my…". */
const CAUSE = new Set(['because', 'after', 'since', 'once', 'thanks'])
const SPEAKERS = new Set(['i', 'my', 'we', 'our', "i'd", "we'd"])

/**
 * The index of a headline Result read as scene, -1 when none: the answer's first sentence tells a measured
 * outcome and ties it to what the speaker did ("Our district went from 11% of students in coding clubs to 38% in
 * two years, because I talked the principals out of a small goal"), and the next sentence sets the scene again.
 * A measured problem that opens the story ("Our bill grew from $40k to $90k a month") ties nothing to the speaker.
 */
function headlineAt(analysis: Analysis): number {
  const first = analysis.sentences.findIndex((s) => !s.headingOnly)
  const s = analysis.sentences[first]
  const next = analysis.sentences[first + 1]
  if (s === undefined || next === undefined || s.star !== 'situation' || next.star !== 'situation') return -1
  const f = s.features
  if (!f.outcome || f.metrics.length === 0 || f.hypothetical) return -1
  const w = s.words
  for (let j = 0; j < w.length; j++)
    if (CAUSE.has(w[j]!) && w.slice(j + 1, j + 4).some((x) => SPEAKERS.has(x))) return first
  return -1
}

/** A step the speaker took, read as scene after the opening sentence: "So I took two engineers and built it". */
function sceneStep(s: AnalyzedSentence, i: number): boolean {
  const f = s.features
  return i > 0 && s.star === 'situation' && !s.headingOnly && !f.hypothetical && (f.iDid || f.weDid)
}

/**
 * Each analysis's counted sections, found once: the STAR structure check, the measured-result check and the
 * evidence spans all read them, and finding a stated Task scans every scene sentence and step for its phrases.
 */
const COUNTED = new WeakMap<Analysis, readonly Star[]>()

export const starSections: CheckRunner<StarSectionsOptions, StarSectionsOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    const sections = countedSections(analysis)
    const messages = []
    const missing = options.required.filter((s) => sections[s].words === 0)
    // A section counts in proportion to its substance: one clause of Action is not an Action section.
    let presence = 0
    for (const s of options.required) presence += clamp01(sections[s].words / options.minWords[s])
    presence /= options.required.length
    const thin = options.required.filter(
      (s) => sections[s].words > 0 && sections[s].words < options.minWords[s],
    )
    for (const s of missing) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `No ${SECTION_NAMES[s]} found: ${WHAT[s]}`,
          section: s,
          note: NOTE,
        }),
      )
    }
    const actionShare = sections.action.share
    const balance = options.minActionShare === 0 ? 1 : clamp01(actionShare / options.minActionShare)
    // How close the Action is to being the largest part: in full when it is, in proportion when it is not, so
    // one more Result or Situation sentence moves the score a little instead of across a cliff.
    const biggestOther = Math.max(sections.situation.words, sections.task.words, sections.result.words)
    const largestPart = biggestOther === 0 ? 1 : clamp01(sections.action.words / biggestOther)
    const largest = largestPart >= 1
    const situationOver = sections.situation.share - options.maxSituationShare
    const situationPart = situationOver <= 0 ? 1 : clamp01(1 - situationOver / 0.3)
    // Each of the four sections present earns 0.17 of the criterion: enough that adding a missing Task or Result
    // earns 3 points or more under every rubric, where the criterion weighs 17.5 to 24 points.
    const fraction = 0.68 * presence + 0.12 * balance + 0.08 * largestPart + 0.12 * situationPart

    if (sections.action.words > 0 && actionShare < options.minActionShare) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `The Action is ${percent(actionShare)} of the answer; aim for at least ${percent(options.minActionShare)}`,
          section: 'action',
          note: NOTE,
        }),
      )
    }
    if (situationOver > 0) {
      const first = analysis.sentences.find((s) => s.star === 'situation')
      const last = [...analysis.sentences].reverse().find((s) => s.star === 'situation')
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `The Situation takes ${percent(sections.situation.share)} of the answer; keep background under ${percent(options.maxSituationShare)}`,
          place: first && last ? { start: first.start, end: last.end } : undefined,
          section: 'situation',
          note: NOTE,
        }),
      )
    }

    for (const s of thin) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `The ${SECTION_NAMES[s]} is thin (${sections[s].words} words): ${WHAT[s]}`,
          section: s,
          note: NOTE,
        }),
      )
    }
    let fix: string | undefined
    const firstMissing = PRIORITY.find((s) => missing.includes(s))
    const firstThin = PRIORITY.find((s) => thin.includes(s))
    if (firstMissing !== undefined)
      fix = `Add ${firstMissing === 'action' ? 'an' : 'a'} ${SECTION_NAMES[firstMissing]}: ${WHAT[firstMissing]}`
    else if (firstThin !== undefined) fix = `Develop the ${SECTION_NAMES[firstThin]}: ${WHAT[firstThin]}`
    else if (situationOver > 0)
      fix = `Cut the background: the Situation is ${percent(sections.situation.share)} of the answer`
    else if (!largest || actionShare < options.minActionShare)
      fix = `Give the Action more room: say step by step what you did (now ${percent(actionShare)} of the answer)`
    const fixSection = firstMissing ?? firstThin
    const result = { fraction, messages, fix, ...(missing.length > 0 ? { missing } : {}) }
    return fixSection === undefined ? result : { ...result, fixSection }
  },
}
