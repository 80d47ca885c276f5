// reflection: the answer says what the candidate learned or changed afterwards, wherever it says it.

import type { AnalyzedSentence } from '../../analyze'
import { type CheckRunner, message } from '../check'
import type { ReflectionOptions } from './options'

const NOTE =
  'Interviewers look for self-awareness: saying what you learned shows that you grow from experience.'

const TAKE = new Set(['take', 'took', 'taken', 'taking'])
const TAKE_WHAT = new Set(['from', 'away'])
/** Two-word phrases of looking back that the shared cues do not carry, by their second word. */
const LOOK_BACK = new Map<string, readonly string[]>([
  ['retrospect', ['in']],
  ['differently', ['do', 'done', 'it']],
])

/**
 * Lessons told in words the shared cues miss: "what I took from it", "the main thing I take away", "in
 * retrospect", "I'd do it differently". The taking must be the speaker's ("I" up to two words before), so "we
 * took the load away from the primary" is no lesson.
 */
function toldLesson(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!
    if (TAKE_WHAT.has(w)) {
      if (!TAKE.has(words[i - 1]!)) continue
      for (let j = Math.max(0, i - 4); j < i - 1; j++) if (words[j] === 'i' || words[j] === "i'd") return true
    } else {
      const before = LOOK_BACK.get(w)
      if (before?.includes(words[i - 1]!)) return true
    }
  }
  return false
}

/**
 * A sentence that says what was learned, or what is done differently since ("since then I always…"). A change
 * phrase in a Situation or Task sentence sets the scene ("now I had two weeks") and is no lesson. Never a
 * hypothetical.
 */
function cuedLesson(s: AnalyzedSentence): boolean {
  const f = s.features
  if (s.headingOnly || f.hypothetical) return false
  return f.reflection || (f.change && s.star !== 'situation' && s.star !== 'task')
}

/** A lesson in words the shared cues miss; read only when no cued lesson is found. */
function otherLesson(s: AnalyzedSentence): boolean {
  return !s.headingOnly && !s.features.hypothetical && toldLesson(s.words)
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
