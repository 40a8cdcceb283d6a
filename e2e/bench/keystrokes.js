// Typing in the search box of a large collection, as a reader does: the first
// three words of article titles typed letter by letter in a fresh profile
// (loopback, no throttling), every keystroke timed from its `input` event to
// the frame that shows its answer (the list for that very query, its first
// result's title in). A keystroke is "fetched" when pieces were downloaded
// for it, "cached" when not; each title is then typed a second time, every
// piece already here. Prints p50 and p95 of each, what part of a fetched
// keystroke came after its last byte (decoding, checks, search, render), and
// the bytes a title costs while typing and with the pause after it.
//
// Usage (not part of the test suite; the site built by vs-pagefind.js):
//   (cd e2e && node bench/vs-pagefind.js 36k) && (cd e2e && node bench/keystrokes.js [36k] [titles])
// Env: WORK (default /tmp/liseuse-vs-pagefind); DIST=<a build> measures that
// build instead (e.g. an earlier commit's), with the same titles; VERBOSE=1
// prints each keystroke that fetched pieces, with each piece's request and
// last byte in ms after the key, and each cached one slower than 16 ms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const WORK = process.env.WORK ?? '/tmp/liseuse-vs-pagefind';
const name = process.argv[2] ?? '36k';
const COUNT = Number(process.argv[3] ?? 20);
const dist = process.env.DIST ?? join(WORK, name, 'liseuse');
// A reader's pace: a key at most every 150 ms, never before the last one's answer.
const GAP_MS = 150;
// What the app waits for before the pieces that refine a list (src/pieces.rs: LATER_AFTER_MS), and more.
const PAUSE_MS = 1500;

const articles = readFileSync(join(WORK, name, 'articles.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** The first three words of `COUNT` titles spread over the collection (the same at every run). */
const titles = Array.from({ length: COUNT }, (_, k) => articles[Math.floor(((k + 0.37) * articles.length) / COUNT)].title)
  .map((title) => (title.match(WORD) ?? []).slice(0, 3).join(' '))
  .filter((q) => q.length >= 3);

const quantile = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

/** Installed in the page: each `input` of the search box starts an entry; it is answered at the frame after the list shows its query with a title. */
function watch() {
  const input = document.querySelector('input[type=search]');
  window.keys = [];
  input.addEventListener('input', () => {
    window.keys.push({ q: input.value.trim(), t0: performance.now(), detected: null, shown: null });
    // A key that changes nothing on screen (a space: the same words) is
    // answered by the list already there, at the next frame.
    requestAnimationFrame(check);
  }, true);
  function check() {
    const entry = window.keys.at(-1);
    if (!entry || entry.detected !== null || !entry.q) return;
    const title = document.getElementById('view-title');
    const section = document.querySelector('section.results');
    if (!title || !section || section.getAttribute('aria-busy') === 'true') return;
    if (title.textContent !== `Résultats pour « ${entry.q} »`) return;
    const first = section.querySelector('.result');
    if (first?.classList.contains('pending')) return;
    entry.detected = performance.now();
    requestAnimationFrame(() => {
      entry.shown = performance.now();
    });
  }
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

const server = await serveStatic(dist);
const browser = await launch();
const fetched = [];
const cached = [];
const afterLastByte = [];
const typingBytes = [];
const titleBytes = [];
let unanswered = 0;

/** Types `q` letter by letter; returns the keystrokes' entries with the pieces each downloaded. */
async function type(page, q) {
  const from = await page.evaluate(() => window.keys.length);
  for (const letter of q) {
    const before = await page.evaluate(() => window.keys.length);
    await page.keyboard.type(letter);
    const started = Date.now();
    await page.waitForFunction((n) => window.keys.length > n && window.keys.at(-1).shown !== null, before, { timeout: 5000 }).catch(() => {});
    const spent = Date.now() - started;
    if (spent < GAP_MS) await page.waitForTimeout(GAP_MS - spent);
  }
  return page.evaluate((from) => {
    const resources = performance.getEntriesByType('resource').filter((r) => r.name.includes('/pieces/'));
    return window.keys.slice(from).map((entry) => {
      const end = entry.shown ?? Infinity;
      const mine = resources.filter((r) => r.startTime >= entry.t0 && r.startTime < end);
      const timeline = mine.map((r) => `${r.name.split('/').pop().split('-')[0]} ${Math.round(r.startTime - entry.t0)}–${Math.round(r.responseEnd - entry.t0)}`);
      return { ...entry, pieces: mine.length, timeline, lastByte: Math.max(0, ...mine.map((r) => r.responseEnd)) };
    });
  }, from);
}

const bytesSince = (page, t) =>
  page.evaluate((t) => performance.getEntriesByType('resource').filter((r) => r.startTime >= t).reduce((sum, r) => sum + r.encodedBodySize, 0), t);

for (const q of titles) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#app[data-started] input[type=search]', { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(watch);
  await page.focus('input[type=search]');
  const start = await page.evaluate(() => performance.now());
  const first = await type(page, q);
  const typed = await bytesSince(page, start);
  if (process.env.VERBOSE) {
    const kinds = await page.evaluate((t) => {
      const out = {};
      for (const r of performance.getEntriesByType('resource').filter((r) => r.startTime >= t)) {
        const kind = r.name.includes('/pieces/') ? r.name.split('/').pop().split('-')[0] : r.name.split('/').pop();
        out[kind] = (out[kind] ?? 0) + r.encodedBodySize;
      }
      return out;
    }, start);
    console.error(`    typing ${JSON.stringify(q)}, by kind: ${Object.entries(kinds).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} kB`).join(', ')}`);
  }
  await page.waitForTimeout(PAUSE_MS);
  const paused = await bytesSince(page, start);
  typingBytes.push(typed);
  titleBytes.push(paused);
  // Once more, every piece of it here: out of the box (Escape), then the same letters.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(PAUSE_MS);
  const again = await type(page, q);
  for (const entry of first) {
    if (process.env.VERBOSE && entry.pieces) {
      const shown = entry.shown === null ? 'not shown within 5 s' : `shown at ${Math.round(entry.shown - entry.t0)} ms`;
      console.error(`    ${JSON.stringify(entry.q)} ${shown}: ${entry.timeline.join(', ')}`);
    }
    if (entry.shown === null) unanswered++;
    else if (entry.pieces) {
      fetched.push(entry.shown - entry.t0);
      afterLastByte.push(entry.shown - Math.max(entry.t0, entry.lastByte));
    } else cached.push(entry.shown - entry.t0);
  }
  for (const entry of [...first, ...again]) {
    if (process.env.VERBOSE && !entry.pieces && entry.shown !== null && entry.shown - entry.t0 > 16) {
      console.error(`    ${JSON.stringify(entry.q)} cached, shown at ${Math.round(entry.shown - entry.t0)} ms`);
    }
  }
  for (const entry of again) {
    if (entry.shown === null) unanswered++;
    else if (entry.pieces) fetched.push(entry.shown - entry.t0);
    else cached.push(entry.shown - entry.t0);
  }
  console.error(`  ${JSON.stringify(q)}: ${first.length} keys, ${(typed / 1000).toFixed(0)} kB typing, ${(paused / 1000).toFixed(0)} kB with the pause; again: ${again.filter((e) => e.pieces).length} keys fetched`);
  await context.close();
}
await browser.close();
await server.close();

const ms = (v) => `${Math.round(v)} ms`;
const kB = (v) => `${(v / 1000).toFixed(0)} kB`;
console.log(`\n${name}: ${titles.length} titles' first three words typed letter by letter (${dist})`);
console.log(`  keystroke that fetched pieces (${fetched.length}): p50 ${ms(quantile(fetched, 0.5))}  p95 ${ms(quantile(fetched, 0.95))}`);
console.log(`    of which after its last byte: p50 ${ms(quantile(afterLastByte, 0.5))}  p95 ${ms(quantile(afterLastByte, 0.95))}`);
console.log(`  keystroke answered from pieces already here (${cached.length}): p50 ${ms(quantile(cached, 0.5))}  p95 ${ms(quantile(cached, 0.95))}`);
console.log(`  a title typed: ${kB(quantile(typingBytes, 0.5))} p50, ${kB(quantile(typingBytes, 0.95))} p95; with the pause after it ${kB(quantile(titleBytes, 0.5))} p50, ${kB(quantile(titleBytes, 0.95))} p95`);
if (unanswered) console.log(`  ${unanswered} keystrokes not answered within 5 s`);
