// Debian's Chromium, driven by playwright-core. Never downloads a browser.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A headless Chromium (Playwright gives each launch a fresh profile) with this machine's required flags;
 * `extra` flags after them. */
export async function launch(extra = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...extra,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
