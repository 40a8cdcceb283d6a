// Highlights and notes: a passage selected in an article is highlighted
// ("Surligner", the key h) or annotated ("Note…"); highlights show again
// when the article is reopened, are listed under it and in "Mes articles",
// travel in the export, and one whose words are gone is listed as such.
// And two tabs of one site lose none of each other's writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, useReader } from '../lib/fixture.js';
import { select } from '../lib/selection.js';

const seeds = useReader({ dist: DIST });
const ARTICLE = '#/article/000_1a8f4e49545b7e53';

/** Clicks the highlight of `phrase` where it is drawn (on its first line: it may wrap). */
async function clickHighlight(page, phrase) {
  const mark = page.locator('mark.hl', { hasText: phrase });
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.evaluate((m) => {
    const r = m.getClientRects()[0];
    return { x: r.x + Math.min(r.width / 2, 10), y: r.y + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

const highlights = (page) =>
  page.locator('article.reader .text mark.hl').evaluateAll((marks) => marks.map((m) => m.textContent));

test('a selected passage is highlighted, annotated, shown again after a reload, and removed', async () => {
  const r = await seeds.newReader();
  await r.open(ARTICLE);
  const bar = r.page.getByRole('toolbar', { name: 'Passage sélectionné' });
  await r.reader().locator('.text > *').first().waitFor();
  assert.equal(await bar.count(), 0, 'no bar before a selection');

  await select(r.page, 'jusqu');
  await bar.getByRole('button', { name: 'Surligner' }).click();
  assert.deepEqual(await highlights(r.page), ['jusqu']);
  assert.equal(await bar.count(), 0, 'the selection is gone, and the bar with it');

  // The key h highlights the selection; "Note…" adds a note.
  await select(r.page, 'crise de réfugiés');
  await r.page.keyboard.press('h');
  await select(r.page, 'Le ministère français des Affaires étrangères');
  await bar.getByRole('button', { name: 'Note…' }).click();
  const dialog = r.page.getByRole('dialog', { name: 'Note sur le passage' });
  await dialog.getByLabel('Votre note').fill('Position de Paris, à suivre.');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  assert.deepEqual(await highlights(r.page), [
    'jusqu',
    'crise de réfugiés',
    'Le ministère français des Affaires étrangères',
  ]);
  const list = r.page.getByRole('region', { name: 'Vos surlignages (3)' });
  assert.match(await list.innerText(), /Position de Paris, à suivre\./);

  // A screen reader hears where a highlight starts and ends.
  const said = await r.page.locator('mark.hl').first().evaluate((mark) => [
    getComputedStyle(mark, '::before').content,
    getComputedStyle(mark, '::after').content,
  ]);
  assert.deepEqual(said, ['" [début du surlignage] "', '" [fin du surlignage] "']);

  // Reopened: the same highlights, the note with them.
  await r.page.reload();
  await r.reader().locator('.text > *').first().waitFor();
  await r.page.locator('mark.hl').first().waitFor();
  assert.equal((await highlights(r.page)).length, 3);

  // Selecting text from inside a highlight (a drag ends with a click there) does not open its note.
  const mark = r.page.locator('mark.hl', { hasText: 'crise de réfugiés' });
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.evaluate((m) => {
    const rect = m.getClientRects()[0];
    return { x: rect.x + 2, y: rect.y + rect.height / 2, width: rect.width };
  });
  await r.page.mouse.move(box.x, box.y);
  await r.page.mouse.down();
  await r.page.mouse.move(box.x + Math.min(box.width - 4, 40), box.y, { steps: 5 });
  await r.page.mouse.up();
  await r.page.getByRole('toolbar', { name: 'Passage sélectionné' }).waitFor();
  assert.equal(await dialog.count(), 0, 'no note opened by a selection');
  await r.page.evaluate(() => getSelection().removeAllRanges());
  // A click on a highlight opens its note; it can be changed, or the highlight removed.
  await clickHighlight(r.page, 'crise de réfugiés');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Retirer le surlignage' }).click();
  assert.deepEqual(await highlights(r.page), [
    'jusqu',
    'Le ministère français des Affaires étrangères',
  ]);
  await r.page.getByRole('button', { name: 'Note ou retirer…' }).last().click();
  assert.equal(await dialog.getByLabel('Votre note').inputValue(), 'Position de Paris, à suivre.');
  await dialog.getByLabel('Votre note').fill('Changée.');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  assert.match(await r.page.getByRole('region', { name: 'Vos surlignages (2)' }).innerText(), /Changée\./);
  assert.deepEqual(r.errors, []);
});

test('a highlight whose words are gone is listed as such; highlights are in "Mes articles", the export and Markdown', async () => {
  const r = await seeds.newReader({ acceptDownloads: true });
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  await select(r.page, 'offensive éclair');
  await r.page.keyboard.press('h');
  // A highlight made on an earlier version of the article, whose words are gone.
  await r.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':shelf'));
    const shelf = JSON.parse(localStorage.getItem(key));
    shelf.highlights.old = {
      article: '000_1a8f4e49545b7e53', exact: 'une phrase retirée depuis', prefix: '', suffix: '', note: 'gardée', at: 1,
    };
    localStorage.setItem(key, JSON.stringify(shelf));
  });
  await r.page.reload();
  await r.page.locator('mark.hl').first().waitFor();
  assert.deepEqual(await highlights(r.page), ['offensive éclair'], 'the orphan is not marked in the text');
  const list = r.page.getByRole('region', { name: 'Vos surlignages (2)' });
  assert.match(await list.innerText(), /une phrase retirée depuis\s+Passage introuvable/);

  await r.open('#/mes-articles');
  const mine = r.page.getByRole('region', { name: /^Surlignages/ });
  await mine.getByText('offensive éclair').waitFor();
  assert.match(await mine.innerText(), /Passage introuvable/);
  const [download] = await Promise.all([
    r.page.waitForEvent('download'),
    mine.getByRole('button', { name: 'Exporter en Markdown' }).click(),
  ]);
  const markdown = await readFile(await download.path(), 'utf8');
  assert.match(markdown, /^# /);
  assert.match(markdown, /\n## \[[^\]]+\]\(<http:\/\/[^>]+#\/article\/000_1a8f4e49545b7e53>\)\n/);
  assert.match(markdown, /\n> offensive éclair\n/);
  assert.match(markdown, /> une phrase retirée depuis\n\n\*\(Passage introuvable[^\n]*\n\ngardée\n/);
  // And in the JSON export, which imports them back elsewhere.
  await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  const [json] = await Promise.all([
    r.page.waitForEvent('download'),
    r.page.getByRole('button', { name: 'Exporter', exact: true }).click(),
  ]);
  const file = json.path();
  const exported = JSON.parse(await readFile(await file, 'utf8'));
  assert.deepEqual(Object.values(exported.shelf.highlights).map((h) => h.exact).sort(), ['offensive éclair', 'une phrase retirée depuis']);
  const fresh = await seeds.newReader();
  await fresh.open('#/mes-articles');
  await fresh.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  await fresh.page.locator('.import input').setInputFiles(await file);
  await fresh.page.getByRole('button', { name: 'Fermer' }).click();
  await fresh.page.getByRole('region', { name: 'Surlignages (2)' }).waitFor();
  assert.deepEqual(fresh.errors, []);
  assert.deepEqual(r.errors, []);
});

test('two tabs of one site: a save in one and a highlight in the other are both kept, and each tab shows both', async () => {
  const r = await seeds.newReader();
  const other = await r.page.context().newPage();
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  await other.goto(r.page.url());
  await other.locator('article.reader .text > *').first().waitFor();
  // The app's reading view (the first result's path shows the article before it, its save button inert).
  await other.locator('article.reader .article-actions .save:not([disabled])').waitFor();
  // Tab 1 saves the article; tab 2, which has not reloaded, highlights.
  await r.page.keyboard.press('s');
  await r.page.getByRole('button', { name: /^Gardé pour plus tard/ }).waitFor();
  await select(other, 'offensive éclair');
  await other.keyboard.press('h');
  await other.locator('mark.hl').waitFor();
  // Tab 2 follows tab 1's save, tab 1 shows tab 2's highlight, without a reload.
  await other.getByRole('button', { name: /^Gardé pour plus tard/ }).waitFor();
  await r.page.locator('mark.hl', { hasText: 'offensive éclair' }).waitFor();
  // And storage holds both.
  const stored = await r.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':shelf'));
    return JSON.parse(localStorage.getItem(key));
  });
  assert.deepEqual(Object.keys(stored.saved), ['000_1a8f4e49545b7e53']);
  assert.deepEqual(Object.values(stored.highlights).map((h) => h.exact), ['offensive éclair']);
  // Tab 1 marks it unread again while tab 2 removes the highlight: both stick.
  await r.page.getByRole('button', { name: /^Gardé pour plus tard/ }).click();
  await other.getByRole('button', { name: /^Garder pour plus tard/ }).waitFor();
  await clickHighlight(other, 'offensive éclair');
  await other.getByRole('button', { name: 'Retirer le surlignage' }).click();
  await r.page.locator('mark.hl').waitFor({ state: 'detached' });
  assert.deepEqual(r.errors, []);
});
