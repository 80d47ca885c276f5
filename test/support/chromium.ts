// Launches Debian's Chromium for browser tests, or explains how to get it (STARBOARD_SKIP_E2E=1 skips instead).

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

export const CHROMIUM_PATH = process.env.STARBOARD_CHROMIUM ?? '/usr/bin/chromium'
export const SKIP_BROWSER = process.env.STARBOARD_SKIP_E2E === '1'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(or set STARBOARD_CHROMIUM to its path, or STARBOARD_SKIP_E2E=1 to skip browser tests).',
    )
  }
}

/** Starts headless Chromium with a fresh profile; `close` stops it and removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  assertChromium()
  const profile = mkdtempSync(join(tmpdir(), 'starboard-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
