// reflection: the answer says what the candidate learned or changed afterwards, wherever it says it.

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import { kindOfCase, looksAgain } from '../../features/hypothetical'
import { scanWords } from '../../features/words'
import { LESSON_PHRASES, REFLECTION_PHRASES } from '../../lexicon/cues'
import { compileMulti } from '../../phrases'
import { type CheckRunner, message } from '../check'
import { presentReading } from '../present-story'
import type { ReflectionOptions } from './options'

const NOTE =
  'Interviewers look for self-awareness: saying what you learned shows that you grow from experience.'

/**
 * Taking something from the story, said without "what": "the main thing I take from this is…", "the one thing
 * I took from it…". Read here only, like `LESSON_PHRASES`.
 */
const TAKING = [
  'i take from this',
  'i take from it',
  'i take from that',
  'i took from this',
  'i took from it',
  'i took from that',
  'i took out of it',
  'i take out of it',
  'i took out of this',
  'i take out of this',
]

/**
 * Coming out of the story changed: "it made me more careful", "I came away convinced that…", "I walked away
 * with…". Read here only, like `TAKING`.
 */
const CAME_AWAY = [
  'made me more',
  'made me much more',
  'made me a lot more',
  'made me less',
  'made me a better',
  'i came away',
  'i walked away with',
  'i walked away knowing',
  'i left convinced',
  'i came out of it',
]

/** Lessons in words the shared labelling cues do not carry (see `LESSON_PHRASES`). */
const LESSONS = compileMulti([LESSON_PHRASES, TAKING, CAME_AWAY])

/**
 * A sentence that says what was learned, or what is done differently since ("since then I always…"). A change
 * phrase in a Situation or Task sentence sets the scene ("now I had two weeks") and is no lesson. Never a
 * hypothetical; `toldStep`: the sentence is a step of a story told in the present (`presentReading`).
 */
function cuedLesson(s: AnalyzedSentence, toldStep: boolean): boolean {
  const f = s.features
  // A practice told of a kind of case ("As a rule I always leave the other team able to fix it next time, so that
  // is my approach in these situations") is offered instead of the story, not learned from it, unless a lesson or
  // the time since frames it ("The lesson for me is that in cases like this…", "Since then, in cases like this…").
  if (s.headingOnly || f.hypothetical || (!f.past && kindOfCase(s.words) && !framedAsLesson(s.words)))
    return false
  return (
    (f.reflection && !foundOut(s) && !lessonsTaught(s) && !othersLearned(s)) ||
    ((f.change || (!toldStep && doneNow(s))) &&
      s.star !== 'situation' &&
      s.star !== 'task' &&
      !nothingSince(s))
  )
}

/** Words that frame a sentence as a lesson or as told since the story: "the lesson", "since then", "these days". */
const LESSON_FRAME = new Set([
  'lesson',
  'lessons',
  'learned',
  'learnt',
  'taught',
  'since',
  'nowadays',
  'now',
  'today',
])

function framedAsLesson(w: readonly string[]): boolean {
  return w.some((x, j) => LESSON_FRAME.has(x) || (x === 'these' && w[j + 1] === 'days'))
}

/** Words that open a sentence on the present, after the story: "Now, …", "These days, …", "Today, …". */
const NOW_FIRST = new Set(['now', 'nowadays', 'today'])

/** Words that make a present sentence a practice, not a status: when, before or instead of what it is done. */
const PRACTICE = new Set([
  'before',
  'when',
  'whenever',
  'every',
  'each',
  'always',
  'never',
  'first',
  'instead',
])

/**
 * What the candidate does now, told with "now" first and the doing later: "Now, before I propose any new
 * technology, I test it on a few farms for a season". Not a step of a story told in the present ("Now, two days
 * before the order closes, I call every supplier"). In the present, in the first person, and told as a practice
 * (when, before, instead of…): "Now, after the merger, I lead a team of eight" is a status, and "Now I had two
 * weeks" the scene.
 */
function doneNow(s: AnalyzedSentence): boolean {
  const w = s.words
  const opens = NOW_FIRST.has(w[0] ?? '') || (w[0] === 'these' && w[1] === 'days')
  return opens && !s.features.past && s.features.iCount > 0 && w.some((x) => PRACTICE.has(x))
}

const NONE = new Set(['no', 'not', 'never', 'zero', "haven't", "hasn't", "hadn't", 'nothing', 'none'])
const HAVE = new Set(['have', 'has', 'had', "haven't", "hasn't", "hadn't"])
const HAD_NONE = new Set(['had', 'been', 'seen', 'needed', 'lost', 'missed'])

/**
 * "Since then" told only of what has not happened again: "we have not had a migration outage since then", "since
 * then no backup has failed", "there has been no failed import since". The outcome lasted; no one says what they
 * do differently, which is the lesson. It is told as what has (not) been ("have", "has", "we've"); "I" or "we"
 * doing anything but having ("since then I never rely on one partner") is a change in how they work, and so is a
 * rule ("no release ships without a dry run", "from then on no migration went out without a dry run").
 */
function nothingSince(s: AnalyzedSentence): boolean {
  const w = s.words
  if (!w.some((x) => NONE.has(x)) || w.includes('without')) return false
  if (!w.some((x) => HAVE.has(x) || x.endsWith("'ve"))) return false
  for (let j = 0; j < w.length; j++) {
    const x = w[j]!
    if (x !== 'i' && x !== 'we' && x !== "i've" && x !== "we've") continue
    let k = x.endsWith("'ve") ? j + 1 : HAVE.has(w[j + 1] ?? '') ? j + 2 : -1
    if (k < 0) return false
    if (w[k] === 'not' || w[k] === 'never') k++
    if (!HAD_NONE.has(w[k] ?? '')) return false
  }
  return true
}

/** The learning cues other than "learned" and "learnt". */
const REFLECTION_NOT_LEARNED = compileMulti([
  REFLECTION_PHRASES.filter((p) => p !== 'learned' && p !== 'learnt'),
])
/** Others who learn: "the inputs it had learned on", "she learned about decisions from the commit log". */
const OTHERS = new Set(['it', 'she', 'he', 'they'])
const HAD = new Set(['had', 'has', 'have', 'also', 'quickly', 'soon'])

/**
 * "Learned" told only of someone or something else: "different inputs from the ones it had learned on", "she
 * learned about decisions from the commit log". What a model or a colleague learned is no lesson of the speaker's.
 */
function othersLearned(s: AnalyzedSentence): boolean {
  const w = s.words
  let learned = false
  for (let j = 0; j < w.length; j++) {
    if (w[j] !== 'learned' && w[j] !== 'learnt') continue
    let k = j - 1
    while (k >= 0 && HAD.has(w[k]!)) k--
    if (!OTHERS.has(w[k] ?? '')) return false
    learned = true
  }
  return learned && !anyHit(scanWords(REFLECTION_NOT_LEARNED, w, s.infos))
}

/** The learning cues other than the word "lesson" itself. */
const REFLECTION_NOT_LESSON = compileMulti([REFLECTION_PHRASES.filter((p) => !/^lessons?$/.test(p))])
/** Words before "lesson" that make it one learnt ("the big lesson", "a hard lesson", "my lesson"). */
const LESSON_BEFORE = new Set([
  'a',
  'my',
  'one',
  'the',
  'big',
  'biggest',
  'key',
  'main',
  'real',
  'hard',
  'important',
  'valuable',
  'clear',
  'first',
  'second',
  'same',
  'that',
  'this',
])
/** Words after "lesson" that say what it was ("the lesson was…", "the lesson for me", "a lesson I keep"). */
const LESSON_AFTER = new Set([
  'is',
  'was',
  'were',
  'are',
  'i',
  'we',
  'for',
  'from',
  'here',
  'learned',
  'learnt',
  'that',
  'to',
  'about',
  'of',
  'taken',
  'there',
])

/**
 * "Lesson" as what was taught, not learnt: "most learners left at long video lessons", "I split the lessons
 * into five-minute parts" name a course's lessons. When "lesson" is the only learning cue, it counts where it
 * opens the sentence or is told as a lesson learnt ("the lesson for me was", "a hard lesson").
 */
function lessonsTaught(s: AnalyzedSentence): boolean {
  const w = s.words
  if (anyHit(scanWords(REFLECTION_NOT_LESSON, w, s.infos))) return false
  for (let j = 0; j < w.length; j++) {
    if (w[j] !== 'lesson' && w[j] !== 'lessons') continue
    if (j === 0 || LESSON_AFTER.has(w[j + 1] ?? '') || (w[j - 1] !== 'the' && LESSON_BEFORE.has(w[j - 1]!)))
      return false
  }
  return w.includes('lesson') || w.includes('lessons')
}

/** Headings that introduce a lesson: "Lesson:", "Lessons learned —", "Takeaway:", "What I learned:". */
const LESSON_HEADING = /\b(?:lessons?|learn(?:ed|t|ings?)?|takeaways?|reflection)\b/i

/** A sentence under a lesson heading ("Lesson: validating at entry is cheaper…") is the lesson. */
function headedLesson(s: AnalyzedSentence, text: string): boolean {
  return (
    !s.headingOnly &&
    s.heading === 'result' &&
    s.bodyStart > s.start &&
    !s.features.hypothetical &&
    LESSON_HEADING.test(text.slice(s.start, s.bodyStart))
  )
}

const LEARNED = new Set(['learned', 'learnt'])
/** Words that make a sentence a lesson whatever else it says. */
const LESSON_WORDS = new Set(['lesson', 'lessons', 'hindsight', 'taught', 'takeaway', 'realized', 'realised'])

/**
 * A step that found something out, not a lesson: "I asked the network engineers and learned that a valve had
 * been rescheduled" is the Action going on; "I learned that a cache must not decide" opens on the lesson.
 */
function foundOut(s: AnalyzedSentence): boolean {
  if (s.star !== 'action') return false
  const w = s.words
  const at = w.findIndex((x) => LEARNED.has(x))
  return at > 3 && w[at - 1] === 'and' && !w.some((x) => LESSON_WORDS.has(x))
}

/** A lesson in words the shared cues miss; read only when no cued lesson is found. */
function otherLesson(s: AnalyzedSentence): boolean {
  if (s.headingOnly || s.features.hypothetical) return false
  // "If I started again I would run the comparison from the first week" looks back on the story.
  // Each word's memo knows whether it starts a lesson phrase: most sentences are not scanned at all.
  return looksAgain(s.words) || anyHit(scanWords(LESSONS, s.words, s.infos))
}

/** Verbs that begin a routine: "I started reading the reviews every week", "we began holding a review". */
const BEGAN = new Set(['started', 'began', 'begun', 'start', 'begin', 'starts', 'begins'])
/** The shortest and longest of them: most words are passed over by their length, without a lookup. */
const BEGAN_SHORTEST = Math.min(...[...BEGAN].map((x) => x.length))
const BEGAN_LONGEST = Math.max(...[...BEGAN].map((x) => x.length))
/** Words between the subject and that verb: "I also started", "we then began", "we have begun". */
const BEFORE_BEGAN = new Set(['also', 'then', 'now', 'soon', 'quickly', 'finally', 'even', 'have', 'had'])
/** Words that say the routine came after the story: "afterwards", "from that day onwards", "thereafter". */
const AFTERWARDS = new Set(['afterwards', 'afterward', 'onwards', 'onward', 'thereafter'])
/** What follows an opening "after" that looks back on the story: "after this", "after that", "after that incident". */
const AFTER_THIS = new Set(['this', 'that', 'which'])
/** What follows "since" that names the story as a time: "since then", "since that day", "since this incident". */
const SINCE_THEN = new Set(['then', 'that', 'this'])

/**
 * A word before the beginning at `began` that places it after the story. "After" only opening the sentence on
 * the story itself ("after this", "after that incident"), not on a moment inside it ("after the fix, I started
 * checking…"). "Since" only as a time: "since then", "ever since", "since that day", or told with "have" ("since
 * the outage we have begun…"); a reason ("since the pool was shared, I started…") places nothing.
 */
function placedAfter(w: readonly string[], began: number): boolean {
  if (w[0] === 'after' && AFTER_THIS.has(w[1] ?? '')) return true
  // "We have begun", "we've also started": a present perfect with "since" tells a time.
  const perfect = [w[began - 1] ?? '', w[began - 2] ?? ''].some(
    (x) => x === 'have' || x === 'has' || x.endsWith("'ve"),
  )
  for (let j = 0; j < began; j++) {
    const x = w[j]!
    if (AFTERWARDS.has(x)) return true
    if (x !== 'since') continue
    if (SINCE_THEN.has(w[j + 1] ?? '') || w[j - 1] === 'ever' || perfect) return true
  }
  return false
}
/** What a routine recurs by: "every week", "each sprint", "weekly", "before every release". */
const EVERY = new Set(['every', 'each'])
const ROUTINELY = new Set(['weekly', 'daily', 'monthly', 'quarterly', 'regularly', 'routinely', 'always'])

/**
 * A routine the speaker began once the story was over: "After this I started reading the store reviews every
 * week", "Afterwards we began a short review before each release". It says what is done differently since, as
 * "since then I always…" does, in words the change cues do not carry: a beginning ("started", "began") told of
 * "I" or "we", something that recurs ("every week", "each sprint", "weekly") and a word that places it after the
 * story ("after this", "afterwards", "since then"). A step inside the story that recurs ("I started checking the
 * dashboard every hour", "after the fix, I started checking the dashboard every hour") has no such word and stays
 * a step, and so does one begun for a reason ("since the pool was shared, I started reviewing every service").
 */
function routineBegun(s: AnalyzedSentence): boolean {
  const w = s.words
  let began = -1
  for (let j = 1; j < w.length && began < 0; j++) {
    const x = w[j]!
    if (x.length < BEGAN_SHORTEST || x.length > BEGAN_LONGEST || !BEGAN.has(x)) continue
    const k = BEFORE_BEGAN.has(w[j - 1]!) ? j - 2 : j - 1
    if (w[k] === 'i' || w[k] === 'we') began = j
  }
  // "I started by listing the requirements" is the first step of the story, not a routine.
  if (began < 0 || w[began + 1] === 'by' || w[began + 1] === 'with') return false
  // The word placing it after the story comes before the beginning: "afterwards I started", "since then we began".
  if (!placedAfter(w, began)) return false
  for (let j = began + 1; j < w.length; j++) if (ROUTINELY.has(w[j]!) || EVERY.has(w[j]!)) return true
  return false
}

/** A present perfect: "there has been", "we haven't had", "it's been". */
const HAVE_NOW = new Set(['has', 'have', "hasn't", "haven't", "it's", "there's", "we've", "i've", "they've"])

/**
 * A sentence that ends on "since" told in the present perfect ("After that I added an address check, and there
 * has been no misdirected delivery since"): it is told from after the story, whatever step it names. "An old
 * colleague I had not spoken to since" is a step of the story.
 */
function sinceLastWord(w: readonly string[]): boolean {
  return w.length > 3 && w[w.length - 1] === 'since' && w.some((x) => HAVE_NOW.has(x))
}

/**
 * A sentence this check reads as a lesson or a change afterwards, or one told from after the story (that one no
 * lesson by itself), which is no step of the story: an outcome told
 * before it still closes the story ("The complaints stopped. After this I started reading the reviews every
 * week."). Read by the STAR structure and measured-result checks when they look for the last step taken.
 */
export function looksBackOnStory(analysis: Analysis, i: number): boolean {
  let known = LOOKS_BACK.get(analysis)
  if (known === undefined) {
    known = new Int8Array(analysis.sentences.length)
    LOOKS_BACK.set(analysis, known)
  }
  if (known[i] === 0) {
    const s = analysis.sentences[i]!
    known[i] =
      cuedLesson(s, presentReading(analysis).told[i]!) ||
      headedLesson(s, analysis.text) ||
      otherLesson(s) ||
      routineBegun(s) ||
      sinceLastWord(s.words)
        ? 1
        : -1
  }
  return known[i] === 1
}

/**
 * Each analysis's answers so far, by sentence (1 looks back, -1 does not, 0 not yet read): the STAR structure
 * and measured-result checks both look for the last step from the end, over the same closing sentences.
 */
const LOOKS_BACK = new WeakMap<Analysis, Int8Array>()

/** Some list of a scan has a hit: a loop, not a closure made for every sentence. */
function anyHit(lists: readonly (readonly unknown[])[]): boolean {
  for (let l = 0; l < lists.length; l++) if (lists[l]!.length > 0) return true
  return false
}

export const reflection: CheckRunner<ReflectionOptions, ReflectionOptions> = {
  compile: (options) => options,
  run(analysis, _options, ruleId) {
    // A lesson counts in full wherever it stands: a reflection that opens the answer or sits among the
    // actions is still a reflection, and moving it is no advice worth points.
    const lesson =
      analysis.sentences.find((s, i) => cuedLesson(s, presentReading(analysis).told[i]!)) ??
      analysis.sentences.find((s) => headedLesson(s, analysis.text)) ??
      analysis.sentences.find(otherLesson) ??
      analysis.sentences.find((s) => !s.headingOnly && !s.features.hypothetical && routineBegun(s))
    if (lesson !== undefined) {
      return {
        fraction: 1,
        messages: [
          message({
            ruleId,
            severity: 'info',
            reason: 'Reflection on what you learned',
            place: { start: lesson.start, end: lesson.end },
            section: 'result',
            note: NOTE,
          }),
        ],
      }
    }
    return {
      fraction: 0,
      messages: [
        message({
          ruleId,
          severity: 'warning',
          reason: 'No lesson or change afterwards',
          section: 'result',
          note: NOTE,
        }),
      ],
      fix: 'Close with one sentence on what you learned or what you do differently since',
    }
  },
}
