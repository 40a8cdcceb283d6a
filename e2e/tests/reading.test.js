// Reading an article: its reading time, in the list and in the reader, and a
// clean printed page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_COLLECTION, useReader } from '../lib/fixture.js';

const reader = useReader({ dist: DIST_COLLECTION });

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
