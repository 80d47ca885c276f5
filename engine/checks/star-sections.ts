// star-sections: every STAR section present, with the Action carrying the most weight and the Situation kept short.

import type { Section } from '../types'
import { type CheckKind, type CheckOptions, clamp01, message, percent, SECTION_NAMES } from './check'

export interface StarSectionsOptions {
  required: Section[]
  minActionShare: number
  maxSituationShare: number
  minWords: Record<Section, number>
}

const WHAT: Record<Section, string> = {
  situation: 'set the scene in a sentence or two: where you were, when, and what was at stake',
  task: 'say what you were responsible for or asked to achieve',
  action: 'say step by step what you did yourself, in the past tense',
  result: 'say what happened because of your actions, with a number if you can',
}
// When several sections are missing, the fix for the most valuable one is suggested first.
const PRIORITY: Section[] = ['result', 'action', 'task', 'situation']

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const starSectionsOptions: CheckOptions<StarSectionsOptions> = {
  summary: 'Every STAR section is present; the Action is the largest part and the Situation stays short.',
  optionsSchema: (z) =>
    z.strictObject({
      required: z
        .array(z.enum(['situation', 'task', 'action', 'result']))
        .min(1)
        .default(['situation', 'task', 'action', 'result'])
        .describe('Sections the answer must contain.'),
      minActionShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.3)
        .describe('Share of the words the Action should have at least (0–1).'),
      maxSituationShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.35)
        .describe('Share of the words the Situation should not exceed (0–1).'),
      minWords: z
        .strictObject({
          situation: z.number().int().min(1).default(12),
          task: z.number().int().min(1).default(8),
          action: z.number().int().min(1).default(50),
          result: z.number().int().min(1).default(12),
        })
        .default({ situation: 12, task: 8, action: 50, result: 12 })
        .describe('Words a section needs to count in full; a thinner section counts in proportion.'),
    }),
}

export const starSections: CheckKind<StarSectionsOptions> = {
  run({ analysis, options, ruleId }) {
    const { sections } = analysis
    const messages = []
    const missing = options.required.filter((s) => sections[s].words === 0)
    // A section counts in proportion to its substance: one clause of Action is not an Action section.
    let presence = 0
    for (const s of options.required) presence += clamp01(sections[s].words / options.minWords[s])
    presence /= options.required.length
    const thin = options.required.filter(
      (s) => sections[s].words > 0 && sections[s].words < options.minWords[s],
    )
    for (const s of missing) {
      messages.push(message(ruleId, 'warning', `No ${SECTION_NAMES[s]} found: ${WHAT[s]}`, undefined, s))
    }
    const actionShare = sections.action.share
    const balance = options.minActionShare === 0 ? 1 : clamp01(actionShare / options.minActionShare)
    const largest = (['situation', 'task', 'result'] as const).every(
      (s) => sections[s].words <= sections.action.words,
    )
    const situationOver = sections.situation.share - options.maxSituationShare
    const situationPart = situationOver <= 0 ? 1 : clamp01(1 - situationOver / 0.3)
    const fraction = 0.6 * presence + 0.15 * balance + 0.1 * (largest ? 1 : 0) + 0.15 * situationPart

    if (sections.action.words > 0 && actionShare < options.minActionShare) {
      messages.push(
        message(
          ruleId,
          'warning',
          `The Action is ${percent(actionShare)} of the answer; aim for at least ${percent(options.minActionShare)}`,
          undefined,
          'action',
        ),
      )
    }
    if (situationOver > 0) {
      const first = analysis.sentences.find((s) => s.star === 'situation')
      const last = [...analysis.sentences].reverse().find((s) => s.star === 'situation')
      messages.push(
        message(
          ruleId,
          'warning',
          `The Situation takes ${percent(sections.situation.share)} of the answer; keep background under ${percent(options.maxSituationShare)}`,
          first && last ? { start: first.start, end: last.end } : undefined,
          'situation',
        ),
      )
    }

    for (const s of thin) {
      messages.push(
        message(
          ruleId,
          'warning',
          `The ${SECTION_NAMES[s]} is thin (${sections[s].words} words): ${WHAT[s]}`,
          undefined,
          s,
        ),
      )
    }
    let fix: string | undefined
    const firstMissing = PRIORITY.find((s) => missing.includes(s))
    const firstThin = PRIORITY.find((s) => thin.includes(s))
    if (firstMissing !== undefined) fix = `Add a ${SECTION_NAMES[firstMissing]}: ${WHAT[firstMissing]}`
    else if (firstThin !== undefined) fix = `Develop the ${SECTION_NAMES[firstThin]}: ${WHAT[firstThin]}`
    else if (situationOver > 0)
      fix = `Cut the background: the Situation is ${percent(sections.situation.share)} of the answer`
    else if (!largest || actionShare < options.minActionShare)
      fix = `Give the Action more room: say step by step what you did (now ${percent(actionShare)} of the answer)`
    return { fraction, messages, fix }
  },
}
