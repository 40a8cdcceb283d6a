// A collection of the reader's own articles: every format, with metadata, and
// an article made to attack the page. scripts/test builds it split in small
// pieces (LISEUSE_PIECES=always), as a large collection is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_COLLECTION, useReader } from '../lib/fixture.js';
import { serveStatic } from '../lib/server.js';

const reader = useReader({ dist: DIST_COLLECTION });

test('the list is newest first, with source, date and author, and a total', async () => {
  const r = await reader.newReader();
  await r.open();
  assert.equal(await r.page.locator('.count').innerText(), '9 articles');
  const titles = await r.resultTitles();
  assert.equal(titles[0], 'Bakou et Erevan signent un accord');
  assert.equal(titles[1], 'Les pourparlers de paix reprennent à Genève');
  assert.equal(
    await r.results().first().locator('.meta').innerText(),
    'Le Journal · 1er février 2024 · Marc Dupont',
  );
  await r.screenshot('collection');
});

test('results can be listed newest first, under their months, and the address keeps the order', async () => {
  const r = await reader.newReader();
  await r.open();
  const newestOfAll = await r.resultTitles();
  await r.type('accord paix');
  await r.page.waitForFunction(() => document.querySelector('.result .title')?.textContent);
  const best = await r.resultTitles();
  assert.ok(best.length > 2, best.join(' | '));
  await r.page.getByRole('button', { name: 'Plus récents' }).click();
  await r.page.waitForFunction(() => location.hash.endsWith('&tri=date'));
  await r.page.locator('.results .months > li > h2').first().waitFor();
  const newest = await r.resultTitles();
  assert.deepEqual([...newest].sort(), [...best].sort(), 'the same results');
  assert.deepEqual(newest, newestOfAll.filter((title) => newest.includes(title)), 'in the order of the list of all articles');
  assert.notDeepEqual(newest, best, 'this query’s most relevant is not its newest');
  assert.equal(await r.page.getByRole('button', { name: 'Plus récents' }).getAttribute('aria-pressed'), 'true');
  await r.screenshot('results-newest');
  // A reload (or a shared link) keeps the order.
  await r.page.reload();
  await r.page.locator('.results .months > li > h2').first().waitFor();
  assert.deepEqual(await r.resultTitles(), newest);
  // An article opened from them, then "← Résultats" (or Escape): still newest first.
  await r.results().first().locator('a').click();
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.getByRole('link', { name: '← Résultats' }).click();
  await r.page.waitForFunction(() => location.hash.endsWith('&tri=date'));
  await r.page.locator('.results .months > li > h2').first().waitFor();
  assert.deepEqual(await r.resultTitles(), newest);
  // Back to the most relevant first.
  await r.page.getByRole('button', { name: 'Pertinence' }).click();
  await r.page.waitForFunction(() => location.hash === '#/?q=accord%20paix');
  assert.deepEqual(await r.resultTitles(), best);
  assert.equal(await r.page.locator('.results .months').count(), 0);
  assert.deepEqual(r.errors, []);
});

test('the reader filters by source and by year, in the list and in results', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.page.getByLabel('Source').selectOption('Le Journal');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 article');
  await r.page.getByLabel('Source').selectOption('');
  await r.page.getByLabel('Année').selectOption('2023');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 article');
  assert.deepEqual(await r.resultTitles(), ['Les pourparlers de paix reprennent à Genève']);
  // A search keeps the filter, and so does coming back from an article.
  await r.type('accord');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent.endsWith('résultat'));
  await r.results().first().locator('a').click();
  await r.reader().waitFor();
  await r.page.goBack();
  await r.results().first().waitFor();
  assert.equal(await r.page.getByLabel('Année').inputValue(), '2023');
  assert.deepEqual(await r.resultTitles(), ['Les pourparlers de paix reprennent à Genève']);
});

test('the reading view shows the metadata and links to the original', async () => {
  const r = await reader.newReader();
  await r.open('#/article/notes%2Fpaix');
  // The byline and the link come with the article's text (its piece of a split index).
  await r.reader().locator('.text > *').first().waitFor();
  assert.equal(await r.reader().locator(':scope > .meta').innerText(), 'Le Courrier du Caucase · 24 octobre 2023 · Anna Petrossian');
  assert.equal(await r.page.getByRole('link', { name: 'Lire l’original' }).getAttribute('href'), 'https://example.org/paix');
});

test('an article opened from a link with its query highlights the matches, typos included', async () => {
  // A fresh reader of a split index: the words of the query are looked up
  // in the dictionary pieces the link needs (all of them, for a typo).
  const r = await reader.newReader({ serviceWorkers: 'block' });
  await r.open('#/article/notes%2Fpaix?q=d%C3%A9l%C3%A9gation%20m%C3%A9daiteurs');
  await r.page.waitForFunction(() => document.querySelectorAll('.text mark').length >= 2);
  const marks = await r.reader().locator('.text mark').allInnerTexts();
  assert.ok(marks.includes('délégations') && marks.includes('médiateurs'), marks.join());
  assert.deepEqual(r.errors, []);
});

test('an article written to attack the page shows as text and runs nothing', async () => {
  const r = await reader.newReader();
  const dialogs = [];
  r.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await r.open();
  await r.type('piégé');
  await r.results().first().waitFor();
  await r.results().first().locator('a').click();
  await r.reader().locator('.text > *').first().waitFor();
  const text = await r.reader().innerText();
  assert.ok(text.includes("<script>alert('xss')</script>"), 'the markup shows as text');
  assert.equal(await r.reader().locator('script, img, iframe').count(), 0);
  assert.equal(await r.page.getByRole('link', { name: 'Lire l’original' }).count(), 0, 'no javascript: link');
  await r.page.waitForTimeout(300);
  assert.equal(await r.page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(r.errors, []);
});

test('a split index: a search downloads only the pieces it needs, and all work offline after', async () => {
  const pieces = readdirSync(join(DIST_COLLECTION, 'pieces'));
  const termPieces = pieces.filter((f) => f.startsWith('terms-'));
  assert.ok(termPieces.length >= 3, `the build is split in small pieces: ${pieces}`);
  const r = await reader.newReader();
  const asked = [];
  r.page.on('request', (request) => {
    const name = request.url().split('/pieces/')[1];
    if (name) asked.push(name);
  });
  await r.open();
  await r.results().first().locator('.snippet').filter({ hasText: /\S/ }).waitFor();
  assert.equal(asked.filter((f) => f.startsWith('terms-')).length, 0, 'the list of articles needs no term piece');
  await r.type('accord');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  const forSearch = asked.filter((f) => f.startsWith('terms-'));
  assert.ok(forSearch.length >= 1 && forSearch.length < termPieces.length, `asked ${forSearch}`);
  // The word, and the prefixes typed on the way, were looked up in the
  // dictionary pieces where they would be, not in all of them.
  const dictionary = pieces.filter((f) => f.startsWith('dictionary-'));
  assert.ok(dictionary.length >= 3, `the dictionary is split too: ${pieces}`);
  const lookedUp = asked.filter((f) => f.startsWith('dictionary-')).length;
  assert.ok(lookedUp >= 1 && lookedUp < dictionary.length, `asked ${asked}`);
  // A typo needs the whole dictionary to be corrected: it comes, and the word is found.
  await r.type('pourpalers');
  await r.page.waitForFunction(() => /pourparlers/i.test(document.querySelector('.result mark')?.textContent ?? ''));
  assert.equal(asked.filter((f) => f.startsWith('dictionary-')).length, dictionary.length);
  assert.equal(new Set(asked).size, asked.length, 'no piece is downloaded twice');

  await r.waitForOffline();
  await r.page.context().setOffline(true);
  await r.page.reload();
  await r.type('pourparlers Genève');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  assert.equal(await r.resultTitles().then((t) => t[0]), 'Les pourparlers de paix reprennent à Genève');
  await r.results().first().locator('a').click();
  await r.reader().locator('.text mark').first().waitFor();
  assert.deepEqual(r.errors, []);
});

test('the pieces are cached in the background, and the next visit finishes what a failure left', async () => {
  // A server that lacks one term piece (the list of articles needs none).
  const site = mkdtempSync(join(tmpdir(), 'liseuse-site-'));
  cpSync(DIST_COLLECTION, site, { recursive: true });
  const lost = readdirSync(join(site, 'pieces')).find((f) => f.startsWith('terms-'));
  rmSync(join(site, 'pieces', lost));
  const server = await serveStatic(site);
  try {
    const r = await reader.newReader();
    r.baseUrl = server.url;
    await r.open();
    await r.results().first().locator('.snippet').filter({ hasText: /\S/ }).waitFor();
    // The app works at once; the pieces arrive behind it, all but the lost one.
    let status = await r.offlineStatus();
    const deadline = Date.now() + 30_000;
    while ((status.filling || status.cached < status.total - 1) && Date.now() < deadline) {
      await r.page.waitForTimeout(100);
      status = await r.offlineStatus();
    }
    assert.equal(status.cached, status.total - 1, JSON.stringify(status));
    // The reader is told how far it is.
    await r.page.waitForFunction(() => /% de l’index enregistré/.test(document.querySelector('.offline-status')?.textContent));
    // Beside the text column at 1280 px, not over its first letters.
    const [line, column] = await r.page.evaluate(() => [
      document.querySelector('.offline-status').getBoundingClientRect().right,
      document.querySelector('.results').getBoundingClientRect().left,
    ]);
    assert.ok(line <= column, `the line ends at ${line}px, the text column starts at ${column}px`);
    // The server has it again: the next visit fetches only what is missing.
    server.setRoot(DIST_COLLECTION);
    const before = server.log.length;
    await r.page.reload();
    await r.waitForOffline();
    // No progress line is left behind (it says it is done, then goes).
    await r.page.waitForFunction(() => !/%/.test(document.querySelector('.offline-status')?.textContent ?? ''));
    const fetched = server.log.slice(before).filter((entry) => entry.path.includes('/pieces/'));
    assert.deepEqual(fetched.map((entry) => entry.path.split('/pieces/')[1]), [lost]);
    // And everything works offline.
    await r.page.context().setOffline(true);
    await r.page.reload();
    await r.type('pourparlers Genève');
    await r.page.waitForFunction(() => document.querySelector('.result mark'));
    assert.deepEqual(r.errors.filter((e) => !e.includes('404')), []);
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('on a phone, the line of the pieces being stored stands above the bar of an article’s matches', async () => {
  // A slow server: the pieces are still coming in while the article is read.
  const server = await serveStatic(DIST_COLLECTION, { latency: 400 });
  try {
    const r = await reader.newReader({ viewport: { width: 390, height: 844 } });
    r.baseUrl = server.url;
    await r.open('#/article/notes%2Fpaix?q=paix');
    await r.page.waitForFunction(() => document.querySelector('.matches') && /\S/.test(document.querySelector('.offline-status')?.textContent ?? ''));
    const [line, bar] = await r.page.evaluate(() =>
      ['.offline-status', '.matches'].map((selector) => {
        const { top, bottom } = document.querySelector(selector).getBoundingClientRect();
        return { top, bottom };
      }),
    );
    assert.ok(line.bottom <= bar.top, `the line ends at ${line.bottom}px, the bar starts at ${bar.top}px`);
    assert.deepEqual(r.errors, []);
  } finally {
    await server.close();
  }
});

test('until its pieces are in, a result shows its source and date, then its title, then its text', async () => {
  const r = await reader.newReader({ serviceWorkers: 'block' });
  const slow = (ms) => async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.continue();
  };
  await r.page.route('**/pieces/titles-*', slow(700));
  await r.page.route('**/pieces/text-*', slow(1500));
  const texts = [];
  r.page.on('request', (request) => {
    if (request.url().includes('/pieces/text-')) texts.push(request.url());
  });
  // Before the app (the first result's path) as in it.
  await r.page.goto(`${r.baseUrl}#/?q=signent%20accord`);
  const pending = r.page.locator('.result.pending').first();
  await pending.waitFor();
  assert.equal(await pending.locator('.title').innerText(), 'Chargement…');
  assert.equal(await pending.locator('.meta').innerText(), 'Le Journal · 1er février 2024');
  // Its title piece: the title, highlighted, and a link, before the text.
  const titled = r.page.locator('.result.title-only').first();
  await titled.waitFor();
  assert.equal(await titled.locator('.title').innerText(), 'Bakou et Erevan signent un accord');
  assert.ok(await titled.locator('.title mark').count());
  assert.match(await titled.locator('a').first().getAttribute('href'), /^#\/article\//);
  assert.equal(await titled.locator('.snippet').count(), 0);
  // Then the text: the byline, and the snippet.
  assert.equal((await r.resultTitles())[0], 'Bakou et Erevan signent un accord');
  await r.page.waitForFunction(() => !document.querySelector('.result.title-only'));
  assert.equal(
    await r.results().first().locator('.meta').innerText(),
    'Le Journal · 1er février 2024 · Marc Dupont',
  );
  assert.ok(await r.results().first().locator('.snippet').count());
  assert.ok(texts.length > 0);
  assert.deepEqual(r.errors, []);
});

test('typing downloads the titles of each keystroke, and the texts only once the reader pauses', async () => {
  const r = await reader.newReader({ serviceWorkers: 'block' });
  // From a search that found nothing (the home page would bring every text
  // of this small collection).
  await r.open('#/?q=qwxz');
  await r.page.locator('.results.empty').waitFor();
  const asked = [];
  r.page.on('request', (request) => {
    const piece = request.url().split('/pieces/')[1];
    if (piece) asked.push({ piece, at: Date.now() });
  });
  // Letter by letter, faster than the pause (src/pieces.rs: LATER_AFTER_MS),
  // the first replacing the query.
  await r.searchBox().focus();
  await r.page.keyboard.press('Control+A');
  for (const letter of 'pourparlers') {
    await r.page.keyboard.type(letter);
    await r.page.waitForTimeout(120);
  }
  const typed = Date.now();
  await r.page.waitForFunction(() => document.querySelector('.result .snippet'));
  const during = asked.filter((a) => a.at < typed).map((a) => a.piece);
  assert.ok(during.some((p) => p.startsWith('titles-')), during.join(' '));
  assert.deepEqual(during.filter((p) => p.startsWith('text-')), [], 'no text piece while typing');
  assert.ok(asked.some((a) => a.piece.startsWith('text-')));
  assert.deepEqual(r.errors, []);
});

test('a link to a search asks for its words’ dictionary and term pieces while the wasm downloads, once', async () => {
  const r = await reader.newReader({ serviceWorkers: 'block' });
  let wasmArrived = Infinity;
  await r.page.route('**/*_bg.wasm.gz', async (route) => {
    await new Promise((done) => setTimeout(done, 800));
    const response = await route.fetch();
    wasmArrived = Date.now();
    await route.fulfill({ response });
  });
  const pieces = [];
  r.page.on('request', (request) => {
    const piece = request.url().split('/pieces/')[1];
    if (piece) pieces.push({ piece, at: Date.now() });
  });
  await r.open('#/?q=pourparlers%20Gen%C3%A8ve');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  // The build's hints name the pieces' first terms: "pourparlers" is in the
  // dictionary piece that begins at "nouvel", "Genève" in the one at "ecrit".
  const early = pieces.filter((p) => p.at < wasmArrived).map((p) => p.piece.split('-').slice(0, 2).join('-'));
  const dictionary = early.filter((p) => p.startsWith('dictionary-')).sort();
  assert.deepEqual(dictionary, ['dictionary-0002', 'dictionary-0004'], JSON.stringify(pieces));
  // And the term pieces of both words came before the wasm: the app asked
  // for no other term piece.
  const terms = pieces.filter((p) => p.piece.startsWith('terms-'));
  assert.ok(terms.length > 0);
  assert.ok(terms.every((p) => p.at < wasmArrived), JSON.stringify(pieces));
  // The app's own requests took those downloads: each piece came once.
  const names = pieces.map((p) => p.piece);
  assert.deepEqual(names, [...new Set(names)]);
  assert.deepEqual(r.errors, []);
});

test('the hints foresee what a query looks up: its words but its stop words, a number with its separators, synonyms, the word being typed', async () => {
  // Hints of a larger collection than this one, whose pieces begin at these
  // terms (the files do not exist: only the pieces boot.js asks for count).
  const first = ['0', '3000', '4', 'achever', 'b', 'deces', 'des', 'e', 'fin', 'g', 'la', 'm', 'mort', 'n', 'terminer', 'u'];
  const file = (k) => `dictionary-${String(k).padStart(4, '0')}-00000000.bin`;
  const hints = {
    first,
    files: first.map((_, k) => file(k)),
    terms: [],
    generations: [],
    stop: ['des', 'la'],
    synonyms: [['finir', 'terminer', 'achever'], ['mort', 'deces']],
  };
  const r = await reader.newReader({ serviceWorkers: 'block' });
  await r.page.route('**/hints-*.bin', (route) => route.fulfill({ body: gzipSync(JSON.stringify(hints)) }));
  const asked = new Set();
  await r.page.route('**/pieces/*-00000000.bin', (route) => {
    asked.add(Number(route.request().url().split('/pieces/dictionary-')[1].slice(0, 4)));
    return route.fulfill({ body: '' });
  });
  await r.open(`#/?q=${encodeURIComponent('la fin des 3 000 morts')}`);
  await r.page.waitForSelector('.results');
  // "fin" and its synonyms "finir" (8), "terminer" (13-14: its related words
  // share its first six letters), "achever" (2-3); "3 000" is one number,
  // "3000" (0-1); "morts", being typed, with its completions (11-12), and its
  // synonym "deces" (4-5). Not the stop words "la" (10) and "des" (6), nor
  // the pieces of no word (7, 9, 15).
  assert.deepEqual([...asked].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 8, 11, 12, 13, 14]);
  assert.deepEqual(r.errors, []);
});

test('a piece that cannot be downloaded is named, and the rest still works', async () => {
  const r = await reader.newReader({ serviceWorkers: 'block' });
  await r.page.route('**/pieces/terms-*', (route) => route.abort());
  await r.open();
  await r.type('accord');
  const alert = r.page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /n’a pas pu être chargée \(terms-\d{4}-[0-9a-f]{8}\.bin : /);
  // The list of articles needs no term piece: it is still there.
  await r.page.unroute('**/pieces/terms-*');
  await r.type('');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '9 articles');
  // And once the network is back, the same search works.
  await r.type('accord');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
});
