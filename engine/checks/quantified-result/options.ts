// quantified-result options: which section must carry measures, and how many. Read when rubrics load only.

import { z } from 'zod'

export const summary =
  'The Result is measurable: numbers, percentages, money, durations, counts or number words.'

export const options = z.strictObject({
  section: z
    .enum(['situation', 'task', 'action', 'result'])
    .default('result')
    .describe('Section that must carry the measures.'),
  min: z.number().int().min(1).max(10).default(1).describe('Measures needed for full credit.'),
})

export type QuantifiedResultOptions = z.output<typeof options>
