// The waterfall of one deep link on the slow mobile link of vs-pagefind.js
// (150 ms before each response, 1.6 Mbit/s shared by all): what the page asks
// for and when, until its first highlighted result, in a fresh profile with
// the service worker blocked. Prints one line a request (start and end, ms
// from navigation; bytes on the wire), then the first results and the first
// mark. Not part of the test suite.
//
// Usage: (cd e2e && node bench/waterfall.js [dist] [hash])
//   e.g. node bench/waterfall.js ../dist '#/?q=Bakou%20Moscou'
//   BEFORE=<another dist> prints that build's waterfall too, for the same link.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SLOW = { latency: 150, bytesPerSecond: 1.6e6 / 8 };
const dist = process.argv[2] ?? join(ROOT, 'dist');
const hash = process.argv[3] ?? '#/?q=Bakou%20Moscou';

async function waterfall(browser, folder) {
  const server = await serveStatic(folder, { gzip: true, ...SLOW });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (window.firstMarkAt === undefined && document.querySelector('.result mark')) window.firstMarkAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('.result mark', { timeout: 60000 });
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
  if (timing.first !== undefined) console.log(`${String(Math.round(timing.first)).padStart(7)}        first results written (boot.js)`);
  console.log(`${String(Math.round(timing.mark)).padStart(7)}        first highlighted result`);
}

const browser = await launch();
if (process.env.BEFORE) await waterfall(browser, process.env.BEFORE);
await waterfall(browser, dist);
await browser.close();
