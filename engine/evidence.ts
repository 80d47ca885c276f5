// Evidence patterns: phrases matched on word stems, with alternatives ("own/owned"), gaps ("took … ownership"),
// never where negated ("we never measured"). Whether a hit was only planned, and who did it, are told by
// evidence-context.ts.

import { negated } from './evidence-context'
import { NEGATORS } from './lexicon/evidence-context'
import { NUMBER_SLOT_WORDS } from './lexicon/measures'
import { IRREGULAR, PARTICLES, SYNONYMS, WORD_CLASSES } from './lexicon/phrase-variants'

/** A compiled phrase: each slot lists the stems it accepts; a gap slot (null) accepts 0 to `GAP` words. */
interface Pattern {
  phrase: string
  slots: (string[] | null)[]
  /** The phrase itself says "not", "no", "never"...: negation near it is part of the meaning. */
  negative: boolean
  /** The phrase tells what the candidate found out about others, so it counts whoever is its subject. */
  observed?: true
  /** The phrase names what is measured ("warranty claims"): it counts only beside a figure. */
  measured?: true
  /** The phrase tells a check that proved something: told in a step with what it showed, it is an outcome. */
  proof?: true
}

/** Phrases ready to match. Plain JSON data, so it can be part of a compiled rubric. */
export interface EvidenceTable {
  /** First slot's stem → patterns starting with it, longest first. Read through own keys only (`patternsFor`). */
  byFirst: Record<string, Pattern[]>
}

/** The patterns under `stem`; own keys only, since a table that went through JSON has Object's prototype. */
function patternsFor(table: EvidenceTable, stem: string): Pattern[] | undefined {
  return Object.hasOwn(table.byFirst, stem) ? table.byFirst[stem] : undefined
}

export interface EvidenceHit {
  phrase: string
  /** Index of the first and one past the last word matched. */
  from: number
  to: number
  /** From a phrase that tells what the candidate found out about others (see `compileEvidence`). */
  observed?: true
  /** From a phrase that names what is measured: it shows the behaviour only in a sentence with a figure. */
  measured?: true
  /** From a phrase that tells a check that proved something ("to confirm it"). */
  proof?: true
}

/** Phrases of a table whose hits are marked (see `compileEvidence`). */
export interface EvidenceMarks {
  observed?: ReadonlySet<string>
  measured?: ReadonlySet<string>
  proof?: ReadonlySet<string>
}

/** Words a gap may skip. */
const GAP = 3
const GAP_MARK = '…'
/**
 * A slot for any number ("used by # teams", "took # minutes"): digits as written ("180", "1,200", "35%", "$40,000")
 * or a number word. Its slot lists the number words' stems after this mark.
 */
export const NUMBER_MARK = '#'

/**
 * A slot for a percentage (`#%`): "35%", "12.5%", or a number and "percent" ("five percent", "5 per cent"). Its slot
 * is a number slot whose second entry is this mark.
 */
const PERCENT_SLOT = '#%'
const PERCENT_MARK = '%'

/** Whether a word (as stemmed) fills a number slot. */
function isNumberWord(slot: readonly string[], w: string): boolean {
  return startsNumber(w) || slot.includes(w)
}

/** Where a number slot matched at word `i` ends (one past its last word), or -1. */
function numberEnd(slot: readonly string[], stems: readonly string[], i: number): number {
  const w = stems[i]!
  if (slot[1] !== PERCENT_MARK) return isNumberWord(slot, w) ? i + 1 : -1
  if (startsNumber(w) && w.endsWith('%')) return i + 1
  if (!isNumberWord(slot, w)) return -1
  if (stems[i + 1] === 'percent') return i + 2
  if (stems[i + 1] === 'per' && stems[i + 2] === 'cent') return i + 3
  return -1
}

/** A slot for any word of a named class (`$cut` for "cut", "trim", "reduce"…), listed in WORD_CLASSES. */
const CLASS_MARK = '$'

/** The words of the class a phrase word names (`$defer`), or undefined when it names none. */
export function wordClass(raw: string): readonly string[] | undefined {
  if (!raw.startsWith(CLASS_MARK)) return undefined
  const name = raw.slice(CLASS_MARK.length)
  return Object.hasOwn(WORD_CLASSES, name) ? WORD_CLASSES[name] : undefined
}

/** Slash alternatives: words, or named classes, joined by "/". */
const ALTERNATIVES = /^\$?[\p{L}'’-]+(\/\$?[\p{L}'’-]+)+$/u

/**
 * Splits a phrase into slots: words, `a/b` alternatives, `$class` word classes, and `…` (or `...`) gaps. A class
 * is a set of alternatives many phrases share, so that "$cut … $cost" reads any verb of cutting near any word for
 * what was spent, whichever two words a story uses.
 */
export function phraseSlots(phrase: string, words: (text: string) => string[]): (string[] | null)[] {
  const slots: (string[] | null)[] = []
  for (const raw of phrase.replace(/\.\.\./g, ` ${GAP_MARK} `).split(/\s+/)) {
    if (raw === '') continue
    if (raw === GAP_MARK) {
      slots.push(null)
      continue
    }
    // A class name; any other word opening with the mark ("$40,000") is read as written.
    const members = wordClass(raw)
    if (members !== undefined) {
      slots.push(members.flatMap(words))
      continue
    }
    if (raw === NUMBER_MARK || raw === PERCENT_SLOT) {
      const percent = raw === PERCENT_SLOT ? [PERCENT_MARK] : []
      slots.push([NUMBER_MARK, ...percent, ...NUMBER_SLOT_WORDS.flatMap(words)])
      continue
    }
    // "a/b" offers alternatives for one slot, and a class may stand among them ("people/$customers"); a word
    // holding its own slash ("24/7", "CI/CD") stays whole.
    const alternatives = ALTERNATIVES.test(raw) ? raw.split('/') : [raw]
    const classes = alternatives.map(wordClass)
    if (alternatives.length > 1 && classes.some((c) => c !== undefined)) {
      slots.push(alternatives.flatMap((alt, k) => (classes[k] ?? [alt]).flatMap(words)))
      continue
    }
    const pieces = alternatives.map(words)
    if (pieces.every((p) => p.length === 1)) slots.push(pieces.map((p) => p[0]!))
    else for (const w of pieces.flat()) slots.push([w])
  }
  while (slots[0] === null) slots.shift()
  while (slots.length > 0 && slots[slots.length - 1] === null) slots.pop()
  return slots
}

/** Each form of an irregular verb → all the forms of its verb. */
const FORMS = new Map<string, readonly string[]>(
  IRREGULAR.flatMap((forms) => forms.map((f) => [f, forms] as const)),
)

/** British and American spellings of one word: "prioritised"/"prioritized", "analyse"/"analyze", "candour"/"candor". */
function spellings(word: string): string[] {
  const out = [word]
  if (word.length > 5) {
    const ise = word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    const ize = word.replace(/iz(e|ed|es|ing|ation|ations)$/, 'is$1')
    const yse = word.replace(/ys(e|ed|es|ing)$/, 'yz$1')
    const yze = word.replace(/yz(e|ed|es|ing)$/, 'ys$1')
    out.push(ise, ize, yse, yze)
  }
  // "honor", "favor", "color" and "odour" are short words too; only "for", "or" and "four", "hour", "your",
  // "tour" must keep their spelling.
  if (word.length > 3) out.push(word.replace(/or$/, 'our'))
  if (word.length > 4) out.push(word.replace(/our$/, 'or'))
  return [...new Set(out)]
}

/** Each word of a synonym group → the whole group. */
const SYNONYM_OF = new Map<string, readonly string[]>(
  SYNONYMS.flatMap((words) => words.map((w) => [w, words] as const)),
)

/**
 * The stems a phrase word accepts: its own, its synonyms', its other spelling's, and its other forms when it is
 * an irregular verb.
 */
function slotStems(word: string, stem: (w: string) => string): string[] {
  return (SYNONYM_OF.get(word) ?? [word])
    .flatMap((w) => FORMS.get(w) ?? [w])
    .flatMap(spellings)
    .map(stem)
}

/**
 * A phrase as written and, when it holds a hyphenated word, as people also write it: closed ("oncall") always,
 * open ("on call") only when no later part of a hyphenated word is a particle or function word, as "go to" or
 * "thank you" are mostly not the compound.
 */
function hyphenVariants(phrase: string): string[] {
  if (!/\p{L}-\p{L}/u.test(phrase)) return [phrase]
  const out = [phrase, phrase.replace(/(\p{L})-(?=\p{L})/gu, '$1')]
  const compounds = phrase.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []
  const open = compounds.every((c) =>
    c
      .toLowerCase()
      .split('-')
      .slice(1)
      .every((part) => !PARTICLES.has(part)),
  )
  if (open) out.push(phrase.replace(/(\p{L})-(?=\p{L})/gu, '$1 '))
  return out
}

/** Auxiliaries whose "not" people write both open and contracted ("did not", "didn't"). */
const AUXILIARIES =
  'do|does|did|is|was|are|were|has|have|had|could|would|should|must|need|might|ca|wo|can|will'
const OPEN_NOT = new RegExp(`(^|[\\s/])((?:(?:${AUXILIARIES})/)*(?:${AUXILIARIES})) not(?=$|\\s)`, 'giu')
const CLOSED_NOT = new RegExp(
  `(^|[\\s/])((?:(?:${AUXILIARIES})n't/)*(?:${AUXILIARIES})n't)(?=$|[\\s/])`,
  'giu',
)
/** "can" and "will" contract irregularly: "can't", "won't". */
const CONTRACTED: Record<string, string> = { can: 'ca', will: 'wo' }
const OPENED: Record<string, string> = { ca: 'can', wo: 'will' }

/**
 * A phrase as written and with its negations written the other way: "did not trust" also as "didn't trust",
 * "wasn't/weren't … my" also as "was/were not … my", so that a phrase matches however the answer writes it.
 */
function negationVariants(phrase: string): string[] {
  const out = [phrase]
  const closed = phrase.replace(
    OPEN_NOT,
    (_, lead: string, auxes: string) =>
      `${lead}${auxes
        .split('/')
        .map((a) => `${CONTRACTED[a.toLowerCase()] ?? a}n't`)
        .join('/')}`,
  )
  if (closed !== phrase) out.push(closed)
  const open = phrase.replace(
    CLOSED_NOT,
    (_, lead: string, auxes: string) =>
      `${lead}${auxes
        .split('/')
        .map((a) => a.slice(0, -3))
        .map((a) => OPENED[a.toLowerCase()] ?? a)
        .join('/')} not`,
  )
  if (open !== phrase) out.push(open)
  // "cannot" is one word.
  for (const v of [...out]) {
    const one = v.replace(/\bcan(?: not|'t)(?=$|\s)/giu, 'cannot')
    if (one !== v) out.push(one)
  }
  return out
}

/** Pronouns and modals that people write contracted with the word after them ("I'd", "we're", "would've"). */
const PRONOUNS = 'i|we|you|they|he|she'
const MODALS = 'should|would|could|might|must'
/** Open form → contracted, for words standing alone (not among a slot's `a/b` alternatives). */
const CONTRACTIONS: [RegExp, string][] = [
  [new RegExp(`(^|\\s)(${PRONOUNS}|${MODALS}) have(?=$|\\s)`, 'giu'), "$1$2've"],
  [new RegExp(`(^|\\s)(${PRONOUNS}) (?:had|would)(?=$|\\s)`, 'giu'), "$1$2'd"],
  [new RegExp(`(^|\\s)(${PRONOUNS}) will(?=$|\\s)`, 'giu'), "$1$2'll"],
  [/(^|\s)(i) am(?=$|\s)/giu, "$1$2'm"],
  [/(^|\s)(we|you|they) are(?=$|\s)/giu, "$1$2're"],
]
/** Contracted → open forms: "I'd" may stand for "I had" or "I would". */
const EXPANSIONS: [RegExp, string[]][] = [
  [new RegExp(`(^|\\s)(${PRONOUNS}|${MODALS})['’]ve(?=$|\\s)`, 'giu'), ['$1$2 have']],
  [new RegExp(`(^|\\s)(${PRONOUNS})['’]d(?=$|\\s)`, 'giu'), ['$1$2 had', '$1$2 would']],
  [new RegExp(`(^|\\s)(${PRONOUNS})['’]ll(?=$|\\s)`, 'giu'), ['$1$2 will']],
  [/(^|\s)(i)['’]m(?=$|\s)/giu, ['$1$2 am']],
  [/(^|\s)(we|you|they)['’]re(?=$|\s)/giu, ['$1$2 are']],
]

/**
 * A phrase as written and with its pronoun and modal contractions written the other way: "I had missed" also as
 * "I'd missed", "should have" as "should've", "I'm still" as "I am still", so that a phrase matches however the
 * answer writes it. Negations are `negationVariants`' work.
 */
function contractionVariants(phrase: string): string[] {
  const out = new Set([phrase])
  let closed = phrase
  for (const [open, short] of CONTRACTIONS) closed = closed.replace(open, short)
  out.add(closed)
  let opened = [phrase]
  for (const [short, opens] of EXPANSIONS)
    opened = opened.flatMap((v) => (v.search(short) !== -1 ? opens.map((o) => v.replace(short, o)) : [v]))
  for (const v of opened) out.add(v)
  return [...out]
}

/**
 * Compiles phrases into a table, marking the hits of some (`marks`). Phrases in `observed` tell what the candidate
 * found out about others ("customers planned around the date"), so who is the subject does not discount them.
 * Phrases in `measured` name what an outcome measures ("warranty claims"), so the check counts them only beside
 * a figure ("warranty claims fell from 40 a month to 9"). Phrases in `proof` tell a check that proved something ("to
 * confirm it"), so a step that tells what the check showed is an outcome.
 */
export function compileEvidence(
  phrases: readonly string[],
  words: (text: string) => string[],
  stem: (w: string) => string,
  marks: EvidenceMarks = {},
): EvidenceTable {
  // No prototype, so a first word such as "constructor" or "__proto__" is an ordinary key.
  const byFirst: Record<string, Pattern[]> = Object.create(null)
  for (const phrase of phrases) {
    for (const written of hyphenVariants(phrase).flatMap(negationVariants).flatMap(contractionVariants)) {
      const raw = phraseSlots(written, words)
      if (raw.length === 0) continue
      const negative = raw.some((s) => s?.some((w) => NEGATORS.has(w)) === true)
      // A lone verb ("went") says too little to stand for its other forms; within a phrase it does.
      const forms = (w: string) => (raw.length > 1 ? slotStems(w, stem) : spellings(w).map(stem))
      const slots = raw.map((s) =>
        s === null
          ? null
          : s[0] === NUMBER_MARK
            ? [NUMBER_MARK, ...s.slice(1).map(stem)]
            : [...new Set(s.flatMap(forms))],
      )
      const pattern: Pattern = { phrase, slots, negative }
      if (marks.observed?.has(phrase) === true) pattern.observed = true
      if (marks.measured?.has(phrase) === true) pattern.measured = true
      if (marks.proof?.has(phrase) === true) pattern.proof = true
      for (const first of slots[0]!) {
        const list = Object.hasOwn(byFirst, first) ? byFirst[first]! : []
        list.push(pattern)
        byFirst[first] = list
      }
    }
  }
  for (const list of Object.values(byFirst)) list.sort((a, b) => b.slots.length - a.slots.length)
  return { byFirst }
}

/** Whether a stem is written in digits, so that phrases opening with a number slot may start at it. */
export function startsNumber(w: string): boolean {
  return /^[$€£]?\d/.test(w)
}

/** The patterns that may start at a word: those under its stem, and for a number those opening with a number slot. */
function candidatesAt(table: EvidenceTable, w: string): Pattern[] | undefined {
  const own = patternsFor(table, w)
  const number = startsNumber(w) ? patternsFor(table, NUMBER_MARK) : undefined
  if (number === undefined) return own
  if (own === undefined) return number
  return [...own, ...number].sort((a, b) => b.slots.length - a.slots.length)
}

/** Where `slots[k..]` matches `stems` from `i`; returns one past the last word, or -1. Gaps are bounded, so this is O(GAP^gaps). */
function matchFrom(slots: Pattern['slots'], k: number, stems: readonly string[], i: number): number {
  if (k === slots.length) return i
  const slot = slots[k]
  if (slot === null) {
    for (let skip = 0; skip <= GAP; skip++) {
      const end = matchFrom(slots, k + 1, stems, i + skip)
      if (end !== -1) return end
    }
    return -1
  }
  if (slot === undefined || i >= stems.length) return -1
  if (slot[0] === NUMBER_MARK) {
    const end = numberEnd(slot, stems, i)
    return end === -1 ? -1 : matchFrom(slots, k + 1, stems, end)
  }
  if (!slot.includes(stems[i]!)) return -1
  return matchFrom(slots, k + 1, stems, i + 1)
}

/**
 * All non-overlapping hits, left to right, preferring the longest pattern at each position; a hit that the
 * words before it negate is skipped. `lower` (the words as written) is where negators are looked for.
 */
export function findEvidence(
  table: EvidenceTable,
  stems: readonly string[],
  lower: readonly string[] = stems,
): EvidenceHit[] {
  const hits: EvidenceHit[] = []
  let i = 0
  while (i < stems.length) {
    const matched = evidenceAt(table, stems, lower, i)
    if (matched !== undefined) {
      hits.push(matched)
      i = matched.to
    } else {
      i++
    }
  }
  return hits
}

/** The hit that starts at word `i`, as `findEvidence` would take it there: the longest pattern not negated. */
export function evidenceAt(
  table: EvidenceTable,
  stems: readonly string[],
  lower: readonly string[],
  i: number,
): EvidenceHit | undefined {
  const candidates = candidatesAt(table, stems[i]!)
  if (candidates === undefined) return undefined
  for (const p of candidates) {
    const end = matchFrom(p.slots, 0, stems, i)
    if (end === -1) continue
    if (!p.negative && negated(lower, i, end)) continue
    const hit: EvidenceHit = { phrase: p.phrase, from: i, to: end }
    if (p.observed === true) hit.observed = true
    if (p.measured === true) hit.measured = true
    if (p.proof === true) hit.proof = true
    return hit
  }
  return undefined
}
