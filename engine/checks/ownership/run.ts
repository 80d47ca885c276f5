// ownership: inside the Action, the candidate says "I" for what they did rather than hiding behind "we".

import { type CheckRunner, clamp01, message, percent } from '../check'
import type { OwnershipOptions } from './options'

const NOTE =
  'The interviewer is hiring you, not your team, so they listen for what you decided and did yourself.'

export const ownership: CheckRunner<OwnershipOptions, OwnershipOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    const action = analysis.sentences.filter((s) => s.star === 'action')
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
      }
    }
    let i = 0
    let we = 0
    for (const s of action) {
      i += s.features.iCount
      we += s.features.weCount
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
    const fraction = evidence * clamp01((share - options.zeroShare) / (options.minShare - options.zeroShare))
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
