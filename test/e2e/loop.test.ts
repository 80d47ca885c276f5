// The mock loop in Chromium: start with a pinned principle, answer four questions (one probe answered, one story
// told twice), resume after a reload, read the debrief and export it; at 1366 and 375 px, light and dark, with axe.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { SECOND_ANSWER, STRONG_ANSWER } from './answers'
import { axe, describeViolations, type E2E, ROOT, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('mock loop (e2e)')

const corpusStories = [
  ...new Map(
    loadCorpus(CORPUS_DIR)
      .filter((c) => c.variant === 'strong')
      .map((c) => [c.story, c.answer]),
  ).values(),
]
/** Question 3 retells question 1's story in other framing: the debrief must flag it. */
const RETOLD = `Looking back, this is the example I always come back to. ${STRONG_ANSWER.replace('Last spring', 'Two years ago')}`
const ANSWERS = [STRONG_ANSWER, SECOND_ANSWER, RETOLD, corpusStories[0]!]
const PROBE_ANSWER =
  'Looking back, I learned to check retry behaviour first; next time I would add the circuit breaker before the sale, not during it.'

const MODES = [
  { width: 1366, scheme: 'light' },
  { width: 1366, scheme: 'dark' },
  { width: 375, scheme: 'light' },
  { width: 375, scheme: 'dark' },
] as const

describe.skipIf(SKIP_E2E)('mock loop (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  /** Zero axe violations and no sideways scrolling in every mode; a screenshot of each. */
  async function checkEveryMode(name: string) {
    const problems: string[] = []
    for (const mode of MODES) {
      await page.setViewportSize({ width: mode.width, height: 900 })
      await page.emulateMedia({ colorScheme: mode.scheme })
      const violations = await axe(page)
      if (violations.length > 0)
        problems.push(`${name} ${mode.width} ${mode.scheme}:\n${describeViolations(violations)}`)
      // Browser code as a string: this file is type-checked without the DOM library.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow, `${name} scrolls sideways at ${mode.width} px`).toBeLessThanOrEqual(0)
      await e2e.shot(`loop-${name}-${mode.width}-${mode.scheme}`)
    }
    expect(problems.join('\n\n')).toBe('')
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
  }

  it('runs a full four-question loop with a probe round, resumes after a reload, and debriefs', async () => {
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto(`${base}/loop`)
    await page.getByRole('heading', { name: 'Mock loop', level: 1 }).waitFor()
    await page.getByRole('checkbox', { name: 'Ownership' }).waitFor()
    await checkEveryMode('start')
    expect(await page.getByTestId('loop-size').inputValue()).toBe('4')
    await page.getByRole('checkbox', { name: 'Ownership' }).check()
    await page.getByTestId('loop-start').click()
    await page.waitForURL(/\/loop\/\d+$/)
    const loopId = Number(/\/loop\/(\d+)$/.exec(page.url())![1])

    for (let i = 0; i < 4; i++) {
      const question = page.getByTestId('loop-question')
      await question.waitFor()
      await expect.poll(() => page.locator('.loop-progress li.current').count()).toBe(1)
      expect(await page.locator('.eyebrow').first().textContent()).toContain(`question ${i + 1} of 4`)
      if (i === 0) expect(await question.textContent()).toMatch(/Ownership/)
      // A visible timer that runs, and the spoken target beside it.
      await expect.poll(() => page.getByTestId('loop-timer').textContent()).not.toBe('0:00')
      expect(await page.getByTestId('loop-target').textContent()).toContain('2–3 minutes')
      await page.getByTestId('loop-answer').fill(ANSWERS[i]!)
      if (i === 1) {
        // A reload mid-loop comes back to the same question, with the draft kept and the clock still running
        // from when the question was first shown, not from 0:00.
        const seconds = async () => {
          const [m, s] = ((await page.getByTestId('loop-timer').textContent()) ?? '').split(':').map(Number)
          return (m ?? 0) * 60 + (s ?? 0)
        }
        await expect.poll(seconds).toBeGreaterThanOrEqual(2)
        const before = await seconds()
        await page.reload()
        await page.getByTestId('loop-question').waitFor()
        expect(await seconds()).toBeGreaterThanOrEqual(before)
        expect(await page.getByTestId('loop-answer').inputValue()).toBe(ANSWERS[1])
        expect(await page.locator('.eyebrow').first().textContent()).toContain('question 2 of 4')
      }
      if (i === 0) await checkEveryMode('question')
      await page.getByTestId('loop-done').click()
      await page.getByRole('heading', { name: 'Follow-up round' }).waitFor()
      const probes = page.getByTestId('probe')
      if (i === 0) {
        expect(await probes.count()).toBeGreaterThan(0)
        expect(await probes.count()).toBeLessThanOrEqual(3)
        expect(await probes.first().locator('.probe-question').textContent()).toMatch(/\?/)
        await probes.first().getByTestId('probe-open').click()
        await probes.first().getByTestId('probe-answer').fill(PROBE_ANSWER)
        await probes.first().getByTestId('probe-submit').click()
        await page.getByTestId('follow-up-ready').waitFor()
        await checkEveryMode('probe')
      }
      await page.getByTestId('loop-submit').click()
      if (i < 3) {
        await expect
          .poll(() => page.locator('.eyebrow').first().textContent())
          .toContain(`question ${i + 2} of 4`)
      }
    }

    const debrief = page.getByTestId('loop-debrief')
    await debrief.waitFor()
    // The story told twice is flagged, naming the threshold.
    const reused = page.getByTestId('story-reused')
    expect(await reused.count()).toBe(1)
    expect(await reused.textContent()).toMatch(/similarity 0\.\d+, flagged from 0\.2/)
    // The probe and its answer are in the debrief, with four questions and four verdicts.
    expect(await debrief.getByTestId('follow-ups').textContent()).toContain(PROBE_ANSWER)
    expect(await page.locator('.debrief-questions > li').count()).toBe(4)
    expect(await page.locator('.debrief-principles tbody tr').count()).toBe(4)
    // Each verdict follows the band beside it, and the page says how.
    const verdictOf: Record<string, string> = {
      Strong: 'Meets the bar',
      Developing: 'Not yet at the bar',
      'Needs work': 'Below the bar',
    }
    const principleRows = await page
      .locator('.debrief-principles tbody tr')
      .evaluateAll((els) =>
        els.map((e) =>
          ['th', '.principle-score', '.principle-band', '.verdict'].map(
            (c) => e.querySelector(c)?.textContent ?? '',
          ),
        ),
      )
    expect(principleRows).toHaveLength(4)
    for (const [, , band, verdict] of principleRows) expect(verdict).toBe(verdictOf[band!])
    expect(await page.getByTestId('verdict-rule').textContent()).toBe(
      'Each verdict follows the band of the principle’s score under its rubric: Strong meets the bar, Developing ' +
        'is not yet at the bar, Needs work is below the bar.',
    )
    // The STAR balance counts every word: with Other, the shares add up to 100%.
    for (const balance of await page.locator('.star-balance').allTextContents()) {
      expect(balance).toMatch(/· Other \d+%$/)
      expect([...balance.matchAll(/(\d+)%/g)].reduce((sum, m) => sum + Number(m[1]), 0)).toBe(100)
    }
    await checkEveryMode('debrief')

    // The export is the Markdown debrief.
    const href = await page.getByTestId('debrief-export').getAttribute('href')
    const md = await (await fetch(base + href)).text()
    expect(md).toContain(`# Mock loop ${loopId} — debrief`)
    expect(md).toContain('**Story reused:**')
    expect(md).toContain(PROBE_ANSWER.slice(0, 40))
    // The same scores, bands, verdicts and rule as the page.
    for (const cells of principleRows) expect(md).toContain(`| ${cells.join(' | ')} |`)
    expect(md).toContain(await page.getByTestId('verdict-rule').textContent())
    mkdirSync(join(ROOT, 'test-output'), { recursive: true })
    writeFileSync(join(ROOT, 'test-output', 'loop-debrief.md'), md)

    // The loop is listed as done, and its first attempt shows the follow-up and what it added.
    await page.goto(`${base}/loop`)
    await page.getByRole('link', { name: `Loop ${loopId} debrief` }).waitFor()
    await page.goto(`${base}/loop/${loopId}`)
    await debrief.waitFor()
    await page.locator('.debrief-questions > li a').first().click()
    await page.getByTestId('follow-ups').waitFor()
    expect(await page.getByTestId('follow-up-gain').textContent()).toMatch(
      /^The follow-up (added|cost|did not)/,
    )
    expect(e2e.pageErrors).toEqual([])
  })

  it('answers a probe on the Attempt page after submitting in Practice', async () => {
    const prompts = (await (await fetch(`${base}/api/prompts?rubricId=ownership`)).json()) as {
      prompts: { id: string }[]
    }
    await page.goto(`${base}/practice/${prompts.prompts[0]!.id}`)
    await page.getByTestId('answer').fill(SECOND_ANSWER.replace(/Result:.*$/s, 'Result: It went well.'))
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    const before = Number(
      await page
        .getByTestId('score')
        .first()
        .textContent()
        .then((t) => /\d+/.exec(t ?? '')?.[0]),
    )
    const probe = page.getByTestId('probe').first()
    await probe.waitFor()
    await probe.getByTestId('probe-open').click()
    await probe.getByTestId('probe-submit').click()
    // Empty text is refused with a message at the field.
    await probe.getByRole('alert').waitFor()
    await probe
      .getByTestId('probe-answer')
      .fill(
        'Review time dropped from 3 days to 6 hours, 75% faster, and we shipped four releases on time in a row.',
      )
    await probe.getByTestId('probe-submit').click()
    await page.getByTestId('follow-up-gain').waitFor()
    expect(await page.getByTestId('follow-ups').textContent()).toContain('75% faster')
    const after = Number(
      await page
        .getByTestId('score')
        .first()
        .textContent()
        .then((t) => /\d+/.exec(t ?? '')?.[0]),
    )
    expect(after).toBeGreaterThanOrEqual(before)
    await checkEveryMode('attempt-follow-up')

    // A second follow-up shows its own gain, not what the two added together; a reload shows the same.
    const second = page.getByTestId('probe').first()
    await second.getByTestId('probe-open').click()
    await second
      .getByTestId('probe-answer')
      .fill(
        'Looking back, I learned to agree the review checklist first; next time I would write it down before the first review.',
      )
    await second.getByTestId('probe-submit').click()
    const gains = page.getByTestId('follow-up-gain')
    await gains.nth(1).waitFor()
    const final = Number(
      await page
        .getByTestId('score')
        .first()
        .textContent()
        .then((t) => /\d+/.exec(t ?? '')?.[0]),
    )
    const shown = async () => (await gains.allTextContents()).map(gainOf)
    expect(await shown()).toEqual([after - before, final - after])
    for (const text of await gains.allTextContents()) expect(text).toContain('A follow-up only adds')
    await page.reload()
    await gains.nth(1).waitFor()
    expect(await shown()).toEqual([after - before, final - after])
    expect(e2e.pageErrors).toEqual([])
  })

  it('shows the follow-up stored when the Attempt page sends again one whose answer was lost', async () => {
    const prompts = (await (await fetch(`${base}/api/prompts?rubricId=ownership`)).json()) as {
      prompts: { id: string }[]
    }
    const created = await fetch(`${base}/api/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        promptId: prompts.prompts[0]!.id,
        answer: SECOND_ANSWER.replace(/Result:.*$/s, 'Result: It went well.'),
      }),
    })
    const { id } = (await created.json()) as { id: number }
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto(`${base}/attempts/${id}`)
    const probe = page.getByTestId('probe').first()
    await probe.waitFor()
    const question = await probe.locator('.probe-question').textContent()
    await probe.getByTestId('probe-open').click()
    const text = 'Review time dropped from 4 days to 5 hours, and we shipped three releases on time in a row.'
    await probe.getByTestId('probe-answer').fill(text)
    // The follow-up reaches the server and is stored; the answer on the way back is lost.
    const lose = `**/api/attempts/${id}/follow-ups`
    await page.route(lose, async (r) => {
      await r.fetch()
      await r.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'The connection was lost' }),
      })
    })
    e2e.expectErrors(true)
    await probe.getByTestId('probe-submit').click()
    await probe.getByRole('alert').filter({ hasText: 'The connection was lost' }).waitFor()
    await page.unroute(lose)
    expect(await page.getByTestId('follow-ups').count()).toBe(0)
    // Sent again it is answered already: the page reads the attempt and shows the follow-up stored, no error.
    await probe.getByTestId('probe-submit').click()
    const list = page.getByTestId('follow-ups')
    await list.waitFor()
    e2e.expectErrors(false)
    expect(await list.textContent()).toContain(text)
    expect(await list.textContent()).toContain(question!.replace(/[“”]/g, ''))
    // What it added is read from the attempt's history, as after a reload.
    expect(await list.getByTestId('follow-up-gain').textContent()).toMatch(/^The follow-up (added|did not)/)
    expect(await page.getByRole('alert').count()).toBe(0)
    const stored = (await (await fetch(`${base}/api/attempts/${id}`)).json()) as {
      score: number
      followUps: { answer: string }[]
    }
    expect(stored.followUps.map((f) => f.answer)).toEqual([text])
    // The score shown is the stored one, with the follow-up.
    expect(await page.getByTestId('score').first().textContent()).toContain(String(stored.score))
    expect(e2e.pageErrors).toEqual([])
  })
})

/** The points a follow-up's gain line says it added (negative for a cost). */
function gainOf(text: string): number {
  const m = /^The follow-up (added|cost) (\d+) point/.exec(text)
  if (m) return m[1] === 'added' ? Number(m[2]) : -Number(m[2])
  expect(text).toMatch(/^The follow-up did not change the total/)
  return 0
}
