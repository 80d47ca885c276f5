// What a candidate sees, end to end in Chromium: one next step, model answers, timing against the spoken target,
// a pinned score on a phone, consistent points and colours, charts, and an axe-core check of every page.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe, describeViolations, type E2E, ROOT, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('what a candidate sees (e2e)')

const STRONG = `Situation: Last spring I was the on-call lead for the checkout service at a mid-size online retailer, and our error rate doubled two weeks before the holiday sale.
Task: My manager asked me to find the cause and get checkout failures under one percent before the sale started.
Action: I pulled a week of traces and found that a retry storm in the payment queue caused most failures. I wrote a proposal to add jittered backoff and a circuit breaker, and I reviewed it with the payments team the next morning. I implemented the change behind a feature flag, load-tested it with three times the expected traffic, and rolled it out region by region.
Result: Checkout failures fell from 2.1% to 0.3% within ten days, and we processed 40% more orders during the sale without a single incident. I learned to look at retries first when errors cluster, and I now add backoff to every client I write.`

const WEAK =
  'We would probably talk to the team about it. We usually try to fix things together and it went fine.'

interface Suggestion {
  criterionId: string
  gain: number
  message: string
}

describe.skipIf(SKIP_E2E)('what a candidate sees (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let prompt: { id: string; rubricId: string }
  let weakId: number
  let strongId: number

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
    const list = (await (await fetch(`${base}/api/prompts`)).json()) as {
      prompts: { id: string; rubricId: string }[]
    }
    // A prompt of a Leadership Principle rubric: those have strong, developing and weak examples.
    prompt = list.prompts.find((p) => p.rubricId === 'ownership') ?? list.prompts[0]!
  })

  afterAll(async () => {
    await e2e?.close()
  })

  async function scored(answer: string, rubricId = prompt.rubricId) {
    const res = await fetch(`${base}/api/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer, rubricId }),
    })
    expect(res.status).toBe(200)
    return (await res.json()) as { score: number; suggestions: Suggestion[] }
  }

  const visible = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll(
        (els) => els.filter((e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null).length,
      )

  it('offers a new candidate a short "Start here" set above the full list, passing axe-core', async () => {
    const all = (await (await fetch(`${base}/api/prompts`)).json()) as {
      prompts: { id: string; rubricId: string }[]
    }
    // The first prompt of STAR core and of the four Leadership Principles most asked in interviews.
    const first = (rubricId: string) => all.prompts.find((p) => p.rubricId === rubricId)!.id
    const expected = ['star-core', 'ownership', 'customer-obsession', 'deliver-results', 'dive-deep'].map(
      first,
    )
    await page.goto(`${base}/practice`)
    const start = page.getByTestId('start-here')
    await start.waitFor()
    const hrefs = await start
      .locator('.prompt-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href')))
    expect(hrefs).toEqual(expected.map((id) => `/practice/${id}`))
    expect(await start.getByRole('heading', { level: 2 }).textContent()).toBe('Start here')
    // The full list follows, complete.
    const list = page.getByTestId('all-prompts')
    expect(await list.locator('.prompt-card').count()).toBe(all.prompts.length)
    const above = await page.evaluate<boolean>(
      `Boolean(document.querySelector('[data-testid="start-here"]').compareDocumentPosition(document.querySelector('[data-testid="all-prompts"]')) & Node.DOCUMENT_POSITION_FOLLOWING)`,
    )
    expect(above, 'the set sits above the full list').toBe(true)
    for (const [width, scheme] of [
      [1366, 'light'],
      [375, 'dark'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 })
      await page.emulateMedia({ colorScheme: scheme })
      const violations = await axe(page)
      expect(describeViolations(violations), `${width} ${scheme}`).toBe('')
      await e2e.shot(`practice-start-here-${width}-${scheme}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    // A search or a filter shows only what matches: the set is not part of it.
    await page.getByLabel('Search').fill('customer')
    await expect.poll(() => start.count()).toBe(0)
    await page.getByLabel('Search').fill('')
    await start.waitFor()
    // Opening one goes to that prompt.
    await start.locator('.prompt-card').first().click()
    await page.waitForURL(`${base}/practice/${expected[0]}`)
    await page.getByTestId('answer').waitFor()
  })

  it('leads Practice with one next step, at most three suggestions in view, and a polite live summary', async () => {
    await page.goto(`${base}/practice/${prompt.id}`)
    await page.getByTestId('start-typing').waitFor()
    const expected = await scored(WEAK)
    expect(expected.suggestions.length).toBeGreaterThan(3)
    await page.getByTestId('answer').fill(WEAK)
    const next = page.locator('.feedback [data-testid="next-step"]')
    await next.waitFor()
    expect(await next.textContent()).toContain(expected.suggestions[0]!.message)
    // The next step plus at most two more; the rest behind "More".
    expect(await visible('.feedback .suggestions li')).toBeLessThanOrEqual(2)
    await page
      .locator('.feedback')
      .getByRole('button', { name: /^More: / })
      .click()
    expect(await visible('.feedback .suggestions li')).toBe(expected.suggestions.length - 1)
    // Whole points only.
    for (const gain of await page.locator('.feedback .gain').allTextContents())
      expect(gain).toMatch(/^\+\d+$/)
    // Screen readers hear the score once typing pauses.
    const live = page.getByTestId('live-status')
    expect(await live.getAttribute('aria-live')).toBe('polite')
    await expect
      .poll(() => live.textContent(), { timeout: 5000 })
      .toMatch(/^Score \d+ of 100, .+\. Next step: /)
    await e2e.shot('practice-next-step')

    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    weakId = Number(/\/attempts\/(\d+)$/.exec(page.url())![1])
    const attemptNext = page.getByTestId('next-step')
    await attemptNext.waitFor()
    expect(await attemptNext.count()).toBe(1)
    expect(await attemptNext.textContent()).toContain(expected.suggestions[0]!.message)
    expect(await visible('.feedback .suggestions li')).toBeLessThanOrEqual(2)
    expect(await visible('[data-testid="whole-answer-notes"] li')).toBeLessThanOrEqual(3)
  })

  it('shows whole points, says "met" only at full points, and does not colour info notes as success', async () => {
    await page.goto(`${base}/attempts/${weakId}`)
    await page.getByTestId('score').waitFor()
    const rows = await page.locator('.feedback .criterion').evaluateAll((els) =>
      els.map((e) => ({
        status: e.querySelector('.status-text')?.textContent,
        points: e.querySelector('.criterion-score')?.textContent,
      })),
    )
    expect(rows.length).toBeGreaterThan(3)
    for (const r of rows) {
      expect(r.points).toMatch(/^\d+\/\d+$/)
      const [got, max] = r.points!.split('/').map(Number)
      if (r.status === 'met') expect(got).toBe(max)
      else expect(['partly met', 'missed']).toContain(r.status)
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      const [info, ok] = await page.evaluate<string[]>(
        `['--info', '--ok'].map((v) => getComputedStyle(document.documentElement).getPropertyValue(v).trim())`,
      )
      expect(info, `${scheme}: info colour`).not.toBe(ok)
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('offers the rubric’s strong example beside the answer, with developing and weak one click away', async () => {
    strongId = await (async () => {
      const res = await fetch(`${base}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ promptId: prompt.id, answer: STRONG }),
      })
      return ((await res.json()) as { id: number }).id
    })()
    const rubric = (await (await fetch(`${base}/api/rubrics/${prompt.rubricId}`)).json()) as {
      examples: { name: string; answer: string; expect: { band?: string } }[]
    }
    await page.goto(`${base}/attempts/${weakId}`)
    const model = page.getByTestId('model-answer')
    await model.waitFor()
    expect(await model.getAttribute('data-level')).toBe('strong')
    // Scored in the browser with the same engine: the same score the server gives the example.
    const strongExample = rubric.examples.find((e) => e.expect.band === 'strong')!
    expect(Number(await page.getByTestId('model-score').textContent())).toBe(
      (await scored(strongExample.answer)).score,
    )
    expect(await model.locator('[data-star="result"]').count()).toBeGreaterThan(0)
    expect(await model.locator('.met-list li').count()).toBeGreaterThan(0)
    // Beside the candidate's answer: the two columns sit side by side on a desktop.
    const sides = await page
      .locator('.model-section .side')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top))
    expect(sides).toHaveLength(2)
    expect(Math.abs(sides[0]! - sides[1]!)).toBeLessThan(5)
    await e2e.shot('attempt-model-answer')
    await model.getByRole('button', { name: 'Developing' }).click()
    expect(await model.getAttribute('data-level')).toBe('developing')
    await model.getByRole('button', { name: 'Weak' }).click()
    expect(await model.getAttribute('data-level')).toBe('weak')
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

  it('times the writing, and a spoken rehearsal against the 2–3 minute target', async () => {
    const p = await e2e.context.newPage()
    await p.clock.install()
    await p.goto(`${base}/practice/${prompt.id}`)
    await p.getByTestId('answer').fill(STRONG)
    await expect.poll(() => p.getByTestId('speaking-estimate').textContent()).toMatch(/takes about .+ to say/)
    expect(await p.getByText('Past the 2:00 target').count()).toBe(0)
    const toggle = p.getByTestId('rehearsal-toggle')
    await toggle.click()
    await p.clock.runFor(150_000)
    expect(await p.getByTestId('rehearsal-clock').textContent()).toMatch(/^2:(29|30)$/)
    await toggle.click()
    expect(await p.getByTestId('rehearsal-verdict').textContent()).toBe('Within the 2–3 minute target.')
    await e2e.shot('practice-rehearsal', p)
    await p.getByRole('button', { name: 'Reset' }).last().click()
    await toggle.click()
    await p.clock.runFor(60_000)
    await toggle.click()
    expect(await p.getByTestId('rehearsal-verdict').textContent()).toMatch(/^Under 2 minutes/)
    await p.getByRole('button', { name: 'Resume' }).click()
    await p.clock.runFor(150_000)
    await toggle.click()
    expect(await p.getByTestId('rehearsal-verdict').textContent()).toMatch(/^Over 3 minutes/)
    await p.close()
  })

  it('counts characters near the limit and says how much to cut', async () => {
    await page.goto(`${base}/practice/${prompt.id}`)
    const answer = page.getByTestId('answer')
    await answer.fill('Situation: a long one. '.repeat(1000).slice(0, 18_600))
    expect(await page.getByTestId('char-count').textContent()).toBe('18,600 / 20,000 characters')
    await answer.fill('Situation: a long one. '.repeat(900).slice(0, 20_050))
    expect(await page.getByTestId('char-count').textContent()).toBe(
      '20,050 / 20,000 characters: shorten by 50',
    )
    await page.getByTestId('submit').click()
    await page.locator('#answer-error').getByText('shorten it by 50').waitFor()
    expect(await answer.getAttribute('aria-invalid')).toBe('true')
    expect(page.url()).toContain('/practice/')
    await answer.fill('')
  })

  it('keeps the score and the next step pinned beside the answer at 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 700 })
    await page.goto(`${base}/practice/${prompt.id}`)
    await page.getByTestId('answer').fill(WEAK)
    const pinned = page.getByTestId('pinned-summary')
    await pinned.getByText(/^Next/).waitFor()
    await page.getByTestId('answer').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const box = (await pinned.boundingBox())!
    expect(box.y, 'the summary is on screen').toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(700)
    expect(
      await pinned.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { position: string } }).getComputedStyle(
            el,
          ).position,
      ),
    ).toBe('sticky')
    expect(await pinned.textContent()).toMatch(/\d+\/100/)
    // The keyboard shortcuts are of no use on a phone.
    expect(await page.locator('.shortcuts').isVisible()).toBe(false)
    await page.screenshot({ path: join(ROOT, 'test-output', 'screenshots', 'practice-375-pinned.png') })
    await page.getByTestId('answer').fill('')
    await page.setViewportSize({ width: 1366, height: 900 })
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

  it('drops the "Start here" set once the candidate has a few attempts', async () => {
    const count = async () =>
      ((await (await fetch(`${base}/api/attempts?limit=100`)).json()) as { attempts: unknown[] }).attempts
        .length
    while ((await count()) < 3) {
      const res = await fetch(`${base}/api/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ promptId: prompt.id, answer: STRONG }),
      })
      expect(res.status).toBe(201)
    }
    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/attempts')
    await page.goto(`${base}/practice`)
    expect((await asked).status()).toBe(200)
    await page.getByTestId('all-prompts').locator('.prompt-card').first().waitFor()
    // The attempts are asked for alongside the prompts; let the answer land before looking.
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('start-here').count()).toBe(0)
  })

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([])
  })
})
