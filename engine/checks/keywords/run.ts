// keywords: groups of phrases (with stemming; each group's phrases are synonyms), optionally required in one section.

import type { AnalyzedSentence } from '../../analyze'
import { compilePhrases, findPhrases, type PhraseTable } from '../../phrases'
import { stem } from '../../stem'
import type { Star } from '../../types'
import { type CheckRunner, message, SECTION_NAMES } from '../check'
import type { KeywordsOptions } from './options'

const NOTE =
  'Interviewers map each answer to the skill the question probes and listen for concrete signs of it.'

/** Keyword options with each group's phrases stemmed into a table. */
export interface KeywordsCompiled {
  section?: Star
  /** Groups needed for full credit. */
  need: number
  groups: {
    label: string
    /** The first three phrases, quoted in the fix. */
    examples: string[]
    table: PhraseTable
  }[]
}

/** Sentences that can earn keyword credit: story sentences, not fragments, bare lists or hypotheticals. */
function eligible(s: AnalyzedSentence): boolean {
  const f = s.features
  return !s.headingOnly && !f.fragment && !f.list && !f.hypothetical && s.star !== 'other'
}

export const keywords: CheckRunner<KeywordsOptions, KeywordsCompiled> = {
  compile(options) {
    const compiled: KeywordsCompiled = {
      need: options.min ?? options.groups.length,
      groups: options.groups.map((g) => ({
        label: g.label,
        examples: g.any.slice(0, 3),
        table: compilePhrases(g.any, stem),
      })),
    }
    if (options.section !== undefined) compiled.section = options.section
    return compiled
  },
  run(analysis, compiled, ruleId) {
    const { section, need } = compiled
    const messages = []
    let credit = 0
    const missing: string[] = []
    for (const group of compiled.groups) {
      let best = 0
      let where: { start: number; end: number; star: Star } | undefined
      for (const s of analysis.sentences) {
        if (!eligible(s)) continue
        const hits = findPhrases(group.table, s.stems)
        if (hits.length === 0) continue
        const value = section === undefined || s.star === section ? 1 : 0.5
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
            : `Shows ${group.label}, but in the ${SECTION_NAMES[where.star]} rather than the ${SECTION_NAMES[section!]}`
        messages.push(
          message({
            ruleId,
            severity: best === 1 ? 'info' : 'warning',
            reason,
            place: { start: where.start, end: where.end },
            section: where.star,
            note: NOTE,
          }),
        )
      } else {
        missing.push(group.label)
      }
    }
    const fraction = Math.min(1, credit / need)
    if (fraction < 1 && missing.length > 0) {
      const g = compiled.groups.find((x) => x.label === missing[0])!
      const examples = g.examples.map((p) => `“${p}”`).join(', ')
      messages.push(
        message({
          ruleId,
          severity: 'warning',
          reason: `No sign of ${missing.join('; ')}`,
          section,
          note: NOTE,
        }),
      )
      const where = section !== undefined ? ` in your ${SECTION_NAMES[section]}` : ''
      return { fraction, messages, fix: `Show ${missing[0]}${where} (for example ${examples})` }
    }
    return {
      fraction,
      messages,
      fix: fraction < 1 ? `Move what you did into the ${SECTION_NAMES[section ?? 'action']}` : undefined,
    }
  },
}
