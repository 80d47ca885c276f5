// The Practice layout in Chromium: on a wide screen the score, the next step and the live STAR preview sit beside
// the answer and stay in view while typing; at 375 px they stack below it with the score pinned; light and dark;
// and axe-core finds nothing on Practice and Attempt, light, dark and 375 px, with the new layout.

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRONG_ANSWER } from './answers'
import { axe, describeViolations, type E2E, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('the Practice layout (e2e)')

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox()
  if (found === null) throw new Error(`${selector} is not rendered`)
  return found
}

/** Two boxes overlap vertically: they sit side by side rather than one above the other. */
const overlapsVertically = (a: Box, b: Box) => a.y < b.y + b.height && b.y < a.y + a.height

describe.skipIf(SKIP_E2E)('the Practice layout (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let promptId: string

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
    const list = (await (await fetch(`${base}/api/prompts`)).json()) as {
      prompts: { id: string; rubricId: string }[]
    }
    promptId = (list.prompts.find((p) => p.rubricId === 'ownership') ?? list.prompts[0]!).id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  /** Opens the prompt at `width`, types the strong answer and waits for its highlighted preview and next step. */
  async function typed(width: number, theme: 'light' | 'dark') {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 768 })
    await page.emulateMedia({ colorScheme: theme })
    await page.goto(`${base}/practice/${promptId}`)
    await page.getByTestId('answer').fill(STRONG_ANSWER)
    await page.locator('.preview [data-star="result"]').first().waitFor()
    await page.locator('.feedback [data-testid="next-step"]').waitFor()
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`puts the preview, the score and the next step beside the answer at 1366 px (${theme})`, async () => {
      await typed(1366, theme)
      const answer = await box(page, '[data-testid="answer"]')
      const preview = await box(page, '[data-testid="live-preview"]')
      const score = await box(page, '.feedback .score-badge')
      const next = await box(page, '.feedback [data-testid="next-step"]')
      // Side by side: the preview starts right of the answer field, at the same height on the page.
      expect(preview.x).toBeGreaterThanOrEqual(answer.x + answer.width)
      expect(overlapsVertically(answer, preview), JSON.stringify({ answer, preview })).toBe(true)
      // The score and the next step lead the same column, above the preview; the other details follow it.
      for (const b of [score, next]) {
        expect(b.x).toBeGreaterThanOrEqual(answer.x + answer.width)
        expect(b.y + b.height).toBeLessThanOrEqual(preview.y)
      }
      const details = await box(page, '.feedback .criteria')
      expect(details.x).toBeGreaterThanOrEqual(answer.x + answer.width)
      expect(details.y).toBeGreaterThanOrEqual(preview.y + preview.height)
      // The two columns share the width: the preview is no narrow sidebar.
      expect(preview.width).toBeGreaterThan(answer.width * 0.8)

      // While typing with the field at the top of the screen, the preview, the score and the next step are in view.
      await page.getByTestId('answer').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.keyboard.press('End')
      await page.keyboard.type(' It worked.')
      await page.waitForFunction('window.scrollY > 0')
      for (const selector of [
        '.feedback [data-testid="score"]',
        '.feedback [data-testid="next-step"]',
        '[data-testid="live-preview"]',
      ]) {
        const b = await box(page, selector)
        expect(b.y, selector).toBeGreaterThanOrEqual(0)
        expect(b.y + b.height, selector).toBeLessThanOrEqual(768)
      }
      // Dark mode reaches the new column: its panels take the dark surface, not the light one.
      const background = (await page.getByTestId('live-preview').evaluate((el) =>
        (
          el.ownerDocument.defaultView as unknown as {
            getComputedStyle(e: unknown): { backgroundColor: string }
          }
        )
          .getComputedStyle(el)
          .backgroundColor.match(/\d+/g)!
          .slice(0, 3)
          .map(Number),
      )) as number[]
      const brightness = background.reduce((s, c) => s + c, 0) / 3
      if (theme === 'dark') expect(brightness).toBeLessThan(80)
      else expect(brightness).toBeGreaterThan(200)
      expect(e2e.pageErrors).toEqual([])
    })
  }

  it('stacks the score, the preview and the feedback below the answer at 375 px, with the score pinned', async () => {
    await typed(375, 'light')
    const answer = await box(page, '[data-testid="answer"]')
    const headline = await box(page, '.feedback [data-testid="next-step"]')
    const preview = await box(page, '[data-testid="live-preview"]')
    const details = await box(page, '.feedback .criteria')
    expect(headline.y).toBeGreaterThanOrEqual(answer.y + answer.height)
    expect(preview.y).toBeGreaterThanOrEqual(headline.y + headline.height)
    expect(details.y).toBeGreaterThanOrEqual(preview.y + preview.height)
    // One column: the preview starts at the left edge of the answer and no box is wider than the screen.
    expect(Math.abs(preview.x - answer.x)).toBeLessThan(2)
    for (const b of [headline, preview, details]) {
      expect(b.x).toBeGreaterThanOrEqual(answer.x - 1)
      expect(b.x + b.width).toBeLessThanOrEqual(375)
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375)
    // The score and the next step stay pinned next to the text box.
    const pinned = page.getByTestId('pinned-summary')
    expect(await pinned.isVisible()).toBe(true)
    expect(await pinned.textContent()).toMatch(/\d+\/100/)
    expect(e2e.pageErrors).toEqual([])
  })

  it('axe-core finds no violations on Practice (typed) and Attempt, light, dark and 375 px', async () => {
    const res = await fetch(`${base}/api/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ promptId, answer: STRONG_ANSWER }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: number }
    const problems: string[] = []
    for (const [width, theme] of [
      [1366, 'light'],
      [1366, 'dark'],
      [375, 'light'],
      [375, 'dark'],
    ] as const) {
      await typed(width, theme)
      const practice = await axe(page)
      if (practice.length > 0) problems.push(`practice ${width} ${theme}\n${describeViolations(practice)}`)
      await page.goto(`${base}/attempts/${id}`)
      await page.locator('.feedback .criteria').waitFor()
      await page.getByTestId('model-answer').waitFor()
      const attempt = await axe(page)
      if (attempt.length > 0) problems.push(`attempt ${width} ${theme}\n${describeViolations(attempt)}`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    expect(problems.join('\n\n')).toBe('')
  }, 240_000)
})
