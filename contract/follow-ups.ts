// Follow-up answers to an interviewer's probes: the request that adds one, and how an attempt lists them.

import { z } from 'zod'
import { answerField, isoTime } from './common'

/** A follow-up's answer: the same rules as an answer, and not empty. */
export const followUpAnswerField = answerField.refine((a) => a.trim().length > 0, {
  error: 'answer is empty; write what you would say to the interviewer',
})

const PROBE_ID_REQUIRED =
  'probeId is required: the id of one of the report’s probes, e.g. probe-measurable-result'

export const followUpBody = z.object({
  probeId: z
    .string({ error: PROBE_ID_REQUIRED })
    .min(1, { error: PROBE_ID_REQUIRED })
    .describe('The probe answered: one of the report’s probes (probe-<criterionId>).'),
  answer: followUpAnswerField,
})

export type FollowUpRequest = z.input<typeof followUpBody>

export const followUpSchema = z.object({
  probeId: z.string(),
  criterionId: z.string(),
  question: z.string().describe('The probe as it was asked.'),
  answer: z.string(),
  createdAt: isoTime,
})

export type FollowUp = z.infer<typeof followUpSchema>
