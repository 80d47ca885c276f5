// keywords options: the phrase groups that show an area, and where they must appear. Read when rubrics load only.

import { z } from 'zod'

export const summary =
  'Groups of phrases (stemmed; a group lists synonyms) that show the area, optionally in one section.'

export const options = z
  .strictObject({
    section: z
      .enum(['situation', 'task', 'action', 'result', 'other'])
      .optional()
      .describe('Only sentences of this section earn full credit; elsewhere a group earns half.'),
    groups: z
      .array(
        z.strictObject({
          label: z.string().min(1).describe('What the group shows, in words a candidate understands.'),
          any: z.array(z.string().min(1)).min(1).describe('Phrases, any of which shows the group.'),
        }),
      )
      .min(1)
      .describe('Keyword groups; each counts once however often it appears (saturating credit).'),
    min: z.number().int().min(1).optional().describe('Groups needed for full credit (default: all groups).'),
  })
  .refine((o) => o.min === undefined || o.min <= o.groups.length, {
    message: 'min cannot be more than the number of groups',
    path: ['min'],
  })

export type KeywordsOptions = z.output<typeof options>
