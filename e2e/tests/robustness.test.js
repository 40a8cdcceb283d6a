// Nothing a reader types or a host serves kills the page: the queries that
// once did, a panic anyway (shown as a message with a way back), and pieces
// that arrive damaged (named as damaged, never cached).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, DIST_COLLECTION, requireBuild, useReader } from '../lib/fixture.js';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { ReaderPage } from '../lib/reader-page.js';

const reader = useReader({ dist: DIST_COLLECTION });

test('unknown words joined by any Unicode hyphen get a suggestion, typed or linked', async () => {
  const r = await reader.newReader();
  // As a link: the page that once stayed blank on every visit.
  await r.open('#/?q=Bkou%E2%80%90xyzq');
  const suggestion = r.page.locator('.suggestion');
  await suggestion.waitFor();
  assert.equal(await suggestion.innerText(), 'Vouliez-vous dire bakou\u2010xyzq ?');
  // Typed, with the non-breaking hyphen and the minus sign.
  for (const hyphen of ['\u2011', '\u2212']) {
    await r.type(`Bkou${hyphen}xyzq`);
    await r.page.waitForFunction((h) => document.querySelector('.suggestion')?.textContent.includes(`bakou${h}xyzq`), hyphen);
  }
  // And the app still answers.
  await r.type('accord');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  assert.deepEqual(r.errors, []);
});

test('a panic shows a message with a link that reopens the app without the query', async () => {
  const r = await reader.newReader();
  await r.open('#/?q=accord');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  // The end-to-end build has a test hook that panics, as a defect would.
  await r.page.evaluate(() => {
    try {
      window.wasmBindings.panic_for_tests();
    } catch {
      // The aborted wasm throws to its caller too.
    }
  });
  const alert = r.page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.locator('h1').innerText(), 'liseuse a rencontré une erreur');
  assert.ok(r.errors.some((e) => e.includes('panic_for_tests: a defect, on purpose')), r.errors.join('\n'));
  const link = alert.getByRole('link', { name: 'Rouvrir liseuse' });
  assert.ok(!(await link.getAttribute('href')).includes('#'));
  await link.click();
  await r.searchBox().waitFor();
  assert.equal(new URL(r.page.url()).hash, '');
  assert.equal(await r.searchBox().inputValue(), '');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '9 articles');
});

test('release builds have no test or benchmark hooks', async () => {
  requireBuild(DIST);
  const server = await serveStatic(DIST);
  const browser = await launch();
  try {
    const r = new ReaderPage(await browser.newPage(), server.url);
    await r.open();
    const hooks = await r.page.evaluate(() => [typeof window.wasmBindings?.panic_for_tests, typeof window.wasmBindings?.search_timings]);
    assert.deepEqual(hooks, ['undefined', 'undefined']);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a damaged piece is named as damaged, the other results show, and it is never cached', async () => {
  // A host that serves a captive portal's page in place of one text piece.
  const site = mkdtempSync(join(tmpdir(), 'liseuse-site-'));
  cpSync(DIST_COLLECTION, site, { recursive: true });
  const portal = '<!doctype html><title>Wi-Fi</title><p>Connectez-vous pour continuer.</p>';
  // The piece of the newest article, which the list shows first.
  const texts = readdirSync(join(site, 'pieces')).filter((f) => f.startsWith('text-')).sort();
  const damaged = texts[0];
  writeFileSync(join(site, 'pieces', damaged), portal);
  const server = await serveStatic(site);
  try {
    const r = await reader.newReader();
    r.baseUrl = server.url;
    await r.open();
    const alert = r.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(`endommagée \\(${damaged.replace('.', '\\.')} : le contenu reçu n’est pas celui du fichier`));
    assert.doesNotMatch(await alert.innerText(), /connexion/);
    // Its article says it is unavailable; the others are there.
    await r.page.locator('.result.unavailable').first().waitFor();
    await r.page.waitForFunction(() => !document.querySelector('.result.pending'));
    const titles = await r.results().locator('.title').allInnerTexts();
    assert.equal(titles.filter((t) => t === 'Article indisponible').length, 1, titles.join(' | '));
    assert.ok(titles.includes('Les pourparlers de paix reprennent à Genève'), titles.join(' | '));
    // The service worker fills its cache with every piece but that one.
    const deadline = Date.now() + 30_000;
    let status = await r.offlineStatus();
    while ((status.filling || status.cached < status.total - 1) && Date.now() < deadline) {
      await r.page.waitForTimeout(100);
      status = await r.offlineStatus();
    }
    assert.equal(status.cached, status.total - 1, JSON.stringify(status));
    // The host is fixed: the next visit downloads the real piece, and all is well.
    server.setRoot(DIST_COLLECTION);
    await r.page.reload();
    await r.waitForOffline();
    await r.page.waitForFunction(() => !document.querySelector('.result.pending'));
    assert.equal(await r.page.locator('.result.unavailable').count(), 0);
    assert.equal((await r.resultTitles())[0], 'Bakou et Erevan signent un accord');
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
