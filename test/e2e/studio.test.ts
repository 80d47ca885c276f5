// The rubric studio in Chromium, as an instructor uses it: open a rubric, make a mistake and see it at its line,
// fix it, see what an answer matched, save with writing switched on, and watch an open Practice page follow
// through the event stream without a reload. Accessibility checked light, dark and at 375 px.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axe, describeViolations, type E2E, ROOT, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('the rubric studio (e2e)')

const RUBRIC = 'handling-conflict'
const PROMPT = 'handling-conflict-peer-disagreement'
const OLD_TEXT = 'Tell me about a serious technical disagreement with a peer engineer.'
const NEW_TEXT = 'Tell me about a hard technical disagreement with a peer engineer.'

const ANSWER = `Situation: In 2023 a fellow senior engineer and I disagreed about how to fix slow menu pages before a launch.
Task: My goal was to reach a decision both of us could accept within the week.
Action: I asked him why he preferred a cache and listened; I understood why, because he had been on call during the last outage. We found common ground: we both wanted p95 under 300 ms. I built a prototype of each approach and measured both.
Result: We agreed on a compromise, and p95 latency dropped from 1.4 seconds to 210 ms. Since then we have kept a strong working relationship, and I learned to agree on criteria before I defend a solution.`

describe.skipIf(SKIP_E2E)('the rubric studio (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string
  let rubricsDir: string

  beforeAll(async () => {
    // A copy of the shipped rubrics: the studio writes into it.
    rubricsDir = mkdtempSync(join(tmpdir(), 'starboard-studio-rubrics-'))
    cpSync(join(ROOT, 'rubrics'), rubricsDir, { recursive: true })
    e2e = await startE2E({ rubricsDir, watchRubrics: true, studioWrite: true })
    ;({ page, base } = e2e)
  })

  afterAll(async () => {
    await e2e?.close()
    if (rubricsDir) rmSync(rubricsDir, { recursive: true, force: true })
  })

  const yamlField = () => page.getByTestId('studio-yaml')
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1
  const selection = () =>
    page.evaluate<string>(
      "(() => { const t = document.getElementById('studio-yaml'); return t.value.slice(t.selectionStart, t.selectionEnd) })()",
    )

  it('edits a draft, shows a problem at its line, scores an answer with matches, saves, and Practice follows', async () => {
    // Practice is open on one of the rubric's questions in another tab.
    const practice = await e2e.context.newPage()
    await practice.goto(`${base}/practice/${PROMPT}`)
    await practice.getByRole('heading', { level: 1, name: OLD_TEXT }).waitFor()
    await practice.evaluate('window.__notReloaded = true')

    // The Rubrics page links to the studio.
    await page.goto(`${base}/rubrics`)
    await page.getByRole('link', { name: 'Open the rubric studio' }).click()
    await page.getByRole('heading', { level: 1, name: 'Rubric studio' }).waitFor()
    await page.getByLabel('Start from').selectOption(RUBRIC)
    await page.getByRole('button', { name: 'Open' }).click()
    await expect.poll(() => yamlField().inputValue()).toContain(`id: ${RUBRIC}\n`)
    const original = await yamlField().inputValue()
    expect(original).toBe(readFileSync(join(ROOT, 'rubrics', `${RUBRIC}.yaml`), 'utf8'))
    // The table follows the draft: the rubric's three examples, not the scaffold's two.
    await expect.poll(() => page.getByTestId('examples-table').locator('tbody tr').count()).toBe(3)
    // An example's name leads to it in the draft.
    await page.getByTestId('examples-table').getByRole('button').nth(1).click()
    expect(await selection()).toMatch(/^ {2}- name: developing/)

    // A misspelt key: one error, at its line, and that line marked beside the text.
    const broken = original.replace('    weight: 20\n', '    wieght: 20\n')
    const line = lineOf(broken, 'wieght: 20')
    await yamlField().fill(broken)
    const problem = page.getByTestId('studio-problems').locator('li').first()
    await problem.getByText("unknown key 'wieght' (did you mean 'weight'?)", { exact: false }).waitFor()
    expect(await problem.locator('.where').textContent()).toBe(`line ${line}:5`)
    await page.locator(`[data-testid="yaml-gutter"] [data-line="${line}"].line-error`).waitFor()
    expect(await page.locator('[data-testid="yaml-gutter"] .line-error').count()).toBe(1)
    await page.getByText('1 error', { exact: false }).first().waitFor()
    // Choosing the problem selects its line in the field.
    await problem.getByRole('button').click()
    expect(await selection()).toBe('wieght: 20')
    await e2e.shot('studio-problem')

    // Fixed, with a change worth saving: the question is reworded.
    const changed = original.replace(OLD_TEXT.replace('.', ''), NEW_TEXT.replace('.', ''))
    expect(changed).not.toBe(original)
    // Typed a key at a time at the end, so each keystroke is checked (stale requests are cancelled).
    await yamlField().fill(changed.slice(0, -6))
    await yamlField().press('Control+End')
    await page.keyboard.type(changed.slice(-6).replace(/\n$/, ''))
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid="yaml-gutter"] .line-error').count()).toBe(0)
    await expect.poll(() => page.locator('[data-testid="studio-problems"] .problem-error').count()).toBe(0)
    expect(await yamlField().inputValue()).toBe(changed)

    // An answer scored with the draft: the matched words are highlighted, by criterion.
    await page.getByLabel('Answer to score with the draft').fill(ANSWER)
    const check = page.getByTestId('answer-check')
    await check.waitFor()
    await page.getByTestId('answer-highlight').locator('mark.flag').first().waitFor()
    await check.locator('button[data-criterion="other-perspective"]').click()
    expect(
      await check.locator('button[data-criterion="other-perspective"]').getAttribute('aria-pressed'),
    ).toBe('true')
    const marks = await page.getByTestId('answer-highlight').locator('mark.flag').allTextContents()
    expect(marks.length).toBeGreaterThanOrEqual(2)
    const matched = marks.join(' | ').toLowerCase()
    expect(matched).toMatch(/listened|understood why|common ground|prototype|measured/)
    expect(await page.getByTestId('match-list').locator('li').count()).toBe(marks.length)
    await e2e.shot('studio-matches')

    // A criterion that is no keyword check shows why it was met too: the steps told with "I", and the
    // sentences counted for each STAR section.
    const structure = check.locator('button[data-criterion="star-structure"]')
    expect(await structure.textContent()).toMatch(/\(meets, [1-9]\d* highlighted\)/)
    const ownership = check.locator('button[data-criterion="ownership"]')
    expect(await ownership.textContent()).toMatch(/\(partly meets, [1-9]\d* highlighted\)/)
    await ownership.click()
    await expect.poll(() => ownership.getAttribute('aria-pressed')).toBe('true')
    const owned = await page.getByTestId('answer-highlight').locator('mark.flag').allTextContents()
    expect(owned.join(' ')).toContain('I built a prototype of each approach')
    const why = (await page.getByTestId('match-list').locator('li').allTextContents()).join('\n')
    expect(why).toContain('Told with "I": a step of your own')
    await structure.click()
    const counted = (await page.getByTestId('match-list').locator('li').allTextContents()).join('\n')
    for (const section of ['Situation', 'Task', 'Action', 'Result'])
      expect(counted).toContain(`Counted as ${section}`)
    await e2e.shot('studio-counted')

    // Save: the diff first, then the file is written.
    await page.getByTestId('studio-save').click()
    const dialog = page.getByRole('dialog', { name: `Save ${RUBRIC}.yaml?` })
    await dialog.waitFor()
    expect(await page.getByTestId('diff-summary').textContent()).toBe('1 line added, 1 removed.')
    expect(await dialog.locator('.diff-added').textContent()).toContain('hard technical disagreement')
    expect(await dialog.locator('.diff-removed').textContent()).toContain('serious technical disagreement')
    await e2e.shot('studio-diff')
    await page.getByTestId('confirm-save').click()
    await page.getByTestId('studio-saved').getByText(`Saved ${RUBRIC}.yaml`, { exact: false }).waitFor()
    expect(readFileSync(join(rubricsDir, `${RUBRIC}.yaml`), 'utf8')).toBe(changed)

    // The open Practice page follows through the event stream, without a reload.
    await practice.getByRole('heading', { level: 1, name: NEW_TEXT }).waitFor({ timeout: 10_000 })
    expect(await practice.evaluate('window.__notReloaded')).toBe(true)
    await page.getByTestId('studio-saved').getByText('It is in service now.').waitFor()
    await practice.close()
  }, 90_000)

  it('keeps the Rubrics page in step: a broken file appears without a reload, example failures as warnings', async () => {
    await page.goto(`${base}/rubrics`)
    await page.getByRole('heading', { name: 'Load errors' }).waitFor()
    await page.getByText('Every rubric file loaded without errors.').waitFor()
    await page.evaluate('window.__notReloaded = true')
    const file = join(rubricsDir, 'think-big.yaml')
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.replace('kind: leadership-principle', 'kind: leadership'))
    await page.getByTestId('rubric-errors').getByText('think-big.yaml:', { exact: false }).waitFor()
    expect(await page.evaluate('window.__notReloaded')).toBe(true)
    // The broken file opens in the studio, its mistake at its line.
    await page.getByTestId('rubric-errors').getByRole('link', { name: 'Fix in the studio' }).click()
    await expect.poll(() => yamlField().inputValue()).toContain('kind: leadership\n')
    const kindLine = lineOf(await yamlField().inputValue(), 'kind: leadership')
    await page.locator(`[data-testid="yaml-gutter"] [data-line="${kindLine}"].line-error`).waitFor()
    writeFileSync(file, text)
    await page.goto(`${base}/rubrics`)
    await page.getByText('Every rubric file loaded without errors.').waitFor()

    // Examples that miss their expectations are listed apart: the rubric still serves.
    await page.route('**/api/rubrics/errors', (route) =>
      route.fulfill({
        json: {
          errors: [
            {
              file: 'ownership.yaml',
              line: 80,
              column: 5,
              path: 'examples.1',
              ruleId: 'example-expectation',
              message: "Example 'developing': expected band 'developing', got 'strong' (score 88)",
              severity: 'warning',
            },
          ],
          stale: [],
          loadedAt: new Date(0).toISOString(),
        },
      }),
    )
    await page.reload()
    await page.getByRole('heading', { name: 'Example failures and warnings' }).waitFor()
    await page.getByTestId('rubric-warnings').getByText('ownership.yaml:80:5').waitFor()
    await page.getByText('Every rubric file loaded without errors.').waitFor()
    await e2e.shot('rubrics-warnings')
    await page.unroute('**/api/rubrics/errors')

    // A draft is listed with a tag that says candidates are not offered it.
    await page.route('**/api/rubrics', async (route) => {
      const res = await route.fetch()
      const body = (await res.json()) as { rubrics: { id: string; draft?: true }[] }
      await route.fulfill({
        json: { rubrics: body.rubrics.map((r) => (r.id === 'ownership' ? { ...r, draft: true } : r)) },
      })
    })
    await page.reload()
    const draftTag = page.getByText('draft: not offered to candidates')
    await draftTag.waitFor()
    expect(await draftTag.count()).toBe(1)
    await page.unroute('**/api/rubrics')
  }, 90_000)

  it('says how to switch saving on when it is off', async () => {
    await page.route('**/api/rubrics/studio', async (route) => {
      const res = await route.fetch()
      const body = await res.json()
      await route.fulfill({
        json: { ...body, write: false, writeHelp: 'Saving from the studio is switched off.' },
      })
    })
    await page.goto(`${base}/studio`)
    await page.getByTestId('studio-write-off').getByText('switched off').waitFor()
    expect(await page.getByTestId('studio-save').count()).toBe(0)
    await page.unroute('**/api/rubrics/studio')
  })

  it('is accessible light, dark and at 375 px, with one h1', async () => {
    const check = async (name: string) => {
      await page.goto(`${base}/studio?rubric=${RUBRIC}`)
      await page.getByTestId('examples-table').waitFor()
      await page.getByLabel('Answer to score with the draft').fill(ANSWER)
      await page.getByTestId('answer-highlight').waitFor()
      // One criterion chosen: its counted sentences highlighted, checked for contrast too.
      await page.getByTestId('answer-check').locator('button[data-criterion="ownership"]').click()
      await page.getByTestId('match-list').getByText('Told with "I"', { exact: false }).first().waitFor()
      expect(await page.locator('h1').count()).toBe(1)
      const violations = await axe(page)
      expect(violations, describeViolations(violations)).toEqual([])
      // Nothing wider than the window.
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
      expect(overflow).toBeLessThanOrEqual(0)
      await e2e.shot(name)
    }
    await page.setViewportSize({ width: 1366, height: 900 })
    await check('studio-1366-light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await check('studio-1366-dark')
    await page.setViewportSize({ width: 375, height: 800 })
    await check('studio-375-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await check('studio-375-light')
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(e2e.pageErrors).toEqual([])
  }, 120_000)
})
