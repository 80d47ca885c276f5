// ownership: inside the Action, the candidate says "I" for what they did rather than hiding behind "we".

import { type CheckKind, type CheckOptions, clamp01, message, percent } from './check'

export interface OwnershipOptions {
  minShare: number
  zeroShare: number
  minActionWords: number
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const ownershipOptions: CheckOptions<OwnershipOptions> = {
  summary: 'Inside the Action, "I" outnumbers "we": the candidate owns what they did.',
  optionsSchema: (z) =>
    z
      .strictObject({
        minShare: z
          .number()
          .min(0)
          .max(1)
          .default(0.7)
          .describe(
            'Share of first-person references in the Action that are "I" (not "we") for full credit.',
          ),
        zeroShare: z
          .number()
          .min(0)
          .max(1)
          .default(0.25)
          .describe('Share at or below which no credit is given.'),
        minActionWords: z
          .number()
          .int()
          .min(1)
          .default(40)
          .describe(
            'Action words needed before ownership can be shown in full; fewer earn credit in proportion.',
          ),
      })
      .refine((o) => o.zeroShare < o.minShare, { message: 'zeroShare must be lower than minShare' }),
}

export const ownership: CheckKind<OwnershipOptions> = {
  run({ analysis, options, ruleId }) {
    const action = analysis.sentences.filter((s) => s.star === 'action')
    if (action.length === 0) {
      return {
        fraction: 0,
        messages: [
          message(ruleId, 'warning', 'There is no Action to show what you did yourself', undefined, 'action'),
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
      messages.push(message(ruleId, 'warning', 'The Action never says who did the work', undefined, 'action'))
      return { fraction: 0.3, messages, fix: 'Say who did each step: "I rewrote…", "I proposed…"' }
    }
    const share = i / (i + we)
    const actionWords = action.reduce((sum, s) => sum + s.features.words, 0)
    const evidence = clamp01(actionWords / options.minActionWords)
    const fraction = evidence * clamp01((share - options.zeroShare) / (options.minShare - options.zeroShare))
    if (evidence < 1 && share >= options.minShare) {
      messages.push(
        message(
          ruleId,
          'warning',
          `The Action is ${actionWords} words: too little to show what you did`,
          undefined,
          'action',
        ),
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
          messages.push(message(ruleId, 'info', 'Say "I" for what you did yourself', place, 'action'))
        }
      }
      messages.unshift(
        message(
          ruleId,
          'warning',
          `Only ${percent(share)} of the Action says "I"; interviewers want your part, not the team's`,
          undefined,
          'action',
        ),
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
