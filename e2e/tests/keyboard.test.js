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

test('? shows the shortcuts; Escape closes them without leaving the article; the keys do nothing meanwhile', async () => {
  const r = await reader.newReader();
  await r.open('#/article/004_3708a06be9d3ed9d?q=Bakou');
  await r.reader().locator('mark').first().waitFor();
  await r.page.keyboard.press('?');
  const dialog = r.page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await dialog.waitFor();
  const keys = await dialog.locator('dt').allInnerTexts();
  for (const key of ['/', 'Échap', 'n', 's', '?']) {
    assert.ok(keys.some((k) => k.split(/\s+/).includes(key)), `${key} in ${keys}`);
  }
  // s, n and Escape are the dialog's while it is open: Escape only closes it.
  await r.page.keyboard.press('s');
  await r.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.match(await r.page.evaluate(() => location.hash), /^#\/article\//, 'still in the article');
  assert.equal(await r.reader().locator('.save').getAttribute('aria-pressed'), 'false', 's was not a save');
  await r.page.keyboard.press('s');
  await r.reader().locator('.save[aria-pressed="true"]').waitFor();
  assert.deepEqual(r.errors, []);
});

test('each view has one h1, landmarks and a count announced politely', async () => {
  const r = await reader.newReader();
  for (const [hash, heading] of [
    ['#/', 'Tous les articles'],
    ['#/?q=Bakou', 'Résultats pour « Bakou »'],
    ['#/mes-articles', 'Mes articles'],
  ]) {
    await r.open(hash);
    await r.page.locator('h1', { hasText: heading }).waitFor();
    assert.equal(await r.page.locator('h1').count(), 1, hash);
    assert.equal(await r.page.getByRole('banner').count(), 1, hash);
    assert.equal(await r.page.getByRole('main').count(), 1, hash);
    assert.equal(await r.page.getByRole('search').count(), 1, hash);
  }
  await r.open('#/?q=Bakou');
  const count = r.page.getByRole('status').filter({ hasText: /résultat/ });
  await count.waitFor();
  assert.match(await count.innerText(), /^\d+ résultats?$/);
});
