// A shared link to a search, opened in a fresh browser profile, until its first
// highlighted result: liseuse next to Pagefind 1.6 (npm, pinned in
// bench/peers/) built over the very same articles, in one run, on loopback with
// no throttling and on a slow mobile link made at the server (150 ms before
// each response, 1.6 Mbit/s shared by every response, the service worker's
// included: about Lighthouse's "slow 4G"), with liseuse's service worker
// blocked and allowed (a real first visit). Prints p50 and p95 of the time from
// navigation start (taken in the page, as the DOM changes), and the bytes and
// requests the server sent until then.
//
// Usage (not part of the test suite; reads ../shared beside the checkout):
//   (cd e2e/bench/peers && npm ci) && (cd e2e && node bench/vs-pagefind.js [seeds] [2000] [36k])
// Env: RUNS (cold loads per query, default 3); WORK (default /tmp/liseuse-vs-pagefind),
// where the sites are built once (REBUILD=1 builds liseuse's again, after a
// change); NOCACHE=1 adds a host that forbids caching (no-cache, never a 304);
// BASE=<a worktree of an earlier commit> measures its liseuse too ("before"),
// built there with its own target folder (BASE_ENV='NAME=value …' only for
// that build, e.g. BASE=$PWD/.. BASE_ENV=LISEUSE_GENERATIONS=one: this code in
// one generation); H2=1 serves over HTTP/2 (TLS, a
// certificate made for the run, which the browser is told to accept), as most
// hosts do, where HTTP/1.1 lets the browser open 6 connections to a host.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = join(ROOT, '../shared');
const ORANGESUM = join(SHARED, 'corpora/orangesum/orangesum_docs.jsonl.gz');
const PAGEFIND = join(ROOT, 'e2e/bench/peers/node_modules/.bin/pagefind');
const WORK = process.env.WORK ?? '/tmp/liseuse-vs-pagefind';
const RUNS = Number(process.env.RUNS ?? 3);
const SLOW = { latency: 150, bytesPerSecond: 1.6e6 / 8 };

/** A key and certificate for 127.0.0.1, made once in WORK, with H2=1. */
function tls() {
  if (!process.env.H2) return null;
  const [key, cert] = ['key.pem', 'cert.pem'].map((name) => join(WORK, name));
  if (!existsSync(cert)) {
    mkdirSync(WORK, { recursive: true });
    run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const collections = process.argv.length > 2 ? process.argv.slice(2) : ['seeds', '2000', '36k'];

const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 30, ...options });
const TLS = tls();

/** The folder liseuse indexes for `name` (OrangeSum's text stays in ../shared or /tmp, never in the repo). */
async function articlesFolder(name) {
  if (name === 'seeds') return join(ROOT, 'seeds');
  if (!existsSync(ORANGESUM)) throw new Error(`${ORANGESUM} is missing: the benchmark reads ../shared beside the checkout`);
  const folder = join(WORK, name, 'articles');
  mkdirSync(folder, { recursive: true });
  if (name === '36k') {
    const link = join(folder, 'orangesum_docs.jsonl.gz');
    if (!existsSync(link)) run('ln', ['-s', ORANGESUM, link]);
    return folder;
  }
  const file = join(folder, `first-${name}.jsonl`);
  if (!existsSync(file)) {
    const lines = [];
    const input = createInterface({ input: createReadStream(ORANGESUM).pipe(createGunzip()) });
    for await (const line of input) {
      lines.push(line);
      if (lines.length === Number(name)) break;
    }
    input.close();
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  return folder;
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Both sites for `name`, built once; and the articles as liseuse read them. */
async function sites(name) {
  const folder = await articlesFolder(name);
  const dir = join(WORK, name);
  const liseuse = join(dir, 'liseuse');
  if (process.env.REBUILD || !existsSync(join(liseuse, 'index.html'))) {
    console.error(`building liseuse over ${folder}`);
    run('trunk', ['build', '--release', '--offline', '--dist', liseuse], {
      cwd: ROOT,
      env: { ...process.env, LISEUSE_ARTICLES: folder },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  let before = null;
  if (process.env.BASE) {
    before = join(dir, 'before');
    if (!existsSync(join(before, 'index.html'))) {
      console.error(`building liseuse of ${process.env.BASE} over ${folder}`);
      const own = Object.fromEntries((process.env.BASE_ENV ?? '').split(/\s+/).filter(Boolean).map((pair) => pair.split('=')));
      run('trunk', ['build', '--release', '--offline', '--dist', before], {
        cwd: process.env.BASE,
        env: { ...process.env, LISEUSE_ARTICLES: folder, ...own },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
  const exported = join(dir, 'articles.jsonl');
  if (!existsSync(exported)) {
    const out = run('cargo', ['run', '--quiet', '--release', '-p', 'liseuse-build', '--example', 'export_articles', '--', folder], { cwd: ROOT });
    writeFileSync(exported, out);
  }
  const articles = readFileSync(exported, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const pagefind = join(dir, 'pagefind');
  if (!existsSync(join(pagefind, 'pagefind', 'pagefind-ui.js'))) {
    if (!existsSync(PAGEFIND)) throw new Error(`no ${PAGEFIND}: run (cd e2e/bench/peers && npm ci)`);
    rmSync(pagefind, { recursive: true, force: true });
    mkdirSync(join(pagefind, 'a'), { recursive: true });
    articles.forEach((article, n) => {
      const paragraphs = article.text.split('\n\n').map((p) => `<p>${escape(p)}</p>`).join('\n');
      writeFileSync(
        join(pagefind, 'a', `${n}.html`),
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(article.title)}</title></head>` +
          `<body><main data-pagefind-body><h1>${escape(article.title)}</h1>\n${paragraphs}</main></body></html>\n`,
      );
    });
    // Pagefind's own search page, its Default UI (what a Pagefind site ships),
    // searching the query of the link (`?q=`) at once.
    writeFileSync(
      join(pagefind, 'index.html'),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind</title><link href="pagefind/pagefind-ui.css" rel="stylesheet"><script src="pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
</script></body></html>
`,
    );
    console.error(`building Pagefind over ${articles.length} articles`);
    run(PAGEFIND, ['--site', pagefind], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { liseuse, before, pagefind, articles };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** 4 titles and 4 pairs of words of one article each, spread over the collection, the same at every run. */
function queries(articles) {
  const at = (k, shift) => articles[Math.floor(((k + shift) * articles.length) / 4) % articles.length];
  const titles = [0, 1, 2, 3].map((k) => at(k, 0.25).title);
  const pairs = [0, 1, 2, 3].map((k) => {
    const words = at(k, 0.6).text.match(WORD) ?? [];
    const long = [...new Set(words.filter((w) => w.length >= 6))];
    return `${long[0]} ${long[Math.min(3, long.length - 1)]}`;
  });
  return [...titles.map((q) => ({ kind: 'title', q })), ...pairs.map((q) => ({ kind: 'pair', q }))];
}

const LISEUSE = { url: (base, q) => `${base}#/?q=${encodeURIComponent(q)}`, first: '.result mark' };
const SYSTEMS = {
  liseuse: LISEUSE,
  before: LISEUSE,
  Pagefind: { url: (base, q) => `${base}?q=${encodeURIComponent(q)}`, first: '.pagefind-ui__result mark' },
};

const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};
const median = (values) => quantile(values, 0.5);

/** Cold loads of every query on `system`'s site: the time to the first highlighted result, bytes, requests. */
async function measure(browser, system, dist, list, { network, worker, noCache = false }) {
  const server = await serveStatic(dist, { gzip: true, noCache, tls: TLS, ...(network ? SLOW : {}) });
  const samples = [];
  for (const { kind, q } of list) {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: worker ? 'allow' : 'block', ignoreHTTPSErrors: Boolean(TLS) });
      const page = await context.newPage();
      // The time the page first shows a highlighted result, taken in the page
      // as the DOM changes: asked afterwards, a page busy with what comes next
      // (later pieces, Pagefind's fragments) answered up to 350 ms late.
      await page.addInitScript((selector) => {
        new MutationObserver((_, observer) => {
          if (window.firstResultAt === undefined && document.querySelector(selector)) {
            window.firstResultAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      }, SYSTEMS[system].first);
      server.log.length = 0;
      let ms = NaN;
      try {
        await page.goto(SYSTEMS[system].url(server.url, q));
        await page.waitForSelector(SYSTEMS[system].first, { timeout: 60000 });
        ms = await page.evaluate(() => window.firstResultAt ?? performance.now());
      } catch (error) {
        console.error(`  ${system} ${JSON.stringify(q)}: no highlighted result (${error.message.split('\n')[0]})`);
      }
      const served = server.log.filter((e) => e.sent);
      samples.push({ kind, ms, bytes: served.reduce((sum, e) => sum + e.sent, 0), requests: served.length });
      await context.close();
    }
  }
  await server.close();
  const ok = samples.filter((s) => Number.isFinite(s.ms));
  const of = (kind) => ok.filter((s) => s.kind === kind).map((s) => s.ms);
  return {
    p50: median(ok.map((s) => s.ms)),
    p95: quantile(ok.map((s) => s.ms), 0.95),
    titles: median(of('title')),
    pairs: median(of('pair')),
    kB: median(samples.map((s) => s.bytes)) / 1000,
    requests: median(samples.map((s) => s.requests)),
    failed: samples.length - ok.length,
  };
}

const s = (ms) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const rows = [];
const browser = await launch(TLS ? ['--ignore-certificate-errors'] : []);
if (TLS) console.log('served over HTTP/2 (TLS)');
for (const name of collections) {
  const { liseuse, before, pagefind, articles } = await sites(name);
  const systems = [['liseuse', liseuse], ...(before ? [['before', before]] : []), ['Pagefind', pagefind]];
  const list = queries(articles);
  console.log(`\n${name}: ${articles.length} articles; queries: ${list.map((x) => JSON.stringify(x.q)).join(', ')}`);
  const modes = [
    { label: 'loopback', network: false, worker: false },
    { label: 'slow 4G', network: true, worker: false },
    { label: 'slow 4G', network: true, worker: true },
  ];
  if (process.env.NOCACHE) modes.push({ label: 'slow 4G, no-cache host', network: true, worker: true, noCache: true });
  for (const mode of modes) {
    for (const [system, dist] of systems) {
      // Pagefind has no service worker: allowing one changes nothing for it.
      if (system === 'Pagefind' && mode.worker) continue;
      const figures = await measure(browser, system, dist, list, mode);
      const row = { collection: name, network: mode.label, worker: system === 'Pagefind' ? '–' : mode.worker ? 'allowed' : 'blocked', system, ...figures };
      rows.push(row);
      console.log(
        `  ${row.network.padEnd(22)} ${row.worker.padEnd(8)} ${system.padEnd(9)} p50 ${s(row.p50)}  p95 ${s(row.p95)}  ` +
          `titles ${s(row.titles)}  pairs ${s(row.pairs)}  ${row.kB.toFixed(0)} kB  ${row.requests} requests${row.failed ? `  ${row.failed} failed` : ''}`,
      );
    }
  }
}
await browser.close();

console.log(`\n${TLS ? 'HTTP/2' : 'HTTP/1.1'}\n| collection | network | worker | system | p50 | p95 | titles p50 | pairs p50 | sent (p50) | requests |`);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.collection} | ${r.network} | ${r.worker} | ${r.system} | ${s(r.p50)} | ${s(r.p95)} | ${s(r.titles)} | ${s(r.pairs)} | ${r.kB.toFixed(0)} kB | ${r.requests} |`,
  );
}
