// keywords: groups of evidence (shared concepts and the rubric's own phrases), matched on stems with gaps and
// alternatives, never when negated, credited only when the candidate (or their team) did the thing, and
// best in one section.

import type { Analysis, AnalyzedSentence } from '../../analysis-types'
import {
  compileEvidence,
  type EvidenceTable,
  evidenceAt,
  findEvidence,
  NUMBER_MARK,
  startsNumber,
} from '../../evidence'
import { actorAt, plannedAt } from '../../evidence-context'
import { pastHabit, saysHad, tellsAvoided } from '../../features/hypothetical'
import { splitPhrase } from '../../phrases'
import { stem } from '../../stem'
import type { Place, Star } from '../../types'
import { type CheckResult, type CheckRunner, type CompileLibrary, message, SECTION_NAMES } from '../check'
import { presentReading } from '../present-story'
import type { KeywordsOptions } from './options'
import {
  capitalisedWords,
  clauseBreaks,
  figureNear,
  outcomeFigure,
  ownStepFrom,
  type TurnTables,
  tellsWhatItShowed,
  turnStarts,
} from './structure'

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
    /**
     * Decisions made by others or together, after which the candidate's own step shows the group, and what the
     * candidate must have told before a decision counts (arguing for another way).
     */
    turns?: TurnTables
    /**
     * The phrases of the group's concepts that name whom the work was for: named in two sentences or more, they make
     * a measured Result the outcome for them.
     */
    topics?: EvidenceTable
  }[]
}

type Groups = KeywordsCompiled['groups']

/**
 * First stem → the groups (in order) that have a phrase starting with it: an answer is scanned once for all groups,
 * and only the groups whose phrases can start at a word are tried there. Built from the groups' tables when a
 * check first runs, and kept while its compiled rubric lives. It is not part of the compiled rubric, which crosses
 * threads when the rubric folder is compiled on a worker: with it, a large rubric took twice as long to receive.
 */
const firstStemIndexes = new WeakMap<Groups, Map<string, number[]>>()

function firstStemIndex(groups: Groups): Map<string, number[]> {
  const known = firstStemIndexes.get(groups)
  if (known !== undefined) return known
  const index = new Map<string, number[]>()
  groups.forEach((g, i) => {
    for (const first of Object.keys(g.table.byFirst)) {
      const list = index.get(first)
      if (list === undefined) index.set(first, [i])
      else list.push(i)
    }
  })
  firstStemIndexes.set(groups, index)
  return index
}

/**
 * The groups with a phrase that may start at a word: by its stem, and for a number also by a leading number
 * slot. `numberGroups` is `index.get(NUMBER_MARK)`: without such a slot no word is tested for a number.
 */
function groupsAt(
  index: Map<string, number[]>,
  numberGroups: number[] | undefined,
  w: string,
): number[] | undefined {
  const own = index.get(w)
  const number = numberGroups !== undefined && startsNumber(w) ? numberGroups : undefined
  if (number === undefined) return own
  if (own === undefined) return number
  return [...new Set([...own, ...number])].sort((a, b) => a - b)
}

/** How many, in words, for "Still missing: two of …". */
const COUNT_WORDS = ['none', 'one', 'two', 'three', 'four', 'five']

/** Credit for evidence in the wanted section, elsewhere in the story, and in a sentence outside the story. */
const IN_SECTION = 1
const NEXT_SECTION = 0.75
const OTHER_SECTION = 0.5
const OUTSIDE_STORY = 0.25

/**
 * Evidence nearly in place. What you took on (Task) is told right beside what you did: evidence for the Action
 * found in the Task ("nobody owned it, so I took it on"). What you did and what it changed meet at the end of the
 * Action, where the line between them is the hardest to draw: evidence for the Result in an Action sentence that
 * reports an outcome ("when I fixed the filter, the numbers reconciled to within 0.2%") or what came after the
 * steps ("he and I kept working closely after that"), and evidence for the
 * Action in a Result sentence that tells what the candidate did ("I ran two sessions so others could maintain it").
 * A claim in the wrong section ("I take full accountability") stays at half.
 */
function nextTo(s: AnalyzedSentence, found: Star, wanted: Star): boolean {
  if (found === 'task') return wanted === 'action'
  if (found === 'action' && wanted === 'result')
    return s.features.outcome || s.features.metrics.length > 0 || toldAfter(s.words)
  if (found === 'result' && wanted === 'action') return s.features.iDid
  return false
}

/** Words that place a sentence after the story's steps: "he and I kept working closely after that". */
function toldAfter(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w === 'afterwards' || w === 'afterward') return true
    if ((w === 'after' && words[i + 1] === 'that') || (w === 'since' && words[i + 1] === 'then')) return true
    if (w === 'from' && words[i + 1] === 'then' && words[i + 2] === 'on') return true
  }
  return false
}

/**
 * Sentences that can show evidence: not bare headings, fragments, lists, hypotheticals or meta talk. A sentence
 * of the story whose main clause is in the past ("I would not accept it, so I found the cause and added a test",
 * "she started calling me first whenever something went wrong") reports what happened whatever its modal or
 * habitual opener; outside the story ("If I broke something, I would tell them") it stays a hypothetical.
 */
function eligible(s: AnalyzedSentence, presentStep: boolean): boolean {
  const f = s.features
  const hypothetical =
    f.hypothetical &&
    !((f.iDid || f.statePast || pastHabit(s.words, f.past, f.iDid || f.weDid)) && s.star !== 'other') &&
    !presentStep &&
    !saysHad(s.words)
  return !s.headingOnly && !f.fragment && !f.list && !hypothetical && !f.meta
}

/** What evidence in each sentence is worth for a group wanting `section`: 0 where it cannot show any. */
export function sentenceCredits(analysis: Analysis, section: Star | undefined): number[] {
  const { told, lasting } = presentReading(analysis)
  const stars = storyStars(analysis, lasting)
  return analysis.sentences.map((s, k) => (eligible(s, told[k]!) ? creditIn(s, stars[k]!, section) : 0))
}

/**
 * Each sentence's section for evidence: its label, except that a sentence read as outside the story which is a
 * lasting outcome after the Result ("Rafael and I still have one-to-ones where I bring risks early"), or which
 * tells what the story avoided ("without the extra orders we would have run out on day nine"), is part of the
 * Result. A claim that tells nothing lasting ("For me, trust is a relationship you build one promise at a time")
 * stays outside the story.
 */
function storyStars(analysis: Analysis, lasting: readonly boolean[]): Star[] {
  return analysis.sentences.map((s, k) =>
    s.star === 'other' && (lasting[k] || avoided(s)) ? 'result' : s.star,
  )
}

/** A counterfactual of the story ("we would have run out"): not a hypothetical, though its opener reads as one. */
function avoided(s: AnalyzedSentence): boolean {
  return s.features.hypotheticalCue && !s.features.hypothetical && tellsAvoided(s.words)
}

/** Credit for evidence in a sentence of this section: in the wanted section, next to it, elsewhere in the story, outside it. */
function creditIn(s: AnalyzedSentence, star: Star, section: Star | undefined): number {
  if (section === undefined || star === section) return IN_SECTION
  if (star === 'other') return OUTSIDE_STORY
  return nextTo(s, star, section) ? NEXT_SECTION : OTHER_SECTION
}

type LibraryConcept = CompileLibrary['concepts'][string]

/** The library's concept of this id, if it has one. */
function conceptOf(library: CompileLibrary, id: string): LibraryConcept | undefined {
  return Object.hasOwn(library.concepts, id) ? library.concepts[id] : undefined
}

/** The phrases of a group's concepts that pass `keep`. */
function phrasesWhere(
  library: CompileLibrary,
  concepts: readonly string[],
  keep: (c: LibraryConcept) => boolean,
): string[] {
  return concepts.flatMap((id) => {
    const c = conceptOf(library, id)
    return c !== undefined && keep(c) ? c.phrases : []
  })
}

/** A group's evidence table and the readings its concepts ask for (see `Concept` in engine/lexicon/concepts.ts). */
function compileGroup(library: CompileLibrary, g: KeywordsOptions['groups'][number]): Groups[number] {
  const concepts = g.concepts ?? []
  const own = g.any ?? []
  const phrases = [...own, ...phrasesWhere(library, concepts, (c) => c.turn === undefined)]
  // A phrase the group also lists plainly counts without a figure.
  const plain = new Set([...own, ...phrasesWhere(library, concepts, (c) => c.measured !== true)])
  const measured = new Set(
    phrasesWhere(library, concepts, (c) => c.measured === true).filter((p) => !plain.has(p)),
  )
  const group: Groups[number] = {
    label: g.label,
    examples: (g.any ?? phrases.filter((p) => !/[…/]|\.\.\./.test(p) && !measured.has(p))).slice(0, 3),
    table: compileEvidence(phrases, splitPhrase, stem, {
      observed: new Set(phrasesWhere(library, concepts, (c) => c.observed === true)),
      measured,
      proof: new Set(phrasesWhere(library, concepts, (c) => c.proof === true)),
    }),
  }
  const topics = phrasesWhere(library, concepts, (c) => c.topic === true)
  if (topics.length > 0) group.topics = compileEvidence(topics, splitPhrase, stem)
  const decisions = phrasesWhere(library, concepts, (c) => c.turn !== undefined)
  if (decisions.length > 0) {
    const after = concepts.flatMap((id) => conceptOf(library, id)?.turn?.after ?? [])
    group.turns = {
      decisions: compileEvidence(decisions, splitPhrase, stem),
      after: compileEvidence(
        after.flatMap((id) => conceptOf(library, id)?.phrases ?? []),
        splitPhrase,
        stem,
      ),
    }
  }
  return group
}

interface Found {
  /** Each group's credit: the best value of a sentence with a credited hit, 0 when none. */
  best: Float64Array
  /** Where each group's credited hit is: in the first sentence of its best value. */
  where: ({ start: number; end: number; star: Star } | undefined)[]
}

/**
 * Every group's best credited hit, scanning each eligible sentence once for all groups. Per group this is what
 * reading the sentences in order would find: in each sentence its hits left to right, non-overlapping and
 * longest first (`findEvidence`), the first credited one counting, a sentence tried only while it could raise
 * the group's value. Work is the answer's words times the groups whose phrases start at each word, never the
 * words times every group.
 */
function findGroups(analysis: Analysis, compiled: KeywordsCompiled): Found {
  const { section, groups, attributed } = compiled
  const byFirstStem = firstStemIndex(groups)
  const numberGroups = byFirstStem.get(NUMBER_MARK)
  const n = groups.length
  const best = new Float64Array(n)
  const where: Found['where'] = new Array(n)
  // Where each group may match next in the sentence `seenIn[g]`; a group not yet seen there may match anywhere.
  const nextFree = new Int32Array(n)
  const seenIn = new Int32Array(n).fill(-1)
  const { told, lasting } = presentReading(analysis)
  const stars = storyStars(analysis, lasting)
  analysis.sentences.forEach((s, k) => {
    if (!eligible(s, told[k]!)) return
    const star = stars[k]!
    const value = creditIn(s, star, section)
    // A check told with what it showed ("To confirm it, I re-counted…, and the rate came back to 3.2%") is the
    // outcome, though told as a step: in such a step, a proof is worth what it is in the Result.
    const proofValue = star === 'action' && section === 'result' && tellsWhatItShowed(s) ? IN_SECTION : value
    const { stems, words } = s
    let breaks: boolean[] | undefined
    let caps: boolean[] | undefined
    for (let i = 0; i < stems.length; i++) {
      const first = stems[i]!
      const candidates = groupsAt(byFirstStem, numberGroups, first)
      if (candidates === undefined) continue
      for (const g of candidates) {
        if (proofValue <= best[g]! || (seenIn[g] === k && nextFree[g]! > i)) continue
        const h = evidenceAt(groups[g]!.table, stems, words, i)
        if (h === undefined) continue
        seenIn[g] = k
        nextFree[g] = h.to
        let credit = h.proof === true ? proofValue : value
        if (credit <= best[g]!) continue
        breaks ??= clauseBreaks(analysis, s)
        // Someone else's check ("I asked the DBA to confirm…") proves nothing the candidate did.
        if (credit > value) {
          caps ??= capitalisedWords(s)
          if (actorAt(words, breaks, h.from, caps, h.to) === 'other') credit = value
          if (credit <= best[g]!) continue
        }
        // What is measured shows the behaviour only in its section, beside a figure ("warranty claims fell to 9 a
        // month"), and not in a lesson: a figure in the scene, a step or a lesson is not the outcome.
        if (
          h.measured === true &&
          (value !== IN_SECTION || s.features.reflection || !figureNear(s, h.from, h.to))
        )
          continue
        // A plan is not an act ("we planned to add a runbook, but…").
        if (plannedAt(words, breaks, h.from)) continue
        // Someone else's doing does not count, when evidence is attributed; what the candidate found out does.
        if (attributed && h.observed !== true) {
          caps ??= capitalisedWords(s)
          if (actorAt(words, breaks, h.from, caps, h.to) === 'other') continue
        }
        best[g] = credit
        where[g] = { start: s.tokens[h.from]!.start, end: s.tokens[h.to - 1]!.end, star }
      }
    }
  })
  groups.forEach((group, g) => {
    if (group.turns !== undefined)
      creditTurns(analysis, group.turns, g, section, { best, where }, told, stars)
    if (group.topics !== undefined && section === 'result')
      creditTopic(analysis, group.topics, g, { best, where }, told, stars)
  })
  return { best, where }
}

/**
 * A group naming whom the work was for, found only outside the Result ("I split the form for screen-reader
 * users"), is shown in full by a Result sentence that gives a figure of an outcome: the outcome for them, though it
 * does not repeat the words ("Renewals from residents over 70 rose from about 300 to 1,150"). Not by a lesson, time
 * spent ("we shipped 2 weeks late") or a target.
 */
function creditTopic(
  analysis: Analysis,
  table: EvidenceTable,
  g: number,
  found: Found,
  told: readonly boolean[],
  stars: readonly Star[],
): void {
  if (found.best[g]! <= 0 || found.best[g]! >= IN_SECTION) return
  // Named in passing ("I move the accessibility audit earlier") it is not what the work was for.
  let named = 0
  analysis.sentences.forEach((s, i) => {
    if (stars[i] !== 'other' && eligible(s, told[i]!) && findEvidence(table, s.stems, s.words).length > 0)
      named++
  })
  if (named < 2) return
  let figure: Place | undefined
  analysis.sentences.some((s, i) => {
    if (stars[i] !== 'result' || s.features.reflection || !eligible(s, told[i]!)) return false
    figure = outcomeFigure(s)
    return figure !== undefined
  })
  if (figure === undefined) return
  found.best[g] = IN_SECTION
  found.where[g] = { start: figure.start, end: figure.end, star: 'result' }
}

/** Words of an own step quoted where it is credited: the subject and what follows, to the clause's end. */
const STEP_QUOTE = 8

/**
 * Credits group `g` with the candidate's own steps that answer a decision made by others or together: a step
 * told with "I" in an eligible sentence after the decision, as a phrase hit would be, when it is worth more.
 */
function creditTurns(
  analysis: Analysis,
  turns: NonNullable<Groups[number]['turns']>,
  g: number,
  section: Star | undefined,
  found: Found,
  told: readonly boolean[],
  stars: readonly Star[],
): void {
  const starts = turnStarts(analysis, turns)
  analysis.sentences.forEach((s, k) => {
    const from = starts[k]!
    // A lesson drawn afterwards ("I learned that my comparison…") is not a step.
    if (from === -1 || !eligible(s, told[k]!) || !(s.features.iDid || told[k]) || s.features.reflection)
      return
    const star = stars[k]!
    const value = creditIn(s, star, section)
    if (value <= found.best[g]!) return
    const breaks = clauseBreaks(analysis, s)
    const j = ownStepFrom(s, breaks, from, turns.after)
    if (j === -1) return
    let end = j + 1
    while (end < s.tokens.length && end - j < STEP_QUOTE && !breaks[end]) end++
    found.best[g] = value
    found.where[g] = { start: s.tokens[j]!.start, end: s.tokens[end - 1]!.end, star }
  })
}

export const keywords: CheckRunner<KeywordsOptions, KeywordsCompiled> = {
  compile(options, library) {
    const groups = options.groups.map((g) => compileGroup(library, g))
    const compiled: KeywordsCompiled = {
      need: options.min ?? options.groups.length,
      attributed: options.section !== 'result' && options.section !== 'situation',
      groups,
    }
    if (options.section !== undefined) compiled.section = options.section
    return compiled
  },
  run(analysis, compiled, ruleId) {
    const { section, need } = compiled
    const messages: ReturnType<typeof message>[] = []
    let credit = 0
    const missing: string[] = []
    const found = findGroups(analysis, compiled)
    compiled.groups.forEach((group, g) => {
      const best = found.best[g]!
      const where = found.where[g]
      credit += best
      if (where === undefined) {
        missing.push(group.label)
        return
      }
      const text = analysis.text.slice(where.start, where.end)
      const reason =
        best === IN_SECTION
          ? `Shows ${group.label}`
          : `Shows ${group.label}: found “${text}” in ${where.star === 'other' ? 'a sentence outside the story' : `your ${SECTION_NAMES[where.star]}`}; put it in your ${SECTION_NAMES[section!]}`
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
    })
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
      const result: CheckResult = {
        fraction,
        messages,
        fix: `Show ${missing[0]}${where} (for example ${examples})`,
      }
      // Some of it is shown: say what would complete it. New groups are needed only beyond those found anywhere;
      // what was found outside the section counts once it is moved there.
      const foundAnywhere = compiled.groups.length - missing.length
      if (foundAnywhere > 0) {
        const needed = Math.max(0, need - foundAnywhere)
        const parts: string[] = []
        if (needed >= missing.length) parts.push(`Still missing: ${missing.join(', and ')}.`)
        else if (needed === 1) parts.push(`Still missing: ${missing.join(', or ')}.`)
        else if (needed > 1)
          parts.push(`Still missing: ${COUNT_WORDS[needed] ?? needed} of ${missing.join(', ')}.`)
        if (found.best.some((b) => b > 0 && b < IN_SECTION))
          parts.push(
            `Some of what you have is outside your ${SECTION_NAMES[section ?? 'action']}: move it there.`,
          )
        if (parts.length > 0) result.lacking = parts.join(' ')
      }
      return result
    }
    if (fraction < 1)
      return {
        fraction,
        messages,
        fix: `Move what you did into the ${SECTION_NAMES[section ?? 'action']}`,
        lacking: `What you have is outside your ${SECTION_NAMES[section ?? 'action']}: move it there.`,
      }
    return { fraction, messages }
  },
}
