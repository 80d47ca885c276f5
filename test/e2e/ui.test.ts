// End-to-end tests of the browser UI: Debian Chromium (playwright-core) against the real server on a temp database.

import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SECOND_ANSWER, STRONG_ANSWER, XSS_ANSWER } from './answers'
import { type E2E, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('browser UI (e2e)')

describe.skipIf(SKIP_E2E)('browser UI (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let dialogs: string[]
  let pageErrors: string[]
  let promptA: string
  let promptB: string
  const ids: number[] = []

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base, dialogs, pageErrors } = e2e)
    const prompts = (await (await fetch(`${base}/api/prompts`)).json()) as { prompts: { id: string }[] }
    expect(prompts.prompts.length).toBeGreaterThan(1)
    promptA = prompts.prompts[0]!.id
    promptB = prompts.prompts[1]!.id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  const shot = (name: string) => e2e.shot(name)
  const expectErrors = (on: boolean) => e2e.expectErrors(on)

  async function submitAnswer(promptId: string, answer: string): Promise<number> {
    await page.goto(`${base}/practice/${promptId}`)
    await page.getByTestId('answer').fill(answer)
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    await page.getByTestId('score').waitFor()
    return Number(/\/attempts\/(\d+)$/.exec(page.url())![1])
  }

  it('shows empty states before the first attempt', async () => {
    await page.goto(`${base}/history`)
    await page.getByText('No attempts yet.').waitFor()
    await shot('history-empty')
    await page.goto(`${base}/trends`)
    await page.getByText('No attempts to chart yet.').waitFor()
    await page.locator('[data-testid="coverage-leadership-principle"] > li').first().waitFor()
    await shot('trends-empty')
  })

  it('lists prompts with filters and search', async () => {
    await page.goto(`${base}/practice`)
    await page.locator('.prompt-card').first().waitFor()
    const all = await page.locator('.prompt-card').count()
    expect(all).toBeGreaterThan(1)
    await page.getByLabel('Search').fill('zzzz-no-such-prompt')
    await page.getByText('No prompt matches.').waitFor()
    await page.getByLabel('Search').fill('')
    await page.locator('.prompt-card').first().waitFor()
    await shot('practice-picker')
    // Filter by type, then by one Leadership Principle: every card left carries that area's tag.
    await page.getByLabel('Type').selectOption('leadership-principle')
    const area = page.getByLabel('Area')
    const firstLp = await area.locator('option').nth(1).getAttribute('value')
    const lpTitle = (await area.locator('option').nth(1).textContent())!
    await area.selectOption(firstLp!)
    // Wait for the server's filtered list: some cards, fewer than all, every one tagged with the area.
    await expect
      .poll(async () => {
        const cards = await page.locator('.prompt-card').count()
        const tagged = await page.locator('.prompt-card', { hasText: lpTitle }).count()
        return cards > 0 && cards < all && tagged === cards
      })
      .toBe(true)
    // "Next: weakest area" opens a prompt and says why it was chosen.
    await page.getByRole('button', { name: 'Next: weakest area' }).click()
    await page.waitForURL(/\/practice\/[^/?]+\?why=/)
    await page.getByText('Suggested by “Next: weakest area”').waitFor()
    await page.getByTestId('answer').waitFor()
  })

  it('highlights sentences by STAR section while the candidate types, then stores the attempt', async () => {
    await page.goto(`${base}/practice/${promptA}`)
    const answer = page.getByTestId('answer')
    await answer.waitFor()
    // Before the first words: a neutral "Start typing", no score and no next step.
    await page.getByTestId('start-typing').waitFor()
    expect(await page.getByTestId('score').count()).toBe(0)
    expect(await page.getByTestId('next-step').count()).toBe(0)
    // Type the first sentences key by key, as a candidate would.
    const firstPart = STRONG_ANSWER.split('\n').slice(0, 2).join('\n')
    await answer.pressSequentially(firstPart, { delay: 0 })
    await page.locator('[data-star="situation"]').first().waitFor()
    await page.locator('[data-star="task"]').first().waitFor()
    const live1 = Number(await page.getByTestId('score').textContent())
    await answer.fill(STRONG_ANSWER)
    await page.locator('[data-star="result"]').first().waitFor()
    await page.locator('[data-star="action"]').first().waitFor()
    const live2 = Number(await page.getByTestId('score').textContent())
    expect(live2).toBeGreaterThan(live1)
    // Colour is never the only signal: every highlighted sentence carries its letter.
    const letters = await page.locator('.preview [data-star] .star-letter').allTextContents()
    expect(letters.length).toBeGreaterThanOrEqual(5)
    expect(new Set(letters)).toEqual(new Set(['S', 'T', 'A', 'R']))
    await shot('practice-live')

    await answer.press('Control+Enter')
    await page.waitForURL(/\/attempts\/\d+$/)
    const stored = Number(await page.getByTestId('score').textContent())
    // The browser's live score and the server's stored score come from the same engine.
    expect(stored).toBe(live2)
    ids.push(Number(/\/attempts\/(\d+)$/.exec(page.url())![1]))
    await page.locator('.highlighted [data-star="action"]').first().waitFor()
    await shot('attempt')
  })

  it('can be used from the keyboard, with a visible focus ring', async () => {
    await page.goto(`${base}/practice/${promptA}`)
    await page.getByTestId('answer').waitFor()
    // Opening a prompt puts the focus in the answer field.
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.dataset?.testid'))
      .toBe('answer')
    // From the top of the page, Tab walks the controls with a visible ring, past no tag chip, to the answer.
    await page.evaluate(`document.querySelector('.skip-link').focus()`)
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content')
    let reached = false
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate<boolean>(`document.activeElement?.dataset?.testid === 'answer'`)
      const ring = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')
      expect(ring, 'every focused control shows a focus ring').not.toBe('none')
      const chip = await page.evaluate<boolean>(`document.activeElement.classList.contains('tag')`)
      expect(chip, 'tag chips are not tab stops').toBe(false)
    }
    expect(reached, 'Tab reaches the answer field').toBe(true)
    await page.keyboard.type('Situation: typed from the keyboard.')
    await page.locator('.preview [data-star]').first().waitFor()
  })

  it('restores a draft after a reload', async () => {
    await page.goto(`${base}/practice/${promptB}`)
    await page.getByTestId('answer').fill('Situation: a draft I have not finished.')
    await page.waitForTimeout(400)
    await page.reload()
    await expect(page.getByTestId('answer').inputValue()).resolves.toBe(
      'Situation: a draft I have not finished.',
    )
    await page.getByText('Your draft for this question was restored.').waitFor()
  })

  it('stores more attempts and shows them in History', async () => {
    ids.push(await submitAnswer(promptA, SECOND_ANSWER))
    ids.push(await submitAnswer(promptB, SECOND_ANSWER))
    await page.goto(`${base}/history`)
    for (const id of ids) await page.locator(`tr[data-attempt-id="${id}"]`).waitFor()
    expect(await page.locator('tr[data-attempt-id]').count()).toBe(3)
    // Sorting by score puts the lowest first.
    await page.getByRole('button', { name: 'Score' }).click()
    const scores = (await page.locator('tr[data-attempt-id] td.num').allTextContents()).map(Number)
    expect(scores).toEqual([...scores].sort((a, b) => a - b))
    // The server's validation message appears next to the field it is about.
    expectErrors(true) // the browser logs the 400 answer
    await page.getByLabel('From', { exact: true }).fill('2030-01-02')
    await page.getByLabel('To', { exact: true }).fill('2030-01-01')
    await page.getByRole('button', { name: 'Apply' }).click()
    const rangeError = page.locator('label:has(input[type=date]) .field-error').first()
    await rangeError.waitFor()
    // The field is highlighted, so its path ("query.from") is not in the words.
    expect(await rangeError.textContent()).not.toMatch(/(body|query)\./)
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.locator('tr[data-attempt-id]').first().waitFor()
    expectErrors(false)
    // A score filter is applied by the server.
    await page.getByLabel('Min score').fill(String(Math.max(...scores)))
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => page.locator('tr[data-attempt-id]').count()).toBeLessThan(3)
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.locator('tr[data-attempt-id]').nth(2).waitFor()
    await shot('history')
  })

  it('compares two attempts of a prompt', async () => {
    await page.goto(`${base}/history`)
    await page.getByLabel(`Pick attempt ${ids[0]} to compare`).check()
    await page.getByLabel(`Pick attempt ${ids[1]} to compare`).check()
    await page.getByTestId('compare').click()
    await page.waitForURL(/\/compare\/\d+\/\d+$/)
    await page.locator('table.diff tbody tr').first().waitFor()
    expect(await page.getByTestId('score').count()).toBe(2)
    expect(await page.locator('.side [data-star]').count()).toBeGreaterThan(4)
    await shot('compare')
    // The later attempt links straight to a comparison with the earlier one.
    await page.goto(`${base}/attempts/${ids[1]}`)
    await page.getByRole('link', { name: `Compare with attempt ${ids[0]}` }).click()
    await page.waitForURL(new RegExp(`/compare/${ids[0]}/${ids[1]}$`))
    await page.locator('table.diff tbody tr').first().waitFor()
  })

  it('shows trends with a chart and the story coverage grid', async () => {
    await page.goto(`${base}/trends`)
    await page.locator('[data-testid="chart-overall"] canvas').waitFor()
    await page.locator('[data-testid="chart-criteria"] canvas').waitFor()
    const lps = page.locator('[data-testid="coverage-leadership-principle"] > li')
    await lps.first().waitFor()
    expect(await lps.count()).toBe(16)
    expect(await page.getByText('no story yet').count()).toBeGreaterThan(0)
    await page.locator('.weakest li').first().waitFor()
    await page.getByRole('radio', { name: 'Week' }).check()
    await page.locator('[data-testid="chart-overall"] canvas').waitFor()
    await shot('trends')
  })

  it('downloads exports that parse', async () => {
    await page.goto(`${base}/history`)
    await page.locator('tr[data-attempt-id]').first().waitFor()
    const read = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name }).click(),
      ])
      return readFileSync((await download.path())!, 'utf8')
    }
    const json = JSON.parse(await read('JSON')) as { id: number }[]
    expect(json.map((a) => a.id).sort()).toEqual([...ids].sort())
    const csv = await read('CSV')
    const header = csv.split(/\r?\n/)[0]!
    expect(header).toMatch(/id/)
    // Every attempt id appears at the start of a record.
    for (const id of ids) expect(csv).toMatch(new RegExp(`(^|\\n)"?${id}"?,`))
    const md = await read('Markdown')
    expect(md).toMatch(/^#/m)
    expect(md).toContain(SECOND_ANSWER.split('\n')[0]!.slice(12, 40))
  })

  it('shows an answer with markup as text and never runs it', async () => {
    const id = await submitAnswer(promptB, XSS_ANSWER)
    ids.push(id)
    const text = await page.locator('.highlighted').first().textContent()
    expect(text).toContain('<img src=x onerror=alert(1)>')
    expect(text).toContain('<script>alert(1)</script>')
    expect(await page.locator('.highlighted img, .highlighted script').count()).toBe(0)
    await page.goto(`${base}/history`)
    await page.locator(`tr[data-attempt-id="${id}"]`).waitFor()
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
  })

  it('re-scores an attempt and deletes one after confirmation', async () => {
    await page.goto(`${base}/attempts/${ids[0]}`)
    await page.getByRole('button', { name: 'Re-score with current rubric' }).click()
    await page.getByText('Re-scored with the current rubric').waitFor()
    await page.getByText('The earlier report is kept with the attempt.').waitFor()
    await shot('attempt-rescored')

    const victim = ids.pop()!
    await page.goto(`${base}/attempts/${victim}`)
    await page.getByRole('button', { name: 'Delete…' }).click()
    await page.getByRole('button', { name: 'Yes, delete' }).click()
    await page.waitForURL(/\/history$/)
    await page.locator('tr[data-attempt-id]').first().waitFor()
    expect(await page.locator(`tr[data-attempt-id="${victim}"]`).count()).toBe(0)
    expectErrors(true) // the browser logs the 404 answer
    await page.goto(`${base}/attempts/${victim}`)
    await page.getByText(`Attempt ${victim} does not exist`).waitFor()
    // A missing attempt has a real heading and message, not "Something went wrong."
    await page.getByRole('heading', { level: 1, name: 'Attempt not found' }).waitFor()
    expect(await page.getByText('Something went wrong.').count()).toBe(0)
    expectErrors(false)
  })

  it('lists rubrics with prompts, criteria, bands and load errors', async () => {
    await page.goto(`${base}/rubrics`)
    await page.locator('.rubric-item').first().waitFor()
    await page.locator('.rubric-item summary').first().click()
    await page.locator('.rubric-detail table').first().waitFor()
    await page.getByRole('heading', { name: 'Load errors' }).waitFor()
    await shot('rubrics')
    // A broken rubric file is listed with file:line:column and the message (served as the API lists it).
    await page.route('**/api/rubrics/errors', (route) =>
      route.fulfill({
        json: {
          errors: [
            {
              file: 'rubrics/broken.yaml',
              line: 12,
              column: 5,
              path: 'criteria.2.weight',
              ruleId: 'invalid-type',
              message: 'weight must be a number',
            },
          ],
          stale: [],
          loadedAt: new Date(0).toISOString(),
        },
      }),
    )
    await page.reload()
    await page.getByTestId('rubric-errors').getByText('rubrics/broken.yaml:12:5').waitFor()
    await page.getByText('weight must be a number').waitFor()
    await shot('rubrics-errors')
    await page.unroute('**/api/rubrics/errors')
  })

  it('says so when the server cannot be reached', async () => {
    expectErrors(true)
    await page.route('**/api/**', (route) => route.abort('connectionrefused'))
    await page.goto(`${base}/history`)
    await page.getByText('The server is not answering.').waitFor()
    await page.getByText('npm start').first().waitFor()
    await shot('history-server-down')
    await page.unroute('**/api/**')
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.locator('tr[data-attempt-id]').first().waitFor()
    expectErrors(false)
  })

  it('is usable at 375 px wide and in dark mode', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    const pages: [string, string][] = [
      ['practice-375', `/practice/${promptA}`],
      ['history-375', '/history'],
      ['attempt-375', `/attempts/${ids[0]}`],
      ['trends-375', '/trends'],
      ['compare-375', `/compare/${ids[0]}/${ids[1]}`],
      ['rubrics-375', '/rubrics'],
    ]
    for (const [name, path] of pages) {
      await page.goto(base + path)
      await page.locator('main h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      // Browser code as strings: this file is type-checked without the DOM library.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow, `${path} scrolls sideways at 375 px`).toBeLessThanOrEqual(0)
      await shot(name)
    }
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(`${base}/attempts/${ids[0]}`)
    await page.getByTestId('score').waitFor()
    await shot('attempt-375-dark')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}/practice/${promptA}`)
    await page.getByTestId('answer').fill(STRONG_ANSWER)
    await page.locator('[data-star="result"]').first().waitFor()
    await shot('practice-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('pages through many attempts', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${base}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ promptId: promptB, answer: `${SECOND_ANSWER} Attempt ${i}.` }),
      })
      expect(res.status).toBe(201)
    }
    const total = ids.length + 30
    await page.goto(`${base}/history`)
    await page.locator('tr[data-attempt-id]').first().waitFor()
    expect(await page.locator('tr[data-attempt-id]').count()).toBe(25)
    await page.getByText('25 shown, more available').waitFor()
    await page.getByRole('button', { name: 'Load 25 more' }).click()
    await expect.poll(() => page.locator('tr[data-attempt-id]').count()).toBe(total)
    await page.getByText(`${total} shown`).waitFor()
  })

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([])
  })
})
