// Keystroke-to-repaint latency in Debian Chromium (playwright-core) for a 400-word answer, against the real
// server on a temp database.

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { longAnswer } from './answers'
import { type E2E, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('browser UI (e2e): typing latency')

describe.skipIf(SKIP_E2E)('browser UI (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let pageErrors: string[] = []
  let promptB: string

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base, pageErrors } = e2e)
    const prompts = (await (await fetch(`${base}/api/prompts`)).json()) as { prompts: { id: string }[] }
    expect(prompts.prompts.length).toBeGreaterThan(1)
    promptB = prompts.prompts[1]!.id
  })

  afterAll(async () => {
    try {
      // The page raised no errors while it was measured.
      expect(pageErrors).toEqual([])
    } finally {
      await e2e?.close()
    }
  })

  it('measures keystroke to repaint for a 400-word answer', async () => {
    await page.goto(`${base}/practice/${promptB}`)
    const answer = page.getByTestId('answer')
    await answer.fill(longAnswer(410))
    await page.locator('[data-star]').first().waitFor()
    await answer.focus()
    await page.keyboard.press('End')
    // keydown → the first task after the next frame: the DOM update, style, layout and paint are done.
    // input → the next frame's start isolates the app's own work (re-score and re-render).
    await page.evaluate(`(() => {
      window.__frames = []
      window.__app = []
      const el = document.querySelector('[data-testid="answer"]')
      el.addEventListener('input', () => performance.mark('input'), { capture: true })
      el.addEventListener('keydown', () => {
        performance.mark('key')
        requestAnimationFrame(() => {
          window.__app.push(performance.measure('input-to-frame', 'input').duration)
          const ch = new MessageChannel()
          ch.port1.onmessage = () => {
            performance.mark('painted')
            window.__frames.push(performance.measure('keystroke-to-repaint', 'key', 'painted').duration)
          }
          ch.port2.postMessage(0)
        })
      }, { capture: true })
    })()`)
    const text = ' and then I measured the latency of it again, twice over'
    for (const ch of text) {
      await page.keyboard.type(ch)
      await page.waitForTimeout(30)
    }
    const frames = await page.evaluate<number[]>('window.__frames')
    const app = (await page.evaluate<number[]>('window.__app')).sort((a, b) => a - b)
    expect(frames.length).toBe(text.length)
    const words = Number(await page.getByTestId('words').textContent())
    expect(words).toBeGreaterThanOrEqual(400)
    const sorted = [...frames].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)]!
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!
    console.log(
      `keystroke-to-repaint, ${words}-word answer, ${frames.length} keystrokes: median ${median.toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms; ` +
        `of which input → next frame (re-score + render): median ${app[Math.floor(app.length / 2)]!.toFixed(1)} ms`,
    )
  })
})
