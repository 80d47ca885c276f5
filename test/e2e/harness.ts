// The browser suites' shared set-up: a fresh client build and server on a temp database, Debian's Chromium,
// screenshots, page-error collection, and an axe-core accessibility check.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH, SKIP_BROWSER } from '../support/chromium'

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const SHOTS = join(ROOT, 'test-output', 'screenshots')
const HAVE_BROWSER = existsSync(CHROMIUM_PATH)
/** Skip the browser suites: asked to, or no Chromium (which `requireBrowser` turns into a failing test). */
export const SKIP_E2E = !HAVE_BROWSER || SKIP_BROWSER

/** Without Chromium, fail loudly and say how to fix it, rather than pass without having looked at the UI. */
export function requireBrowser(name: string) {
  if (HAVE_BROWSER || SKIP_BROWSER) return
  describe(name, () => {
    it('needs Chromium', () => {
      throw new Error(
        `No Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
          '(or point STARBOARD_CHROMIUM at a Chromium binary; STARBOARD_SKIP_E2E=1 skips these tests).',
      )
    })
  })
}

export interface E2E {
  base: string
  context: BrowserContext
  page: Page
  app: FastifyInstance
  /** Browser dialogs seen (an `alert` from injected markup would land here). */
  dialogs: string[]
  /** Uncaught page errors and console errors, except while `expectErrors` is on. */
  pageErrors: string[]
  expectErrors(on: boolean): void
  shot(name: string, target?: Page): Promise<void>
  close(): Promise<void>
}

/** What a suite may change about the server: the studio's suite serves a copy of the rubrics it may write to. */
export interface E2EOptions {
  rubricsDir?: string
  watchRubrics?: boolean
  studioWrite?: boolean
  /** Team mode: accounts with this secret and sign-up policy, at the address the server listens on. */
  team?: { secret: string; signup: 'open' | 'invite' }
}

/** A port nothing listens on now, so team mode's address (which its cookies and origin checks use) is known first. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const tmp = mkdtempSync(join(tmpdir(), 'starboard-e2e-'))
  mkdirSync(SHOTS, { recursive: true })
  // Build the client into a temp folder, so the run always tests the current source and never
  // replaces dist/client under a server someone else is running.
  const clientDir = join(tmp, 'client')
  const { build } = await import('vite')
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: clientDir } })
  const { buildApp } = await import('../../server/app')
  const port = options.team === undefined ? 0 : await freePort()
  const app = await buildApp({
    ...(options.team === undefined ? {} : { team: { ...options.team, baseURL: `http://127.0.0.1:${port}` } }),
    dbPath: join(tmp, 'starboard.db'),
    rubricsDir: options.rubricsDir ?? join(ROOT, 'rubrics'),
    clientDir,
    rateLimit: false,
    watchRubrics: options.watchRubrics ?? false,
    studioWrite: options.studioWrite ?? false,
  })
  await app.listen({ host: '127.0.0.1', port })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const dialogs: string[] = []
  const pageErrors: string[] = []
  let expectingErrors = false
  const watch = (p: Page) => {
    p.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    p.on('pageerror', (e) => pageErrors.push(e.message))
    // Console errors (a CSP violation, a failed request) count too, except where a test causes them on purpose.
    p.on('console', (m) => {
      if (m.type() === 'error' && !expectingErrors) pageErrors.push(`console: ${m.text()}`)
    })
  }
  watch(page)
  context.on('page', watch)
  return {
    base,
    context,
    page,
    app,
    dialogs,
    pageErrors,
    expectErrors(on) {
      expectingErrors = on
    },
    async shot(name, target = page) {
      await target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
    },
    async close() {
      await context.close()
      await app.close()
      rmSync(tmp, { recursive: true, force: true })
    },
  }
}

/** axe-core's browser build, from the dev dependency `axe-core`. */
function axeSource(): string {
  const require = createRequire(import.meta.url)
  let path: string
  try {
    path = require.resolve('axe-core/axe.min.js')
  } catch {
    throw new Error('axe-core is not installed: add it as a dev dependency (npm install -D axe-core).')
  }
  return path
}

/** The four views each page is looked at in: the two widths, light and dark. */
export const VIEWS = [
  [1366, 'light'],
  [1366, 'dark'],
  [375, 'light'],
  [375, 'dark'],
] as const

/** Shows the page at one of VIEWS: its width (900 px high) and colour scheme. */
export async function showAt(page: Page, width: number, scheme: 'light' | 'dark'): Promise<void> {
  await page.setViewportSize({ width, height: 900 })
  await page.emulateMedia({ colorScheme: scheme })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core on the page as it is now (WCAG 2.x A and AA, and best practices); returns every violation. It
 * first waits, up to ten seconds, for the page's main landmark: on a loaded machine a page can still be rendering
 * after its navigation ends. A page that never renders one is reported by axe as missing it.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.waitForSelector('main', { timeout: 10_000 }).catch(() => undefined)
  // Evaluated, not added as a script tag: the app's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"')))
    await page.evaluate(readFileSync(axeSource(), 'utf8'))
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })()`)
}

/** A violation list as lines a person can act on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`)
          .join('\n'),
    )
    .join('\n')
}
