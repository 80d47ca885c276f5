// hypothetical: a real past story, not what the candidate would, could or usually does.

import { type CheckKind, type CheckOptions, clamp01, message, percent, storySentences } from './check'

export interface HypotheticalOptions {
  maxShare: number
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const hypotheticalOptions: CheckOptions<HypotheticalOptions> = {
  summary: 'The answer tells what happened, not what the candidate would, could or usually does.',
  optionsSchema: (z) =>
    z.strictObject({
      maxShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.15)
        .describe('Share of sentences that may be hypothetical or habitual before credit is lost.'),
    }),
}

export const hypothetical: CheckKind<HypotheticalOptions> = {
  run({ analysis, options, ruleId }) {
    const story = storySentences(analysis)
    const hypo = story.filter((s) => s.features.hypothetical)
    const did = story.some((s) => s.features.iDid || s.features.weDid)
    const messages = hypo.map((s) =>
      message(
        ruleId,
        'warning',
        'This says what you would do, not what you did',
        { start: s.start, end: s.end },
        s.star,
      ),
    )
    if (!did) {
      messages.unshift(
        message(ruleId, 'warning', 'No past action found: tell one real story, in the past tense'),
      )
      return {
        fraction: 0,
        messages,
        fix: 'Tell one real situation and what you did, in the past tense ("I rewrote…")',
      }
    }
    const share = story.length === 0 ? 0 : hypo.length / story.length
    const fraction = share <= options.maxShare ? 1 : clamp01(1 - (share - options.maxShare) / 0.35)
    if (fraction < 1) {
      messages.unshift(
        message(ruleId, 'warning', `${percent(share)} of the answer is hypothetical or habitual`),
      )
    }
    return {
      fraction,
      messages,
      fix: fraction < 1 ? 'Replace "I would…" with what you actually did, in the past tense' : undefined,
    }
  },
}
