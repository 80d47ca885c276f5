// length options: the word counts of a whole but speakable story. Read when rubrics load, never when scoring.

import { z } from 'zod'

export const summary = 'Word count and speaking time (at 150 words a minute) fall in the ideal range.'

export const options = z
  .strictObject({
    min: z.number().int().min(0).default(120).describe('Below this many words, at most half credit.'),
    idealMin: z.number().int().min(1).default(200).describe('Full credit from this many words.'),
    idealMax: z.number().int().min(1).default(450).describe('Full credit up to this many words.'),
    max: z.number().int().min(1).default(650).describe('Beyond this, credit falls off quickly.'),
    wordsPerMinute: z.number().min(60).max(250).default(150).describe('Speaking rate for the time estimate.'),
  })
  .refine((o) => o.min <= o.idealMin && o.idealMin <= o.idealMax && o.idealMax <= o.max, {
    message: 'lengths must be ordered: min ≤ idealMin ≤ idealMax ≤ max',
  })

export type LengthOptions = z.output<typeof options>
