// Which questions a mock loop asks: one prompt from each of `size` different Leadership Principles, the pinned ones
// first, then the weakest and never-practised areas, with a seed choosing among equals. Pure: rubrics, practice
// figures and a seed in, questions out.

import type { AreaPractice } from '../db/index'
import { hashString } from '../engine/hash'
import type { Rubric } from '../engine/index'

interface PlannedQuestion {
  promptId: string
  rubricId: string
  principle: string
  text: string
}

export type LoopPlan =
  | { ok: true; questions: PlannedQuestion[] }
  | { ok: false; message: string; field?: string; status: 400 | 409 }

/** Recent averages within the same ten points count as equally weak, so the seed varies the choice among them. */
const WEAKNESS_STEP = 10

/** Orders equals by the seed: the same seed and id always give the same rank. */
const seeded = (seed: string, id: string) => hashString(`${seed}\u0000${id}`)

/** -1 for an area never practised (asked first), else its recent average in steps of ten: the weakest next. */
function weakness(practice: AreaPractice | undefined): number {
  return practice === undefined || practice.attempts === 0
    ? -1
    : Math.floor(practice.recentAverage / WEAKNESS_STEP)
}

/**
 * The loop's questions, deterministic for (rubrics, practice, attempts, seed). Every question comes from a
 * different Leadership Principle (not a draft) that has prompts of its own; pinned principles are asked in the order given, the
 * others follow, weakest first. Within a principle, the prompt practised least, the seed choosing among equals.
 */
export function planLoop(input: {
  rubrics: readonly Rubric[]
  practice: ReadonlyMap<string, AreaPractice>
  attemptsByPrompt: ReadonlyMap<string, number>
  size: number
  pinned: readonly string[]
  seed: string
}): LoopPlan {
  const { seed, size, practice, attemptsByPrompt } = input
  // A draft's prompts are not offered to candidates, so a draft principle is never asked.
  const principles = input.rubrics.filter(
    (r) => r.kind === 'leadership-principle' && r.prompts.length > 0 && r.draft !== true,
  )
  const byId = new Map(principles.map((r) => [r.id, r]))
  const pinned = [...new Set(input.pinned)]
  const unknown = pinned.filter((id) => !byId.has(id))
  if (unknown.length > 0) {
    const known = [...byId.keys()].sort().slice(0, 5).join(', ')
    return {
      ok: false,
      status: 400,
      field: 'principles',
      message: `principles: '${unknown.join("', '")}' ${unknown.length === 1 ? 'is' : 'are'} not a Leadership Principle with prompts in service; GET /api/rubrics lists them (e.g. ${known})`,
    }
  }
  if (pinned.length > size) {
    return {
      ok: false,
      status: 400,
      field: 'principles',
      message: `principles: ${pinned.length} pinned principles do not fit a loop of ${size} questions; pin fewer or raise size`,
    }
  }
  if (principles.length < size) {
    return {
      ok: false,
      status: 409,
      message: `A loop of ${size} questions needs ${size} Leadership Principles with prompts, and ${principles.length} are in service; ask for fewer questions`,
    }
  }
  const rest = principles
    .filter((r) => !pinned.includes(r.id))
    .map((r) => ({ r, weak: weakness(practice.get(r.id)), rank: seeded(seed, r.id) }))
    .sort((a, b) => a.weak - b.weak || (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map((x) => x.r)
  const chosen = [...pinned.map((id) => byId.get(id)!), ...rest].slice(0, size)
  return {
    ok: true,
    questions: chosen.map((r) => {
      const prompt = [...r.prompts].sort((a, b) => {
        const used = (attemptsByPrompt.get(a.id) ?? 0) - (attemptsByPrompt.get(b.id) ?? 0)
        if (used !== 0) return used
        const ra = seeded(seed, a.id)
        const rb = seeded(seed, b.id)
        return ra < rb ? -1 : ra > rb ? 1 : 0
      })[0]!
      return { promptId: prompt.id, rubricId: r.id, principle: r.title, text: prompt.text }
    }),
  }
}
