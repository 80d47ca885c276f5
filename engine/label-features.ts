// The cue features the sentence labeller weighs: layout and place in the answer, headings, the sentence's
// phrase cues, how it opens, and its tense. Names only; label.ts holds the model and the decoding.

import type { AnalyzedSentence } from './analyze'
import { isPastTense } from './features/words'
import {
  CLOSING_OPENERS,
  FILLER_PAIRS,
  FILLERS,
  HABIT_WORDS,
  OPINION_VERBS,
  PAST_TIME_WORDS,
  PRESENT_SKIP,
  SIGNAL_WORDS,
  TASK_MORE,
} from './lexicon/label'
import { compileMulti, scanAll } from './phrases'
import type { Star } from './types'

const PHRASES = compileMulti([TASK_MORE, CLOSING_OPENERS, FILLER_PAIRS])
enum Phrase {
  Task,
  Closing,
  Filler,
}

/** A line that is only a heading the splitter does not name ("**Why it mattered**", "## Notes"). */
const HEADING_LINE = /^\s*(?:#{1,6}\s+[^\n]{1,60}|(\*\*|__)[^*_\n]{1,60}\1:?)\s*$/
const STAR_HEADING = /^[\s#*_(-]*(?:situation|task|action|results?|[star])\b/i
const BULLET = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?[-*•]\s/
const NUMBERED = /^\s*(?:\*\*[^*\n]*\*\*\s*\n\s*)?\d{1,2}[.)]\s/

/** Where the sentence's own words begin: after a list number and spoken fillers ("So, um, basically, I…"). */
function coreStart(s: AnalyzedSentence, fillerEnds: ReadonlySet<number>, numbered: boolean): number {
  const w = s.words
  let i = numbered && s.tokens[0]?.numeric ? 1 : 0
  for (;;) {
    if (i < w.length && FILLERS.has(w[i]!)) i++
    else if (fillerEnds.has(i)) i += 2
    else return i
  }
}

interface SubjectVerb {
  narrativePresent: boolean
  opinion: boolean
  perfect: boolean
}

/** "I open", "we page": a first-person subject and a present verb of doing; "I think", "I usually" are views. */
function presentClauses(words: readonly string[]): SubjectVerb {
  const out = { narrativePresent: false, opinion: false, perfect: false }
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!
    if (w === "i've" || w === "we've") {
      if (isPastTense(words[i + 1] ?? '')) out.perfect = true
      continue
    }
    if (w !== 'i' && w !== 'we') continue
    let j = i + 1
    while (j < words.length && j < i + 3 && PRESENT_SKIP.has(words[j]!)) j++
    const v = words[j] ?? ''
    if (v === 'have' || v === 'has') {
      if (isPastTense(words[j + 1] ?? '')) out.perfect = true
      continue
    }
    if (OPINION_VERBS.has(v) || HABIT_WORDS.has(v) || v.endsWith('ly')) {
      out.opinion = true
      continue
    }
    if (v === '' || isPastTense(v) || SIGNAL_WORDS.has(v) || !/^[a-z]+$/.test(v)) continue
    out.narrativePresent = true
  }
  return out
}

/** The answer as a whole: does it tell its story in the present tense? */
function presentStory(sentences: readonly AnalyzedSentence[], clauses: readonly SubjectVerb[]): boolean {
  let present = 0
  let past = 0
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!
    if (s.headingOnly) continue
    if (clauses[i]!.narrativePresent) present++
    if (s.features.iDid || s.features.weDid) past++
  }
  return present >= 2 && present > past
}

/** Signal words count in the sentence's opening words only: how it opens says more than a bag of its words. */
const OPENING_WORDS = 6
/** Feature names of the signal words, made once. */
const WORD_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, `w:${w}`]))
const FIRST_FEATURE = new Map([...SIGNAL_WORDS].map((w) => [w, `first:${w}`]))

/** The cue features of every sentence, in order: what the model weighs. */
export function labelFeatures(sentences: readonly AnalyzedSentence[]): string[][] {
  const n = sentences.length
  const content = sentences.filter((s) => !s.headingOnly).length
  const clauses = sentences.map((s) => presentClauses(s.words))
  const story = presentStory(sentences, clauses)
  const out: string[][] = []
  let heading: Star | undefined
  /** The heading names a STAR section outright ("Action:", "**R**"), not in other words ("What I did"). */
  let named = false
  let sinceHeading = 0
  let told = 0
  let k = 0
  let paragraph = -1
  const paragraphs = sentences.filter((s, i) => s.paragraphStart || i === 0).length
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!
    if (s.paragraphStart || i === 0) paragraph++
    const feats: string[] = ['bias']
    out.push(feats)
    if (s.heading !== undefined) {
      heading = s.heading
      sinceHeading = 0
      named = STAR_HEADING.test(s.text)
    }
    if (s.headingOnly) {
      feats.push(`heading-only:${heading}`)
      continue
    }
    if (s.heading === undefined && HEADING_LINE.test(s.text)) {
      // A heading the engine cannot name still ends the section above it.
      heading = undefined
      feats.push('heading-line')
      continue
    }
    const f = s.features
    const w = s.words
    // How many sentences before this one told an action: after the actions, a state is usually the outcome.
    const actionsBefore = told
    if (f.iDid || f.weDid || clauses[i]!.narrativePresent) told++
    const rel = content <= 1 ? 0 : k / (content - 1)
    k++
    if (heading !== undefined) {
      feats.push(named ? `star-heading:${heading}` : `heading:${heading}`)
      if (sinceHeading === 0) feats.push(`heading-first:${heading}`)
      sinceHeading++
    }

    // Layout and place in the answer.
    const numbered = NUMBERED.test(s.text)
    const bullet = BULLET.test(s.text)
    if (numbered) feats.push('numbered')
    if (bullet) feats.push('bullet')
    // One sentence alone has no place in a story to speak of.
    if (content === 1) feats.push('pos:only')
    else if (k === 1) feats.push('pos:first')
    else if (k === 2) feats.push('pos:second')
    else if (rel < 0.2) feats.push('pos:early')
    if (k === content && content > 1) feats.push('pos:last')
    else if (rel > 0.75) feats.push('pos:late')
    if (s.paragraphStart && k > 1) feats.push('paragraph-start')
    if (paragraph === 0 && paragraphs > 1) feats.push('paragraph:first')
    if (paragraph === paragraphs - 1 && paragraphs > 1) feats.push('paragraph:last')
    if (f.words < 8) feats.push('len:short')
    else if (f.words > 30) feats.push('len:long')

    // Phrase cues of the sections and of what is not a story.
    if (f.hypothetical) feats.push('hypothetical')
    if (f.generic)
      feats.push(f.iDid || f.weDid || f.metrics.length > 0 ? 'generic-claim' : 'generic-claim-alone')
    if (f.meta) feats.push('meta')
    if (f.list) feats.push('bare-list')
    if (f.fragment) feats.push('fragment')
    // In a story told in the present tense, a present-tense sentence is not a claim by that alone.
    if (f.present && !f.reflection && !f.change && !f.task)
      feats.push(story ? 'present-tense-claim:story' : 'present-tense-claim')
    if (f.interjection) feats.push('interjection')
    if (f.situation) feats.push('context-phrase')
    if (f.situationWeak) feats.push('context-phrase-weak')
    if (f.timeMarker) feats.push('time-marker')
    if (f.statePast) feats.push(actionsBefore >= 2 ? 'state-past:after-actions' : 'state-past')
    if (!f.iDid && !f.weDid && f.past && !f.outcome && !f.present) feats.push('past-description')
    if (f.task) feats.push('responsibility-phrase')
    if (f.taskWeak) feats.push('constraint')
    if (f.iDid) feats.push('first-person-past')
    if (f.weDid) feats.push('we-past')
    if (f.past) feats.push('past')
    if (actionsBefore >= 2) feats.push('after-actions')
    if (f.metrics.length > 0) {
      feats.push(actionsBefore >= 2 ? 'metric:after-actions' : 'metric')
      if (f.metrics.length > 1) feats.push('metrics')
      if (f.outcome) feats.push('measured-outcome')
    } else if (f.figures > 0) feats.push('figure')
    if (f.outcome) feats.push('outcome')
    if (f.vagueOutcome) feats.push('vague-outcome')
    if (f.reflection) feats.push('reflection')
    if (f.change) feats.push('lasting-change')

    // Spoken fillers aside, how the sentence opens and which closed-class words it uses.
    const hits = scanAll(PHRASES, w, s.infos)
    const fillerEnds = new Set(hits[Phrase.Filler]!.map((h) => h.from))
    const start = coreStart(s, fillerEnds, numbered)
    const first = w[start]
    if (first !== undefined) {
      feats.push(FIRST_FEATURE.get(first) ?? (isPastTense(first) ? 'first:past-verb' : 'first:word'))
      if (start > 0 && !numbered) feats.push('filler-opening')
    }
    const seen = new Set<string>()
    for (let j = start; j < w.length && j < start + OPENING_WORDS; j++) {
      const name = WORD_FEATURE.get(w[j]!)
      if (name === undefined || seen.has(name)) continue
      // "you know", "you see" are fillers, not the listener.
      if (name === 'w:you' && (w[j + 1] === 'know' || w[j + 1] === 'see' || w[j + 1] === 'mean')) continue
      seen.add(name)
      feats.push(name)
    }
    if (hits[Phrase.Task]!.length > 0) feats.push('task-phrase')
    // "In the end…" opening the answer's last sentence is its outcome; earlier it may only move the story on.
    if (hits[Phrase.Closing]!.some((h) => h.from <= start + 1)) {
      feats.push('closing-opener')
      if (i === n - 1) feats.push('closing-opener:last')
    }

    // Tense: narrative present ("I open the dashboard") against views and habits ("I think", "I usually").
    const pc = clauses[i]!
    if (pc.narrativePresent) feats.push(story ? 'narrative-present:story' : 'narrative-present')
    if (pc.opinion) feats.push('opinion')
    if (pc.perfect) feats.push('perfect')
    if ((pc.narrativePresent || pc.perfect) && w.some((x) => PAST_TIME_WORDS.has(x)))
      feats.push('present-with-past-time')
    // Verb-first bullets and fragments: "Profiled the service" is an action with an implied "I".
    if (first !== undefined && isPastTense(first) && !f.statePast)
      feats.push(bullet || numbered ? 'verb-first:list' : 'verb-first')
  }
  return out
}
