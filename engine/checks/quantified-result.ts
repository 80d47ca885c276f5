// quantified-result: the Result carries a measure — a number, percentage, money, a duration, a count.

import type { Section } from '../types'
import { type CheckKind, type CheckOptions, message, SECTION_NAMES } from './check'

export interface QuantifiedResultOptions {
  section: Section
  min: number
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const quantifiedResultOptions: CheckOptions<QuantifiedResultOptions> = {
  summary: 'The Result is measurable: numbers, percentages, money, durations, counts or number words.',
  optionsSchema: (z) =>
    z.strictObject({
      section: z
        .enum(['situation', 'task', 'action', 'result'])
        .default('result')
        .describe('Section that must carry the measures.'),
      min: z.number().int().min(1).max(10).default(1).describe('Measures needed for full credit.'),
    }),
}

export const quantifiedResult: CheckKind<QuantifiedResultOptions> = {
  run({ analysis, options, ruleId }) {
    const inSection = analysis.sentences.filter((s) => s.star === options.section)
    const name = SECTION_NAMES[options.section]
    let count = 0
    const messages = []
    for (const s of inSection) {
      for (const m of s.features.metrics) {
        count++
        messages.push(message(ruleId, 'info', 'Measured outcome', m, options.section))
      }
    }
    if (count >= options.min) return { fraction: 1, messages }
    if (count > 0) {
      return {
        fraction: 0.4 + (0.35 * count) / options.min,
        messages,
        fix: `Add another measure to your ${name} (${count} of ${options.min})`,
      }
    }
    const elsewhere = analysis.sentences.some(
      (s) => s.star !== options.section && s.features.metrics.length > 0,
    )
    const vague = inSection.find((s) => s.features.vagueOutcome)
    if (inSection.length === 0) {
      messages.push(message(ruleId, 'warning', `There is no ${name} to measure`, undefined, options.section))
      return {
        fraction: 0,
        messages,
        fix: `Add a ${name} with a measurable outcome: what changed, by how much`,
      }
    }
    if (elsewhere) {
      const first = analysis.sentences.find(
        (s) => s.star !== options.section && s.features.metrics.length > 0,
      )!
      messages.push(
        message(
          ruleId,
          'warning',
          `Your numbers are in the ${SECTION_NAMES[first.star]}, not the ${name}: say what they changed`,
          first.features.metrics[0],
          first.star,
        ),
      )
    }
    if (vague !== undefined) {
      messages.push(
        message(
          ruleId,
          'warning',
          `${name} says how it went but not by how much`,
          { start: vague.start, end: vague.end },
          options.section,
        ),
      )
    } else {
      messages.push(
        message(ruleId, 'warning', `${name} has no measurable outcome`, undefined, options.section),
      )
    }
    return {
      fraction: elsewhere ? 0.25 : vague !== undefined ? 0.15 : 0.1,
      messages,
      fix: `Add a measurable outcome to your ${name}: a percentage, time saved, money, or a count`,
    }
  },
}
