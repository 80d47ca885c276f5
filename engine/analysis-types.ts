// The shapes the analysis and the sentence labeller share: an analysed answer and its sentences (made by
// analyze.ts, labelled by label.ts from the cue features of label-features.ts) and the labeller's weights
// (label-weights.ts). Types only, so that none of those modules imports another for its types.

import type { SentenceFeatures } from './features/index'
import type { WordInfo } from './features/words'
import type { HeadingSection } from './headings'
import type { Token } from './text'
import type { Section, Star } from './types'

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
  readonly words: readonly string[]
  /** Stems of `words`, for keyword matching. */
  readonly stems: readonly string[]
  /** Each word's memoised facts; shared by every analysis of the word, so never changed. */
  readonly infos: readonly WordInfo[]
  readonly features: Readonly<SentenceFeatures>
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

/** Integer weights: per feature one weight for each label (in label.ts's LABELS order), and one per transition feature. */
export interface LabelWeights {
  emit: Readonly<Record<string, readonly number[]>>
  trans: Readonly<Record<string, number>>
}
