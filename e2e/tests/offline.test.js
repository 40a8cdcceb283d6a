// After one visit, liseuse opens, searches and shows every article with no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReader } from '../lib/fixture.js';
import { holdBack } from '../lib/hold.js';

const reader = useReader();
const IDS = [
  '000_1a8f4e49545b7e53',
  '001_a27cac7314b78e34',
  '002_2e5b4f0657025a37',
  '003_64199d061bf952c4',
  '004_3708a06be9d3ed9d',
];

test('after one online visit the app works offline: reload, search, every article', async () => {
  const r = await reader.newReader();
  const log = reader.server().log;
  log.length = 0;
  await r.open();
  await r.waitForOffline();
  const firstVisit = log.filter((e) => e.bytes).reduce((sum, e) => sum + e.bytes, 0);
  console.log(`# first visit: ${firstVisit} bytes in ${log.length} requests (precache included)`);

  await r.page.context().setOffline(true);
  log.length = 0;
  await r.page.reload();
  await r.searchBox().waitFor();
  await r.type('Stoltenberg');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  for (const id of IDS) {
    await r.page.goto(`${r.baseUrl}#/article/${id}`);
    await r.reader().locator('h1').waitFor();
    assert.notEqual(await r.reader().locator('h1').innerText(), 'Article introuvable', id);
  }
  // A deep link typed in the address bar, offline.
  await r.page.goto(`${r.baseUrl}index.html#/article/004_3708a06be9d3ed9d?q=Bakou`);
  await r.reader().locator('mark').first().waitFor();
  console.log(`# returning offline visit: ${log.length} requests reached the server`);
  assert.equal(log.length, 0, 'nothing reached the network');
  assert.deepEqual(r.errors, []);
});

test('the page is installable: manifest with icons, theme colour and start URL', async () => {
  const r = await reader.newReader();
  await r.open();
  const manifest = await r.page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.name, 'liseuse');
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.theme_color);
  for (const icon of manifest.icons) {
    const status = await r.page.evaluate(async (src) => (await fetch(src)).status, icon.src);
    assert.equal(status, 200, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
});

test('a page that cannot load its wasm says so instead of staying blank', async () => {
  const r = await reader.newReader();
  await r.page.route(/_bg\.wasm/, (route) => route.abort());
  await r.page.goto(r.baseUrl);
  const alert = r.page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /n’a pas pu démarrer/);
});

/** Holds the wasms' downloads until the returned function is called: the
 * app's, and the first result's path's (crates/liseuse-first). */
const holdWasm = (page) => holdBack(page, /_bg\.wasm|\/first-[0-9a-f]+\.wasm/);

test('while the wasm starts the page shows the newest articles, written at build time', async () => {
  const r = await reader.newReader();
  const release = await holdWasm(r.page);
  await r.page.goto(r.baseUrl, { waitUntil: 'domcontentloaded' });
  assert.equal(await r.page.locator('#app .loading[role=status]').innerText(), 'Chargement de la recherche…');
  // The home page's list as the app shows it: its heading, count, months and titles.
  const early = r.page.locator('#app .early');
  assert.equal(await early.getByRole('heading', { level: 1 }).textContent(), 'Tous les articles');
  assert.equal(await early.locator('.count').textContent(), '5 articles');
  const titles = await early.locator('.result .title').allTextContents();
  assert.equal(titles.length, 5);
  assert.ok(titles.includes("Le chef de l'OTAN salue la coopération militaire turco-azérie"), titles.join(' | '));
  assert.match(await early.locator('.result a').first().getAttribute('href'), /^#\/article\/./);
  assert.match(await early.locator('.month h2').first().textContent(), /^([A-Za-zéû]+ 20\d\d|Sans date) · \d+ articles?$/);
  release();
  // The app takes its place, with the same list.
  await r.searchBox().waitFor();
  assert.equal(await r.page.locator('.early').count(), 0);
  assert.deepEqual((await r.page.locator('.result .title').allTextContents()).sort(), [...titles].sort());
});

test('without JavaScript the newest articles are still listed, with a word on why search is missing', async () => {
  const r = await reader.newReader({ javaScriptEnabled: false });
  await r.page.goto(r.baseUrl);
  assert.equal(await r.page.locator('.early .result .title').count(), 5);
  assert.match(await r.page.locator('noscript, .fatal').first().textContent(), /JavaScript/);
});

test('a deep link shows no stale home list while the app starts', async () => {
  const r = await reader.newReader();
  const release = await holdWasm(r.page);
  await r.page.goto(`${r.baseUrl}#/?q=armée`, { waitUntil: 'domcontentloaded' });
  assert.equal(await r.page.locator('.early').isVisible(), false);
  assert.equal(await r.page.locator('#app .loading[role=status]').innerText(), 'Chargement de la recherche…');
  release();
  await r.page.locator('.result .snippet mark').first().waitFor();
});

test('an index that cannot be downloaded or is damaged is named, and the page says what to do', async () => {
  for (const [how, expected] of [
    [(route) => route.abort(), /L’index des articles n’a pas pu être chargé \(index-[0-9a-f]{8}\.bin : .*Vérifiez la connexion/],
    [(route) => route.fulfill({ status: 200, body: '<html>portail</html>' }), /L’index des articles est endommagé \(index-[0-9a-f]{8}\.bin : /],
  ]) {
    const r = await reader.newReader({ serviceWorkers: 'block' });
    await r.page.route(/index-[0-9a-f]{8}\.bin$/, how);
    await r.page.goto(r.baseUrl);
    const alert = r.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), expected);
  }
});

test('on a host that forbids caching, a first visit with a link to a search downloads the wasm and the index once', async () => {
  const { serveStatic } = await import('../lib/server.js');
  const { launch } = await import('../lib/browser.js');
  const { DIST } = await import('../lib/fixture.js');
  const server = await serveStatic(DIST, { noCache: true });
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}#/?q=Stoltenberg`);
    await page.waitForSelector('.result mark');
    // The worker is installed after the first view, from what the page downloaded.
    await page.evaluate(async () => {
      const sw = navigator.serviceWorker;
      await sw.ready;
      if (!sw.controller) await new Promise((ok) => sw.addEventListener('controllerchange', ok, { once: true }));
    });
    const asked = (suffix) => server.log.filter((e) => e.path.endsWith(suffix) && e.bytes).length;
    assert.equal(asked('_bg.wasm.gz'), 1, JSON.stringify(server.log.map((e) => e.path)));
    assert.equal(server.log.filter((e) => /\/index-[0-9a-f]{8}\.bin$/.test(e.path)).length, 1);
  } finally {
    await browser.close();
    await server.close();
  }
});
