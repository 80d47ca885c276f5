// keywords options: the phrase groups that show an area, and where they must appear. Read when rubrics load only.

import { z } from 'zod'
import { CONCEPTS } from '../../lexicon/concepts'

export const summary =
  'Groups of evidence, each named by shared concepts (engine/lexicon/concepts.ts) and phrases of its own, matched on ' +
  'word stems with gaps ("took … ownership") and alternatives ("wrote/updated"), never when negated, and ' +
  'optionally required in one section.'

const CONCEPT_IDS = Object.keys(CONCEPTS) as [string, ...string[]]

export const options = z
  .strictObject({
    section: z
      .enum(['situation', 'task', 'action', 'result', 'other'])
      .optional()
      .describe(
        'Where the evidence belongs. Elsewhere in the story a group earns half (three quarters when nearly in place: ' +
          'Action evidence told in the Task, Result evidence in an Action sentence that reports an outcome, Action ' +
          'evidence in a Result sentence that tells what the candidate did); in an "other" sentence a quarter.',
      ),
    groups: z
      .array(
        z
          .strictObject({
            label: z.string().min(1).describe('What the group shows, in words a candidate understands.'),
            any: z
              .array(z.string().min(1))
              .min(1)
              .optional()
              .describe(
                'Phrases of this rubric, any of which shows the group. `a/b` offers alternatives for one word; ' +
                  '`…` skips up to three words; `#` is any number. The first three are quoted in the fix.',
              ),
            concepts: z
              .array(
                z.enum(CONCEPT_IDS, {
                  error: (issue) =>
                    `Unknown concept '${String(issue.input)}'; the concepts are listed in engine/lexicon/concepts.ts`,
                }),
              )
              .min(1)
              .optional()
              .describe('Shared behavioural concepts whose phrases also show the group.'),
          })
          .refine((g) => g.any !== undefined || g.concepts !== undefined, {
            message: 'a group needs phrases (any) or concepts, or both',
          }),
      )
      .min(1)
      .describe('Evidence groups; each counts once however often it appears (saturating credit).'),
    min: z.number().int().min(1).optional().describe('Groups needed for full credit (default: all groups).'),
  })
  .refine((o) => o.min === undefined || o.min <= o.groups.length, {
    message: 'min cannot be more than the number of groups',
    path: ['min'],
  })

export type KeywordsOptions = z.output<typeof options>
