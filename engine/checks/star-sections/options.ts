// star-sections options: the sections required and the balance between them. Read when rubrics load only.

import { z } from 'zod'

export const summary =
  'Every STAR section is present; the Action is the largest part and the Situation stays short.'

export const options = z.strictObject({
  required: z
    .array(z.enum(['situation', 'task', 'action', 'result']))
    .min(1)
    .default(['situation', 'task', 'action', 'result'])
    .describe('Sections the answer must contain.'),
  minActionShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.3)
    .describe('Share of the words the Action should have at least (0–1).'),
  maxSituationShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.35)
    .describe('Share of the words the Situation should not exceed (0–1).'),
  minWords: z
    .strictObject({
      situation: z.number().int().min(1).default(12),
      task: z.number().int().min(1).default(8),
      action: z.number().int().min(1).default(50),
      result: z.number().int().min(1).default(12),
    })
    .default({ situation: 12, task: 8, action: 50, result: 12 })
    .describe('Words a section needs to count in full; a thinner section counts in proportion.'),
})

export type StarSectionsOptions = z.output<typeof options>
