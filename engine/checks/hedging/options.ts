// hedging options: how many hedges per 100 words are tolerated. Read when rubrics load, never when scoring.

import { z } from 'zod'

export const summary = 'Few filler and hedge words ("kind of", "basically", "I guess", "maybe").'

export const options = z
  .strictObject({
    maxPer100: z.number().min(0).default(0.5).describe('Hedges per 100 words allowed for full credit.'),
    zeroPer100: z.number().min(0.1).default(2.5).describe('Hedges per 100 words at which no credit is left.'),
  })
  .refine((o) => o.maxPer100 < o.zeroPer100, { message: 'maxPer100 must be lower than zeroPer100' })

export type HedgingOptions = z.output<typeof options>
