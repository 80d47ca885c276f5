// reflection options: none; the kind is configured by its weight alone. Read when rubrics load only.

import { z } from 'zod'

export const summary = 'The answer says what was learned or what the candidate does differently since.'

export const options = z.strictObject({})

export type ReflectionOptions = z.output<typeof options>
