// Team mode: the account probe, accounts and roles for admins, cohorts, invites, sharing and a cohort's progress.

import { z } from 'zod'
import { isoTime } from './common'

export const ROLE_VALUES = ['admin', 'instructor', 'candidate'] as const

export const viewerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLE_VALUES),
})

const teamAccountSchema = z.object({
  mode: z.literal('team'),
  /** Who may create an account: anyone, or holders of an invite link. */
  signup: z.enum(['open', 'invite']),
  /** Whether the first account is still to be made (it becomes admin, without an invite). */
  firstAccount: z.boolean(),
  /** Whether single sign-on (OpenID Connect) is configured; its provider id is "sso". */
  sso: z.boolean(),
  user: viewerSchema.nullable(),
})

/** Local mode has no accounts: the client shows every page without signing in. */
export const accountSchema = z.union([z.object({ mode: z.literal('local') }), teamAccountSchema])

export const userListSchema = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(ROLE_VALUES),
      createdAt: isoTime,
    }),
  ),
})

export const userParams = z.object({ id: z.string().min(1).max(200) })

export const roleBody = z.object({ role: z.enum(ROLE_VALUES) })

/** Cohort ids are kept as text, so any unknown id, well formed or not, is answered 404. */
export const cohortParams = z.object({ id: z.string().max(40) })

export const inviteParams = z.object({ id: z.string().max(40), inviteId: z.string().max(40) })

export const MAX_COHORT_NAME = 120

export const cohortBody = z.object({
  name: z
    .string({ error: 'name is required: the cohort, such as "Spring bootcamp 2027"' })
    .trim()
    .min(1, { error: 'name is empty; give the cohort a name' })
    .max(MAX_COHORT_NAME, { error: `name is too long; keep it to ${MAX_COHORT_NAME} characters` }),
})

/** How long a new invite link works unless the instructor says otherwise, and the longest it may. */
export const INVITE_DAYS = { default: 14, max: 90 } as const

export const inviteBody = z
  .object({
    expiresInDays: z
      .number({ error: `expiresInDays must be a whole number of days, 1 to ${INVITE_DAYS.max}` })
      .int({ error: `expiresInDays must be a whole number of days, 1 to ${INVITE_DAYS.max}` })
      .min(1, { error: 'expiresInDays must be at least 1 day' })
      .max(INVITE_DAYS.max, {
        error: `expiresInDays is at most ${INVITE_DAYS.max} days; make a new link when it runs out`,
      })
      .optional(),
  })
  .strict()
  .optional()

export const joinBody = z.object({
  token: z
    .string({ error: 'token is required: the invite token from the link an instructor gave you' })
    .min(1, { error: 'token is empty' })
    .max(200, { error: 'token is too long to be an invite token' }),
})

export const sharingBody = z.object({ share: z.boolean({ error: 'share must be true or false' }) })

export const cohortSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['instructor', 'candidate']),
  members: z.number().int(),
  createdAt: isoTime,
})

export const cohortListSchema = z.object({ cohorts: z.array(cohortSummarySchema) })

export const createdCohortSchema = z.object({ id: z.number().int(), name: z.string() })

export const inviteSchema = z.object({
  id: z.number().int(),
  /** Shown once: only its hash is stored. */
  token: z.string(),
  /** The sign-up page with the token, to send to candidates. */
  url: z.string(),
  /** When the token stops working. */
  expiresAt: isoTime,
})

export const joinedSchema = z.object({
  cohortId: z.number().int(),
  name: z.string(),
  role: z.enum(['instructor', 'candidate']),
})

export const sharingSchema = z.object({ share: z.boolean() })

const criterionResult = z.object({
  id: z.string(),
  score: z.number(),
  max: z.number(),
  status: z.enum(['met', 'partial', 'missed']),
})

export const cohortProgressSchema = z.object({
  cohort: z.object({ id: z.number().int(), name: z.string() }),
  /** The Monday (UTC) that starts the current week. */
  weekStart: z.string(),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['instructor', 'candidate']),
      sharesAnswers: z.boolean(),
      attempts: z.number().int(),
      lastPractisedAt: isoTime.nullable(),
      practisedThisWeek: z.boolean(),
      /** Attempts per UTC week (Monday), oldest first, for the weeks with any. */
      weeks: z.array(z.object({ week: z.string(), attempts: z.number().int() })),
    }),
  ),
  areas: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
  /** Each candidate's best score per area under the area's own rubric: the heat map. */
  coverage: z.array(
    z.object({ memberId: z.string(), area: z.string(), best: z.number().int(), attempts: z.number().int() }),
  ),
  weakestCriteria: z.array(
    z.object({
      criterionId: z.string(),
      label: z.string(),
      /** Average share of the criterion's points, in percent. */
      average: z.number(),
      attempts: z.number().int(),
      prompt: z.object({ id: z.string(), text: z.string() }).nullable(),
    }),
  ),
  attempts: z.array(
    z.object({
      id: z.number().int(),
      memberId: z.string(),
      promptId: z.string(),
      rubricId: z.string(),
      score: z.number().int(),
      band: z.string(),
      createdAt: isoTime,
      criteria: z.array(criterionResult),
      /** Only when the candidate shares it (this attempt, or every answer with this cohort); otherwise null. */
      answer: z.string().nullable(),
    }),
  ),
})

export type Account = z.infer<typeof teamAccountSchema>
export type Viewer = z.infer<typeof viewerSchema>
export type CohortSummary = z.infer<typeof cohortSummarySchema>
export type CohortProgress = z.infer<typeof cohortProgressSchema>
export type Invite = z.infer<typeof inviteSchema>
export type UserList = z.infer<typeof userListSchema>
