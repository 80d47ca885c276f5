// hedging: few filler and hedge words ("kind of", "basically", "I think", "maybe").

import type { Place, Star } from '../../types'
import { type CheckRunner, clamp01, message } from '../check'
import type { HedgingOptions } from './options'

const NOTE =
  'Hedges make you sound unsure of your own story, and interviewers hear that as doubt about your part.'

export const hedging: CheckRunner<HedgingOptions, HedgingOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
    // A loop, not a list mapped and flattened per sentence: most sentences have no hedge.
    const spans: { h: Place; star: Star }[] = []
    for (const s of analysis.sentences) for (const h of s.features.hedges) spans.push({ h, star: s.star })
    const words = analysis.words
    const density = words === 0 ? 0 : (spans.length * 100) / words
    // A handful of words without hedges is no achievement: credit grows with the length of the answer.
    const scale = clamp01(words / 80)
    const clean =
      density <= options.maxPer100
        ? 1
        : clamp01(1 - (density - options.maxPer100) / (options.zeroPer100 - options.maxPer100))
    const messages = spans.map(({ h, star }) =>
      message({
        ruleId,
        severity: 'info',
        reason: 'Hedge or filler word',
        place: h,
        section: star,
        note: NOTE,
      }),
    )
    if (scale < 1 && clean === 1) {
      messages.push(
        message({
          ruleId,
          severity: 'info',
          reason: `Only ${words} words: too little to show confident delivery`,
          note: NOTE,
        }),
      )
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
