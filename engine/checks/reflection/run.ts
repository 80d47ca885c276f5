// reflection: the answer says what the candidate learned or changed afterwards, wherever it says it.

import type { AnalyzedSentence } from '../../analyze'
import { LESSON_PHRASES } from '../../lexicon/cues'
import { compileMulti, scanAll } from '../../phrases'
import { type CheckRunner, message } from '../check'
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

/** Lessons in words the shared labelling cues do not carry (see `LESSON_PHRASES`). */
const LESSONS = compileMulti([LESSON_PHRASES, TAKING])

/**
 * A sentence that says what was learned, or what is done differently since ("since then I always…"). A change
 * phrase in a Situation or Task sentence sets the scene ("now I had two weeks") and is no lesson. Never a
 * hypothetical.
 */
function cuedLesson(s: AnalyzedSentence): boolean {
  const f = s.features
  if (s.headingOnly || f.hypothetical) return false
  return (f.reflection && !foundOut(s)) || (f.change && s.star !== 'situation' && s.star !== 'task')
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
  return (
    !s.headingOnly && !s.features.hypothetical && scanAll(LESSONS, s.words).some((hits) => hits.length > 0)
  )
}

export const reflection: CheckRunner<ReflectionOptions, ReflectionOptions> = {
  compile: (options) => options,
  run(analysis, _options, ruleId) {
    // A lesson counts in full wherever it stands: a reflection that opens the answer or sits among the
    // actions is still a reflection, and moving it is no advice worth points.
    const lesson = analysis.sentences.find(cuedLesson) ?? analysis.sentences.find(otherLesson)
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
