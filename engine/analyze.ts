// Reads an answer once: sentences, tokens, cue features, STAR labels and section shares, shared by every check.

import type { Analysis, AnalyzedSentence } from './analysis-types'
import { type SentenceContext, sentenceFeatures } from './features/index'
import { alone, type WordInfo, wordInfo } from './features/words'
import { labelSentences } from './label'
import { HEADING_CODES, splitSentences } from './sentences'
import { type Token, tokenize } from './text'
import { SECTIONS, type Section } from './types'

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

/** The one context the feature finders read, refilled for each sentence: they keep nothing of it. */
const CONTEXT: SentenceContext = {
  answer: '',
  body: '',
  bodyStart: 0,
  tokens: NO_TOKENS,
  words: NO_STRINGS,
  flags: NO_NUMBERS,
  infos: NO_INFOS,
}

/** Analyzes an answer. Never throws; an empty answer gives no sentences. */
export function analyze(text: string): Analysis {
  const spans = splitSentences(text)
  const n = spans.count
  const sentences: AnalyzedSentence[] = []
  // One tokenizer pass over the whole answer; each sentence takes the tokens inside its body.
  const all = tokenize(text)
  const ctx = CONTEXT
  ctx.answer = text
  let next = 0
  for (let k = 0; k < n; k++) {
    const start = spans.start[k]!
    const end = spans.end[k]!
    const bodyStart = spans.bodyStart[k]!
    const headingOnly = spans.headingOnly[k] === 1
    while (next < all.length && all[next]!.start < bodyStart) next++
    const first = next
    while (next < all.length && all[next]!.end <= end) next++
    // A sentence without words (a lone "." of a long run of them) shares the empty lists.
    const empty = headingOnly || first === next
    const tokens = empty ? NO_TOKENS : all.slice(first, next)
    let infos: WordInfo[]
    let words: string[]
    let stems: string[]
    let flags: number[]
    if (empty) {
      infos = NO_INFOS
      words = NO_STRINGS
      stems = NO_STRINGS
      flags = NO_NUMBERS
    } else if (tokens.length === 1) {
      // A one-word sentence (a run of "1." or "J.") shares its word's one-word lists.
      const one = alone(memoised(tokens[0]!))
      infos = one.infos
      words = one.words
      stems = one.stems
      flags = one.flags
    } else {
      // Lists made by map are exactly as long as the sentence: every sentence keeps them until scoring ends.
      infos = tokens.map(memoised)
      words = infos.map(wordOf)
      stems = infos.map(stemOf)
      flags = infos.map(flagsOf)
    }
    const sentenceText = text.slice(start, end)
    ctx.body = bodyStart === start ? sentenceText : text.slice(bodyStart, end)
    ctx.bodyStart = bodyStart
    ctx.tokens = tokens
    ctx.words = words
    ctx.flags = flags
    ctx.infos = infos
    const features = sentenceFeatures(ctx)
    sentences.push({
      text: sentenceText,
      start,
      end,
      bodyStart,
      heading: HEADING_CODES[spans.heading[k]!],
      headingOnly,
      paragraphStart: spans.paragraphStart[k] === 1,
      tokens,
      words,
      stems,
      infos,
      features,
      star: 'other',
      // Labelling gives every sentence its cues.
      cues: NO_STRINGS,
    })
  }
  // Let go of the answer: the context outlives this call.
  ctx.answer = ''
  ctx.body = ''
  ctx.tokens = NO_TOKENS
  ctx.words = NO_STRINGS
  ctx.flags = NO_NUMBERS
  ctx.infos = NO_INFOS
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
