// "E-book (EPUB)": the reader's articles, a name's articles and a month's,
// downloaded as an EPUB 3 made in the browser, offline, with the
// highlights. What an EPUB checker checks of the container is checked here
// (epubcheck itself is not in reach of the suite): mimetype first, stored,
// without extra field; container.xml pointing at the package document;
// every file of the manifest present; a nav document; every page
// well-formed XHTML (the browser's own XML parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';
import { entries } from '../lib/zip.js';
import { select } from '../lib/selection.js';

const seeds = useReader({ dist: DIST });
const collection = useReader({ dist: DIST_COLLECTION });

/** Clicks `button` and gives the file it downloads, read, with its name. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Checks the EPUB `bytes` as a checker would; gives its chapters' texts and its package. */
async function checkEpub(page, bytes) {
  const files = entries(bytes);
  const names = files.map((f) => f.name);
  assert.equal(names[0], 'mimetype', 'mimetype first');
  assert.equal(files[0].offset, 0);
  assert.equal(files[0].method, 0, 'stored');
  assert.equal(files[0].extra, 0, 'no extra field');
  assert.equal(files[0].data.toString(), 'application/epub+zip');
  assert.equal(bytes.subarray(30, 38).toString(), 'mimetype');
  const text = (name) => files.find((f) => f.name === name).data.toString('utf8');
  const rootfile = text('META-INF/container.xml').match(/full-path="([^"]+)"/)[1];
  const opf = text(rootfile);
  const base = rootfile.replace(/[^/]+$/, '');
  const hrefs = [...opf.matchAll(/href="([^"]+)"/g)].map((m) => base + m[1]);
  for (const href of hrefs) assert.ok(names.includes(href), `${href} of the manifest is in the archive`);
  assert.match(opf, /<item [^>]*properties="nav"/);
  assert.match(opf, /<meta property="dcterms:modified">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/meta>/);
  assert.match(opf, /<dc:identifier id="book-id">/);
  // Every XML file parses, in the browser's XML parser.
  const xml = files.filter((f) => /\.(xhtml|opf|xml)$/.test(f.name)).map((f) => [f.name, f.data.toString('utf8')]);
  const errors = await page.evaluate((xml) => xml.flatMap(([name, source]) => {
    const type = name.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/xml';
    const doc = new DOMParser().parseFromString(source, type);
    const error = doc.querySelector('parsererror');
    return error ? [`${name}: ${error.textContent}`] : [];
  }), xml);
  assert.deepEqual(errors, []);
  const chapters = names.filter((n) => /\/c\d+\.xhtml$/.test(n)).map(text);
  return { opf, chapters, nav: text(base + 'nav.xhtml') };
}

test('"Mes articles" as an EPUB: its articles with source, date, address and highlights, a valid container', async () => {
  const r = await seeds.newReader({ acceptDownloads: true });
  await r.open('#/article/000_1a8f4e49545b7e53');
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.keyboard.press('s');
  await select(r.page, 'offensive éclair');
  await r.page.keyboard.press('h');
  await r.page.locator('mark.hl').waitFor();
  await r.open('#/article/004_3708a06be9d3ed9d');
  await r.reader().locator('.text > *').first().waitFor();
  await r.open('#/mes-articles');
  const { name, bytes } = await download(r.page, r.page.getByRole('button', { name: 'E-book (EPUB) : Mes articles' }));
  assert.equal(name, 'liseuse-mes-articles.epub');
  const book = await checkEpub(r.page, bytes);
  assert.equal(book.chapters.length, 2, 'the saved one, then the one read lately');
  assert.match(book.chapters[0], /<h1>Le ministère azerbaïdjanais de la Défense/);
  assert.match(book.chapters[0], /<mark>offensive éclair<\/mark>/);
  assert.match(book.chapters[0], /Vos surlignages/);
  assert.match(book.chapters[0], /#\/article\/000_1a8f4e49545b7e53/);
  assert.match(book.chapters[1], /<h1>Bakou assure que Moscou/);
  assert.match(book.nav, /<a href="c1.xhtml">Le ministère/);
  assert.match(book.opf, /<dc:title>Mes articles<\/dc:title>/);
  assert.match(book.opf, /<dc:language>fr<\/dc:language>/);
  assert.deepEqual(r.errors, []);
});

test('a month and a name as EPUB, from a split index whose texts come in pieces first', async () => {
  const r = await collection.newReader({ acceptDownloads: true });
  await r.open();
  // The first month with articles, on the chart.
  await r.page.locator('g.bar[tabindex="0"]').first().click();
  const button = r.page.getByRole('button', { name: /^E-book \(EPUB\) : / });
  const month = (await button.getAttribute('aria-label')).replace('E-book (EPUB) : ', '');
  const count = Number((await r.page.locator('.count').innerText()).match(/\d+/)[0]);
  const { bytes } = await download(r.page, button);
  const book = await checkEpub(r.page, bytes);
  assert.equal(book.chapters.length, count, `the ${count} articles of ${month}`);
  assert.ok(book.chapters.every((c) => /<p>[^<]{20,}/.test(c)), 'each chapter has its text');

  await r.page.goto(`${r.baseUrl}#/nom/geneve`);
  const named = await download(r.page, r.page.getByRole('button', { name: /^E-book \(EPUB\) : Genève/ }));
  const byName = await checkEpub(r.page, named.bytes);
  assert.ok(byName.chapters.length >= 1);
  assert.ok(byName.chapters.every((c) => /Genève/.test(c)), 'each chapter names Genève');
  assert.deepEqual(r.errors, []);
});

test('a person\'s EPUB has, in each article, what they said in it', async () => {
  const r = await seeds.newReader({ acceptDownloads: true });
  await r.open('#/nom/antony%20blinken');
  await r.page.getByRole('region', { name: 'Citations (1)' }).waitFor();
  const { bytes } = await download(r.page, r.page.getByRole('button', { name: /^E-book \(EPUB\) : Antony Blinken/ }));
  const book = await checkEpub(r.page, bytes);
  const quoting = book.chapters.filter((c) => /<section class="quotations">/.test(c));
  assert.equal(quoting.length, 1, 'the one article he is quoted in');
  assert.match(quoting[0], /<h2>Citations \(1\)<\/h2>\n<blockquote><p>« cesser immédiatement ces actions »<\/p><\/blockquote>/);
  assert.ok(book.chapters.length >= 1);
  assert.deepEqual(r.errors, []);
});
