// What depends on the browser's own APIs, in Firefox ESR too: the selection
// a highlight is made from, and the speech synthesis "Écouter" reads with
// (headless browsers have no voice: lib/speech.js stands in for it), and
// the e-book made in the page and handed to the browser as a download, and
// a followed search kept in its storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from '../lib/fixture.js';
import { useFirefox } from '../lib/firefox.js';
import { select } from '../lib/selection.js';
import { fakeSpeech, FRENCH, ENGLISH } from '../lib/speech.js';
import { entries } from '../lib/zip.js';

const firefox = useFirefox({ dist: DIST });
const ARTICLE = '#/article/000_1a8f4e49545b7e53';
/** The app's reading view: its save button works (the first result's path's is inert). */
const APP_READER = 'article.reader .article-actions .save:not([disabled])';

/** Keeps what `page` hands to the browser as a download: each file's blob and name, in `window.__downloads`. */
async function catchDownloads(page) {
  await page.evaluateOnNewDocument(() => {
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create(blob);
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function () {
      window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
    };
  });
}

/** The first file the page offered: its name, type and text. */
const downloaded = (page) =>
  page.evaluate(async () => {
    const { name, blob } = window.__downloads[0];
    return [name, blob.type, await blob.text()];
  });

const highlights = (page) =>
  page.$$eval('article.reader .text mark.hl', (marks) => marks.map((m) => m.textContent));

test('Firefox: a selected passage is highlighted with the button and the key h, and is there after a reload', async () => {
  const page = await firefox.newPage();
  await page.goto(firefox.url() + ARTICLE);
  // The app's reading view (the first result's path shows the article
  // before it, its save button inert).
  await page.waitForSelector('article.reader .text > *');
  await page.waitForSelector(APP_READER);
  await select(page, 'offensive éclair');
  await page.waitForSelector('.hl-bar');
  await page.click('.hl-bar button:first-child');
  await page.waitForSelector('mark.hl');
  await select(page, 'crise de réfugiés');
  await page.keyboard.press('h');
  await page.waitForFunction(() => document.querySelectorAll('mark.hl').length === 2);
  assert.deepEqual(await highlights(page), ['offensive éclair', 'crise de réfugiés']);
  await page.reload();
  await page.waitForSelector('mark.hl');
  assert.deepEqual(await highlights(page), ['offensive éclair', 'crise de réfugiés']);
  assert.deepEqual(page.errors, []);
});

test('Firefox: Écouter reads sentence by sentence in the French voice, the sentence marked; stop silences it', async () => {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(fakeSpeech, [ENGLISH, FRENCH]);
  await page.goto(firefox.url() + ARTICLE);
  // The app's reading view (the first result's path shows the article
  // before it, its save button inert).
  await page.waitForSelector('article.reader .text > *');
  await page.waitForSelector(APP_READER);
  await page.click('button.listen');
  await page.waitForSelector('.listen-bar');
  await page.evaluate(() => window.__speech.end());
  await page.waitForFunction(() => window.__speech.spoken.length === 2);
  const [spoken, marked] = await page.evaluate(() => [
    window.__speech.spoken,
    [...CSS.highlights.get('speaking')][0].toString(),
  ]);
  assert.deepEqual(spoken.map((s) => s.voice), ['Amélie', 'Amélie']);
  assert.equal(marked, spoken[1].text);
  assert.match(await page.$eval('.listen-bar', (b) => b.textContent), /Phrase 2 sur 12/);
  await page.click('.listen-bar button:nth-child(2)');
  await page.waitForFunction(() => !document.querySelector('.listen-bar'));
  assert.equal(await page.evaluate(() => CSS.highlights.has('speaking')), false);
  assert.deepEqual(page.errors, []);
});

test('Firefox: "Mes articles" as an EPUB, made in the page and offered as a file', async () => {
  const page = await firefox.newPage();
  await catchDownloads(page);
  await page.goto(firefox.url() + ARTICLE);
  // The app's reading view (the first result's path shows the article
  // before it, its save button inert).
  await page.waitForSelector('article.reader .text > *');
  await page.waitForSelector(APP_READER);
  await page.keyboard.press('s');
  await page.goto(firefox.url() + '#/mes-articles');
  await page.waitForSelector('.ebook button');
  await page.click('.ebook button');
  await page.waitForFunction(() => window.__downloads.length === 1);
  const [name, type, base64] = await page.evaluate(async () => {
    const { name, blob } = window.__downloads[0];
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return [name, blob.type, btoa(String.fromCharCode(...bytes))];
  });
  assert.equal(name, 'liseuse-mes-articles.epub');
  assert.equal(type, 'application/epub+zip');
  const files = entries(Buffer.from(base64, 'base64'));
  assert.equal(files[0].name, 'mimetype');
  assert.ok(files.some((f) => f.name === 'OEBPS/c1.xhtml' && /Le ministère azerbaïdjanais/.test(f.data.toString())));
  assert.deepEqual(page.errors, []);
});

test('Firefox: the app works under the page\'s Content-Security-Policy, which refuses an injected script', async () => {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(firefox.url() + '#/?q=Bakou');
  await page.waitForSelector('.results li.result a');
  await page.click('.results li.result a');
  await page.waitForSelector('article.reader .text > *');
  await page.click('nav.names a');
  await page.waitForSelector('.results.name h1');
  await page.goto(firefox.url() + '#/mes-articles');
  await page.waitForSelector('.results.shelf');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    await new Promise((done) => setTimeout(done, 50));
    return window.__injected === true;
  });
  assert.equal(ran, false);
  assert.equal((await page.evaluate(() => window.__violations)).length, 1);
});

test('Firefox: a link to a search shows its first results before the app (dynamic import, DecompressionStream), then the app keeps them', async () => {
  const page = await firefox.newPage();
  await page.goto(`${firefox.url()}#/?q=Bakou%20Moscou`);
  await page.waitForSelector('#app[data-started] .result mark');
  const [shown, wasm] = await page.evaluate(() => [
    performance.getEntriesByName('liseuse-first-results')[0]?.startTime,
    performance.getEntriesByType('resource').find((entry) => /liseuse-[0-9a-f]+_bg\.wasm\.gz$/.test(entry.name))?.startTime,
  ]);
  assert.ok(shown > 0 && wasm >= shown, `first results at ${shown} ms, the app's wasm asked for at ${wasm}`);
  const titles = await page.$$eval('.result .title', (all) => all.map((t) => t.textContent));
  assert.ok(titles.length > 0 && titles[0].includes('Bakou'), titles.join(' | '));
  assert.deepEqual(page.errors, []);
});

test('Firefox: a search followed stays followed after a reload, is listed in "Mes articles" and can be let go', async () => {
  const page = await firefox.newPage();
  await page.goto(`${firefox.url()}#/?q=Bakou%20Moscou`);
  await page.waitForSelector('#app[data-started] .follow:not([disabled])');
  await page.click('.follow');
  await page.waitForSelector('.follow[aria-pressed="true"]');
  await page.reload();
  await page.waitForSelector('#app[data-started] .follow[aria-pressed="true"]');
  assert.equal(await page.$eval('.follow', (b) => b.textContent), '✓ Recherche suivie');
  await page.goto(`${firefox.url()}#/mes-articles`);
  await page.waitForSelector('.followed li a');
  assert.equal(await page.$eval('.followed li a', (a) => a.getAttribute('href')), '#/?q=Bakou%20Moscou&tri=date');
  await page.click('.followed .unfollow');
  await page.waitForFunction(() => /Aucune recherche suivie/.test(document.querySelector('.followed')?.textContent));
  assert.deepEqual(page.errors, []);
});

test('Firefox: "Citer" puts the reference in the clipboard, and "Mes articles" offers the references as a file', async () => {
  const page = await firefox.newPage();
  await catchDownloads(page);
  await page.goto(firefox.url() + ARTICLE);
  await page.waitForSelector('article.reader .text > *');
  await page.waitForSelector(APP_READER);
  await page.click('.cite-article .cite');
  await page.waitForSelector('dialog.cite[open]');
  // The second form, BibTeX: copied, the button says so once the browser has it.
  const bib = await page.$eval('dialog.cite section:nth-of-type(2) pre', (pre) => pre.textContent);
  assert.match(bib, /^@article\{000_1a8f4e49545b7e53,/);
  await page.click('dialog.cite section:nth-of-type(2) button');
  await page.waitForFunction(
    () => document.querySelector('dialog.cite section:nth-of-type(2) button').textContent === 'Copié',
  );
  // What the clipboard holds, pasted into a field.
  await page.click('dialog.cite .primary');
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'pasted';
    document.body.append(field);
    field.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.querySelector('#pasted').value.length > 0);
  assert.equal(await page.$eval('#pasted', (field) => field.value), bib);

  await page.keyboard.press('Escape');
  await page.evaluate(() => document.querySelector('#pasted').remove());
  await page.keyboard.press('s');
  await page.waitForSelector('article.reader .save[aria-pressed="true"]');
  await page.goto(firefox.url() + '#/mes-articles');
  await page.waitForSelector('.references button');
  await page.click('.references button:nth-of-type(2)');
  await page.waitForFunction(() => window.__downloads.length === 1);
  const [name, type, text] = await downloaded(page);
  assert.equal(name, 'references.ris');
  assert.equal(type, 'application/x-research-info-systems');
  assert.match(text, /^TY {2}- NEWS\nTI {2}- /);
  assert.deepEqual(page.errors, []);
});

test('Firefox: a name\'s quotations download as Markdown, each with its article', async () => {
  const page = await firefox.newPage();
  await catchDownloads(page);
  await page.goto(firefox.url() + '#/nom/antony%20blinken');
  await page.waitForSelector('.quotations .export button');
  await page.click('.quotations .export button');
  await page.waitForFunction(() => window.__downloads.length === 1);
  const [name, type, text] = await downloaded(page);
  assert.equal(name, 'citations.md');
  assert.equal(type, 'text/markdown');
  assert.match(text, /^# Antony Blinken — .+\n\n## Antony Blinken\n\n> « cesser immédiatement ces actions »\n\n— \[[^\]]+\]\(<http:\/\/[^>]+#\/article\/[^>]+>\)/);
  assert.deepEqual(page.errors, []);
});
