// A cohort's progress for its instructors, from its members, attempts and coverage rows: attempts per member per
// week, who has not practised this week, the heat map of areas, and the weakest criteria with a prompt for each.
// Pure: rows in, the contract's shape out.

import type { CohortProgress } from '../contract/team'
import type { CohortAttempt, CohortMember } from '../db/cohorts'
import type { Rubric } from '../engine/index'
import { promptsForCriteria } from './practice'
import { iso } from './views'

const DAY_MS = 86_400_000

/** The Monday (UTC) that starts the week of `ms`, as a day number. Day 0 (1970-01-01) was a Thursday. */
const mondayOf = (ms: number) => {
  const day = Math.floor(ms / DAY_MS)
  return day - ((day + 3) % 7)
}
const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** How many of the weakest criteria the view lists. */
const WEAKEST = 5

export interface CohortProgressInput {
  cohort: { id: number; name: string }
  members: CohortMember[]
  attempts: CohortAttempt[]
  coverage: { ownerId: string; area: string; best: number; attempts: number }[]
  rubrics: readonly Rubric[]
  promptText: (id: string) => string | undefined
  now: number
}

export function cohortProgressView(input: CohortProgressInput): CohortProgress {
  const thisWeek = mondayOf(input.now)
  const byMember = new Map<string, CohortAttempt[]>()
  for (const a of input.attempts) {
    const list = byMember.get(a.ownerId) ?? []
    list.push(a)
    byMember.set(a.ownerId, list)
  }
  const members = input.members.map((m) => {
    const mine = byMember.get(m.id) ?? []
    const weeks = new Map<number, number>()
    for (const a of mine) weeks.set(mondayOf(a.createdAt), (weeks.get(mondayOf(a.createdAt)) ?? 0) + 1)
    const last = mine.reduce((max, a) => Math.max(max, a.createdAt), -1)
    return {
      id: m.id,
      name: m.name,
      role: m.role,
      sharesAnswers: m.shareAnswers,
      attempts: mine.length,
      lastPractisedAt: last < 0 ? null : iso(last),
      practisedThisWeek: mine.some((a) => mondayOf(a.createdAt) === thisWeek),
      weeks: [...weeks]
        .sort((a, b) => a[0] - b[0])
        .map(([week, attempts]) => ({ week: dayText(week), attempts })),
    }
  })

  const labels = new Map<string, string>()
  for (const r of input.rubrics) for (const c of r.criteria) if (!labels.has(c.id)) labels.set(c.id, c.label)
  const sums = new Map<string, { total: number; n: number }>()
  for (const a of input.attempts) {
    for (const c of a.criteria) {
      if (c.max <= 0) continue
      const s = sums.get(c.id) ?? { total: 0, n: 0 }
      s.total += (100 * c.score) / c.max
      s.n += 1
      sums.set(c.id, s)
    }
  }
  const promptFor = promptsForCriteria(input.rubrics)
  const weakestCriteria = [...sums]
    .map(([criterionId, s]) => ({
      criterionId,
      average: Math.round((s.total / s.n) * 100) / 100,
      attempts: s.n,
    }))
    .sort((a, b) => a.average - b.average || a.criterionId.localeCompare(b.criterionId))
    .slice(0, WEAKEST)
    .map((w) => {
      const promptId = promptFor.get(w.criterionId)
      const text = promptId === undefined ? undefined : input.promptText(promptId)
      return {
        ...w,
        label: labels.get(w.criterionId) ?? w.criterionId,
        prompt: promptId === undefined || text === undefined ? null : { id: promptId, text },
      }
    })

  return {
    cohort: input.cohort,
    weekStart: dayText(thisWeek),
    members,
    areas: input.rubrics.map((r) => ({ id: r.id, title: r.title, kind: r.kind })),
    coverage: input.coverage.map((c) => ({
      memberId: c.ownerId,
      area: c.area,
      best: c.best,
      attempts: c.attempts,
    })),
    weakestCriteria,
    attempts: input.attempts.map((a) => ({
      id: a.id,
      memberId: a.ownerId,
      promptId: a.promptId,
      rubricId: a.rubricId,
      score: a.score,
      band: a.bandLabel,
      createdAt: iso(a.createdAt),
      criteria: a.criteria,
      answer: a.answer,
    })),
  }
}
