// Search as a French reader types it: typos, phrases, suggestions; and going
// from one match to the next in the article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReader } from '../lib/fixture.js';

const reader = useReader();
const NATO = "Le chef de l'OTAN salue la coopération militaire turco-azérie";

test('a misspelt name still finds its article, with the right spelling highlighted', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.type('Stoltenbreg ');
  await r.page.waitForFunction(() => document.querySelector('.result mark'));
  assert.equal((await r.resultTitles())[0], NATO);
  assert.ok((await r.marks(r.results().first())).includes('Stoltenberg'));
});

test('a quoted phrase finds only the words in that order', async () => {
  const r = await reader.newReader();
  await r.open();
  // While the quote is open, its last word is being typed: results all along.
  await r.type('"crise de réfu');
  await r.results().first().waitFor();
  assert.ok((await r.resultTitles()).length >= 1);
  await r.searchBox().pressSequentially('giés"');
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 résultat');
  assert.equal(await r.results().count(), 1);
});

test('a query of common words only asks for another word', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.type('Il y a ');
  const count = r.page.locator('.count');
  await r.page.waitForFunction(() => document.querySelector('.results.empty'));
  assert.match(await count.innerText(), /trop courants .* Ajoutez un mot/);
});

test('a query that finds nothing offers the closest words', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.type('Bkou ');
  const suggestion = r.page.locator('.suggestion a');
  await suggestion.waitFor();
  assert.equal(await suggestion.innerText(), 'bakou');
  await suggestion.click();
  await r.results().first().waitFor();
  assert.equal(await r.searchBox().inputValue(), 'bakou');
});

test('the reader jumps from one match to the next with keys and buttons', async () => {
  const r = await reader.newReader();
  await r.open('#/article/001_a27cac7314b78e34?q=Stoltenberg');
  const position = r.page.locator('.matches .position');
  await position.waitFor();
  const count = (await r.marks(r.reader())).length;
  assert.ok(count >= 4, `${count} matches`);
  assert.equal(await position.innerText(), `${count} occurrences`);
  await r.page.keyboard.press('n');
  assert.equal(await position.innerText(), `1 / ${count}`);
  assert.equal(await r.page.locator('mark.current').count(), 1);
  await r.page.keyboard.press('n');
  assert.equal(await position.innerText(), `2 / ${count}`, 'each key press moves on');
  await r.page.getByRole('button', { name: 'Occurrence suivante' }).click();
  assert.equal(await position.innerText(), `3 / ${count}`);
  await r.page.keyboard.press('p');
  assert.equal(await position.innerText(), `2 / ${count}`);
  for (let i = 0; i < 2; i++) await r.page.keyboard.press('p');
  assert.equal(await position.innerText(), `${count} / ${count}`, 'wraps around');
  // The current match is on screen.
  await r.page.waitForTimeout(600);
  assert.ok(await r.page.locator('mark.current').isVisible());
  assert.ok(await r.page.locator('mark.current').evaluate((m) => {
    const box = m.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }));
  await r.screenshot('reader-matches');
  assert.deepEqual(r.errors, []);
});

test('a hyphenated name counts as many matches as it shows marks, and n reaches each', async () => {
  const r = await reader.newReader();
  await r.open('#/article/000_1a8f4e49545b7e53?q=Haut-Karabakh');
  const position = r.page.locator('.matches .position');
  await position.waitFor();
  const marks = await r.marks(r.reader());
  assert.ok(marks.some((m) => m === 'Haut-Karabakh'), marks.join(' | '));
  assert.ok(!marks.some((m) => m.startsWith('-') || m.endsWith('-')), marks.join(' | '));
  assert.equal(await position.innerText(), `${marks.length} occurrences`);
  // Every press of n lands on a mark, the last one included.
  for (let i = 1; i <= marks.length; i++) {
    await r.page.keyboard.press('n');
    assert.equal(await position.innerText(), `${i} / ${marks.length}`);
    assert.equal(await r.page.locator('mark.current').count(), 1, `match ${i}`);
  }
  assert.deepEqual(r.errors, []);
});

test('a phrase found is one match: « corridor de Lachin » is one mark, and n stops once at it', async () => {
  const r = await reader.newReader();
  await r.open('#/article/003_64199d061bf952c4?q=%22corridor%20de%20Lachin%22');
  const position = r.page.locator('.matches .position');
  await position.waitFor();
  const marks = await r.marks(r.reader());
  assert.ok(marks.includes('corridor de Lachin'), marks.join(' | '));
  assert.equal(await position.innerText(), marks.length === 1 ? '1 occurrence' : `${marks.length} occurrences`);
  await r.page.keyboard.press('n');
  assert.equal(await r.page.locator('mark.current').innerText(), marks[0]);
  assert.deepEqual(r.errors, []);
});
