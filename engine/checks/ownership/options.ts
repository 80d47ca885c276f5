// ownership options: how much of the Action must say "I". Read when rubrics load, never when scoring.

import { z } from 'zod'

export const summary = 'Inside the Action, "I" outnumbers "we": the candidate owns what they did.'

export const options = z
  .strictObject({
    minShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.7)
      .describe('Share of first-person references in the Action that are "I" (not "we") for full credit.'),
    zeroShare: z.number().min(0).max(1).default(0.25).describe('Share at or below which no credit is given.'),
    minActionWords: z
      .number()
      .int()
      .min(1)
      .default(40)
      .describe(
        'Action words needed before ownership can be shown in full; fewer earn credit in proportion.',
      ),
  })
  .refine((o) => o.zeroShare < o.minShare, { message: 'zeroShare must be lower than minShare' })

export type OwnershipOptions = z.output<typeof options>
