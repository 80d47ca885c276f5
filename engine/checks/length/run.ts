// length: long enough to tell a whole story, short enough to speak in about two to three minutes.

import { type CheckRunner, clamp01, message } from '../check'
import type { LengthOptions } from './options'

const NOTE =
  'Two to three minutes gives the interviewer the whole story and leaves time for their follow-up questions.'

export function speakingSeconds(words: number, wordsPerMinute = 150): number {
  return Math.round((words / wordsPerMinute) * 60)
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`
  const minutes = Math.round(seconds / 30) / 2
  return `about ${minutes} minutes`
}

export const length: CheckRunner<LengthOptions, LengthOptions> = {
  compile: (options) => options,
  run(analysis, options, ruleId) {
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
        message({
          ruleId,
          severity: 'warning',
          reason: `${w} words (${duration(secs)} spoken) is short; aim for ${options.idealMin}–${options.idealMax} words`,
          note: NOTE,
        }),
      )
      fix = `Tell more of the story: aim for ${options.idealMin}–${options.idealMax} words (two to three minutes)`
    } else if (w > options.idealMax) {
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `${w} words is ${duration(secs)} spoken; aim for ${options.idealMin}–${options.idealMax} words`,
          note: NOTE,
        }),
      )
      fix = `Cut to ${options.idealMax} words or fewer: keep the background to two sentences`
    }
    return { fraction, messages, fix }
  },
}
