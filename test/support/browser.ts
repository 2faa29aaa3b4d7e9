/**
 * Real headless Chromium for the browser tests, driven by playwright-core: the one test/support/find-browser.ts
 * finds (Debian's `/usr/bin/chromium` on CI), never a downloaded browser. The flags keep Chromium off the network (the machine has none) and work as root.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from './find-browser.js';

/** The browser test/global-setup.ts found (or installed); a bench run outside the suite looks for one itself. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? findBrowser() ?? '/usr/bin/chromium';

export function launchBrowserAsync(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Where tests leave screenshots for people to look at. */
export const ARTIFACTS_DIR = new URL('../../test-results/', import.meta.url).pathname;

/** Saves a screenshot of the page, or of the element `selector` finds, under {@link ARTIFACTS_DIR}. */
export async function screenshotAsync(page: Page, name: string, selector?: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}${name}.png`;
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path });
  return path;
}

/** Collects page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
