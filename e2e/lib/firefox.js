// Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, for the
// tests of what depends on the browser's own APIs (selection, speech,
// downloads). Never downloads a browser.
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { serveStatic } from './server.js';
import { requireBuild } from './fixture.js';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Serves `dist` and starts Firefox for the tests of one file; gives a getter for a fresh page. */
export function useFirefox({ dist, prefs = {} }) {
  let server;
  let browser;
  before(async () => {
    requireBuild(dist);
    server = await serveStatic(dist);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: prefs,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: () => server.url,
    /** A page in a fresh context (its own storage), with the errors it logs. */
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
      return page;
    },
  };
}
