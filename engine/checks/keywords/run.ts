// keywords: groups of evidence (shared concepts and the rubric's own phrases), matched on stems with gaps and
// alternatives, never when negated, credited only when the candidate (or their team) did the thing, and
// best in one section.

import type { Analysis, AnalyzedSentence } from '../../analyze'
import { actorAt, compileEvidence, type EvidenceHit, type EvidenceTable, findEvidence } from '../../evidence'
import { splitPhrase } from '../../phrases'
import { stem } from '../../stem'
import type { Star } from '../../types'
import { type CheckRunner, type CompileLibrary, message, SECTION_NAMES } from '../check'
import type { KeywordsOptions } from './options'

const NOTE =
  'Interviewers map each answer to the skill the question probes and listen for concrete signs of it.'

/** Keyword options with each group's phrases, its concepts' included, compiled into one table. */
export interface KeywordsCompiled {
  section?: Star
  /** Groups needed for full credit. */
  need: number
  /** Evidence must be the candidate's or their team's doing (not "the infra team adopted it"). */
  attributed: boolean
  groups: {
    label: string
    /** The first three of the rubric's own phrases (else the concepts'), quoted in the fix. */
    examples: string[]
    table: EvidenceTable
  }[]
}

/** Credit for evidence in the wanted section, elsewhere in the story, and in a sentence outside the story. */
const IN_SECTION = 1
const OTHER_SECTION = 0.5
const OUTSIDE_STORY = 0.25

/** Sentences that can show evidence: not bare headings, fragments, lists, hypotheticals or meta talk. */
function eligible(s: AnalyzedSentence): boolean {
  const f = s.features
  return !s.headingOnly && !f.fragment && !f.list && !f.hypothetical && !f.meta
}

function conceptPhrases(library: CompileLibrary, id: string): readonly string[] {
  return Object.hasOwn(library.concepts, id) ? library.concepts[id]!.phrases : []
}

/** True when punctuation that ends a clause stands between word j-1 and word j of the sentence. */
function clauseBreaks(analysis: Analysis, s: AnalyzedSentence): boolean[] {
  return s.tokens.map(
    (t, j) => j > 0 && /[,;:—–()\n]/.test(analysis.text.slice(s.tokens[j - 1]!.end, t.start)),
  )
}

/** The first hit in the sentence that counts: someone else's doing does not, when evidence is attributed. */
function creditedHit(analysis: Analysis, s: AnalyzedSentence, hits: EvidenceHit[], attributed: boolean) {
  if (!attributed) return hits[0]
  let breaks: boolean[] | undefined
  for (const h of hits) {
    breaks ??= clauseBreaks(analysis, s)
    if (actorAt(s.words, breaks, h.from) !== 'other') return h
  }
  return undefined
}

export const keywords: CheckRunner<KeywordsOptions, KeywordsCompiled> = {
  compile(options, library) {
    const compiled: KeywordsCompiled = {
      need: options.min ?? options.groups.length,
      attributed: options.section !== 'result' && options.section !== 'situation',
      groups: options.groups.map((g) => {
        const phrases = [...(g.any ?? []), ...(g.concepts ?? []).flatMap((id) => conceptPhrases(library, id))]
        return {
          label: g.label,
          examples: (g.any ?? phrases.filter((p) => !/[…/]|\.\.\./.test(p))).slice(0, 3),
          table: compileEvidence(phrases, splitPhrase, stem),
        }
      }),
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
        const value =
          section === undefined || s.star === section
            ? IN_SECTION
            : s.star === 'other'
              ? OUTSIDE_STORY
              : OTHER_SECTION
        if (value <= best || !eligible(s)) continue
        const h = creditedHit(analysis, s, findEvidence(group.table, s.stems, s.words), compiled.attributed)
        if (h === undefined) continue
        best = value
        where = { start: s.tokens[h.from]!.start, end: s.tokens[h.to - 1]!.end, star: s.star }
        if (value === IN_SECTION) break
      }
      credit += best
      if (where === undefined) {
        missing.push(group.label)
        continue
      }
      const found = analysis.text.slice(where.start, where.end)
      const reason =
        best === IN_SECTION
          ? `Shows ${group.label}`
          : `Shows ${group.label}: found “${found}” in ${where.star === 'other' ? 'a sentence outside the story' : `your ${SECTION_NAMES[where.star]}`}; put it in your ${SECTION_NAMES[section!]}`
      messages.push(
        message({
          ruleId,
          severity: best === IN_SECTION ? 'info' : 'warning',
          reason,
          place: { start: where.start, end: where.end },
          section: where.star,
          note: NOTE,
        }),
      )
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
