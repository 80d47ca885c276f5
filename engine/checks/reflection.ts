// reflection: the answer ends with what the candidate learned or changed afterwards.

import { type CheckKind, type CheckOptions, message } from './check'

export type ReflectionOptions = Record<string, never>

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const reflectionOptions: CheckOptions<ReflectionOptions> = {
  summary: 'The answer says what was learned or what the candidate does differently since.',
  optionsSchema: (z) => z.strictObject({}),
}

export const reflection: CheckKind<ReflectionOptions> = {
  run({ analysis, ruleId }) {
    const n = analysis.sentences.length
    let best = 0
    let place: { start: number; end: number } | undefined
    analysis.sentences.forEach((s, i) => {
      const f = s.features
      if ((!f.reflection && !f.change) || f.hypothetical) return
      const closing = s.star === 'result' || i >= n * 0.66
      // A change of habit counts as reflection when it closes the story; learning counts anywhere, more at the end.
      const value = f.reflection ? (closing ? 1 : 0.5) : closing ? 1 : 0
      if (value > best) {
        best = value
        place = { start: s.start, end: s.end }
      }
    })
    if (best > 0) {
      return {
        fraction: best,
        messages: [message(ruleId, 'info', 'Reflection on what you learned', place, 'result')],
        fix: best < 1 ? 'Close with the lesson: move what you learned to the end' : undefined,
      }
    }
    return {
      fraction: 0,
      messages: [message(ruleId, 'warning', 'No lesson or change afterwards', undefined, 'result')],
      fix: 'Close with one sentence on what you learned or what you do differently since',
    }
  },
}
