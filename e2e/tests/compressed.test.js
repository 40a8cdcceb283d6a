// What a site sends is the same on every host: the build compresses the
// index, its pieces and the wasm itself, which the browser decodes with its
// own DecompressionStream; and a split index's word positions wait until a
// phrase needs them, or the reader pauses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, DIST_COLLECTION, DIST_NEXT, requireBuild, useReader } from '../lib/fixture.js';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const gzipped = (path) => {
  const bytes = readFileSync(path);
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
};

test('the index, every piece, the manifest and the wasm are published compressed', () => {
  for (const dist of [DIST, DIST_COLLECTION]) {
    requireBuild(dist);
    const files = readdirSync(dist);
    const index = files.filter((f) => /^index-[0-9a-f]{8}\.bin$/.test(f));
    const wasm = files.filter((f) => f.endsWith('_bg.wasm.gz'));
    assert.equal(index.length, 1, files.join(' '));
    assert.equal(wasm.length, 1, files.join(' '));
    assert.ok(!files.some((f) => f.endsWith('_bg.wasm')), 'no raw wasm left');
    for (const f of [...index, ...wasm]) assert.ok(gzipped(join(dist, f)), f);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    assert.match(html, new RegExp(`<link rel="preload" id="liseuse-index" href="[^"]*${index[0]}"`));
  }
  const pieces = readdirSync(join(DIST_COLLECTION, 'pieces'));
  assert.ok(pieces.includes('manifest.bin') && pieces.some((p) => p.startsWith('positions-')), pieces.join(' '));
  for (const p of pieces) assert.ok(gzipped(join(DIST_COLLECTION, 'pieces', p)), p);
});

test('one wasm for every collection: a rebuild with more articles publishes the same wasm', () => {
  requireBuild(DIST_NEXT);
  const wasm = (dist) => readdirSync(dist).find((f) => f.endsWith('_bg.wasm.gz'));
  const index = (dist) => readdirSync(dist).find((f) => /^index-.*\.bin$/.test(f));
  assert.notEqual(index(DIST), index(DIST_NEXT));
  assert.equal(wasm(DIST), wasm(DIST_NEXT));
  assert.deepEqual(readFileSync(join(DIST, wasm(DIST))), readFileSync(join(DIST_NEXT, wasm(DIST_NEXT))));
});

test('a host that compresses nothing sends about what a gzipping host sends for a first search', async () => {
  const browser = await launch();
  const sent = {};
  try {
    for (const gzip of [false, true]) {
      const server = await serveStatic(DIST_COLLECTION, { gzip });
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${server.url}#/?q=${encodeURIComponent('accord de paix')}`);
      // Until the app has taken over the first results (the first result's
      // path shows them before it: its files, then the app's, all sent).
      await page.locator('#app[data-started] .result .snippet mark').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.result.pending, .result.title-only'));
      sent[gzip ? 'gzip' : 'plain'] = server.log.reduce((sum, e) => sum + (e.sent ?? 0), 0);
      await context.close();
      await server.close();
    }
  } finally {
    await browser.close();
  }
  // What is left uncompressed on a plain host: index.html, the style, boot.js and the JS glues.
  assert.ok(sent.plain < sent.gzip * 1.3, JSON.stringify(sent));
});

const reader = useReader({ dist: DIST_COLLECTION });

test('word positions come for a phrase before its results, and for nearness only once the reader pauses', async () => {
  const r = await reader.newReader({ serviceWorkers: 'block' });
  const positions = [];
  r.page.on('request', (request) => {
    if (/\/positions-\d{4}-[0-9a-f]{8}\.bin$/.test(request.url())) positions.push(request.url());
  });
  await r.open();
  // Typed letter by letter: no positions at any keystroke.
  await r.searchBox().pressSequentially('accord de paix', { delay: 40 });
  assert.deepEqual(positions, [], 'while typing');
  await r.page.locator('.result .snippet mark').first().waitFor();
  // Then a pause: the positions of its words, to rank by their nearness.
  await r.page.waitForTimeout(1200);
  assert.ok(positions.length > 0, 'after the pause');
  // A phrase: its positions decide which articles match, before any result.
  const r2 = await reader.newReader({ serviceWorkers: 'block' });
  const before = [];
  r2.page.on('request', (request) => {
    if (/\/positions-/.test(request.url())) before.push(request.url());
  });
  await r2.page.goto(`${r2.baseUrl}#/?q=${encodeURIComponent('"pourparlers de paix"')}`);
  await r2.page.locator('.result .title').first().waitFor();
  assert.ok(before.length > 0, 'a phrase loads positions before its results');
  assert.equal(await r2.page.locator('.count').textContent(), '2 résultats');
  assert.deepEqual(await r2.resultTitles(), ['Les pourparlers de paix reprennent à Genève', 'Les pourparlers de paix reprennent à Genève']);
});
