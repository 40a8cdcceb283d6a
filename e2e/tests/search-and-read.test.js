// A reader searches, opens an article, comes back to the results, shares a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReader } from '../lib/fixture.js';

const reader = useReader();

test('typing shows ranked results with the matched words highlighted', async () => {
  const r = await reader.newReader();
  await r.open();
  assert.equal(await r.results().count(), 5, 'the home page lists the five articles');
  await r.type('réfugiés');
  await r.page.waitForFunction(() => document.querySelectorAll('.result mark').length > 0);
  const titles = await r.resultTitles();
  assert.ok(titles[0].startsWith('Le ministère azerbaïdjanais de la Défense'), titles[0]);
  assert.deepEqual([...new Set(await r.marks(r.results().first()))], ['réfugiés']);
  await r.screenshot('results');
  assert.deepEqual(r.errors, []);
});

test('opening a result shows the article, and back returns to the same results', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.type('Stoltenberg mercenaires');
  await r.page.waitForFunction(() => document.querySelector('.result .title')?.textContent.includes('OTAN'));
  const before = await r.resultTitles();
  await r.results().first().locator('a').click();
  await r.reader().waitFor();
  assert.equal(
    await r.reader().locator('h1').innerText(),
    "Le chef de l'OTAN salue la coopération militaire turco-azérie",
  );
  const marks = await r.marks(r.reader());
  assert.ok(marks.includes('Stoltenberg') && marks.includes('mercenaires'), marks.join(','));
  await r.screenshot('reader');

  await r.page.goBack();
  await r.results().first().waitFor();
  assert.equal(await r.searchBox().inputValue(), 'Stoltenberg mercenaires');
  assert.deepEqual(await r.resultTitles(), before);
  assert.deepEqual(r.errors, []);
});

test('the address shows the query once the reader pauses, and a result opened at once keeps it for Back', async () => {
  const r = await reader.newReader();
  await r.open();
  // Letter by letter, as a reader types: the address is written once, after the pause.
  await r.page.evaluate(() => {
    window.addressWrites = 0;
    const replace = history.replaceState;
    history.replaceState = function (...args) {
      window.addressWrites++;
      return replace.apply(this, args);
    };
  });
  await r.searchBox().pressSequentially('Stoltenberg', { delay: 30 });
  await r.page.waitForFunction(() => location.hash === '#/?q=Stoltenberg');
  assert.equal(await r.page.evaluate(() => window.addressWrites), 1);
  // A result clicked before the address caught up: Back returns to the whole query.
  await r.searchBox().fill('');
  await r.searchBox().pressSequentially('Stoltenberg mercenaires', { delay: 30 });
  await r.page.waitForFunction(() => document.querySelector('.result .title')?.textContent.includes('OTAN'));
  await r.results().first().locator('a').click();
  await r.reader().waitFor();
  await r.page.waitForTimeout(500);
  assert.match(await r.page.evaluate(() => location.hash), /^#\/article\//, 'the article keeps its address');
  await r.page.goBack();
  await r.results().first().waitFor();
  assert.equal(await r.page.evaluate(() => location.hash), '#/?q=Stoltenberg%20mercenaires');
  assert.equal(await r.searchBox().inputValue(), 'Stoltenberg mercenaires');
  assert.deepEqual(r.errors, []);
});

test('a deep link to an article survives a reload on a plain static server', async () => {
  const r = await reader.newReader();
  await r.open('#/article/004_3708a06be9d3ed9d?q=Bakou');
  const title = "Bakou assure que Moscou n'a pas de raison d'intervenir";
  assert.equal(await r.reader().locator('h1').innerText(), title);
  await r.page.reload();
  await r.reader().waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), title);
  // The first result's path shows the article first; the app marks the query.
  await r.page.locator('#app[data-started]').waitFor();
  await r.reader().locator('mark').first().waitFor();
  assert.ok((await r.marks(r.reader())).includes('Bakou'));
  assert.equal(await r.page.title(), `${title} — liseuse`);
  // The same link through index.html, as some hosts serve it.
  await r.page.goto(r.baseUrl + 'index.html#/article/004_3708a06be9d3ed9d');
  await r.reader().waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), title);
  assert.deepEqual(r.errors, []);
});

test('the back link of the reading view returns to the results of its query', async () => {
  const r = await reader.newReader();
  await r.open('#/article/003_64199d061bf952c4?q=Lachin');
  await r.page.getByRole('link', { name: '← Résultats' }).click();
  await r.results().first().waitFor();
  assert.equal(await r.searchBox().inputValue(), 'Lachin');
  assert.ok((await r.resultTitles()).length >= 1);
});
