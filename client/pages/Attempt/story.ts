// The text an attempt's report describes: the answer with its follow-ups, each read where it belongs in the story.

import type { FollowUp } from '../../../contract/follow-ups'
import { followUpStory, followUpTexts } from '../../../engine/follow-up-score'
import type { Place, ScoreReport, SentenceReport } from '../../../engine/types'

/** A text to show a report on, and the report's sentences with offsets into it. */
export interface Story {
  readonly text: string
  /** Where each follow-up is in `text`, when it is known. */
  readonly placed: readonly { index: number; start: number; end: number; scene: boolean }[]
  readonly sentences: readonly SentenceReport[]
  /**
   * A place the report gives (a message's span) as a place in `text`; undefined when its words are not in `text`.
   */
  readonly carry: (place: Place) => Place | undefined
  /** Whether `text` is the text the report was made from (false: it is the report's sentences, one after another). */
  readonly exact: boolean
}

/** Whether `report`'s sentences are the words of `text` at their offsets. */
function describes(report: Pick<ScoreReport, 'sentences'>, text: string): boolean {
  return report.sentences.every((s) => text.slice(s.start, s.end) === s.text)
}

/**
 * The report's sentences, one after another, with offsets into that text; a place inside one sentence is carried
 * with it, any other is not (the words between sentences are not known).
 */
export function sentenceStory(report: Pick<ScoreReport, 'sentences'>): Story {
  const sentences: SentenceReport[] = []
  let text = ''
  for (const s of report.sentences) {
    if (text) text += ' '
    sentences.push({ ...s, start: text.length, end: text.length + s.text.length })
    text += s.text
  }
  const inside = (o: number, end: boolean) =>
    report.sentences.findIndex((s) => (end ? s.start < o && o <= s.end : s.start <= o && o < s.end))
  const carry = (place: Place): Place | undefined => {
    const i = inside(place.start, false)
    const j = inside(place.end, true)
    if (i < 0 || j < 0 || j < i) return undefined
    return {
      start: sentences[i]!.start + place.start - report.sentences[i]!.start,
      end: sentences[j]!.start + place.end - report.sentences[j]!.start,
    }
  }
  return { text, placed: [], sentences, carry, exact: false }
}

/**
 * The answer with its follow-ups as `report` read them: an answer about the scene with the answer's Situation, any
 * other after the answer. Each text the follow-ups can make is checked against the report's sentences: a report
 * made before follow-ups about the scene were read there (stored, not re-scored since) read every follow-up after
 * the answer, and a report stored under other label weights may have placed the scene elsewhere. When neither text
 * is the one the report was made from, the report's own sentences are shown, so no label lands on other words.
 */
export function attemptStory(
  answer: string,
  followUps: readonly Pick<FollowUp, 'answer' | 'criterionId'>[],
  report: Pick<ScoreReport, 'sentences' | 'criteria'>,
): Story {
  const placed = followUpStory(answer, followUpTexts(followUps, report.criteria))
  const candidates = [placed]
  if (placed.placed.some((p) => p.scene))
    candidates.push(
      followUpStory(
        answer,
        followUps.map((f) => ({ answer: f.answer })),
      ),
    )
  const fits = candidates.find((c) => describes(report, c.text))
  if (!fits) return sentenceStory(report)
  return { ...fits, sentences: report.sentences, carry: (place) => place, exact: true }
}
