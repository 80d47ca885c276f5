// Reads an answer once: sentences, tokens, cue features, STAR labels and section shares, shared by every check.

import { type SentenceFeatures, sentenceFeatures } from './features/index'
import { type WordInfo, wordInfo } from './features/words'
import type { HeadingSection } from './headings'
import { labelSentences } from './label'
import { splitSentences } from './sentences'
import { type Token, tokenize } from './text'
import { SECTIONS, type Section, type Star } from './types'

export interface AnalyzedSentence {
  text: string
  start: number
  end: number
  bodyStart: number
  heading?: HeadingSection
  headingOnly: boolean
  paragraphStart: boolean
  tokens: Token[]
  /** Lower-case token texts. */
  words: string[]
  /** Stems of `words`, for keyword matching. */
  stems: string[]
  /** Each word's memoised facts. */
  infos: WordInfo[]
  features: SentenceFeatures
  star: Star
  cues: string[]
}

export interface Analysis {
  text: string
  sentences: AnalyzedSentence[]
  words: number
  sections: Record<Section, { words: number; share: number }>
  iCount: number
  weCount: number
}

// The empty lists that every sentence without words shares; frozen, as nothing may add to them.
const NO_TOKENS = Object.freeze([]) as unknown as Token[]
const NO_STRINGS = Object.freeze([]) as unknown as string[]
const NO_INFOS = Object.freeze([]) as unknown as WordInfo[]
const NO_NUMBERS = Object.freeze([]) as unknown as number[]

/** A token's memoised facts; its lower-case text becomes the memo's string, so lookups reuse its hash. */
function memoised(t: Token): WordInfo {
  const info = wordInfo(t.lower)
  t.lower = info.word
  return info
}
const wordOf = (info: WordInfo) => info.word
const stemOf = (info: WordInfo) => info.stem
const flagsOf = (info: WordInfo) => info.flags

/** Analyzes an answer. Never throws; an empty answer gives no sentences. */
export function analyze(text: string): Analysis {
  const raw = splitSentences(text)
  const sentences: AnalyzedSentence[] = []
  // One tokenizer pass over the whole answer; each sentence takes the tokens inside its body.
  const all = tokenize(text)
  let next = 0
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!
    while (next < all.length && all[next]!.start < r.bodyStart) next++
    const first = next
    while (next < all.length && all[next]!.end <= r.end) next++
    // A sentence without words (a lone "." of a long run of them) shares the empty lists.
    const empty = r.headingOnly || first === next
    const tokens = empty ? NO_TOKENS : all.slice(first, next)
    // Lists made by map are exactly as long as the sentence: every sentence keeps them until scoring ends.
    const infos: WordInfo[] = empty ? NO_INFOS : tokens.map(memoised)
    const words: string[] = empty ? NO_STRINGS : infos.map(wordOf)
    const stems: string[] = empty ? NO_STRINGS : infos.map(stemOf)
    const flags: number[] = empty ? NO_NUMBERS : infos.map(flagsOf)
    const features = sentenceFeatures({
      answer: text,
      body: text.slice(r.bodyStart, r.end),
      bodyStart: r.bodyStart,
      tokens,
      words,
      flags,
      infos,
    })
    sentences.push({
      text: r.text,
      start: r.start,
      end: r.end,
      bodyStart: r.bodyStart,
      heading: r.heading,
      headingOnly: r.headingOnly,
      paragraphStart: r.paragraphStart,
      tokens,
      words,
      stems,
      infos,
      features,
      star: 'other',
      cues: [],
    })
  }
  labelSentences(sentences)

  let total = 0
  let iCount = 0
  let weCount = 0
  const sectionWords: Record<Section, number> = { situation: 0, task: 0, action: 0, result: 0 }
  for (const s of sentences) {
    total += s.features.words
    iCount += s.features.iCount
    weCount += s.features.weCount
    if (s.star !== 'other') sectionWords[s.star] += s.features.words
  }
  // Heading words are not the answer's words: an answer of headings alone has none, however long it is.
  const words = total
  const sections = {} as Record<Section, { words: number; share: number }>
  for (const sec of SECTIONS) {
    sections[sec] = { words: sectionWords[sec], share: words === 0 ? 0 : round2(sectionWords[sec] / words) }
  }
  return { text, sentences, words, sections, iCount, weCount }
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100
}
