// length: long enough to tell a whole story, short enough to speak in about two to three minutes.

import { type CheckKind, type CheckOptions, clamp01, message } from './check'

export interface LengthOptions {
  min: number
  idealMin: number
  idealMax: number
  max: number
  wordsPerMinute: number
}

export function speakingSeconds(words: number, wordsPerMinute = 150): number {
  return Math.round((words / wordsPerMinute) * 60)
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`
  const minutes = Math.round(seconds / 30) / 2
  return `about ${minutes} minutes`
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const lengthOptions: CheckOptions<LengthOptions> = {
  summary: 'Word count and speaking time (at 150 words a minute) fall in the ideal range.',
  optionsSchema: (z) =>
    z
      .strictObject({
        min: z.number().int().min(0).default(120).describe('Below this many words, at most half credit.'),
        idealMin: z.number().int().min(1).default(200).describe('Full credit from this many words.'),
        idealMax: z.number().int().min(1).default(450).describe('Full credit up to this many words.'),
        max: z.number().int().min(1).default(650).describe('Beyond this, credit falls off quickly.'),
        wordsPerMinute: z
          .number()
          .min(60)
          .max(250)
          .default(150)
          .describe('Speaking rate for the time estimate.'),
      })
      .refine((o) => o.min <= o.idealMin && o.idealMin <= o.idealMax && o.idealMax <= o.max, {
        message: 'lengths must be ordered: min ≤ idealMin ≤ idealMax ≤ max',
      }),
}

export const length: CheckKind<LengthOptions> = {
  run({ analysis, options, ruleId }) {
    const w = analysis.words
    const secs = speakingSeconds(w, options.wordsPerMinute)
    let fraction: number
    if (w < options.min) fraction = 0.5 * clamp01((w - options.min / 2) / (options.min / 2))
    else if (w < options.idealMin)
      fraction = 0.5 + (0.5 * (w - options.min)) / Math.max(1, options.idealMin - options.min)
    else if (w <= options.idealMax) fraction = 1
    else if (w <= options.max)
      fraction = 1 - (0.4 * (w - options.idealMax)) / Math.max(1, options.max - options.idealMax)
    else fraction = clamp01(0.6 - (0.6 * (w - options.max)) / options.max)
    const messages = []
    let fix: string | undefined
    if (w < options.idealMin) {
      messages.push(
        message(
          ruleId,
          'warning',
          `${w} words (${duration(secs)} spoken) is short; aim for ${options.idealMin}–${options.idealMax} words`,
        ),
      )
      fix = `Tell more of the story: aim for ${options.idealMin}–${options.idealMax} words (two to three minutes)`
    } else if (w > options.idealMax) {
      messages.push(
        message(
          ruleId,
          'warning',
          `${w} words is ${duration(secs)} spoken; aim for ${options.idealMin}–${options.idealMax} words`,
        ),
      )
      fix = `Cut to ${options.idealMax} words or fewer: keep the background to two sentences`
    }
    return { fraction, messages, fix }
  },
}
