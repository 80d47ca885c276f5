// reflection: the answer ends with what the candidate learned or changed afterwards.

import { type CheckRunner, message } from '../check'
import type { ReflectionOptions } from './options'

const NOTE =
  'Interviewers look for self-awareness: saying what you learned shows that you grow from experience.'

export const reflection: CheckRunner<ReflectionOptions, ReflectionOptions> = {
  compile: (options) => options,
  run(analysis, _options, ruleId) {
    // Where the story's last Situation, Task or Action sentence (other than a lesson) is: what follows it
    // closes the story, however many Result sentences come after, so adding one cannot move a lesson out.
    let lastStory = -1
    analysis.sentences.forEach((s, i) => {
      const lesson = s.features.reflection || s.features.change
      if (!lesson && (s.star === 'situation' || s.star === 'task' || s.star === 'action')) lastStory = i
    })
    let best = 0
    let place: { start: number; end: number } | undefined
    analysis.sentences.forEach((s, i) => {
      const f = s.features
      if ((!f.reflection && !f.change) || f.hypothetical) return
      const closing = s.star === 'result' || i > lastStory
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
        messages: [
          message({
            ruleId,
            severity: 'info',
            reason: 'Reflection on what you learned',
            place,
            section: 'result',
            note: NOTE,
          }),
        ],
        fix: best < 1 ? 'Close with the lesson: move what you learned to the end' : undefined,
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
