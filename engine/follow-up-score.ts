// An answer scored with its follow-ups: a follow-up adds to the story, it never takes from it. In an interview the
// answer to a follow-up question is heard after the story, not instead of it; so each criterion keeps the best of
// what the answer earned alone and what it earned with each follow-up added, and evidence a follow-up adds counts.
// A follow-up is read where it belongs in the story: after it, except the answer to a question about the scene
// (when it was, which system or team, which tools), which is read with the answer's Situation.

import type { Analysis } from './analysis-types'
import { analyze } from './analyze'
import type { CheckResult } from './checks/check'
import { clampFraction, runCheck, scoreAnalysis, scoreOutcomes } from './score'
import type { Criterion, Message, Rubric, ScoreReport } from './types'

/** A follow-up's answer, and whether the question it answers asks for the scene: when, where, with what. */
export interface FollowUpText {
  readonly answer: string
  readonly scene?: boolean
}

/** Check kinds whose probe asks for the scene ("when was this, which system or team, what tools"). */
const SCENE_KINDS: ReadonlySet<string> = new Set(['specificity'])

/**
 * The follow-ups as the engine reads them: each with whether the criterion its probe belongs to, in `criteria`
 * (the attempt's rubric, or its report's criteria), asks for the scene.
 */
export function followUpTexts(
  followUps: readonly { answer: string; criterionId: string }[],
  criteria: readonly { id: string; check: string }[],
): FollowUpText[] {
  const kinds = new Map(criteria.map((c) => [c.id, c.check]))
  return followUps.map((f) =>
    SCENE_KINDS.has(kinds.get(f.criterionId) ?? '')
      ? { answer: f.answer, scene: true }
      : { answer: f.answer },
  )
}

/** A follow-up's words as placed in the answer: before the answer's character `at`, or after its last one. */
interface Piece {
  /** Its position among the follow-ups. */
  readonly index: number
  readonly at: number
  /** Its words with the space or paragraph break that joins them to the answer. */
  readonly text: string
  readonly scene: boolean
}

/** One text the follow-ups make with the answer: where each piece starts in it. */
interface Layout {
  readonly text: string
  readonly pieces: readonly {
    readonly index: number
    readonly at: number
    readonly start: number
    readonly length: number
  }[]
}

/**
 * Where the scene goes in an answer: after the last Situation sentence before its first Action or Result; with no
 * Situation there, before its first Task, Action or Result sentence (a heading line included). Undefined when the
 * answer has neither, or when the Situation closes the answer: then the scene is read at the end.
 */
function sceneSpot(base: string, first: Analysis): { at: number; lead: string; trail: string } | undefined {
  const sentences = first.sentences.filter((s) => s.end <= base.length)
  let story = sentences.findIndex((s) => s.star === 'action' || s.star === 'result')
  if (story < 0) story = sentences.length
  const opening = sentences.slice(0, story)
  const situation = [...opening].reverse().find((s) => s.star === 'situation')
  if (situation !== undefined) {
    if (situation.end >= base.length) return undefined
    const gap = /^\s*/.exec(base.slice(situation.end))![0]
    return { at: situation.end, lead: gap.includes('\n') ? '\n\n' : ' ', trail: '' }
  }
  const start = sentences.find((s) => s.star === 'task' || s.star === 'action' || s.star === 'result')
  if (start === undefined) return undefined
  const gap = /\s*$/.exec(base.slice(0, start.start))![0]
  return { at: start.start, lead: '', trail: start.start === 0 || gap.includes('\n') ? '\n\n' : ' ' }
}

/**
 * The follow-ups placed in the answer (empty ones left out): a scene follow-up where `sceneSpot` says, any other
 * as a paragraph after the answer, in the order given. `first` is the answer's analysis, read only for a scene.
 */
function piecesOf(answer: string, followUps: readonly FollowUpText[], first: () => Analysis) {
  const base = answer.trimEnd()
  const pieces: Piece[] = []
  let spot: ReturnType<typeof sceneSpot> | null = null
  followUps.forEach((f, index) => {
    const said = f.answer.trim()
    if (said === '') return
    if (f.scene === true && spot === null) spot = sceneSpot(base, first())
    const at = f.scene === true ? spot : undefined
    if (at === undefined || at === null)
      pieces.push({ index, at: base.length, text: `\n\n${said}`, scene: false })
    else pieces.push({ index, at: at.at, text: at.lead + said + at.trail, scene: true })
  })
  return { base, pieces }
}

/** The answer with the first `n` pieces in place (the answer as given when `n` is 0). */
function layoutOf(answer: string, base: string, pieces: readonly Piece[], n: number): Layout {
  if (n === 0) return { text: answer, pieces: [] }
  const placed = pieces.slice(0, n).sort((a, b) => a.at - b.at || a.index - b.index)
  let text = ''
  let from = 0
  const out: Layout['pieces'][number][] = []
  for (const p of placed) {
    text += base.slice(from, p.at)
    from = p.at
    out.push({ index: p.index, at: p.at, start: text.length, length: p.text.length })
    text += p.text
  }
  return { text: text + base.slice(from), pieces: out }
}

/** Offset `o` of a stage's text in the whole story's: in a follow-up's words, or in the answer's. */
function toWhole(stage: Layout, whole: Layout, o: number): number {
  let shift = 0
  for (const p of stage.pieces) {
    if (o >= p.start && o < p.start + p.length) {
      const there = whole.pieces.find((q) => q.index === p.index)!
      return there.start + (o - p.start)
    }
    if (p.start + p.length <= o) shift += p.length
  }
  const a = o - shift
  return whole.pieces.reduce((at, q) => (q.at <= a ? at + q.length : at), a)
}

/**
 * The answer with its follow-ups as the report reads it: the text, and where each follow-up's words are in it
 * (`scene` when read with the Situation). Without a scene follow-up, the text is `combineAnswer`'s.
 */
export function followUpStory(
  answer: string,
  followUps: readonly FollowUpText[],
): { text: string; placed: { index: number; start: number; end: number; scene: boolean }[] } {
  const { base, pieces } = piecesOf(answer, followUps, () => analyze(answer))
  const layout = layoutOf(answer, base, pieces, pieces.length)
  const placed = layout.pieces.map((p) => {
    const piece = pieces.find((x) => x.index === p.index)!
    // The words themselves, without the space or break that joins them.
    const lead = piece.text.length - piece.text.trimStart().length
    const trail = piece.text.length - piece.text.trimEnd().length
    return { index: p.index, start: p.start + lead, end: p.start + p.length - trail, scene: piece.scene }
  })
  return { text: layout.text, placed: placed.sort((a, b) => a.index - b.index) }
}

/** The answer and its follow-ups, analysed once, ready to be scored under any number of rubrics. */
export interface FollowUpAnalysis {
  /**
   * The answer alone, then the answer with the first follow-up, then with the first two, and so on. The last is
   * the whole story, the text the report describes.
   */
  readonly stages: readonly Analysis[]
  /** Each stage's text and where its follow-ups are in it, to carry an offset from one stage to the whole story. */
  readonly layouts: readonly Layout[]
}

/** Analyses the answer and every stage of its follow-ups (a follow-up with no words adds no stage). */
export function analyzeFollowUps(answer: string, followUps: readonly FollowUpText[]): FollowUpAnalysis {
  const first = analyze(answer)
  const { base, pieces } = piecesOf(answer, followUps, () => first)
  const stages = [first]
  const layouts = [layoutOf(answer, base, pieces, 0)]
  for (let n = 1; n <= pieces.length; n++) {
    const layout = layoutOf(answer, base, pieces, n)
    layouts.push(layout)
    stages.push(analyze(layout.text))
  }
  return { stages, layouts }
}

/**
 * A criterion's outcome over the stages: the whole story's, unless an earlier stage earned strictly more, when
 * that stage's outcome (its evidence, messages and fix) is kept. Later stages win ties, so what a follow-up adds
 * is what the report shows whenever it earns as much. Length judges the answer as told, before any follow-up
 * question: a follow-up is a reply to a question, so it neither pads a short answer nor makes a long one too long.
 */
function bestOutcome(c: Criterion, stages: readonly Analysis[], layouts: readonly Layout[]): CheckResult {
  const whole = stages[stages.length - 1]!
  if (ANSWER_ONLY_KINDS.has(c.check)) return runCheck(c, stages[0]!)
  let best: CheckResult | undefined
  let from = stages.length - 1
  for (let i = stages.length - 1; i >= 0; i--) {
    const stage = stages[i]!
    if (stage.words === 0) continue
    const outcome = runCheck(c, stage)
    if (best === undefined || clampFraction(outcome.fraction) > clampFraction(best.fraction)) {
      best = outcome
      from = i
    }
  }
  if (best === undefined) return runCheck(c, whole)
  if (from === stages.length - 1) return best
  const moved = (o: number) => toWhole(layouts[from]!, layouts[layouts.length - 1]!, o)
  return { ...best, messages: best.messages.map((m) => inWholeStory(m, stages[from]!, whole, moved)) }
}

/** Check kinds that judge the answer's telling, not evidence in it: scored on the answer alone. */
const ANSWER_ONLY_KINDS = new Set(['length'])

/** The sentence of `analysis` that holds offset `at`. */
function sentenceAt(analysis: Analysis, at: number): Analysis['sentences'][number] | undefined {
  return analysis.sentences.find((s) => s.start <= at && at < s.end)
}

/**
 * A message kept from an earlier stage, as the whole story reads it: its words where they are in the whole story
 * (a scene follow-up placed later moves what comes after it), and where its section was its sentence's label in
 * that stage, that sentence's label in the whole story (labels can change as the story grows), so the message
 * agrees with the sentences the report shows.
 */
function inWholeStory(m: Message, stage: Analysis, whole: Analysis, moved: (o: number) => number): Message {
  if (m.place === undefined) return m
  const start = moved(m.place.start)
  const end = m.place.end > m.place.start ? moved(m.place.end - 1) + 1 : start
  const placed = start === m.place.start && end === m.place.end ? m : { ...m, place: { start, end } }
  if (m.section === undefined) return placed
  const before = sentenceAt(stage, m.place.start)
  const after = sentenceAt(whole, start)
  if (before === undefined || after === undefined || before.star !== m.section || after.star === m.section)
    return placed
  return { ...placed, section: after.star }
}

/**
 * The report of an answer with its follow-ups under `rubric`: the whole story's report, except that no criterion
 * earns less than it did for the answer alone or for the answer with fewer follow-ups. The total, band,
 * suggestions, probes and next step are those of the criteria as kept, computed as `score()` computes them; the
 * sentences, sections and statistics are the whole story's. With no follow-up it is `score(answer, rubric)`.
 */
export function scoreFollowUpAnalysis(analysis: FollowUpAnalysis, rubric: Rubric): ScoreReport {
  const { stages, layouts } = analysis
  const whole = stages[stages.length - 1]!
  if (stages.length === 1) return scoreAnalysis(whole, rubric)
  return scoreOutcomes(whole, rubric, (c) => bestOutcome(c, stages, layouts))
}

/** `scoreFollowUpAnalysis` of the answer and its follow-ups. */
export function scoreWithFollowUps(
  answer: string,
  followUps: readonly FollowUpText[],
  rubric: Rubric,
): ScoreReport {
  return scoreFollowUpAnalysis(analyzeFollowUps(answer, followUps), rubric)
}
