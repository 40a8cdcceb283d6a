// A dossier that grows, as a returning reader of a split index sees it: the
// update downloads the new and changed pieces only, checked, before the new
// version may take over; the old copy serves until then; an update cut short
// by the network resumes where it stopped; and the new version works offline
// at once (the collection, then the collection and one article more:
// e2e/fixtures/grow); a search the reader follows says, offline, how many
// of its results are new, and marks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DIST_COLLECTION, DIST_COLLECTION_NEXT, requireBuild, useReader } from '../lib/fixture.js';

const reader = useReader({ dist: DIST_COLLECTION });

/** The number of results `query` finds, as the page says it. */
async function found(r, query) {
  await r.open(`#/?q=${encodeURIComponent(query)}`);
  await r.page.waitForFunction(() => {
    const section = document.querySelector('section.results');
    const said = /résultat/.test(section?.querySelector('.count')?.textContent ?? '');
    return section && !section.hasAttribute('aria-busy') && (section.classList.contains('empty') || said);
  });
  if (await r.page.locator('section.results.empty').count()) return 0;
  const count = await r.page.locator('.count').innerText();
  return Number(count.match(/^\d+/)?.[0] ?? 0);
}

/** Whether the registration has a version installing, and one waiting. */
function versions(r) {
  return r.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { installing: Boolean(registration?.installing), waiting: Boolean(registration?.waiting) };
  });
}

test('an update of a split index fetches its new pieces only, serves the old copy until it is whole, and resumes when cut short', async () => {
  requireBuild(DIST_COLLECTION_NEXT);
  const server = reader.server();
  const r = await reader.newReader();
  await r.open();
  await r.waitForOffline();
  assert.equal(await found(r, 'ferroviaire'), 0);
  // The reader follows a search, and comes back: the visit is kept (what
  // is new is told against it).
  const followed = 'pourparlers Genève';
  assert.ok((await found(r, followed)) > 0);
  const follow = r.page.locator('.follow');
  await follow.click();
  await r.page.waitForFunction(() => document.querySelector('.follow')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await follow.innerText(), '✓ Recherche suivie');
  await r.open();
  await r.page.reload();
  await r.page.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith(':news')), null, { timeout: 20_000 });
  assert.equal(await r.page.locator('.followed').count(), 0, 'nothing new yet');
  const before = server.log.length;
  const pieces = () => server.log.slice(before).filter((entry) => /\/pieces\/(?!manifest)/.test(entry.path));
  server.setRoot(DIST_COLLECTION_NEXT); // the dossier grew, and was redeployed
  // The network goes down after two pieces of the update.
  let served = 0;
  server.setFailing((path) => /\/pieces\/(?!manifest)/.test(path) && ++served > 2);
  try {
    await r.page.reload();
    await r.searchBox().waitFor();
    // The new version's install fetches pieces until the network goes down,
    // then fails.
    for (const deadline = Date.now() + 20_000; !pieces().some((entry) => entry.status === 'cut'); ) {
      assert.ok(Date.now() < deadline, 'the update fetches its pieces');
      await r.page.waitForTimeout(100);
    }
    // (The browser may try again at once: it fails the same way.)
    await r.page.waitForTimeout(2000);
    assert.equal((await versions(r)).waiting, false, 'an update cut short is not offered');
    assert.equal(await r.page.locator('.update').count(), 0);
    // The old copy still serves, whole.
    assert.ok((await found(r, 'accord')) > 0);
    assert.equal(await found(r, 'ferroviaire'), 0);
    const first = pieces().filter((entry) => entry.bytes).map((entry) => entry.path);
    assert.equal(first.length, 2, JSON.stringify(pieces()));
    await r.page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration?.installing;
    }, null, { timeout: 20_000, polling: 200 });

    // Back online: the next visit resumes it.
    server.setFailing(null);
    await r.page.reload();
    const notice = r.page.locator('.update');
    await notice.waitFor({ timeout: 20_000 });
    await r.page.waitForFunction(() => /Mise à jour : 1 nouvel article \(\d+ ko\)/.test(document.querySelector('.update')?.textContent));
    await r.screenshot('update-split');
    const fetched = pieces().filter((entry) => entry.bytes).map((entry) => entry.path);
    // Each piece once: the two of the first attempt were not fetched again.
    assert.deepEqual(fetched, [...new Set(fetched)], JSON.stringify(fetched));
    // And only pieces the old version did not have: new or changed ones.
    const file = (path) => path.split('/pieces/')[1];
    for (const path of fetched) {
      assert.ok(!existsSync(join(DIST_COLLECTION, 'pieces', file(path))), `${path} was there already`);
      assert.ok(existsSync(join(DIST_COLLECTION_NEXT, 'pieces', file(path))), path);
    }

    // Offline, the old copy serves until the reader switches; then the new
    // version is whole offline at once.
    await r.page.context().setOffline(true);
    assert.equal(await found(r, 'ferroviaire'), 0);
    await r.page.reload();
    await notice.waitFor({ timeout: 20_000 });
    await Promise.all([r.page.waitForEvent('load'), notice.getByRole('button', { name: 'Recharger' }).click()]);
    assert.equal(await found(r, 'ferroviaire'), 1);
    assert.ok((await found(r, 'accord')) > 0);
    // Still offline: the home page lists the followed search with its new
    // result, which its results, the newest first, mark.
    await r.open();
    const line = r.page.locator('.followed li', { hasText: `« ${followed} »` });
    await line.locator('.badge.new').waitFor({ timeout: 20_000 });
    assert.match(await line.locator('.badge.new').innerText(), /^1 nouveau$/i);
    await r.screenshot('followed-search-home');
    await line.getByRole('link').click();
    const newest = r.page.locator('.result').first();
    await newest.locator('.badge.new').waitFor();
    assert.match(await newest.locator('.title').innerText(), /corridor ferroviaire/);
    assert.equal(await r.page.locator('.result .badge.new').count(), 1);
    assert.equal(await r.page.locator('.follow').innerText(), '✓ Recherche suivie');
    await r.screenshot('followed-search-results');
    assert.deepEqual(r.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  } finally {
    server.setFailing(null);
    server.setRoot(DIST_COLLECTION);
    await r.page.context().setOffline(false);
  }
});

test('a first visit reads the whole postings, which no copy keeps; a visit with the copy stored reads the generations from it, offline too', async () => {
  const server = reader.server();
  const r = await reader.newReader();
  const file = (path) => path.split('/pieces/')[1];
  const manifest = JSON.parse(
    gunzipSync(readFileSync(join(DIST_COLLECTION, 'pieces/manifest.bin'))).toString(),
  ).pieces;
  // The term pieces the page asks for (the worker's fill, in the
  // background, asks for the generations', which the copy keeps).
  const asked = [];
  r.page.on('request', (request) => {
    if (/\/pieces\/terms-/.test(request.url())) asked.push(file(request.url()));
  });
  const termsAsked = (from) =>
    server.log.slice(from).map((entry) => entry.path).filter((path) => /\/pieces\/terms-/.test(path)).map(file);
  // A first visit, a link to a search: term pieces that the manifest (what
  // a copy keeps) does not list, and that the site publishes.
  assert.ok((await found(r, 'pourparlers Genève')) > 0);
  assert.equal(await r.page.evaluate(() => 'whole' in document.documentElement.dataset), true);
  assert.ok(asked.length > 0);
  for (const piece of asked) {
    assert.ok(!manifest.includes(piece), `${piece} is a kept copy's`);
    assert.ok(existsSync(join(DIST_COLLECTION, 'pieces', piece)), piece);
  }
  // Typed searches too.
  const seen = asked.length;
  await r.type('accord');
  await r.page.locator('.result').first().waitFor();
  assert.ok(asked.length > seen, 'the typed search asks for pieces');
  assert.ok(asked.slice(seen).every((piece) => !manifest.includes(piece)), JSON.stringify(asked.slice(seen)));
  // The copy stored: the page says it, the next visit reads the generations.
  await r.waitForOffline();
  await r.page.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith(':stored')));
  const from = server.log.length;
  await r.page.reload();
  await r.searchBox().waitFor();
  assert.equal(await r.page.evaluate(() => 'whole' in document.documentElement.dataset), false);
  assert.ok((await found(r, 'Bakou')) > 0);
  // (The worker answers the page from the copy: the server sees nothing.)
  assert.deepEqual(termsAsked(from), [], 'read from the copy');
  // Offline, a word no visit searched: from the copy.
  try {
    await r.page.context().setOffline(true);
    await r.page.reload();
    await r.searchBox().waitFor();
    assert.ok((await found(r, 'délégation')) > 0);
    assert.deepEqual(r.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  } finally {
    await r.page.context().setOffline(false);
  }
});
