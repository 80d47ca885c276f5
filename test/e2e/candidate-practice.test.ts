// What a candidate sees while practising, end to end in Chromium: a "Start here" set for a new candidate, one
// next step, whole points, model answers, timing against the spoken target, the character limit, a pinned
// score on a phone, and the interviewer's follow-up questions answered before submitting.

import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEASURED_ANSWER, STRONG_ANSWER as STRONG, UNMEASURED_ANSWER } from './answers'
import {
  listPrompts,
  type Prompt,
  practicePrompt,
  scoredBy,
  storeAttempt,
  WEAK_ANSWER as WEAK,
} from './candidate-support'
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

requireBrowser('what a candidate sees while practising (e2e)')

describe.skipIf(SKIP_E2E)('what a candidate sees while practising (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let prompt: Prompt
  let weakId: number

  beforeAll(async () => {
    e2e = await startE2E()
    ;({ page, base } = e2e)
    prompt = await practicePrompt(base)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  const scored = (answer: string, rubricId = prompt.rubricId) => scoredBy(base, answer, rubricId)

  const visible = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll(
        (els) => els.filter((e) => (e as unknown as { offsetParent: unknown }).offsetParent !== null).length,
      )

  it('offers a new candidate a short "Start here" set above the full list, passing axe-core', async () => {
    const all = { prompts: await listPrompts(base) }
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
      await showAt(page, width, scheme)
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
    await storeAttempt(base, prompt.id, STRONG)
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

  it('drops the "Start here" set once the candidate has a few attempts', async () => {
    const count = async () =>
      ((await (await fetch(`${base}/api/attempts?limit=100`)).json()) as { attempts: unknown[] }).attempts
        .length
    while ((await count()) < 3) await storeAttempt(base, prompt.id, STRONG)
    const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/attempts')
    await page.goto(`${base}/practice`)
    expect((await asked).status()).toBe(200)
    await page.getByTestId('all-prompts').locator('.prompt-card').first().waitFor()
    // The attempts are asked for alongside the prompts; let the answer land before looking.
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('start-here').count()).toBe(0)
  })

  it('asks the follow-up questions before the answer is submitted, keeps a follow-up only while it is asked, and sends it with the answer', async () => {
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto(`${base}/practice/${prompt.id}`)
    const answer = page.getByTestId('answer')
    const probes = page.getByTestId('live-probes')
    const probe = (question: string) => probes.getByTestId('probe').filter({ hasText: question })
    const questionsShown = () => probes.locator('.probe-question').allTextContents()

    // A story with no past event in it: the reason says what the answer lacks, in a candidate's words.
    await answer.fill(WEAK)
    await probes.waitFor()
    expect(await probes.textContent()).toContain(
      'Asked because your answer does not yet tell the story in order: Situation, Task, Action and Result',
    )
    expect(await probes.textContent()).not.toMatch(/ is (missed|partial)\b/)

    // The live report's probes, in its order, below the next step.
    await answer.fill(UNMEASURED_ANSWER)
    const asked = (await scoredBy(base, UNMEASURED_ANSWER, prompt.rubricId)).probes
    expect(asked.map((p) => p.id)).toEqual(['probe-measurable-result', 'probe-specificity', 'probe-length'])
    await expect.poll(questionsShown).toEqual(asked.map((p) => `“${p.question}”`))
    // Between the answer and its submit button, beside the score and the next step.
    const next = (await page.locator('.feedback [data-testid="next-step"]').boundingBox())!
    const field = (await answer.boundingBox())!
    const shown = (await probes.boundingBox())!
    const submit = (await page.getByTestId('submit').boundingBox())!
    expect(shown.y).toBeGreaterThanOrEqual(field.y + field.height)
    expect(shown.y + shown.height).toBeLessThanOrEqual(submit.y)
    expect(next.x).toBeGreaterThanOrEqual(shown.x + shown.width)

    const [measure, specifics] = [asked[0]!.question, asked[1]!.question]
    const SPECIFICS =
      'It was in March 2023 at a grocery delivery company; I used Grafana and pgbouncer on our PostgreSQL cluster.'
    await probe(measure).getByTestId('probe-open').click()
    // The field opens with the focus in it.
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('practice-probe-probe-measurable-result')
    await probe(measure).getByTestId('probe-answer').fill('Errors fell from 9% to 0.2% within the hour.')
    await probe(specifics).getByTestId('probe-open').click()
    await probe(specifics).getByTestId('probe-answer').fill(SPECIFICS)
    expect(await probes.getByText('Sent with your answer when you submit it').count()).toBe(2)

    // The answer now gives the measure: that question goes, and the follow-up typed for it with it, said so.
    await answer.fill(MEASURED_ANSWER)
    await expect.poll(() => probe(measure).count()).toBe(0)
    const setAside = page.getByTestId('follow-up-set-aside')
    expect(await setAside.getAttribute('role')).toBe('status')
    expect(await setAside.textContent()).toContain(`so that follow-up was left out: “${measure}”`)
    await setAside.getByText('What you wrote').click()
    expect(await setAside.locator('blockquote').textContent()).toBe(
      'Errors fell from 9% to 0.2% within the hour.',
    )
    // The follow-up whose question is still asked keeps what was typed.
    expect(await probe(specifics).getByTestId('probe-answer').inputValue()).toBe(SPECIFICS)
    // The answer without its measure again: the question comes back with what was typed for it, and nothing is
    // set aside; with the measure, it goes again.
    await answer.fill(UNMEASURED_ANSWER)
    await expect.poll(() => probe(measure).count()).toBe(1)
    expect(await probe(measure).getByTestId('probe-answer').inputValue()).toBe(
      'Errors fell from 9% to 0.2% within the hour.',
    )
    expect(await setAside.textContent()).toBe('')
    await answer.fill(MEASURED_ANSWER)
    await expect.poll(() => probe(measure).count()).toBe(0)
    expect(await setAside.textContent()).toContain(`so that follow-up was left out: “${measure}”`)

    for (const [width, scheme] of VIEWS) {
      await showAt(page, width, scheme)
      await probes.scrollIntoViewIfNeeded()
      expect(await probes.isVisible(), `${width} ${scheme}`).toBe(true)
      const violations = await axe(page)
      expect(describeViolations(violations), `${width} ${scheme}`).toBe('')
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow, `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0)
      await e2e.shot(`practice-follow-ups-${width}-${scheme}`)
      // The page as the candidate sees it there, the questions in view: a full page at 375 px is too tall to read.
      if (width === 375)
        await page.screenshot({
          path: join(ROOT, 'test-output', 'screenshots', `practice-follow-ups-375-${scheme}-in-view.png`),
        })
    }
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })

    // Submitting stores the answer, then sends the follow-up; the Attempt page shows what it added.
    const sent: unknown[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/attempts\/\d+\/follow-ups$/.test(new URL(r.url()).pathname))
        sent.push(r.postDataJSON())
    })
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    expect(sent).toEqual([{ probeId: 'probe-specificity', answer: SPECIFICS }])
    const id = Number(/\/attempts\/(\d+)$/.exec(page.url())![1])
    const stored = (await (await fetch(`${base}/api/attempts/${id}`)).json()) as {
      answer: string
      score: number
      followUps: { probeId: string; answer: string }[]
      history: { report: { score: number } }[]
    }
    expect(stored.answer).toBe(MEASURED_ANSWER)
    expect(stored.followUps.map((f) => [f.probeId, f.answer])).toEqual([['probe-specificity', SPECIFICS]])
    const added = stored.score - stored.history[0]!.report.score
    expect(added).toBeGreaterThan(0)
    expect(stored.history[0]!.report.score).toBe(
      (await scoredBy(base, MEASURED_ANSWER, prompt.rubricId)).score,
    )
    const list = page.getByTestId('follow-ups')
    await list.waitFor()
    expect(await list.textContent()).toContain(SPECIFICS)
    expect(await list.getByTestId('follow-up-gain').textContent()).toContain(
      `The follow-up added ${added} points`,
    )
    // What happened to the score is said as it is: the follow-up added to the answer; nothing was re-scored.
    const scoreHistory = page.getByTestId('score-history')
    expect(await scoreHistory.textContent()).toBe(
      `Your answer alone scored ${stored.history[0]!.report.score}; with your follow-up, it scores ${stored.score} (+${added}).`,
    )
    expect(await page.locator('main').textContent()).not.toContain('Re-scored')
    // The specifics set the scene: read with the Situation, highlighted as one, and the page says so.
    expect(await page.getByTestId('follow-up-placed').textContent()).toContain(
      `Your answer to “${specifics}” sets the scene`,
    )
    const answerText = page.locator('section[aria-labelledby="answer-title"] .highlighted')
    const sceneSentence = answerText.locator('.sent').filter({ hasText: 'It was in March 2023' })
    expect(await sceneSentence.getAttribute('data-star')).toBe('situation')
    const sentences = await answerText
      .locator('.sent')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-star')))
    expect(sentences.indexOf('situation')).toBe(0)
    expect(sentences.lastIndexOf('situation')).toBeLessThan(sentences.indexOf('action'))
    // A short Action is one note, not one from the structure and one from ownership.
    const notes = (await page.getByTestId('whole-answer-notes').textContent()) ?? ''
    expect(notes).toContain('The Action is thin')
    expect(notes).not.toContain('too little to show what you did')
    await e2e.shot('attempt-after-practice-follow-up')
  })

  /** Opens Practice on the unmeasured answer and types `text` into its "What number changed" follow-up. */
  const measureFollowUp = async (text: string) => {
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto(`${base}/practice/${prompt.id}`)
    await page.getByTestId('answer').fill(UNMEASURED_ANSWER)
    const measure = page
      .getByTestId('live-probes')
      .getByTestId('probe')
      .filter({ hasText: 'What number changed' })
    await measure.getByTestId('probe-open').click()
    await measure.getByTestId('probe-answer').fill(text)
    return measure
  }

  it('keeps a follow-up that could not be sent, and sends it on the next submit without storing the answer twice', async () => {
    const measure = await measureFollowUp('Errors fell from 9% to 0.2% within the hour.')
    const count = async () =>
      ((await (await fetch(`${base}/api/attempts?limit=100`)).json()) as { attempts: unknown[] }).attempts
        .length
    const stored = await count()
    const refuse = '**/api/attempts/*/follow-ups'
    await page.route(refuse, (r) =>
      r.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'Storage is failing',
        }),
      }),
    )
    e2e.expectErrors(true)
    await page.getByTestId('submit').click()
    const unsent = page.getByTestId('follow-up-unsent')
    await unsent.waitFor()
    e2e.expectErrors(false)
    expect(await unsent.textContent()).toContain(
      'Your answer is stored, but the follow-up “How did you measure',
    )
    expect(await unsent.textContent()).toContain('Storage is failing')
    expect(page.url()).toContain('/practice/')
    expect(await count()).toBe(stored + 1)
    expect(await measure.getByTestId('probe-answer').inputValue()).toBe(
      'Errors fell from 9% to 0.2% within the hour.',
    )
    await page.unroute(refuse)
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    expect(await count()).toBe(stored + 1)
    const id = Number(/\/attempts\/(\d+)$/.exec(page.url())![1])
    const attempt = (await (await fetch(`${base}/api/attempts/${id}`)).json()) as {
      followUps: { probeId: string }[]
    }
    expect(attempt.followUps.map((f) => f.probeId)).toEqual(['probe-measurable-result'])
  })

  it('counts a follow-up that reached the server, though its answer was lost, as sent when submitting again', async () => {
    const text = 'Errors fell from 7% to 0.1% within the hour.'
    await measureFollowUp(text)
    // The follow-up reaches the server and is stored; the answer on the way back is lost.
    const lose = '**/api/attempts/*/follow-ups'
    let stored = 0
    await page.route(lose, async (r) => {
      const res = await r.fetch()
      if (res.status() === 201) stored += 1
      await r.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'The connection was lost' }),
      })
    })
    e2e.expectErrors(true)
    await page.getByTestId('submit').click()
    const unsent = page.getByTestId('follow-up-unsent')
    await unsent.waitFor()
    await page.unroute(lose)
    expect(stored).toBe(1)
    expect(await unsent.textContent()).toContain('The connection was lost')
    // Sent again, it is refused as answered already: that is no error, the Attempt page shows what is stored.
    const refusals: number[] = []
    const seen = (r: { url(): string; status(): number }) => {
      if (/\/api\/attempts\/\d+\/follow-ups$/.test(new URL(r.url()).pathname)) refusals.push(r.status())
    }
    page.on('response', seen)
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    page.off('response', seen)
    e2e.expectErrors(false)
    expect(refusals).toEqual([409])
    const list = page.getByTestId('follow-ups')
    await list.waitFor()
    expect(await list.textContent()).toContain(text)
    const id = Number(/\/attempts\/(\d+)$/.exec(page.url())![1])
    const attempt = (await (await fetch(`${base}/api/attempts/${id}`)).json()) as {
      followUps: { probeId: string; answer: string }[]
    }
    expect(attempt.followUps.map((f) => [f.probeId, f.answer])).toEqual([['probe-measurable-result', text]])
  })

  it('says what the answer alone scored and what it scores with a follow-up answered on the Attempt page, at once', async () => {
    const id = await storeAttempt(base, prompt.id, UNMEASURED_ANSWER)
    type Stats = { stats: { words: number; speakingSeconds: number } }
    const read = async () =>
      (await (await fetch(`${base}/api/attempts/${id}`)).json()) as {
        score: number
        report: Stats
        history: { score: number; report: Stats }[]
      }
    const alone = (await read()).score
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${base}/attempts/${id}`)
    const probes = page.getByTestId('probes')
    await probes.waitFor()
    expect(await page.getByTestId('score-history').count()).toBe(0)
    // A mark on the window: it is gone if the page is loaded again.
    await page.evaluate('window.__sameLoad = true')
    const answer = async (question: RegExp | string, text: string) => {
      const probe = probes.getByTestId('probe').filter({ hasText: question })
      await probe.getByTestId('probe-open').click()
      await probe.getByTestId('probe-answer').fill(text)
      await probe.getByTestId('probe-submit').click()
    }
    const history = page.getByTestId('score-history')
    // Whole points with their sign, as the page writes them: "+4", "−2", "±0".
    const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0')
    const gains = probes.getByTestId('follow-up-gain')
    // How a follow-up is scored is said once: in the invitation to answer one, then beside what one added.
    const onlyAdds = () => probes.getByText('A follow-up only adds', { exact: false }).count()
    expect(await onlyAdds()).toBe(1)
    expect(await probes.getByText('Answer one:', { exact: false }).count()).toBe(1)

    await answer('What number changed', 'Errors fell from 9% to 0.2% within the hour.')
    await gains.first().waitFor()
    await history.waitFor()
    expect(await onlyAdds()).toBe(1)
    // With one answered, the open questions are offered as another, not as a first.
    expect(await probes.getByText('Answer another:', { exact: false }).count()).toBe(1)
    expect(await probes.getByText('Answer one:', { exact: false }).count()).toBe(0)
    const one = await read()
    expect(one.score).toBeGreaterThan(alone)
    expect(one.history.map((h) => h.score)).toEqual([alone])
    expect(await history.textContent()).toBe(
      `Your answer alone scored ${alone}; with your follow-up, it scores ${one.score} (${signed(one.score - alone)}).`,
    )
    // How long the answer takes to say is the answer as told, the words the length note counts (a follow-up is a
    // reply to a question); with the follow-up, as the report's stats count it, beside it.
    const told = one.history[0]!.report.stats
    expect(one.report.stats.words).toBeGreaterThan(told.words)
    const spoken = (n: number) => `${n}\u00a0s`
    const meta = page.locator('.attempt-head .meta')
    await expect
      .poll(() => meta.textContent())
      .toContain(
        `about ${spoken(told.speakingSeconds)} to say (${spoken(one.report.stats.speakingSeconds)} with your follow-up)`,
      )
    expect(await page.getByTestId('whole-answer-notes').textContent()).toContain(
      `${told.words} words (${told.speakingSeconds} seconds spoken) is short`,
    )
    expect(await page.getByTestId('words').textContent()).toBe(String(one.report.stats.words))
    expect(await page.evaluate('window.__sameLoad === true')).toBe(true)
    for (const [width, scheme] of VIEWS) {
      await showAt(page, width, scheme)
      await history.scrollIntoViewIfNeeded()
      expect(await history.isVisible(), `${width} ${scheme}`).toBe(true)
      await e2e.shot(`attempt-score-history-${width}-${scheme}`)
    }
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })

    // A second follow-up: still the answer alone against the answer with both, as a reload would say.
    const second = probes.getByTestId('probe').first()
    const question = (await second.locator('.probe-question').textContent())!.replace(/[“”]/g, '')
    await answer(question, 'Looking back, I learned to load-test every launch before peak season.')
    await gains.nth(1).waitFor()
    const two = await read()
    expect(two.history.map((h) => h.score)).toEqual([alone, one.score])
    const withBoth = `Your answer alone scored ${alone}; with your 2 follow-ups, it scores ${two.score} (${signed(two.score - alone)}).`
    await expect.poll(() => history.textContent()).toBe(withBoth)
    expect(await page.evaluate('window.__sameLoad === true')).toBe(true)
    await page.reload()
    await history.waitFor()
    expect(await history.textContent()).toBe(withBoth)
    expect(await meta.textContent()).toContain(
      `about ${spoken(told.speakingSeconds)} to say (${spoken(two.report.stats.speakingSeconds)} with your 2 follow-ups)`,
    )
  })

  it('raised no page errors', () => {
    expect(e2e.pageErrors).toEqual([])
  })
})
