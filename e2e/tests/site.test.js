// A site of one's own: e2e/fixtures/english, three English articles with a
// liseuse.toml that gives the site its title, description and home. Its
// title is everywhere a reader or a phone shows one, and, its articles
// being English, its interface is English, from the page the build wrote to
// every view. And the strict Content-Security-Policy the build writes: the
// app works under it, and it refuses what it must.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_ENGLISH, useReader } from '../lib/fixture.js';

const TITLE = 'The Harbour Gazette';
const english = useReader({ dist: DIST_ENGLISH });
const seeds = useReader();

// Words of the French interface that an English one never shows.
const FRENCH = /\b(Tous les articles|Rechercher|Résultats|Garder|Gardé|de lecture|Réglages|Mes articles|Aucun|Lus récemment|Surligner|Plus récents|Pertinence|Trier|janvier|février|mars)\b/;

test("a site's liseuse.toml: its title in the header, <title>, the manifest, every view's title, and its description and home", async () => {
  const r = await english.newReader();
  // The page the build wrote, before the app.
  const response = await r.page.request.get(english.server().url);
  const written = await response.text();
  assert.match(written, /<html lang="en">/);
  assert.match(written, /<title>The Harbour Gazette<\/title>/);
  assert.match(written, /<meta name="description" content="Stories from the old harbour, to read offline." \/>/);
  assert.match(written, /<a class="brand" href="#\/">The Harbour Gazette<\/a>/);
  assert.match(written, /Loading the search…/);
  const manifest = await (await r.page.request.get(`${english.server().url}manifest.webmanifest`)).json();
  assert.equal(manifest.name, TITLE);
  assert.equal(manifest.short_name, 'The Harbour…');
  assert.equal(manifest.lang, 'en');
  assert.equal(manifest.description, 'Stories from the old harbour, to read offline.');

  await r.open();
  assert.equal(await r.page.title(), TITLE);
  assert.equal(await r.page.locator('header .brand').textContent(), TITLE);
  const about = r.page.locator('.results .site-about');
  await about.waitFor();
  assert.match(await about.textContent(), /Stories from the old harbour, to read offline\. gazette\.example ↗/);
  assert.equal(await about.locator('a').getAttribute('href'), 'https://gazette.example/about/');

  await r.page.getByRole('link', { name: 'The night ferry returns to the old harbour' }).click();
  await r.page.waitForFunction((t) => document.title === `The night ferry returns to the old harbour — ${t}`, TITLE);
  await r.page.goto(`${english.server().url}#/mes-articles`);
  await r.page.waitForFunction((t) => document.title === `My articles — ${t}`, TITLE);
  assert.deepEqual(r.errors, []);
});

test('an English collection has an English interface: lists, dates, counts, search, reading, settings', async () => {
  const r = await english.newReader();
  await r.open();
  const main = r.page.locator('main');
  await r.page.locator('.results h1', { hasText: 'All articles' }).waitFor();
  assert.equal(await r.page.locator('.results .count').textContent(), '3 articles');
  assert.equal(await r.searchBox().getAttribute('placeholder'), 'Search 3 articles…');
  assert.match(await main.textContent(), /March 12, 2024/);
  assert.match(await main.textContent(), /1 min read/);
  assert.match(await main.textContent(), /My articles: 0 saved, 0 read lately/);
  assert.doesNotMatch(await r.page.locator('body').innerText(), FRENCH);

  await r.type('lighthouse');
  await r.page.locator('#view-title', { hasText: 'Results for “lighthouse”' }).waitFor();
  assert.equal(await r.page.locator('.results .count').textContent(), '1 result');
  assert.match(await main.textContent(), /Sort: Relevance · Newest/);
  await r.type('zzqx');
  await r.page.locator('.results .count', { hasText: 'No article matches “zzqx”.' }).waitFor();

  await r.page.goto(`${english.server().url}#/article/market`);
  await r.page.locator('article.reader h1').waitFor();
  assert.match(await r.page.locator('article.reader').textContent(), /← All articles.*Harbour Gazette · January 8, 2024 · Mary Quinn/s);
  await r.page.getByRole('button', { name: 'Save for later' }).click();
  await r.page.getByRole('button', { name: 'Saved for later' }).waitFor();
  await r.page.getByRole('button', { name: 'Reading settings' }).click();
  const dialog = r.page.locator('dialog.settings');
  await dialog.locator('legend', { hasText: 'Theme' }).waitFor();
  assert.match(await dialog.textContent(), /System.*Light.*Sepia.*Dark.*Text size.*Font.*Serif.*Line width.*Your data.*Export.*Import…/s);
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.doesNotMatch(await r.page.locator('body').innerText(), FRENCH);
  // The offline notices of boot.js come from the same table.
  const words = JSON.parse(await r.page.locator('#liseuse-text').textContent());
  assert.equal(words.offlineDone, 'The whole collection is available offline.');
  assert.deepEqual(r.errors, []);
});

test('the published page carries a strict Content-Security-Policy; every view works under it and it refuses an injected script', async () => {
  const r = await seeds.newReader();
  const violations = [];
  await r.page.exposeFunction('__violation', (v) => violations.push(v));
  await r.page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await r.open();
  const policy = await r.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'self'", "'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "style-src 'self'", "base-uri 'self'"]) {
    assert.ok(policy.includes(directive), `${directive} in ${policy}`);
  }
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=')+/);
  // Through the views: search, an article (its progress bar, names,
  // related articles), a highlight, a name's page, "Mes articles", settings.
  await r.type('Bakou');
  await r.results().first().waitFor();
  await r.results().first().locator('a').first().click();
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.mouse.wheel(0, 600);
  await r.page.locator('nav.names a').first().click();
  await r.page.locator('.results.name h1').waitFor();
  await r.page.goto(`${r.baseUrl}#/mes-articles`);
  await r.page.locator('#view-title', { hasText: 'Mes articles' }).waitFor();
  await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  await r.page.locator('dialog.settings[open]').waitFor();
  // What an attacker's text would try: an inline script and an inline style.
  const ran = await r.page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    document.body.append(probe);
    await new Promise((done) => setTimeout(done, 50));
    return { script: window.__injected === true, style: probe.getBoundingClientRect().width === 123 };
  });
  assert.deepEqual(ran, { script: false, style: false });
  // Only those two were refused: nothing the app does.
  assert.equal(violations.length, 2, violations.join('\n'));
  assert.ok(violations.every((v) => /^(script-src|style-src)/.test(v)), violations.join('\n'));
  assert.deepEqual(r.errors.filter((e) => !/Content Security Policy|Content-Security-Policy/.test(e)), []);
});
