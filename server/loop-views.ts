// A stored loop as the API answers it: its questions (answered or not), its status, and its debrief once complete.

import type { Loop, LoopSummary } from '../contract/loops'
import type { LoopRecord, LoopSummary as LoopSummaryRow } from '../db/index'
import type { Store } from '../db/store'
import type { Rubric, ScoreReport } from '../engine/index'
import { type AnsweredQuestion, buildDebrief } from './loop-debrief'
import type { RegisteredPrompt } from './rubric-registry'
import { followUpView, iso } from './views'

export interface LoopLookups {
  findPrompt(id: string): RegisteredPrompt | undefined
  rubric(id: string): Rubric | undefined
}

const statusOf = (answered: number, total: number) => (answered === total ? 'complete' : 'in-progress')

/** The question's text, or what is known of a prompt that left every rubric after the loop was made. */
function promptText(lookups: LoopLookups, promptId: string): string {
  return lookups.findPrompt(promptId)?.prompt.text ?? `(prompt '${promptId}' is no longer in service)`
}

export async function loopView(
  store: Pick<Store, 'findAttempt' | 'listFollowUps' | 'listReplacedReports'>,
  loop: LoopRecord,
  lookups: LoopLookups,
): Promise<Loop> {
  const answered: AnsweredQuestion[] = []
  const questions: Loop['questions'] = []
  for (const q of loop.questions) {
    const rubric = lookups.rubric(q.rubricId)
    const principle = rubric?.title ?? q.rubricId
    const text = promptText(lookups, q.promptId)
    const attempt = q.attemptId === null ? undefined : await store.findAttempt(q.attemptId)
    if (attempt !== undefined) {
      const report = attempt.report as ScoreReport
      const followUps = await store.listFollowUps(attempt.id)
      // The report the first follow-up replaced: the answer alone, as the history keeps it.
      const first = followUps[0]
      const before =
        first === undefined
          ? undefined
          : (await store.listReplacedReports(attempt.id)).find((h) => h.replacedAt === first.createdAt)
      answered.push({
        promptId: q.promptId,
        rubricId: q.rubricId,
        principle,
        text,
        attemptId: attempt.id,
        answer: attempt.answer,
        durationMs: attempt.durationMs,
        report,
        rubric,
        followUps: followUps.map(followUpView),
        beforeFollowUps: before?.report as ScoreReport | undefined,
      })
    }
    questions.push({
      position: q.position,
      promptId: q.promptId,
      rubricId: q.rubricId,
      principle,
      text,
      attemptId: attempt?.id ?? null,
      score: attempt?.score ?? null,
      band: attempt === undefined ? null : { id: attempt.bandId, label: attempt.bandLabel },
    })
  }
  const status = statusOf(answered.length, questions.length)
  return {
    id: loop.id,
    seed: loop.seed,
    principles: loop.principles,
    createdAt: iso(loop.createdAt),
    status,
    questions,
    debrief: status === 'complete' ? buildDebrief(answered) : null,
  }
}

export function loopSummaryView(l: LoopSummaryRow): LoopSummary {
  return {
    id: l.id,
    seed: l.seed,
    createdAt: iso(l.createdAt),
    status: statusOf(l.answered, l.questions),
    questions: l.questions,
    answered: l.answered,
  }
}
