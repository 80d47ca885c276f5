// The shipped rubric content: every area present, checks passing, ids unique, tags defined, prompts reachable.

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { compileRubrics } from '../../engine/parse'
import { checkRubrics } from '../../engine/rubric-check'
import { score } from '../../engine/score'
import { readRubricFolder } from '../../server/rubric-files'

const DIR = new URL('../../rubrics', import.meta.url).pathname
const files = readRubricFolder(DIR, (name) => `rubrics/${name}`).sources
const { rubrics, errors } = compileRubrics(files)
const byId = new Map(rubrics.map((r) => [r.id, r]))

const LEADERSHIP_PRINCIPLES = [
  'customer-obsession',
  'ownership',
  'invent-and-simplify',
  'are-right-a-lot',
  'learn-and-be-curious',
  'hire-and-develop-the-best',
  'insist-on-the-highest-standards',
  'think-big',
  'bias-for-action',
  'frugality',
  'earn-trust',
  'dive-deep',
  'have-backbone-disagree-and-commit',
  'deliver-results',
  'strive-to-be-earths-best-employer',
  'success-and-scale-bring-broad-responsibility',
]
const COMPETENCIES = [
  'technical-leadership',
  'system-design',
  'code-optimization',
  'team-collaboration',
  'mentorship',
  'scalability',
  'problem-solving',
]
const THEMES = ['handling-conflict', 'difficult-decision', 'leading-under-pressure', 'learning-from-failure']

describe('shipped rubrics', () => {
  it('compile without errors', () => {
    expect(errors).toEqual([])
    expect(rubrics).toHaveLength(files.length)
  })

  it.each([
    ['leadership-principle', LEADERSHIP_PRINCIPLES],
    ['competency', COMPETENCIES],
    ['theme', THEMES],
  ] as const)('cover every %s', (kind, ids) => {
    for (const id of ids) expect(byId.get(id)?.kind, id).toBe(kind)
    expect(
      rubrics
        .filter((r) => r.kind === kind)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...ids].sort())
  })

  it('all extend star-core and each has at least 3 prompts with tips and 3 examples', () => {
    for (const r of rubrics) {
      if (r.id === 'star-core') continue
      expect(r.extends, r.id).toEqual(['star-core'])
      expect(r.prompts.length, r.id).toBeGreaterThanOrEqual(3)
      expect(r.examples.length, r.id).toBeGreaterThanOrEqual(3)
      for (const p of r.prompts) expect(p.tips.length, p.id).toBeGreaterThanOrEqual(2)
      // Tuned to the area: at least one criterion of its own on top of star-core's.
      const core = byId.get('star-core')!
      const own = r.criteria.filter((c) => !core.criteria.some((k) => k.id === c.id))
      expect(own.length, r.id).toBeGreaterThanOrEqual(1)
    }
  })

  it('offer more than 80 prompts, with no id or question repeated', () => {
    const prompts = rubrics.flatMap((r) => r.prompts)
    expect(prompts.length).toBeGreaterThan(80)
    expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length)
    const questions = prompts.map((p) => p.text.toLowerCase().replace(/\W+/g, ' ').trim())
    expect(new Set(questions).size).toBe(prompts.length)
  })

  it('use only defined tags, and every prompt is reachable by its own rubric tag', () => {
    for (const r of rubrics) {
      for (const p of r.prompts) {
        expect(p.tags, p.id).toContain(r.id)
        for (const t of p.tags) expect(byId.has(t), `${p.id} tag ${t}`).toBe(true)
      }
    }
    // Tags are also what the raw files say: nothing is invented during compilation.
    for (const f of files) {
      const doc = parse(f.text) as { prompts?: { tags?: string[] }[] }
      for (const p of doc.prompts ?? [])
        for (const t of p.tags ?? []) expect(byId.has(t), `${f.file} tag ${t}`).toBe(true)
    }
  })

  it('let a prompt serve several areas', () => {
    const multi = rubrics.flatMap((r) => r.prompts).filter((p) => p.tags.length >= 2)
    expect(multi.length).toBeGreaterThan(40)
  })

  it('pass every example expectation and give every criterion full coverage', () => {
    const summary = checkRubrics(rubrics, files)
    expect(summary.problems).toEqual([])
    expect(summary.rubrics).toBe(28)
  })

  it('put a strong example of each area in its top band and a weak one in its bottom band', () => {
    for (const r of rubrics) {
      const top = r.bands[0]!.id
      const bottom = r.bands[r.bands.length - 1]!.id
      const bands = r.examples.map((e) => score(e.answer, r).band.id)
      expect(bands, r.id).toContain(top)
      expect(bands, r.id).toContain(bottom)
    }
  })
})
