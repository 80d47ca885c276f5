// hedging: few filler and hedge words ("kind of", "basically", "I think", "maybe").

import { type CheckKind, type CheckOptions, clamp01, message } from './check'

export interface HedgingOptions {
  maxPer100: number
  zeroPer100: number
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const hedgingOptions: CheckOptions<HedgingOptions> = {
  summary: 'Few filler and hedge words ("kind of", "basically", "I guess", "maybe").',
  optionsSchema: (z) =>
    z
      .strictObject({
        maxPer100: z.number().min(0).default(1).describe('Hedges per 100 words allowed for full credit.'),
        zeroPer100: z
          .number()
          .min(0.1)
          .default(5)
          .describe('Hedges per 100 words at which no credit is left.'),
      })
      .refine((o) => o.maxPer100 < o.zeroPer100, { message: 'maxPer100 must be lower than zeroPer100' }),
}

export const hedging: CheckKind<HedgingOptions> = {
  run({ analysis, options, ruleId }) {
    const spans = analysis.sentences.flatMap((s) => s.features.hedges.map((h) => ({ h, star: s.star })))
    const words = analysis.words
    const density = words === 0 ? 0 : (spans.length * 100) / words
    // A handful of words without hedges is no achievement: credit grows with the length of the answer.
    const scale = clamp01(words / 80)
    const clean =
      density <= options.maxPer100
        ? 1
        : clamp01(1 - (density - options.maxPer100) / (options.zeroPer100 - options.maxPer100))
    const messages = spans.map(({ h, star }) => message(ruleId, 'info', 'Hedge or filler word', h, star))
    if (scale < 1 && clean === 1) {
      messages.push(message(ruleId, 'info', `Only ${words} words: too little to show confident delivery`))
    }
    const fraction = clean * scale
    return {
      fraction,
      messages,
      fix:
        fraction < 1
          ? clean < 1
            ? 'Drop hedges and filler ("kind of", "basically", "I think")'
            : 'Tell the whole story with confidence'
          : undefined,
    }
  },
}
