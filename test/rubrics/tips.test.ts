// Tips and criteria from one source: every tip on a prompt names something its rubric rewards. A tip is
// recognised when one of the rubric's keyword groups finds evidence in it, or when it speaks of a general
// STAR point (a number, "I", a Result…) that one of the rubric's star-core checks scores.

import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { compileEvidence, type EvidenceTable, findEvidence } from '../../engine/evidence'
import { splitPhrase } from '../../engine/phrases'
import { stem } from '../../engine/stem'
import type { Rubric } from '../../engine/types'
import { shippedRubrics } from '../engine/helpers'

/**
 * How a tip names a general STAR point, by the star-core criterion that scores it. A tip recognised here
 * counts only when its rubric has that criterion with a weight above zero.
 */
// biome-ignore format: phrase lists stay dense so that a point reads as one paragraph
const GENERAL_POINTS: Record<string, readonly string[]> = {
  'star-structure': [
    'result', 'outcome', 'what happened', 'what came of', 'how it ended', 'how it turned out', 'situation',
    'context', 'background', 'set the scene', 'the stakes', 'task', 'your goal', 'your role',
    'what you were asked', 'what was asked', 'responsible for', 'the deadline', 'the constraint',
    'what you did', 'your actions', 'your steps', 'step by step', 'walk through', 'in order',
  ],
  ownership: [
    '"I"', 'say I', 'first person', 'not "we"', 'rather than "we"', 'your own', 'your part', 'your role',
    'you personally', 'yourself', 'what you did', 'you decided', 'you owned', 'your decision',
    'own decision',
  ],
  'measurable-result': [
    'number', 'numbers', 'measure', 'measured', 'measurable', 'metric', 'metrics', 'percent', 'percentage',
    'before and after', 'before/after', 'how much', 'how many', 'how long', 'how fast', 'quantify', 'figure',
    'figures', 'time saved', 'money saved',
  ],
  'real-story': [
    'a time', 'one time', 'a specific time', 'one story', 'one real', 'real example', 'a real', 'past tense',
    'what you did', 'a concrete example', 'concrete example', 'a specific example',
  ],
  specificity: [
    'name', 'names', 'named', 'specific', 'specifics', 'concrete', 'concretely', 'exactly', 'which system',
    'the tool', 'tools', 'dates', 'details', 'concrete examples', 'with examples',
  ],
  reflection: [
    'learned', 'learnt', 'lesson', 'lessons', 'what you would do differently', 'differently', 'since then',
    'what you changed', 'changed afterwards', 'looking back', 'in hindsight', 'takeaway', 'reflect',
  ],
  'confident-language': [
    'plainly', 'confidently', 'without hedging', 'without softening', 'directly',
  ],
  length: [
    'two minutes', 'three minutes', 'briefly', 'short', 'concise', 'in one sentence',
  ],
}

/** A general point's phrases, compiled, under the star-core criterion that scores it. */
interface GeneralTable {
  id: string
  table: EvidenceTable
}

const GENERAL: GeneralTable[] = Object.entries(GENERAL_POINTS).map(([id, phrases]) => ({
  id,
  table: compileEvidence(phrases, splitPhrase, stem),
}))

interface KeywordsGroup {
  label: string
  table: EvidenceTable
}

/** The keyword groups of a rubric's criteria that carry weight, as compiled for scoring. */
function keywordGroups(rubric: Rubric): { criterion: string; group: KeywordsGroup }[] {
  const out: { criterion: string; group: KeywordsGroup }[] = []
  for (const c of rubric.criteria) {
    if (c.check !== 'keywords' || c.weight <= 0) continue
    const compiled = c.compiled as { groups: KeywordsGroup[] }
    for (const group of compiled.groups) out.push({ criterion: c.id, group })
  }
  return out
}

/**
 * What a tip names that its rubric rewards: `criterion/group label` for a keyword group, `criterion` for a
 * general STAR point; empty when the tip names nothing the rubric scores. A tip is advice, not a claim, so
 * its "not" and "without" do not negate ("without softening it" still names candour).
 */
function recognised(tip: string, rubric: Rubric): string[] {
  const sentences = analyze(tip).sentences
  const noNegation = (stems: readonly string[]) => stems.map(() => '')
  const found = (table: EvidenceTable) =>
    sentences.some((s) => findEvidence(table, s.stems, noNegation(s.stems)).length > 0)
  const names: string[] = []
  for (const { criterion, group } of keywordGroups(rubric))
    if (found(group.table)) names.push(`${criterion}/${group.label}`)
  const weighted = new Set(rubric.criteria.filter((c) => c.weight > 0).map((c) => c.id))
  for (const g of GENERAL) if (weighted.has(g.id) && found(g.table)) names.push(g.id)
  return names
}

const rubrics = shippedRubrics()

describe('prompt tips', () => {
  it('catch a tip that names nothing its rubric rewards', () => {
    const earnTrust = rubrics.get('earn-trust')!
    expect(recognised('Mention your favourite colour and wear a nice shirt.', earnTrust)).toEqual([])
    // ...while a tip that names a group of the rubric, or a general point it scores, is recognised.
    expect(recognised('Say plainly what you told them, and when.', earnTrust)).toContain(
      'trust-behaviours/candour',
    )
    expect(recognised('Give the numbers before and after.', earnTrust)).toContain('measurable-result')
  })

  it('count a general point only when the rubric scores it', () => {
    const earnTrust = rubrics.get('earn-trust')!
    const withoutNumbers: Rubric = {
      ...earnTrust,
      criteria: earnTrust.criteria.map((c) => (c.id === 'measurable-result' ? { ...c, weight: 0 } : c)),
    }
    expect(recognised('Give the numbers before and after.', withoutNumbers)).not.toContain(
      'measurable-result',
    )
  })

  const tips = [...rubrics.values()].flatMap((r) =>
    r.prompts.flatMap((p) => p.tips.map((tip) => ({ rubric: r, prompt: p.id, tip }))),
  )

  it('are many, so the check below means something', () => {
    expect(tips.length).toBeGreaterThan(250)
  })

  it('each name something their rubric rewards', () => {
    const unrecognised = tips
      .filter((t) => recognised(t.tip, t.rubric).length === 0)
      .map((t) => `${t.prompt}: ${t.tip}`)
    expect(unrecognised).toEqual([])
  })

  it('about the area itself mostly name one of its own keyword groups', () => {
    // General STAR points are fine, but most advice on an area's prompts is about the area.
    const areaTips = tips.filter((t) => t.rubric.id !== 'star-core')
    const own = areaTips.filter((t) => recognised(t.tip, t.rubric).some((n) => n.includes('/')))
    expect(own.length / areaTips.length).toBeGreaterThan(0.7)
  })
})
