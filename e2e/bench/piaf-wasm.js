// Query latency of the engine compiled to wasm, in headless Chromium, over the
// 3,835 PIAF questions: builds the app with the 761 PIAF paragraphs as its
// articles (LISEUSE_ARTICLES), serves it, and times every question in the page.
// Usage: node bench/piaf-wasm.js   (reads ../shared/eval/piaf beside the checkout, or PIAF_DIR)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const piaf = process.env.PIAF_DIR ?? resolve(root, '../shared/eval/piaf');
if (!existsSync(join(piaf, 'piaf_paragraphs.jsonl'))) {
  console.error(`error: no PIAF data in ${piaf}: put shared/ beside the checkout or set PIAF_DIR`);
  process.exit(1);
}
const work = join(process.env.TMPDIR ?? '/tmp', 'liseuse-bench-piaf');
const articles = join(work, 'articles');
const dist = join(work, 'dist');
rmSync(work, { recursive: true, force: true });
mkdirSync(articles, { recursive: true });
for (const line of readFileSync(join(piaf, 'piaf_paragraphs.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const p = JSON.parse(line);
  writeFileSync(join(articles, `${p.id}.txt`), `${p.title}\n\n${p.body}\n`);
}
const queries = readFileSync(join(piaf, 'piaf_queries.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.includes('\t'))
  .map((l) => l.split('\t')[1] + ' ');

console.log(`building the app with ${articles} ...`);
execFileSync('trunk', ['build', '--release', '--offline', '--features', 'bench', '--dist', dist], {
  cwd: root,
  env: { ...process.env, LISEUSE_ARTICLES: articles },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const server = await serveStatic(dist);
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.wasmBindings?.search_timings);
// One warm-up pass (JIT, caches), then the measured one.
// search_timings is async: a split index is downloaded whole before timing.
await page.evaluate(async (q) => { await window.wasmBindings.search_timings(q); }, queries);
const times = await page.evaluate(async (q) => Array.from(await window.wasmBindings.search_timings(q)), queries);
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(
  `query latency, wasm in headless Chromium, ${times.length} PIAF questions, top 10 (a page of results): ` +
    `p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${times.at(-1).toFixed(3)} ms`,
);
