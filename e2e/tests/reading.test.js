// Reading an article: its reading time, in the list and in the reader, and a
// clean printed page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';

const reader = useReader({ dist: DIST_COLLECTION });
// A phone, where the seeds' articles are several screens long.
const phone = useReader({ dist: DIST, viewport: { width: 390, height: 700 } });

/** Words of a text as the core counts them, near enough: runs of letters, digits and marks. */
const words = (text) => (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).length;

test('every result and the reader say how long the article takes to read', async () => {
  const r = await reader.newReader();
  await r.open('#/?q=accord');
  await r.page.waitForFunction(() => document.querySelector('.result .reading-time'));
  const first = r.results().first();
  const inList = await first.locator('.reading-time').innerText();
  assert.match(inList, /^\d+ min de lecture$/);
  await first.locator('a').click();
  await r.reader().locator('.text > *').first().waitFor();
  const inReader = await r.reader().locator('.reading-time').innerText();
  assert.equal(inReader, inList);
  // About 230 words a minute, rounded up.
  const text = `${await r.reader().locator('h1').innerText()} ${await r.reader().locator('.text').innerText()}`;
  const minutes = Number(inReader.split(' ')[0]);
  const expected = Math.ceil(words(text) / 230);
  assert.ok(Math.abs(minutes - expected) <= 1, `${minutes} for ${words(text)} words`);
  assert.deepEqual(r.errors, []);
});

test('an article prints without the header, the search box or the controls, with its original address', async () => {
  const r = await reader.newReader();
  await r.open('#/article/notes%2Fpaix?q=paix');
  await r.reader().locator('mark').first().waitFor();
  await r.reader().locator('.matches').waitFor();
  await r.page.emulateMedia({ media: 'print' });
  for (const hidden of ['header.bar', '.reader .back', '.reader .matches']) {
    assert.equal(await r.page.locator(hidden).isVisible(), false, hidden);
  }
  assert.ok(await r.reader().locator('h1').isVisible());
  assert.ok(await r.reader().locator('.text').isVisible());
  const after = await r.page.locator('.original a').evaluate((a) => getComputedStyle(a, '::after').content);
  assert.ok(after.includes('https://example.org/paix'), after);
  // Back on screen, everything is there again.
  await r.page.emulateMedia({ media: 'screen' });
  assert.ok(await r.page.locator('header.bar').isVisible());
});

test('reopening an article returns where the reader left it, with a way back to the top', async () => {
  const r = await phone.newReader();
  const article = '#/article/004_3708a06be9d3ed9d';
  await r.open(article);
  await r.reader().locator('.text > *').first().waitFor();
  assert.equal(await r.page.locator('.resume').count(), 0, 'nothing to resume the first time');
  // Read half of it: the bar at the top follows.
  await r.page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
  await r.page.waitForFunction(() => Number(document.querySelector('.progress')?.value) >= 45);
  // Elsewhere, then back: the same place.
  await r.open('#/');
  await r.open(article);
  await r.page.locator('.resume').waitFor();
  const at = await r.page.evaluate(() => scrollY / (document.documentElement.scrollHeight - innerHeight));
  assert.ok(Math.abs(at - 0.5) < 0.05, `at ${at}`);
  // A reload too.
  await r.page.reload();
  await r.page.locator('.resume').waitFor();
  // "Reprendre au début": the top, and the next visit starts there.
  await r.page.getByRole('button', { name: 'Reprendre au début' }).click();
  await r.page.waitForFunction(() => scrollY === 0);
  assert.equal(await r.page.locator('.resume').count(), 0);
  await r.page.waitForTimeout(200);
  await r.page.reload();
  // The app's reading view (the first result's path shows the text before it, its save button inert).
  await r.page.locator('article.reader .article-actions .save:not([disabled])').waitFor();
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.waitForTimeout(200);
  assert.equal(await r.page.locator('.resume').count(), 0);
  assert.equal(await r.page.evaluate(() => scrollY), 0);
  // Another site on the same host keeps its own positions (keys are per path).
  const keys = await r.page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.every((k) => k.startsWith('liseuse:1:/:')), keys.join());
  assert.deepEqual(r.errors, []);
});

test('a corrupted stored position is ignored', async () => {
  const r = await phone.newReader();
  const article = '#/article/004_3708a06be9d3ed9d';
  await r.open('#/');
  await r.page.evaluate(() => {
    localStorage.setItem('liseuse:1:/:resume:004_3708a06be9d3ed9d', '{"not": "a position"}');
  });
  await r.open(article);
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.waitForTimeout(200);
  assert.equal(await r.page.locator('.resume').count(), 0);
  assert.deepEqual(r.errors, []);
});
