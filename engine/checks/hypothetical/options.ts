// hypothetical options: how much of the answer may be hypothetical. Read when rubrics load, never when scoring.

import { z } from 'zod'

export const summary = 'The answer tells what happened, not what the candidate would, could or usually does.'

export const options = z.strictObject({
  maxShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe(
      'Share of sentences that may be hypothetical or habitual before credit falls below 60%; any such sentence costs 40%.',
    ),
})

export type HypotheticalOptions = z.output<typeof options>
