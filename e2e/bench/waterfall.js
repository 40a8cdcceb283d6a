// The waterfall of one deep link on the slow mobile link of vs-pagefind.js
// (150 ms before each response, 1.6 Mbit/s shared by all): what the page asks
// for and when, until its first highlighted result (a link to a search) or
// the first paragraph of its article (a link to an article), in a fresh
// profile with the service worker blocked. Prints one line a request (start
// and end, ms from navigation; bytes on the wire), then when the first view
// was written and shown. Not part of the test suite.
//
// Usage: (cd e2e && node bench/waterfall.js [dist] [hash])
//   e.g. node bench/waterfall.js ../dist '#/?q=Bakou%20Moscou'
//        node bench/waterfall.js ../dist '#/article/001_a27cac7314b78e34'
//   BEFORE=<another dist> prints that build's waterfall too, for the same link.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SLOW = { latency: 150, bytesPerSecond: 1.6e6 / 8 };
const dist = process.argv[2] ?? join(ROOT, 'dist');
const hash = process.argv[3] ?? '#/?q=Bakou%20Moscou';
const article = hash.startsWith('#/article/');
/** What the reader waits for: a highlighted result, or the article's text. */
const SHOWN = article ? 'article.reader .text p' : '.result mark';
const SHOWN_LABEL = article ? 'first paragraph of the article' : 'first highlighted result';

async function waterfall(browser, folder) {
  const server = await serveStatic(folder, { gzip: true, ...SLOW });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript((shown) => {
    new MutationObserver(() => {
      if (window.firstMarkAt === undefined && document.querySelector(shown)) window.firstMarkAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  }, SHOWN);
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector(SHOWN, { timeout: 60000 });
  const timing = await page.evaluate(() => ({
    mark: window.firstMarkAt,
    first: performance.getEntriesByName('liseuse-first-results')[0]?.startTime,
    started: performance.getEntriesByType('resource').length,
    entries: performance.getEntriesByType('resource').map((e) => ({
      name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize,
    })),
  }));
  await context.close();
  await server.close();
  console.log(`\n${folder} ${hash}`);
  console.log('  start    end  bytes  file');
  for (const e of timing.entries.filter((e) => e.start <= timing.mark)) {
    console.log(`${String(Math.round(e.start)).padStart(7)} ${String(Math.round(e.end)).padStart(6)} ${String(e.bytes).padStart(6)}  ${e.name}`);
  }
  if (timing.first !== undefined) console.log(`${String(Math.round(timing.first)).padStart(7)}        first view written (boot.js)`);
  console.log(`${String(Math.round(timing.mark)).padStart(7)}        ${SHOWN_LABEL}`);
}

const browser = await launch();
if (process.env.BEFORE) await waterfall(browser, process.env.BEFORE);
await waterfall(browser, dist);
await browser.close();
