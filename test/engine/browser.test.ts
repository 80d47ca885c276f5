// The engine's promise across runtimes: the corpus scored in headless Chromium gives Node's reports byte for byte.

import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { score } from '../../engine/score'
import { storyReuse } from '../../engine/similarity'
import { storyFit, storyPlan } from '../../engine/story-fit'
import { CORPUS_DIR, HOLDOUT_DIR, loadCorpus } from '../fixtures/corpus'
import { launchChromium, SKIP_BROWSER } from '../support/chromium'
import { shippedRubrics } from './helpers'

const ENGINE_ENTRY = new URL('../../engine/score.ts', import.meta.url).pathname
const SIMILARITY_ENTRY = new URL('../../engine/similarity.ts', import.meta.url).pathname
const STORY_ENTRY = new URL('../../engine/story-fit.ts', import.meta.url).pathname

describe.skipIf(SKIP_BROWSER)('engine in the browser', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>
  let bundle: string

  beforeAll(async () => {
    // Bundle exactly what the client ships: the scorer, without zod or yaml.
    const out = await build({
      entryPoints: [ENGINE_ENTRY],
      bundle: true,
      format: 'iife',
      globalName: 'Starboard',
      platform: 'browser',
      target: 'es2022',
      write: false,
    })
    bundle = out.outputFiles[0]!.text
    chromium = await launchChromium()
  })

  afterAll(async () => {
    await chromium?.close()
  })

  it('finds the same story reuse as Node does, pair by pair', async () => {
    const out = await build({
      entryPoints: [SIMILARITY_ENTRY],
      bundle: true,
      format: 'iife',
      globalName: 'StarboardSimilarity',
      platform: 'browser',
      target: 'es2022',
      write: false,
    })
    const answers = loadCorpus(CORPUS_DIR)
      .slice(0, 40)
      .map((c, i) => ({ promptId: `${c.story}-${i}`, text: c.answer }))
    answers.push({ promptId: 'retold', text: answers[0]!.text.replace(/\bI\b/g, 'We') })
    const page = await chromium.context.newPage()
    await page.addScriptTag({ content: out.outputFiles[0]!.text })
    const inBrowser = await page.evaluate((a) => {
      const w = globalThis as unknown as { StarboardSimilarity: { storyReuse: (a: unknown) => unknown } }
      return JSON.stringify(w.StarboardSimilarity.storyReuse(a))
    }, answers)
    await page.close()
    const node = storyReuse(answers)
    expect(node.some((w) => w.promptIds[1] === 'retold')).toBe(true)
    expect(inBrowser).toBe(JSON.stringify(node))
  })

  it('bundles the scorer without the YAML parser or the rubric schema', () => {
    expect(bundle).toContain('function score(')
    expect(bundle).not.toMatch(/from "zod"|ZodError|LineCounter/)
    // The options schemas (their summaries and descriptions) are for loading rubrics, not for scoring.
    expect(bundle).not.toContain('strictObject')
    expect(bundle).not.toContain('Every STAR section is present')
    expect(bundle).not.toContain('Share of the words the Action should have at least')
    // Compiling and running are what each check kind ships.
    expect(bundle).toContain('Interviewers follow a story by its Situation')
  })

  it('scores every corpus answer exactly as Node does, with every shipped rubric kind', async () => {
    const rubrics = shippedRubrics()
    const pick = ['star-core', 'ownership', 'system-design', 'learning-from-failure', 'handling-conflict']
      .map((id) => rubrics.get(id))
      .filter((r) => r !== undefined)
    expect(pick.length).toBeGreaterThanOrEqual(1)
    const answers = [...loadCorpus(CORPUS_DIR), ...loadCorpus(HOLDOUT_DIR)].map((c) => c.answer)
    answers.push('', '🚀 I shipped it 40% faster.', 'עבדתי. I led it.', 'I fixed \ud800 it.')
    const jobs = answers.map((answer, i) => ({ answer, rubric: pick[i % pick.length]! }))

    const page = await chromium.context.newPage()
    await page.addScriptTag({ content: bundle })
    const inBrowser = await page.evaluate((js) => {
      const w = globalThis as unknown as {
        Starboard: { score: (a: string, r: unknown) => unknown }
      }
      return js.map((j) => JSON.stringify(w.Starboard.score(j.answer, j.rubric)))
    }, jobs)
    await page.close()

    expect(inBrowser).toHaveLength(jobs.length)
    let same = 0
    let probes = 0
    jobs.forEach((j, i) => {
      const report = score(j.answer, j.rubric)
      const node = JSON.stringify(report)
      expect(inBrowser[i], `answer ${i} with ${j.rubric.id}`).toBe(node)
      same++
      probes += report.probes.length
    })
    expect(same).toBeGreaterThanOrEqual(190)
    // The follow-up probes are part of what both runtimes agree on, byte for byte.
    expect(probes).toBeGreaterThan(100)
  })

  it('fits stories to every area rubric, and plans them, exactly as Node does', async () => {
    const out = await build({
      entryPoints: [STORY_ENTRY],
      bundle: true,
      format: 'iife',
      globalName: 'StarboardStories',
      platform: 'browser',
      target: 'es2022',
      write: false,
    })
    const rubrics = [...shippedRubrics().values()]
    const stories = [...loadCorpus(CORPUS_DIR), ...loadCorpus(HOLDOUT_DIR)]
      .filter((_, i) => i % 6 === 0)
      .map((c) => c.answer)
    stories.push('', '🚀 I shipped it 40% faster.')
    expect(stories.length).toBeGreaterThanOrEqual(20)
    const principles = rubrics.filter((r) => r.kind === 'leadership-principle').map((r) => r.id)

    const page = await chromium.context.newPage()
    await page.addScriptTag({ content: out.outputFiles[0]!.text })
    const inBrowser = await page.evaluate(
      ({ texts, rubricList, ids }) => {
        const w = globalThis as unknown as {
          StarboardStories: {
            storyFit: (t: string, r: unknown) => { rubricId: string; share: number }[]
            storyPlan: (s: unknown, p: string[]) => unknown
          }
        }
        const fits = texts.map((t) => w.StarboardStories.storyFit(t, rubricList))
        const plan = w.StarboardStories.storyPlan(
          fits.map((fit, i) => ({ id: i + 1, title: `story ${i + 1}`, fit })),
          ids,
        )
        return JSON.stringify({ fits, plan })
      },
      { texts: stories, rubricList: rubrics, ids: principles },
    )
    await page.close()

    const fits = stories.map((t) => storyFit(t, rubrics))
    const plan = storyPlan(
      fits.map((fit, i) => ({ id: i + 1, title: `story ${i + 1}`, fit })),
      principles,
    )
    expect(fits[0]!.length).toBe(rubrics.filter((r) => r.kind !== 'general').length)
    expect(inBrowser).toBe(JSON.stringify({ fits, plan }))
  })
})
