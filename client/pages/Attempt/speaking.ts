// How long an attempt's answer takes to say: the answer as told, as the length criterion judges it, and with
// its follow-ups, as the report's stats count them.

import { analyze } from '../../../engine/analyze'
import { speakingSeconds } from '../../../engine/checks/length/run'
import type { ScoreReport } from '../../../engine/types'

interface SpokenLength {
  /** The answer as told, before any follow-up question: what the length note counts, against 2–3 minutes. */
  told: number
  /** With the follow-ups, the text the report describes; absent without follow-ups or when it is the same. */
  withFollowUps?: number
}

/**
 * The seconds the answer takes to say. A follow-up is a reply to a question, so the length criterion counts
 * the answer alone; the report's stats count the whole story, follow-ups included. With no follow-up both are
 * the report's, and the answer is not read again.
 */
export function spokenLength(
  answer: string,
  followUps: number,
  report: Pick<ScoreReport, 'stats'>,
): SpokenLength {
  const whole = report.stats.speakingSeconds
  if (followUps === 0) return { told: whole }
  const told = speakingSeconds(analyze(answer).words, report.stats.wordsPerMinute)
  return told === whole ? { told } : { told, withFollowUps: whole }
}
