// Team mode end to end in Chromium: the first account is made through the sign-up page; an instructor and two
// candidates sign up through invite links and sign in through the sign-in page; the instructor creates a cohort
// and an invite in the UI; the candidates join and answer; the instructor's cohort view shows them.

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRONG_ANSWER } from './answers'
import { WEAK_ANSWER } from './candidate-support'
import { axe, describeViolations, type E2E, requireBrowser, SKIP_E2E, startE2E } from './harness'

requireBrowser('team mode (e2e)')

const PASSWORD = 'correct horse battery'
const PROMPT = 'ownership-outside-scope'

describe.skipIf(SKIP_E2E)('team mode (e2e)', () => {
  let e2e: E2E
  let page: Page
  let base: string

  beforeAll(async () => {
    e2e = await startE2E({
      team: { secret: 'e2e-secret-long-enough-for-the-checks-0123456789', signup: 'invite' },
    })
    ;({ page, base } = e2e)
  })
  afterAll(async () => {
    await e2e?.close()
  })

  async function expectAccessible(name: string) {
    const violations = await axe(page)
    expect(violations, describeViolations(violations)).toEqual([])
    await e2e.shot(name)
  }

  async function signUpThrough(url: string, name: string) {
    await page.goto(url)
    await page.getByLabel('Your name').fill(name)
    await page.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@example.test`)
    await page.getByLabel(/^Password/).fill(PASSWORD)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(/\/practice$/)
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(name)
  }

  async function signInThrough(name: string) {
    await page.goto(`${base}/`)
    await page.waitForURL(/\/login$/)
    await page.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@example.test`)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/practice$/)
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(name)
  }

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL(/\/login$/)
  }

  async function inviteLinkFor(cohortName: string): Promise<string> {
    await page.goto(`${base}/cohorts`)
    await page.getByLabel('New cohort').fill(cohortName)
    await page.getByRole('button', { name: 'Create cohort' }).click()
    const row = page.locator('.cohort-row', { hasText: cohortName })
    await row.getByRole('button', { name: 'New invite link' }).click()
    const link = await row.getByTestId('invite').locator('input').inputValue()
    expect(link).toMatch(new RegExp(`^${base}/signup\\?invite=`))
    return link
  }

  async function answer(text: string) {
    await page.goto(`${base}/practice/${PROMPT}`)
    await page.getByTestId('answer').fill(text)
    await page.getByTestId('submit').click()
    await page.waitForURL(/\/attempts\/\d+$/)
    await page.getByTestId('score').waitFor()
  }

  it('walks an instructor and two candidates from sign-up to the cohort view', async () => {
    // Nothing but sign-in without a session.
    await page.goto(`${base}/history`)
    await page.waitForURL(/\/login$/)
    await expectAccessible('team-login')
    await page.getByRole('link', { name: 'Create one' }).click()
    await page.getByText('it becomes the admin').waitFor()
    await expectAccessible('team-signup-first')
    await signUpThrough(`${base}/signup`, 'Ada Admin')
    const staffLink = await inviteLinkFor('Staff')
    await signOut()

    // Sign-up without an invite is closed after the first account.
    await page.goto(`${base}/signup`)
    await page.getByText('needs an invite link').waitFor()

    await signUpThrough(staffLink, 'Tess Teacher')
    await signOut()
    // The admin makes Tess an instructor on the Cohorts page's list of people.
    await signInThrough('Ada Admin')
    await page.goto(`${base}/cohorts`)
    const tess = page.getByTestId('person').filter({ hasText: 'Tess Teacher' })
    await tess.getByLabel('Role of Tess Teacher').selectOption('instructor')
    await page.getByText('Tess Teacher is now instructor.').waitFor()
    // The admin's own role is not offered for change.
    await page.getByTestId('person').filter({ hasText: 'Ada Admin' }).getByText('Admin (you)').waitFor()
    await expectAccessible('team-people')
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375)
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible('team-people-375-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1280, height: 900 })
    await signOut()

    await signInThrough('Tess Teacher')
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('instructor')
    const springLink = await inviteLinkFor('Spring bootcamp')
    // The new link says until when it works (14 days by default).
    await page
      .getByTestId('invite')
      .getByText(/It works until .*20\d\d/)
      .waitFor()
    await expectAccessible('team-cohorts')
    // The invite link at a laptop's and a phone's width, light and dark.
    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 800 })
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await expectAccessible(`team-cohorts-${width}-${scheme}`)
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1280, height: 900 })
    // Before anyone joins, the cohort's page says so rather than that everyone has practised.
    await page.getByRole('link', { name: 'Spring bootcamp' }).click()
    await page.getByTestId('no-candidates').waitFor()
    expect(await page.getByTestId('idle-none').count()).toBe(0)
    expect(await page.getByTestId('weeks').count()).toBe(0)
    await page.goto(`${base}/cohorts`)
    await page.getByRole('heading', { level: 1, name: 'Cohorts' }).waitFor()
    await signOut()

    await signUpThrough(springLink, 'Cara Candidate')
    await answer(STRONG_ANSWER)
    await signOut()
    await signUpThrough(springLink, 'Dan Candidate')
    await answer(WEAK_ANSWER)
    // A candidate cannot open the instructor view.
    const cohortsOfDan = await (await page.request.get(`${base}/api/cohorts`)).json()
    const springId = cohortsOfDan.cohorts[0].id as number
    // The browser logs the refused request (403) as a console error: expected here.
    e2e.expectErrors(true)
    await page.goto(`${base}/cohorts/${springId}`)
    await page.getByText("Only the cohort's instructors see its progress.").waitFor()
    e2e.expectErrors(false)
    await signOut()

    await signInThrough('Tess Teacher')
    await page.goto(`${base}/cohorts`)
    await page.getByRole('link', { name: 'Spring bootcamp' }).click()
    await page.getByRole('heading', { level: 1, name: 'Spring bootcamp' }).waitFor()
    const heat = page.getByTestId('heat-map')
    await heat.waitFor()
    await expect
      .poll(() => heat.locator('tbody th').allTextContents())
      .toEqual(['Cara Candidate', 'Dan Candidate'])
    const weeks = await page.getByTestId('weeks').locator('tbody tr').allTextContents()
    expect(weeks).toHaveLength(2)
    for (const row of weeks) expect(row).toMatch(/1$/)
    await page.getByTestId('idle-none').waitFor()
    expect(await page.getByTestId('weakest').locator('li').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('weakest').locator('a[href^="/practice/"]').count()).toBeGreaterThan(0)
    // No answer text is shown: neither candidate shared one.
    await page.getByText('No one has shared an answer with this cohort.').waitFor()
    // The section holds its heading and that one line: no list, and no page code shown as text.
    const sharedSection = page.locator('section[aria-labelledby="shared-h"]')
    expect(await sharedSection.textContent()).toBe(
      'Shared answersNo one has shared an answer with this cohort.',
    )
    expect(await sharedSection.locator('ul').count()).toBe(0)
    expect(await page.content()).not.toContain(STRONG_ANSWER.slice(0, 60))
    await expectAccessible('team-cohort-view')

    // A phone and dark mode.
    await page.setViewportSize({ width: 375, height: 800 })
    const wide = await page.evaluate<number>('document.documentElement.scrollWidth')
    expect(wide).toBeLessThanOrEqual(375)
    await expectAccessible('team-cohort-view-375')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectAccessible('team-cohort-view-dark')
    await page.goto(`${base}/cohorts`)
    await signOut()
    await expectAccessible('team-login-375-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1280, height: 900 })

    expect(e2e.dialogs).toEqual([])
    expect(e2e.pageErrors).toEqual([])
  }, 180_000)
})
