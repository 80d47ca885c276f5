// The story bank in Chromium: write a story, see its matrix and the plan, keep versions, practise a prompt with it,
// delete it; at 1366 and 375 px, light and dark, with axe-core on every view.

import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECOND_ANSWER, STRONG_ANSWER } from './answers'
import {
  axe,
  describeViolations,
  type E2E,
  ROOT,
  requireBrowser,
  SKIP_E2E,
  showAt,
  startE2E,
  VIEWS,
} from './harness'

requireBrowser('story bank (e2e)')

describe.skipIf(SKIP_E2E)('story bank (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let storyId: number
  let practiceUrl: string

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  afterAll(async () => {
    await e2e?.close()
  })

  /** The matrix's cells of one story row, as shares in column order, and the column areas. */
  async function matrixRow(title: string): Promise<{ areas: string[]; shares: number[] }> {
    const table = page.getByTestId('story-matrix')
    const areas = await table
      .locator('thead th[data-area]')
      .evaluateAll((ths) => ths.map((th) => (th as unknown as { dataset: { area: string } }).dataset.area))
    const row = table.locator('tbody tr', { hasText: title })
    const cells = await row.locator('td').allTextContents()
    return { areas, shares: cells.map((c) => Number.parseInt(c, 10)) }
  }

  it('starts empty: no stories, and every principle a gap in the plan', async () => {
    await page.goto(`${base}/stories`)
    await page.getByText('No stories yet.').waitFor()
    const plan = page.getByTestId('story-plan')
    await plan.waitFor()
    await plan.getByText('0 of 16').waitFor()
    expect(await plan.locator('li.plan-gap').count()).toBe(16)
  })

  it('refuses an empty story, beside its field', async () => {
    await page.getByTestId('new-story-title').fill('Nameless')
    await page.getByTestId('new-story-save').click()
    await page.getByText('Write the story before saving it.').waitFor()
    expect(await page.getByTestId('new-story-text').getAttribute('aria-invalid')).toBe('true')
  })

  it('adds a story and shows its matrix, best-fitting principles first, and the plan', async () => {
    await page.getByTestId('new-story-title').fill('Checkout retry storm')
    await page.getByTestId('new-story-text').fill(STRONG_ANSWER)
    await page.getByTestId('new-story-save').click()
    await page.waitForURL(/\/stories\/\d+$/)
    storyId = Number(/\/stories\/(\d+)$/.exec(page.url())![1])
    await page.getByTestId('story-detail').getByRole('heading', { name: 'Checkout retry storm' }).waitFor()

    await page.getByTestId('story-matrix').locator('tbody tr', { hasText: 'Checkout retry storm' }).waitFor()
    const { areas, shares } = await matrixRow('Checkout retry storm')
    // Every Leadership Principle is a column, the best fit first: shares never rise from left to right.
    expect(areas).toHaveLength(16)
    expect(shares).toHaveLength(16)
    expect(shares[0]!).toBeGreaterThan(0)
    for (let i = 1; i < shares.length; i++) expect(shares[i]!).toBeLessThanOrEqual(shares[i - 1]!)
    // The same numbers the API answers.
    const api = (await (await fetch(`${base}/api/stories/${storyId}`)).json()) as {
      fit: { rubricId: string; share: number }[]
    }
    const byArea = new Map(api.fit.map((f) => [f.rubricId, Math.round(f.share * 100)]))
    expect(shares).toEqual(areas.map((a) => byArea.get(a)))

    // Competencies are a choice away.
    await page.getByLabel('Areas').selectOption('competency')
    await expect.poll(async () => (await matrixRow('Checkout retry storm')).areas.length).toBeGreaterThan(0)
    expect((await matrixRow('Checkout retry storm')).areas).not.toContain(areas[0])
    await page.getByLabel('Areas').selectOption('leadership-principle')

    // The plan places the story under the principles it fits, and still shows gaps.
    const plan = page.getByTestId('story-plan')
    const placed = api.fit.filter((f) => f.share >= 0.5).length
    expect(placed).toBeGreaterThan(0)
    await expect
      .poll(() => plan.locator('li', { hasText: 'Checkout retry storm' }).count())
      .toBeGreaterThan(0)
    expect(await plan.locator('li.plan-gap').count()).toBe(16)
    await e2e.shot('stories-matrix-1366')
  })

  it('keeps every version of a story', async () => {
    const detail = page.getByTestId('story-detail')
    await page
      .getByTestId('edit-story-text')
      .fill(`${STRONG_ANSWER}\nI volunteered to own the retry library afterwards.`)
    await page.getByTestId('edit-story-save').click()
    await detail.getByText('Saved as version 2.').waitFor()
    await expect.poll(() => page.getByTestId('story-versions').locator('li').count()).toBe(2)
    await page.getByTestId('story-matrix').locator('tbody tr', { hasText: 'v2' }).waitFor()
    // A second story joins the matrix.
    await page.getByTestId('new-story-title').fill('Review queue')
    await page.getByTestId('new-story-text').fill(SECOND_ANSWER)
    await page.getByTestId('new-story-save').click()
    await page.getByTestId('story-detail').getByRole('heading', { name: 'Review queue' }).waitFor()
    await expect.poll(() => page.getByTestId('story-matrix').locator('tbody tr').count()).toBe(2)
    await page.goto(`${base}/stories/${storyId}`)
    await page.getByTestId('story-versions').locator('li').nth(1).waitFor()
    await e2e.shot('stories-versions-1366')
  })

  it('practises a prompt with the story: Practice opens with the story as the draft', async () => {
    const select = page.getByTestId('story-prompt')
    await select.locator('option').first().waitFor({ state: 'attached' })
    const promptId = await select.inputValue()
    expect(promptId).not.toBe('')
    await page.getByTestId('story-practise').click()
    await page.waitForURL(new RegExp(`/practice/${promptId}\\?story=${storyId}$`))
    practiceUrl = page.url()
    const answer = page.getByTestId('answer')
    await expect
      .poll(() => answer.inputValue())
      .toContain('I volunteered to own the retry library afterwards.')
    await page.getByTestId('story-note').getByText('Checkout retry storm').waitFor()
    await e2e.shot('stories-practise-1366')
  })

  it('is accessible and fits 375 px, light and dark', async () => {
    const problems: string[] = []
    for (const [width, scheme] of VIEWS) {
      await showAt(page, width, scheme)
      for (const path of ['/stories', `/stories/${storyId}`]) {
        await page.goto(base + path)
        await page.getByTestId('story-plan').waitFor()
        if (path !== '/stories') await page.getByTestId('story-detail').waitFor()
        await page.waitForLoadState('networkidle')
        expect(await page.locator('h1').count(), `${path}: exactly one h1`).toBe(1)
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        )
        expect(overflow, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0)
        const violations = await axe(page)
        if (violations.length > 0)
          problems.push(`${path} ${width} ${scheme}:\n${describeViolations(violations)}`)
      }
      await e2e.shot(`stories-${width}-${scheme}`)
      // The matrix and the plan on their own, to look at closely.
      await page.goto(`${base}/stories`)
      await page.getByTestId('story-plan').waitFor()
      await page.locator('.story-matrix-card').screenshot({
        path: join(ROOT, 'test-output', 'screenshots', `stories-matrix-${width}-${scheme}.png`),
      })
      await page
        .getByTestId('story-plan')
        .screenshot({ path: join(ROOT, 'test-output', 'screenshots', `stories-plan-${width}-${scheme}.png`) })
    }
    expect(problems.join('\n\n')).toBe('')
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
  }, 300_000)

  it('at 375 px: adds a story, shows its matrix and the plan, and practises with it', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${base}/stories`)
    await page.getByTestId('new-story-title').fill('Pager handover')
    await page
      .getByTestId('new-story-text')
      .fill(
        'Situation: In 2024 nobody owned our pager rota. Task: I volunteered to fix it. Action: I wrote a runbook, ' +
          'I set up the rota and I handed it over to the platform team. Result: Pages fell by 60% in a month.',
      )
    await page.getByTestId('new-story-save').click()
    await page.waitForURL(/\/stories\/\d+$/)
    const row = page.getByTestId('story-matrix').locator('tbody tr', { hasText: 'Pager handover' })
    await row.waitFor()
    expect(await row.locator('td').count()).toBe(16)
    await page.getByTestId('story-plan').waitFor()
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
    expect(overflow).toBeLessThanOrEqual(0)
    await e2e.shot('stories-added-375')
    await page.getByTestId('story-practise').click()
    await page.waitForURL(/\/practice\/[^?]+\?story=\d+$/)
    await expect.poll(() => page.getByTestId('answer').inputValue()).toContain('nobody owned our pager rota')
    await page.getByTestId('story-note').getByText('Pager handover').waitFor()
    await e2e.shot('stories-practise-375')
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  it('a deleted story is said to be deleted, on its page and on Practice', async () => {
    await page.goto(`${base}/stories/${storyId}`)
    await page.getByTestId('story-delete').click()
    await page.getByTestId('story-delete-confirm').click()
    await page.waitForURL(/\/stories$/)
    await expect.poll(() => page.getByTestId('story-matrix').locator('tbody tr').count()).toBe(2)
    expect(
      await page.getByTestId('story-matrix').locator('tbody tr', { hasText: 'Checkout retry storm' }).count(),
    ).toBe(0)

    // The browser logs the 410 answers as console errors: expected here.
    e2e.expectErrors(true)
    await page.goto(`${base}/stories/${storyId}`)
    const missing = page.getByTestId('story-missing')
    await missing.getByText('This story was deleted.').waitFor()
    await missing.getByText(`Story ${storyId} ("Checkout retry storm") was deleted on`).waitFor()
    await page.goto(practiceUrl)
    const note = page.getByTestId('story-note')
    await note.getByText(`Story ${storyId} ("Checkout retry storm") was deleted on`).waitFor()
    expect(await note.getAttribute('role')).toBe('alert')
    await e2e.shot('stories-deleted-practice')
    await page.goto(`${base}/stories/99999`)
    await page.getByTestId('story-missing').getByText('No such story.').waitFor()
    e2e.expectErrors(false)
    const violations = await axe(page)
    expect(describeViolations(violations)).toBe('')
  })

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([])
  })
})
