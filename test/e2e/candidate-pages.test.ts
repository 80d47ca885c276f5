// What a candidate sees on the other pages, end to end in Chromium: examples first on Rubrics, trends charts,
// an axe-core check of every page (light, dark and at 375 px), and the README screenshot.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRONG_ANSWER as STRONG } from './answers'
import { type Prompt, practicePrompt, storeAttempt, WEAK_ANSWER as WEAK } from './candidate-support'
import { axe, describeViolations, type E2E, ROOT, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('what a candidate sees on every page (e2e)')

describe.skipIf(SKIP_E2E)('what a candidate sees on every page (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let prompt: Prompt
  let weakId: number
  let strongId: number

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
    prompt = await practicePrompt(base)
    // A weak and a strong attempt, so History, Compare and Trends have something to show.
    weakId = await storeAttempt(base, prompt.id, WEAK)
    strongId = await storeAttempt(base, prompt.id, STRONG)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows the examples on Rubrics first, with file names and check ids lower down', async () => {
    await page.goto(`${base}/rubrics`)
    const item = page.locator('.rubric-item').first()
    await item.locator('summary').first().click()
    await item.getByTestId('model-answer').waitFor()
    // Instructors' details: in a closed part of each rubric, and the page's last section.
    const instructor = item.locator('.instructor-detail')
    expect(await instructor.locator('table').isVisible()).toBe(false)
    expect(await item.locator('summary').first().textContent()).not.toMatch(/\.yaml/)
    await instructor.locator('summary').click()
    await instructor.locator('table code').first().waitFor()
    const lastSection = await page.locator('main > section').last().getAttribute('aria-labelledby')
    expect(lastSection).toBe('instructors-title')
    await e2e.shot('rubrics-examples')
  })

  it('draws trends with whole-day ticks, at most eight series, colours for dark mode and singular labels', async () => {
    await page.goto(`${base}/trends`)
    const overall = page.getByTestId('chart-overall')
    await overall.locator('canvas').waitFor()
    const ticks = (await overall.getAttribute('data-ticks'))!.split(',').map(Number)
    expect(ticks.length).toBeGreaterThan(0)
    for (const t of ticks) expect(t % 86_400, `tick ${t} is on a whole day`).toBe(0)
    const criteria = page.getByTestId('chart-criteria')
    await criteria.locator('canvas').waitFor()
    const series = criteria.locator('.u-legend .u-series:not(:first-child)')
    expect(await series.count()).toBeLessThanOrEqual(8)
    expect(await series.count()).toBeGreaterThan(0)
    const colours = () =>
      criteria
        .locator('.u-legend .u-series:not(:first-child) .u-marker')
        .evaluateAll((els) =>
          els.map(
            (e) =>
              (
                globalThis as unknown as { getComputedStyle(e: unknown): { borderColor: string } }
              ).getComputedStyle(e).borderColor,
          ),
        )
    const light = await colours()
    expect(new Set(light).size, 'every shown series has its own colour').toBe(light.length)
    const more = page.getByRole('button', { name: /^Next \d+/ })
    if ((await more.count()) > 0) {
      const first = await series.first().textContent()
      await more.first().click()
      await expect.poll(() => series.first().textContent()).not.toBe(first)
      expect(await series.count()).toBeLessThanOrEqual(8)
      await page.getByRole('button', { name: /^Weakest/ }).click()
    }
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(colours).not.toEqual(light)
    await e2e.shot('trends-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    const options = await page.getByLabel('Area').locator('option').allTextContents()
    expect(options.some((o) => o.startsWith('Competency: '))).toBe(true)
    expect(options.filter((o) => /Competencie|Leadership Principles:|Themes:/.test(o))).toEqual([])
    expect(options).toContain('Leadership Principle: Ownership')

    // A draft rubric is not an area a candidate practises, so it is not offered as a filter.
    await page.route('**/api/rubrics', async (route) => {
      const res = await route.fetch()
      const body = (await res.json()) as { rubrics: { id: string; draft?: true }[] }
      await route.fulfill({
        json: { rubrics: body.rubrics.map((r) => (r.id === 'ownership' ? { ...r, draft: true } : r)) },
      })
    })
    await page.reload()
    await page.getByTestId('chart-overall').locator('canvas').waitFor()
    const withDraft = await page.getByLabel('Area').locator('option').allTextContents()
    expect(withDraft.length).toBe(options.length - 1)
    expect(withDraft).not.toContain('Leadership Principle: Ownership')
    await page.unroute('**/api/rubrics')
  })

  it('passes axe-core with one h1 on every page, light, dark and at 375 px', async () => {
    const pages: [string, string, ((p: Page) => Promise<void>)?][] = [
      ['practice', '/practice', (p) => p.locator('.prompt-card').first().waitFor()],
      [
        'practice-prompt',
        `/practice/${prompt.id}`,
        async (p) => {
          await p.getByTestId('answer').fill(STRONG)
          await p.locator('.feedback [data-testid="next-step"]').waitFor()
        },
      ],
      ['attempt', `/attempts/${weakId}`, (p) => p.getByTestId('model-answer').waitFor()],
      ['attempt-missing', '/attempts/999999', (p) => p.getByTestId('not-found').waitFor()],
      ['prompt-missing', '/practice/no-such-prompt', (p) => p.getByText('No such question.').waitFor()],
      ['history', '/history', (p) => p.locator('tr[data-attempt-id]').first().waitFor()],
      [
        'compare',
        `/compare/${weakId}/${strongId}`,
        (p) => p.locator('table.diff tbody tr').first().waitFor(),
      ],
      ['trends', '/trends', (p) => p.getByTestId('chart-criteria').locator('canvas').waitFor()],
      [
        'rubrics',
        '/rubrics',
        async (p) => {
          await p.locator('.rubric-item summary').first().click()
          await p.getByTestId('model-answer').first().waitFor()
        },
      ],
      ['not-found', '/no-such-page', (p) => p.getByRole('heading', { name: 'Page not found' }).waitFor()],
    ]
    const modes = [
      { name: '1366', width: 1366, scheme: 'light' },
      { name: '1366-dark', width: 1366, scheme: 'dark' },
      { name: '375', width: 375, scheme: 'light' },
      { name: '375-dark', width: 375, scheme: 'dark' },
    ] as const
    const problems: string[] = []
    e2e.expectErrors(true) // the missing attempt and prompt answer 404
    // The check itself finds a violation when there is one: an image without a text alternative.
    await page.goto(`${base}/no-such-page`)
    await page.locator('main h1').waitFor()
    await page.evaluate(
      `document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/no-such-image.png' }))`,
    )
    expect((await axe(page)).map((v) => v.id)).toContain('image-alt')
    for (const mode of modes) {
      await page.setViewportSize({ width: mode.width, height: 900 })
      await page.emulateMedia({ colorScheme: mode.scheme })
      for (const [name, path, ready] of pages) {
        await page.goto(base + path)
        await page.locator('main h1').first().waitFor()
        await ready?.(page)
        expect(await page.locator('h1').count(), `${path}: exactly one h1`).toBe(1)
        const violations = await axe(page)
        if (violations.length > 0)
          problems.push(`${path} at ${mode.name}:\n${describeViolations(violations)}`)
        await e2e.shot(`page-${name}-${mode.name}`)
      }
    }
    e2e.expectErrors(false)
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    expect(problems.join('\n\n')).toBe('')
  }, 300_000)

  it('keeps the README screenshot of the Practice page (STARBOARD_DOCS_SCREENSHOT=1 updates it)', async () => {
    const file = join(ROOT, 'docs', 'practice.png')
    if (process.env.STARBOARD_DOCS_SCREENSHOT === '1') {
      await page.setViewportSize({ width: 1366, height: 900 })
      await page.goto(`${base}/practice/${prompt.id}`)
      await page.getByTestId('answer').fill(STRONG)
      await page.locator('.feedback [data-testid="next-step"]').waitFor()
      await page.locator('.preview [data-star="result"]').first().waitFor()
      await page.evaluate('document.activeElement.blur()')
      await page.screenshot({ path: file })
      await page.getByTestId('answer').fill('')
    }
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.readUInt32BE(16), 'width').toBe(1366)
  })

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([])
  })
})
