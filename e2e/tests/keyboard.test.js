// The keyboard: "/" goes to the search box from anywhere, Escape clears it,
// and Escape in an article goes back to its results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReader } from '../lib/fixture.js';

const reader = useReader();

test('slash focuses the search box, Escape clears it, and Escape leaves an article for its results', async () => {
  const r = await reader.newReader();
  await r.open('#/?q=Stoltenberg');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  await r.results().first().locator('a').click();
  await r.reader().locator('.text > *').first().waitFor();
  // In the article, Escape returns to the same results.
  await r.page.keyboard.press('Escape');
  await r.page.waitForFunction(() => location.hash === '#/?q=Stoltenberg');
  await r.results().first().waitFor();
  // Back in the article, "/" goes to the search box, the query selected.
  await r.results().first().locator('a').click();
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.keyboard.press('/');
  assert.ok(await r.searchBox().evaluate((box) => box === document.activeElement));
  assert.equal(await r.searchBox().inputValue(), 'Stoltenberg', 'the slash is not typed');
  // Escape in the box clears it, and the list of articles comes back.
  await r.page.keyboard.press('Escape');
  assert.equal(await r.searchBox().inputValue(), '');
  await r.page.waitForFunction(() => /\d+ articles/.test(document.querySelector('.count')?.textContent ?? ''));
  // Typing a slash in the box is a slash.
  await r.searchBox().pressSequentially('a/b');
  assert.equal(await r.searchBox().inputValue(), 'a/b');
  assert.deepEqual(r.errors, []);
});

test('from the search box, the arrows move through the results and Enter opens one', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.type('Arménie');
  await r.page.waitForFunction(() => document.querySelectorAll('.result').length >= 2);
  const focused = () => r.page.evaluate(() => {
    const links = [...document.querySelectorAll('.result a')];
    return document.activeElement?.type === 'search' ? 'box' : links.indexOf(document.activeElement);
  });
  await r.page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 0);
  await r.page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 1);
  await r.page.keyboard.press('ArrowUp');
  await r.page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'box', 'up from the first result is the box');
  await r.page.keyboard.press('ArrowDown');
  await r.page.keyboard.press('ArrowDown');
  const title = (await r.resultTitles())[1];
  await r.page.keyboard.press('Enter');
  await r.reader().locator('h1').waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), title);
  assert.deepEqual(r.errors, []);
});
