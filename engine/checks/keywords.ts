// keywords: groups of phrases (with stemming; each group's phrases are synonyms), optionally required in one section.

import type { AnalyzedSentence } from '../analyze'
import { compilePhrases, findPhrases, type PhraseTable } from '../phrases'
import { stem } from '../stem'
import type { Star } from '../types'
import { type CheckKind, type CheckOptions, message, SECTION_NAMES } from './check'

export interface KeywordGroup {
  label: string
  any: string[]
}

export interface KeywordsOptions {
  section?: Star
  groups: KeywordGroup[]
  min?: number
}

// Compiled phrase tables, built once per options object (a compiled rubric is never mutated).
const tables = new WeakMap<KeywordsOptions, PhraseTable[]>()

function compiled(options: KeywordsOptions): PhraseTable[] {
  let t = tables.get(options)
  if (t === undefined) {
    t = options.groups.map((g) => compilePhrases(g.any, stem))
    tables.set(options, t)
  }
  return t
}

/** Sentences that can earn keyword credit: story sentences, not fragments, bare lists or hypotheticals. */
function eligible(s: AnalyzedSentence): boolean {
  const f = s.features
  return !s.headingOnly && !f.fragment && !f.list && !f.hypothetical && s.star !== 'other'
}

// Options and summary live apart from `run`, so the browser bundle (which only scores) leaves them out.
export const keywordsOptions: CheckOptions<KeywordsOptions> = {
  summary:
    'Groups of phrases (stemmed; a group lists synonyms) that show the area, optionally in one section.',
  optionsSchema: (z) =>
    z
      .strictObject({
        section: z
          .enum(['situation', 'task', 'action', 'result', 'other'])
          .optional()
          .describe('Only sentences of this section earn full credit; elsewhere a group earns half.'),
        groups: z
          .array(
            z.strictObject({
              label: z.string().min(1).describe('What the group shows, in words a candidate understands.'),
              any: z.array(z.string().min(1)).min(1).describe('Phrases, any of which shows the group.'),
            }),
          )
          .min(1)
          .describe('Keyword groups; each counts once however often it appears (saturating credit).'),
        min: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Groups needed for full credit (default: all groups).'),
      })
      .refine((o) => o.min === undefined || o.min <= o.groups.length, {
        message: 'min cannot be more than the number of groups',
        path: ['min'],
      }),
}

export const keywords: CheckKind<KeywordsOptions> = {
  run({ analysis, options, ruleId }) {
    const tablesForGroups = compiled(options)
    const need = options.min ?? options.groups.length
    const messages = []
    let credit = 0
    const missing: string[] = []
    for (let g = 0; g < options.groups.length; g++) {
      const group = options.groups[g]!
      let best = 0
      let where: { start: number; end: number; star: Star } | undefined
      for (const s of analysis.sentences) {
        if (!eligible(s)) continue
        const hits = findPhrases(tablesForGroups[g]!, s.stems)
        if (hits.length === 0) continue
        const value = options.section === undefined || s.star === options.section ? 1 : 0.5
        if (value > best) {
          best = value
          const h = hits[0]!
          where = { start: s.tokens[h.from]!.start, end: s.tokens[h.to - 1]!.end, star: s.star }
          if (value === 1) break
        }
      }
      credit += best
      if (where !== undefined) {
        const reason =
          best === 1
            ? `Shows ${group.label}`
            : `Shows ${group.label}, but in the ${SECTION_NAMES[where.star]} rather than the ${SECTION_NAMES[options.section!]}`
        messages.push(
          message(
            ruleId,
            best === 1 ? 'info' : 'warning',
            reason,
            { start: where.start, end: where.end },
            where.star,
          ),
        )
      } else {
        missing.push(group.label)
      }
    }
    const fraction = Math.min(1, credit / need)
    if (fraction < 1 && missing.length > 0) {
      const g = options.groups.find((x) => x.label === missing[0])!
      const examples = g.any
        .slice(0, 3)
        .map((p) => `“${p}”`)
        .join(', ')
      messages.push(
        message(ruleId, 'warning', `No sign of ${missing.join('; ')}`, undefined, options.section),
      )
      const where = options.section !== undefined ? ` in your ${SECTION_NAMES[options.section]}` : ''
      return { fraction, messages, fix: `Show ${missing[0]}${where} (for example ${examples})` }
    }
    return {
      fraction,
      messages,
      fix:
        fraction < 1 ? `Move what you did into the ${SECTION_NAMES[options.section ?? 'action']}` : undefined,
    }
  },
}
