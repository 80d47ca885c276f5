// The text an attempt's report describes: the answer with its follow-ups, each read where it belongs in the story.

import type { FollowUp } from '../../../contract/follow-ups'
import { followUpStory, followUpTexts } from '../../../engine/follow-up-score'
import type { ScoreReport } from '../../../engine/types'

type Story = ReturnType<typeof followUpStory>

/** Whether `report`'s sentences are the words of `text` at their offsets. */
function describes(report: Pick<ScoreReport, 'sentences'>, text: string): boolean {
  return report.sentences.every((s) => text.slice(s.start, s.end) === s.text)
}

/**
 * The answer with its follow-ups as `report` read them: an answer about the scene with the answer's Situation, any
 * other after the answer. A report made before follow-ups about the scene were read there (stored, not re-scored
 * since) read every follow-up after the answer: its offsets point into that text, so that text is given.
 */
export function attemptStory(
  answer: string,
  followUps: readonly Pick<FollowUp, 'answer' | 'criterionId'>[],
  report: Pick<ScoreReport, 'sentences' | 'criteria'>,
): Story {
  const placed = followUpStory(answer, followUpTexts(followUps, report.criteria))
  if (describes(report, placed.text) || placed.placed.every((p) => !p.scene)) return placed
  const after = followUpStory(
    answer,
    followUps.map((f) => ({ answer: f.answer })),
  )
  return describes(report, after.text) ? after : placed
}
