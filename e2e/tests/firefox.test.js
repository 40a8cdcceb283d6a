// What depends on the browser's own APIs, in Firefox ESR too: the selection
// a highlight is made from, and the speech synthesis "Écouter" reads with
// (headless browsers have no voice: lib/speech.js stands in for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from '../lib/fixture.js';
import { useFirefox } from '../lib/firefox.js';
import { select } from '../lib/selection.js';
import { fakeSpeech, FRENCH, ENGLISH } from '../lib/speech.js';

const firefox = useFirefox({ dist: DIST });
const ARTICLE = '#/article/000_1a8f4e49545b7e53';

const highlights = (page) =>
  page.$$eval('article.reader .text mark.hl', (marks) => marks.map((m) => m.textContent));

test('Firefox: a selected passage is highlighted with the button and the key h, and is there after a reload', async () => {
  const page = await firefox.newPage();
  await page.goto(firefox.url() + ARTICLE);
  await page.waitForSelector('article.reader .text > *');
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
  await page.waitForSelector('article.reader .text > *');
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
