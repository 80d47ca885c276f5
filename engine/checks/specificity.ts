// specificity: named systems, tools, people, numbers and time frames, not generic claims and buzzwords.

import { type CheckKind, type CheckOptions, clamp01, message } from './check'

export interface SpecificityOptions {
  per100: number
  min: number
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const specificityOptions: CheckOptions<SpecificityOptions> = {
  summary:
    'Concrete detail — named systems, tools, numbers, dates — rather than generic claims and buzzwords.',
  optionsSchema: (z) =>
    z.strictObject({
      per100: z
        .number()
        .min(0.5)
        .max(20)
        .default(3)
        .describe('Specific details per 100 words for full credit.'),
      min: z.number().int().min(1).default(4).describe('Specific details needed however short the answer.'),
    }),
}

export const specificity: CheckKind<SpecificityOptions> = {
  run({ analysis, options, ruleId }) {
    let details = 0
    let buzz = 0
    const messages = []
    for (const s of analysis.sentences) {
      if (s.star === 'other' && !s.headingOnly) {
        if (s.features.generic) {
          buzz++
          messages.push(
            message(
              ruleId,
              'info',
              'Generic claim: show it with a concrete example instead',
              { start: s.start, end: s.end },
              'other',
            ),
          )
        }
        continue
      }
      details += s.features.details.length
      if (s.features.generic) buzz++
    }
    const need = Math.max(options.min, (options.per100 * analysis.words) / 100)
    const fraction = clamp01((details - buzz) / need)
    if (fraction < 1) {
      messages.unshift(
        message(
          ruleId,
          'warning',
          `${details} specific detail${details === 1 ? '' : 's'}; aim for ${Math.ceil(need)} or more`,
        ),
      )
    }
    return {
      fraction,
      messages,
      fix:
        fraction < 1
          ? 'Name the specifics: the system, the tools, the people, the dates and the numbers'
          : undefined,
    }
  },
}
