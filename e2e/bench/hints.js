// How often the hints of a split site (liseuse_build::publish::hints, read by
// assets/boot.js while the wasm downloads) foresee every dictionary and term
// piece a link to a search needs: for each query, a fresh profile opens the
// link with both wasms held back, and any such piece asked for after the
// first wasm came is a round of requests the hints missed (on a slow link,
// about 0.6 s before the first result). Prints the share of links that
// needed one, for titles and for pairs of words, and the pieces preloaded.
// Not part of the test suite.
//
// Usage: (cd e2e && node bench/hints.js [site] [articles.jsonl] [count])
//   defaults: the 36k site and articles of bench/vs-pagefind.js
//   (/tmp/liseuse-vs-pagefind/36k/{liseuse,articles.jsonl}), 100 titles and
//   100 pairs of words; BEFORE=<another site of the same articles> measures
//   it too, with the same links.
import { readFileSync } from 'node:fs';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const WORK = process.env.WORK ?? '/tmp/liseuse-vs-pagefind';
const site = process.argv[2] ?? `${WORK}/36k/liseuse`;
const articlesFile = process.argv[3] ?? `${WORK}/36k/articles.jsonl`;
const COUNT = Number(process.argv[4] ?? 100);
/** Long enough for every preload to have been asked for. */
const HELD_MS = 1500;

const articles = readFileSync(articlesFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const WORD = /[\p{L}\p{N}]+/gu;
/** `COUNT` titles and `COUNT` pairs of long words of one article, spread over the collection. */
function queries() {
  const at = (k, shift) => articles[Math.floor(((k + shift) * articles.length) / COUNT) % articles.length];
  const titles = Array.from({ length: COUNT }, (_, k) => ({ kind: 'title', q: at(k, 0.13).title }));
  const pairs = Array.from({ length: COUNT }, (_, k) => {
    const long = [...new Set((at(k, 0.71).text.match(WORD) ?? []).filter((w) => w.length >= 6))];
    return { kind: 'pair', q: `${long[0]} ${long[Math.min(3, long.length - 1)]}` };
  }).filter((p) => !p.q.includes('undefined'));
  return [...titles, ...pairs];
}

async function measure(browser, folder, links) {
  const server = await serveStatic(folder, { gzip: true });
  const rows = [];
  for (const { kind, q } of links) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let arrived = Infinity;
    await page.route(/(first-[0-9a-f]+\.wasm\.gz|_bg\.wasm\.gz)$/, async (route) => {
      await new Promise((done) => setTimeout(done, HELD_MS));
      const response = await route.fetch();
      arrived = Math.min(arrived, Date.now());
      await route.fulfill({ response });
    });
    const asked = [];
    page.on('request', (request) => {
      const piece = request.url().split('/pieces/')[1];
      if (/^(dictionary|terms)-/.test(piece ?? '')) asked.push(Date.now());
    });
    await page.goto(`${server.url}#/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('.results, .result', { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    rows.push({ kind, q, early: asked.filter((at) => at < arrived).length, late: asked.filter((at) => at >= arrived).length });
    await context.close();
  }
  await server.close();
  return rows;
}

function report(name, rows) {
  const of = (kind) => rows.filter((r) => r.kind === kind);
  const missed = (list) => list.filter((r) => r.late > 0).length;
  const median = (list) => {
    const sorted = list.map((r) => r.early).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  for (const kind of ['title', 'pair']) {
    const list = of(kind);
    console.log(
      `| ${name} | ${kind}s | ${missed(list)} of ${list.length} (${((100 * missed(list)) / Math.max(1, list.length)).toFixed(0)} %) | ${median(list)} |`,
    );
  }
  if (process.env.VERBOSE) for (const r of rows.filter((r) => r.late)) console.log(`    ${name}: ${r.late} late: ${r.q}`);
}

const links = queries();
const browser = await launch();
console.log(`${links.length} links to a search, ${site}`);
console.log('| site | links | a round more than the hints foresaw | pieces preloaded (median) |');
console.log('| --- | --- | ---: | ---: |');
report('liseuse', await measure(browser, site, links));
if (process.env.BEFORE) report('before', await measure(browser, process.env.BEFORE, links));
await browser.close();
