// A link to a search shows its first results before the app has arrived,
// and a link to an article its article: the first result's path
// (crates/liseuse-first, started by assets/boot.js) writes them with the code
// that writes the home page's list at build time; the app's wasm is asked
// for only after them, and takes the page over without moving a line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';
import { holdBack } from '../lib/hold.js';

const seeds = useReader({ dist: DIST });
const collection = useReader({ dist: DIST_COLLECTION });
const phone = useReader({ dist: DIST_COLLECTION, viewport: { width: 360, height: 740 } });

/** Opens `hash` with the app's wasm held back until released; notes each request in order. */
async function openHeld(site, hash) {
  const r = await site.newReader();
  const from = site.server().log.length;
  const requests = [];
  r.page.on('request', (request) => requests.push(new URL(request.url()).pathname.split('/').pop()));
  const release = await holdBack(r.page, '**/liseuse-*_bg.wasm*');
  await r.page.goto(r.baseUrl + hash);
  return { r, requests, release, served: () => site.server().log.slice(from) };
}

const tops = (page) => page.evaluate(() => [...document.querySelectorAll('#app .result')].map((e) => Math.round(e.getBoundingClientRect().top)));
const titles = (page) => page.locator('#app .result .title').allInnerTexts();

for (const [name, site, hash] of [
  ['a whole index', seeds, '#/?q=Bakou%20Moscou'],
  ['a split index', collection, '#/?q=accord%20paix'],
  ['a split index, newest first', collection, '#/?q=accord%20paix&tri=date'],
  ['a split index on a phone', phone, '#/?q=pourparlers%20Gen%C3%A8ve'],
]) {
  test(`a link to a search shows its results before the app, which keeps them in place: ${name}`, async () => {
    const { r, requests, release, served } = await openHeld(site, hash);
    await r.page.locator('#app .result mark').first().waitFor();
    assert.equal(await r.page.locator('#app[data-started]').count(), 0, 'shown before the app started');
    assert.ok(requests.some((file) => /^first-[0-9a-f]{16}\.wasm\.gz$/.test(file)), `${requests}`);
    const firstTitles = await titles(r.page);
    const before = await tops(r.page);
    assert.ok(firstTitles.length > 0);
    // The query in the heading, and every link keeps it.
    const query = new URLSearchParams(hash.slice(3)).get('q');
    assert.equal(await r.page.locator('#view-title').innerText(), `Résultats pour « ${query} »`);
    assert.equal(await r.page.locator('.search-pill').innerText(), query, 'the query where the search box will be');
    for (const href of await r.page.locator('#app .result a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      assert.ok(href.startsWith('#/article/') && href.includes('?q='), href);
    }
    release();
    await r.page.locator('#app[data-started]').waitFor();
    await r.searchBox().waitFor();
    assert.equal(await r.searchBox().inputValue(), query);
    // The app's glue and wasm were asked for once the first results were shown.
    const [shown, glue, wasm] = await r.page.evaluate(() => [
      performance.getEntriesByName('liseuse-first-results')[0]?.startTime,
      ...[/liseuse-[0-9a-f]+\.js$/, /liseuse-[0-9a-f]+_bg\.wasm\.gz$/].map((name) =>
        performance.getEntriesByType('resource').find((entry) => name.test(entry.name))?.startTime),
    ]);
    assert.ok(shown > 0 && glue >= shown && wasm >= shown, `first results at ${shown} ms, the app's glue asked for at ${glue}, its wasm at ${wasm}`);
    assert.deepEqual(await titles(r.page), firstTitles, 'the app shows the same results');
    assert.deepEqual(await tops(r.page), before, 'in the same places');
    // The pieces the first results needed were downloaded once, not again by the app.
    const pieces = served().map((entry) => entry.path.split('/').pop()).filter((file) => /^[a-z]+-\d+-[0-9a-f]{8}\.bin$/.test(file));
    assert.equal(new Set(pieces).size, pieces.length, `a piece asked for twice: ${pieces.join(" ")}`);
    await r.screenshot(`first-results-${name.replaceAll(/\W+/g, '-')}`);
    assert.deepEqual(r.errors, []);
  });
}

test('a search that finds nothing says so before the app, with its suggestion', async () => {
  const { r, release } = await openHeld(seeds, '#/?q=Kaarabak');
  await r.page.locator('#app .suggestion a').waitFor();
  assert.equal(await r.page.locator('#app .suggestion a').innerText(), 'karabakh');
  release();
  await r.page.locator('#app[data-started]').waitFor();
  await r.page.locator('.suggestion a').waitFor();
  assert.deepEqual(r.errors, []);
});

test('without the first result\'s path (its wasm unreachable), the app searches all the same', async () => {
  const r = await collection.newReader();
  await r.page.route('**/first-*.wasm.gz', (route) => route.abort());
  await r.open('#/?q=accord%20paix');
  await r.page.locator('.result mark').first().waitFor();
  assert.equal(await r.page.locator('html[data-first-results]').count(), 0);
  assert.ok((await titles(r.page)).length > 0);
  // The one error: the unreachable file, as the browser says it.
  assert.deepEqual(r.errors.filter((e) => !e.startsWith('Failed to load resource')), []);
});

test('a result shown before the app opens its article once the app is there', async () => {
  const { r, release } = await openHeld(seeds, '#/?q=Stoltenberg');
  await r.page.locator('#app .result a').first().click();
  release();
  await r.reader().waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), "Le chef de l'OTAN salue la coopération militaire turco-azérie");
  assert.deepEqual(r.errors, []);
});

/** The address of the home page's `n`-th article, with the longest word of its title as the query if `query`. */
async function articleLink(site, n, query) {
  const r = await site.newReader();
  await r.page.goto(r.baseUrl);
  const link = r.page.locator('.early a[href^="#/article/"], #app .result a[href^="#/article/"]').nth(n);
  const [href, title] = [await link.getAttribute('href'), await link.innerText()];
  await r.page.close();
  const word = title.split(/[^\p{L}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
  return query ? { hash: `${href}?q=${encodeURIComponent(word)}`, query: word } : { hash: href, query: '' };
}

const articleTops = (page) => page.evaluate(() => [...document.querySelectorAll('#app article.reader > :not(progress), #app article.reader .text > *')]
  .slice(0, 12).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().top)}`));

for (const [name, site, n, withQuery] of [
  ['a whole index', seeds, 1, true],
  ['a split index', collection, 0, true],
  ['a split index on a phone', phone, 2, false],
]) {
  test(`a link to an article shows it before the app, which keeps it in place: ${name}`, async () => {
    const { hash, query } = await articleLink(site, n, withQuery);
    const { r, requests, release } = await openHeld(site, hash);
    await r.page.locator('#app article.reader .text p').first().waitFor();
    assert.equal(await r.page.locator('#app[data-started]').count(), 0, 'shown before the app started');
    assert.ok(requests.some((file) => /^first-[0-9a-f]{16}\.wasm\.gz$/.test(file)), `${requests}`);
    const title = await r.page.locator('#app article.reader h1').innerText();
    const text = await r.page.locator('#app article.reader .text').innerText();
    assert.ok(title.length > 0 && text.length > 0, `${title}: ${text.length} characters`);
    assert.equal(await r.page.locator('#app a.back').innerText(), query ? '← Résultats' : '← Tous les articles');
    if (query) assert.equal(await r.page.locator('.search-pill').innerText(), query, 'the query where the search box will be');
    const before = await articleTops(r.page);
    await r.screenshot(`first-article-before-the-app-${name.replaceAll(/\W+/g, '-')}`);
    release();
    await r.page.locator('#app[data-started]').waitFor();
    // The app's own save button, enabled.
    await r.page.locator('#app .article-actions .save:not([disabled])').waitFor();
    assert.equal(await r.page.locator('#app article.reader h1').innerText(), title);
    assert.equal(await r.page.locator('#app article.reader .text').innerText(), text, 'the same text');
    // The app adds what comes below the text (names, what to read next).
    assert.deepEqual((await articleTops(r.page)).slice(0, before.length), before, 'in the same places');
    if (query) await r.page.locator('#app article.reader mark').first().waitFor();
    await r.screenshot(`first-article-${name.replaceAll(/\W+/g, '-')}`);
    assert.deepEqual(r.errors, []);
  });
}
