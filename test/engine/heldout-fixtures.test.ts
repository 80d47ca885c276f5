// Shape of the second to seventh held-out sets: each loads, every sentence carries a known label, every answer and pair
// names a shipped rubric and one of its prompts, and each fix pair changes exactly one sentence. No scores:
// the set measures the engine and is never used to tune it.

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  type FixPair,
  HOLDOUT2_DIR,
  HOLDOUT2_FIXES_DIR,
  HOLDOUT2_STYLES_DIR,
  HOLDOUT3_DIR,
  HOLDOUT3_FIXES_DIR,
  HOLDOUT3_STYLES_DIR,
  HOLDOUT4_FIXES_DIR,
  HOLDOUT4_STYLES_DIR,
  HOLDOUT5_STYLES_DIR,
  HOLDOUT6_FIXES_DIR,
  HOLDOUT7_FIXES_DIR,
  HOLDOUT8_STYLES_DIR,
  loadCorpus,
  loadFixPairs,
  loadStyled,
  type StyledAnswer,
} from '../fixtures/corpus'

const RUBRICS_DIR = new URL('../../rubrics', import.meta.url).pathname
const LABELS = new Set(['situation', 'task', 'action', 'result', 'other'])
const VARIANTS = ['strong', 'no-result', 'we', 'hypothetical', 'no-numbers', 'buzzword', 'ramble', 'short']
const DEGRADED = ['no-result', 'we', 'hypothetical', 'no-numbers']
const STYLES = ['bullets', 'historic-present', 'non-native', 'result-first', 'tidy', 'transcript']

interface RubricFile {
  id: string
  kind: string
  prompts?: { id: string }[]
  criteria?: { id?: string }[]
}

/** The shipped rubric files as written: ids, kinds, prompt ids and their own criterion ids. */
const rubricFiles = new Map<string, RubricFile>(
  readdirSync(RUBRICS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(`${RUBRICS_DIR}/${f}`, 'utf8')) as RubricFile)
    .map((r) => [r.id, r]),
)
const promptIds = (id: string) => new Set((rubricFiles.get(id)?.prompts ?? []).map((p) => p.id))
const criterionIds = (id: string) =>
  new Set((rubricFiles.get(id)?.criteria ?? []).flatMap((c) => (c.id === undefined ? [] : [c.id])))
/** Three pairs of each fix kind and six for the principles' own evidence. */
const EIGHT_KINDS = {
  'confident-language': 3,
  'measurable-result': 3,
  ownership: 3,
  'principle-evidence': 6,
  'real-story': 3,
  reflection: 3,
  result: 3,
  specificity: 3,
  task: 3,
}
/** What each held-out set holds: its folders, how many stories, degraded stories and long vague answers. */
const SETS = [
  {
    name: 'holdout2',
    dirs: [HOLDOUT2_DIR, HOLDOUT2_STYLES_DIR, HOLDOUT2_FIXES_DIR],
    stories: 4,
    rambleWords: 800,
    degraded: { stories: 12, variants: DEGRADED },
    vague: { variant: 'guide-weak', count: 6 },
    shortStrong: 6,
    pairs: { kinds: EIGHT_KINDS, rubrics: 6 },
  },
  {
    name: 'holdout3',
    dirs: [HOLDOUT3_DIR, HOLDOUT3_STYLES_DIR, HOLDOUT3_FIXES_DIR],
    stories: 3,
    rambleWords: 700,
    degraded: { stories: 6, variants: [] as string[] },
    vague: { variant: 'long-vague', count: 5 },
    shortStrong: 5,
    pairs: { kinds: EIGHT_KINDS, rubrics: 6 },
  },
] as const

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

/**
 * Splits prose into sentences at . ! or ? followed by a word (a spoken transcript may start one in lower
 * case), leaving "7 a.m.", "2 p.m." and "e.g." whole.
 */
function sentences(text: string): string[] {
  return text
    .split(/(?<![ap]\.m\.|e\.g\.|i\.e\.)(?<=[.!?])\s+(?=[A-Za-z0-9'"‘“])/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Whether `after` is `before` with words inserted at one place, and those words are one whole sentence. */
function insertsOneSentence(before: string, after: string): boolean {
  const b = before.split(/\s+/)
  const a = after.split(/\s+/)
  let head = 0
  while (head < b.length && b[head] === a[head]) head++
  let tail = 0
  while (tail < b.length - head && b[b.length - 1 - tail] === a[a.length - 1 - tail]) tail++
  if (head + tail !== b.length) return false
  const inserted = a.slice(head, a.length - tail)
  const ends = inserted.filter((w) => /[.!?]["'”’)]*$/.test(w) && !/^(?:[ap]\.m\.|e\.g\.|i\.e\.)$/.test(w))
  return (
    (head === 0 || /[.!?]["'”’)]*$/.test(b[head - 1]!)) &&
    ends.length === 1 &&
    /[.!?]["'”’)]*$/.test(inserted.at(-1)!)
  )
}

/**
 * The checks every held-out styled set passes: shipped rubrics and prompts, known styles and labels, a strong
 * answer for every principle, and every style used.
 */
function styledShape(items: StyledAnswer[], strong: StyledAnswer[]) {
  it('names a shipped rubric and one of its own prompts for every answer, in a known style', () => {
    for (const i of items) {
      expect(rubricFiles.has(i.target), `${i.story} target ${i.target}`).toBe(true)
      expect(promptIds(i.target).has(i.promptId), `${i.story} prompt ${i.promptId}`).toBe(true)
      expect(STYLES, i.story).toContain(i.style)
      for (const s of i.sentences) expect(LABELS.has(s.star), `${i.story} ${i.variant}: ${s.text}`).toBe(true)
    }
  })

  it('has a strong answer for every leadership principle and uses every style', () => {
    const principles = [...rubricFiles.values()]
      .filter((r) => r.kind === 'leadership-principle')
      .map((r) => r.id)
    expect(principles.length).toBe(16)
    for (const p of principles)
      expect(
        strong.map((s) => s.target),
        p,
      ).toContain(p)
    expect([...new Set(strong.map((s) => s.style))].sort()).toEqual(STYLES)
  })
}

/** The checks every held-out fix set passes: how many pairs of each kind, shipped targets, one sentence changed. */
function fixPairShape(pairs: FixPair[], expected: { kinds: Record<string, number>; rubrics: number }) {
  it('has its number of pairs of each kind, the principle-evidence pairs each on a different rubric', () => {
    const byKind: Record<string, number> = {}
    for (const p of pairs) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1
    expect(byKind).toEqual(expected.kinds)
    const rubrics = pairs.filter((p) => p.kind === 'principle-evidence').map((p) => p.rubric)
    expect(new Set(rubrics).size).toBe(expected.rubrics)
  })

  it('aims every pair at a criterion of its rubric, through one of the rubric’s prompts', () => {
    for (const p of pairs) {
      expect(rubricFiles.has(p.rubric), p.id).toBe(true)
      expect(promptIds(p.rubric).has(p.promptId), `${p.id} prompt ${p.promptId}`).toBe(true)
      const own = criterionIds(p.rubric)
      const allowed = p.kind === 'principle-evidence' ? own : new Set([...own, ...criterionIds('star-core')])
      expect(allowed.has(p.target), `${p.id} target ${p.target}`).toBe(true)
    }
  })

  it('changes exactly one sentence between before and after', () => {
    for (const p of pairs) {
      const b = sentences(p.before)
      const a = sentences(p.after)
      let head = 0
      while (head < b.length && head < a.length && b[head] === a[head]) head++
      let tail = 0
      while (
        tail < b.length - head &&
        tail < a.length - head &&
        b[b.length - 1 - tail] === a[a.length - 1 - tail]
      )
        tail++
      const removed = b.length - head - tail
      const added = a.length - head - tail
      // A sentence added inside a bullet line ("- It failed. <new sentence>\n- Lesson: …") joins that line's
      // pieces differently; word by word it is one whole sentence inserted.
      if (removed === 1 && added === 2 && insertsOneSentence(p.before, p.after)) continue
      expect([removed, added], p.id).toEqual(removed === 0 ? [0, 1] : [1, 1])
    }
  })
}

describe.each(SETS)('$name', (set) => {
  describe('labelled stories', () => {
    const corpus = loadCorpus(set.dirs[0])
    const stories = new Set(corpus.map((c) => c.story))

    it('holds its stories, each in all eight variants', () => {
      expect(stories.size).toBe(set.stories)
      for (const story of stories)
        expect(
          corpus
            .filter((c) => c.story === story)
            .map((c) => c.variant)
            .sort(),
          story,
        ).toEqual([...VARIANTS].sort())
    })

    it('labels every sentence with a known label and tags shipped rubrics', () => {
      for (const c of corpus) {
        for (const s of c.sentences)
          expect(LABELS.has(s.star), `${c.story} ${c.variant}: ${s.text}`).toBe(true)
        for (const t of c.tags) expect(rubricFiles.has(t), `${c.story} tag ${t}`).toBe(true)
      }
    })

    it('has rambles of 700 to 900 words and short answers of a few sentences', () => {
      for (const c of corpus) {
        if (c.variant === 'ramble') expect(words(c.answer), c.story).toBeGreaterThanOrEqual(set.rambleWords)
        if (c.variant === 'short') expect(c.sentences.length, c.story).toBeLessThanOrEqual(3)
      }
    })
  })

  describe('styled answers', () => {
    const items = loadStyled(set.dirs[1])
    const strong = items.filter((i) => i.variant === 'strong')

    styledShape(items, strong)

    it('gives its stories degraded variants, and has long vague answers', () => {
      const degraded = [...new Set(items.map((i) => i.story))].filter((story) =>
        items.some((i) => i.story === story && DEGRADED.includes(i.variant)),
      )
      expect(degraded.length).toBe(set.degraded.stories)
      for (const story of degraded)
        for (const v of set.degraded.variants)
          expect(
            items.some((i) => i.story === story && i.variant === v),
            `${story} ${v}`,
          ).toBe(true)
      const vague = items.filter((i) => i.variant === set.vague.variant)
      expect(vague.length).toBe(set.vague.count)
      for (const v of vague) {
        expect(words(v.answer), v.story).toBeGreaterThanOrEqual(300)
        expect(words(v.answer), v.story).toBeLessThanOrEqual(400)
        expect(
          v.sentences.some((s) => s.star === 'result'),
          v.story,
        ).toBe(false)
      }
      expect(
        strong.filter((s) => words(s.answer) >= 150 && words(s.answer) <= 220).length,
      ).toBeGreaterThanOrEqual(set.shortStrong)
    })
  })

  describe('fix pairs', () => fixPairShape(loadFixPairs(set.dirs[2]), set.pairs))
})

/** Two strong answers per leadership principle, each on a different prompt and in a different style. */
function twoPerPrinciple(items: StyledAnswer[]) {
  it('holds two strong answers per leadership principle, each on a different prompt and in a different style', () => {
    expect(items.every((i) => i.variant === 'strong')).toBe(true)
    const byTarget = new Map<string, StyledAnswer[]>()
    for (const i of items) byTarget.set(i.target, [...(byTarget.get(i.target) ?? []), i])
    expect(byTarget.size).toBe(16)
    for (const [target, two] of byTarget) {
      expect(two.length, target).toBe(2)
      expect(new Set(two.map((i) => i.promptId)).size, target).toBe(2)
      expect(new Set(two.map((i) => i.style)).size, target).toBe(2)
    }
  })
}

describe("holdout8: strong answers in the candidate's own words, tagged with what they show", () => {
  const items = loadStyled(HOLDOUT8_STYLES_DIR)
  styledShape(items, items)
  twoPerPrinciple(items)
})

describe("holdout5: strong answers in the candidate's own words", () => {
  const items = loadStyled(HOLDOUT5_STYLES_DIR)
  styledShape(items, items)
  twoPerPrinciple(items)
})

describe('holdout4', () => {
  describe('styled answers', () => {
    const items = loadStyled(HOLDOUT4_STYLES_DIR)
    styledShape(items, items)
    twoPerPrinciple(items)
  })

  describe('fix pairs written by following the first suggestion', () =>
    fixPairShape(loadFixPairs(HOLDOUT4_FIXES_DIR), {
      kinds: {
        'measurable-result': 5,
        ownership: 5,
        'principle-evidence': 15,
        'real-story': 3,
        reflection: 4,
        result: 4,
        specificity: 4,
        task: 5,
      },
      rubrics: 15,
    }))
})

/** The sixth and seventh held-out sets: 48 pairs each, the principle's evidence on twelve different rubrics. */
const EVERY_KIND = {
  kinds: {
    'measurable-result': 4,
    ownership: 6,
    'principle-evidence': 12,
    'real-story': 5,
    reflection: 5,
    result: 4,
    specificity: 6,
    task: 6,
  },
  rubrics: 12,
}

describe('holdout6: fix pairs of every kind, written by following the first matching suggestion', () =>
  fixPairShape(loadFixPairs(HOLDOUT6_FIXES_DIR), EVERY_KIND))

describe('holdout7: fix pairs of every kind, written against a later engine', () =>
  fixPairShape(loadFixPairs(HOLDOUT7_FIXES_DIR), EVERY_KIND))

describe('one sentence inserted inside a bullet line', () => {
  const before = '- It failed badly.\n- Lesson: ask early.'
  it('counts one whole sentence inserted as one change', () =>
    expect(insertsOneSentence(before, '- It failed badly. It cost two months.\n- Lesson: ask early.')).toBe(
      true,
    ))
  it('refuses two sentences, half a sentence, or a rewrite', () => {
    expect(
      insertsOneSentence(before, '- It failed badly. It cost two months. We lost.\n- Lesson: ask early.'),
    ).toBe(false)
    expect(insertsOneSentence(before, '- It failed very badly.\n- Lesson: ask early.')).toBe(false)
    expect(insertsOneSentence(before, '- It broke. It cost two months.\n- Lesson: ask early.')).toBe(false)
  })
})
