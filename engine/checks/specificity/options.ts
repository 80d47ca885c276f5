// specificity options: how many specific details an answer needs. Read when rubrics load, never when scoring.

import { z } from 'zod'

export const summary =
  'Concrete detail — named systems, tools, numbers, dates — rather than generic claims and buzzwords.'

export const options = z.strictObject({
  per100: z.number().min(0.5).max(20).default(3).describe('Specific details per 100 words for full credit.'),
  min: z.number().int().min(1).default(4).describe('Specific details needed however short the answer.'),
})

export type SpecificityOptions = z.output<typeof options>
