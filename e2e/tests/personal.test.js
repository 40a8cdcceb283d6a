// What a reader keeps in their browser: reading settings, read marks, saved
// articles, recently read ones; kept across reloads, offline, per site;
// exported to a file and imported back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';

const collection = useReader({ dist: DIST_COLLECTION });
const seeds = useReader({ dist: DIST });
const phone = useReader({ dist: DIST, viewport: { width: 390, height: 700 } });

const settingsDialog = (r) => r.page.getByRole('dialog', { name: 'Réglages de lecture' });

async function openSettings(r) {
  await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  await settingsDialog(r).waitFor();
}

/** What the reading view and <html> say of the settings in force. */
function applied(page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const body = getComputedStyle(document.body);
    const text = document.querySelector('article.reader .text');
    return {
      theme: html.dataset.theme,
      font: html.dataset.font,
      width: html.dataset.width,
      paper: body.backgroundColor,
      size: text ? getComputedStyle(text).fontSize : null,
      family: text ? getComputedStyle(text).fontFamily : null,
    };
  });
}

test('reading settings apply at once, and are there after a reload and offline, before the app starts', async () => {
  const r = await seeds.newReader();
  await r.open('#/article/004_3708a06be9d3ed9d');
  await r.reader().locator('.text > *').first().waitFor();
  const before = await applied(r.page);
  await openSettings(r);
  const dialog = settingsDialog(r);
  await dialog.getByLabel('Sépia').check();
  await dialog.getByRole('button', { name: 'Texte plus grand' }).click();
  await dialog.getByRole('button', { name: 'Texte plus grand' }).click();
  await dialog.getByLabel('Sans empattements').check();
  await dialog.getByLabel('Large').check();
  const chosen = await applied(r.page);
  assert.equal(chosen.theme, 'sepia');
  assert.notEqual(chosen.paper, before.paper, 'the colours changed at once');
  assert.equal(chosen.size, '22px', `two steps up from ${before.size}`);
  assert.match(chosen.family, /system-ui/);
  assert.equal(chosen.width, 'wide');
  // Five steps at least between the smallest and the largest.
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // A reload: boot.js (a plain script in the head, before the body is
  // parsed, so before anything is painted) has applied them by the time the
  // document is parsed, while the app is still starting.
  await r.waitForOffline();
  await r.page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      window.parsed = {
        // (Not the loading line: a link to an article may show its first
        // view, from the first result's path, before this.)
        started: Boolean(document.querySelector('#app[data-started]')),
        theme: document.documentElement.dataset.theme,
        paper: getComputedStyle(document.body).backgroundColor,
      };
    });
  });
  await r.page.reload();
  await r.page.waitForFunction(() => window.parsed);
  const early = await r.page.evaluate(() => window.parsed);
  assert.deepEqual(early, { started: false, theme: 'sepia', paper: chosen.paper }, 'before the app started');
  await r.reader().locator('.text > *').first().waitFor();
  assert.deepEqual(await applied(r.page), chosen);

  // Offline, the same.
  await r.page.context().setOffline(true);
  await r.page.reload();
  await r.reader().locator('.text > *').first().waitFor();
  assert.deepEqual(await applied(r.page), chosen);
  assert.deepEqual(r.errors, []);
});

test('the system theme follows the dark preference; text size has at least five steps', async () => {
  const r = await seeds.newReader({ colorScheme: 'dark' });
  await r.open();
  const dark = await applied(r.page);
  await openSettings(r);
  await settingsDialog(r).getByLabel('Clair').check();
  const light = await applied(r.page);
  assert.notEqual(dark.paper, light.paper);
  await settingsDialog(r).getByLabel('Système').check();
  assert.equal((await applied(r.page)).paper, dark.paper);
  const smaller = settingsDialog(r).getByRole('button', { name: 'Texte plus petit' });
  const larger = settingsDialog(r).getByRole('button', { name: 'Texte plus grand' });
  while (await smaller.isEnabled()) await smaller.click();
  let steps = 1;
  while (await larger.isEnabled()) {
    await larger.click();
    steps += 1;
  }
  assert.ok(steps >= 5, `${steps} sizes`);
});

test('an article read to its end is marked read in every list, and the unread filter leaves it out', async () => {
  const r = await phone.newReader();
  const id = '004_3708a06be9d3ed9d';
  await r.open('#/?q=Bakou');
  await r.page.locator(`.result[data-id="${id}"]:not(.pending)`).waitFor();
  assert.equal(await r.page.locator(`.result[data-id="${id}"].read`).count(), 0);
  await r.page.locator(`.result[data-id="${id}"] a`).click();
  await r.reader().locator('.text > *').first().waitFor();
  // Half way: not read yet.
  await r.page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
  await r.page.waitForTimeout(300);
  assert.equal(await r.reader().locator('.badge').count(), 0, 'not read at half');
  await r.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await r.reader().locator('.badge', { hasText: 'Lu' }).waitFor();
  // Back to the results, then the home page: read in both.
  await r.page.keyboard.press('Escape');
  const item = r.page.locator(`.result[data-id="${id}"]`);
  await item.locator('.badge', { hasText: 'Lu' }).waitFor();
  assert.ok(await item.evaluate((li) => li.classList.contains('read')));
  await r.page.goto(`${r.baseUrl}#/`);
  await r.page.locator(`.result[data-id="${id}"].read`).waitFor();
  const all = await r.results().count();
  await r.page.getByLabel('Non lus seulement').check();
  await r.page.waitForFunction((n) => document.querySelectorAll('.result').length === n - 1, all);
  assert.equal(await r.page.locator(`.result[data-id="${id}"]`).count(), 0);
  assert.equal(await r.page.locator('h1').innerText(), 'Articles non lus');
  // Unread again, from the reader.
  await r.page.goto(`${r.baseUrl}#/article/${id}`);
  await r.reader().getByRole('button', { name: 'Marquer comme non lu' }).click();
  await r.page.goto(`${r.baseUrl}#/`);
  await r.page.locator(`.result[data-id="${id}"]`).waitFor();
  assert.equal(await r.results().count(), all);
  assert.deepEqual(r.errors, []);
});

test('articles saved from a list, from the reader or with s are in "Mes articles", with those read lately', async () => {
  const r = await collection.newReader();
  await r.open('#/?q=accord');
  const first = r.results().first();
  await first.locator('.title').waitFor();
  await r.page.locator('.result:not(.pending)').first().waitFor();
  const firstId = await first.getAttribute('data-id');
  await first.getByRole('button', { name: /^Garder pour plus tard/ }).click();
  // Saved, its name says so, as its words do ("★ Gardé").
  const save = first.getByRole('button', { name: /^Gardé pour plus tard/ });
  assert.equal(await save.getAttribute('aria-pressed'), 'true');
  // Another one with the keyboard, from the list.
  const second = r.results().nth(1);
  const secondId = await second.getAttribute('data-id');
  await second.locator('a').focus();
  await r.page.keyboard.press('s');
  await second.locator('.save[aria-pressed="true"]').waitFor();
  // In the reader: shown saved; s takes it off the list and puts it back.
  await first.locator('a').click();
  const inReader = r.reader().locator('.save');
  await r.reader().locator('.text > *').first().waitFor();
  assert.equal(await inReader.getAttribute('aria-pressed'), 'true');
  await r.page.keyboard.press('s');
  await r.reader().locator('.save[aria-pressed="false"]').waitFor();
  await r.page.keyboard.press('s');
  await r.reader().locator('.save[aria-pressed="true"]').waitFor();

  await r.page.goto(`${r.baseUrl}#/`);
  await r.page.getByRole('link', { name: /^Mes articles : 2 gardés, 1 lu récemment/ }).click();
  await r.page.locator('h1', { hasText: 'Mes articles' }).waitFor();
  const saved = r.page.locator('.saved .result');
  await r.page.waitForFunction(() => !document.querySelector('.shelf .result.pending'));
  // The latest saved first (the first was saved again last).
  assert.deepEqual(await saved.evaluateAll((li) => li.map((l) => l.dataset.id)), [firstId, secondId]);
  assert.deepEqual(await r.page.locator('.recent .result').evaluateAll((li) => li.map((l) => l.dataset.id)), [firstId]);
  // Kept across a reload.
  await r.page.reload();
  await r.page.locator('.saved .result').nth(1).waitFor();
  assert.deepEqual(r.errors, []);
});

test('export, then import in another browser: read, saved, positions, followed searches and settings come along; a wrong file is named', async () => {
  const r = await collection.newReader();
  // A search followed.
  await r.open('#/?q=accord%20paix');
  await r.page.locator('.follow:not([disabled])').click();
  await r.page.locator('.follow[aria-pressed="true"]').waitFor();
  await r.open('#/article/notes%2Fpaix');
  await r.reader().locator('.text > *').first().waitFor();
  await r.reader().locator('.save').click();
  await openSettings(r);
  await settingsDialog(r).getByLabel('Sombre').check();
  // Where an article was left comes along too.
  await r.page.evaluate(() => localStorage.setItem(`liseuse:1:${location.pathname}:resume:pages/bakou`, '0.4'));
  const downloading = r.page.waitForEvent('download');
  await settingsDialog(r).getByRole('button', { name: 'Exporter' }).click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'liseuse-sauvegarde.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.kind, 'liseuse-personal');
  assert.deepEqual(Object.keys(file.shelf.saved), ['notes/paix']);
  assert.equal(file.settings.theme, 'dark');
  assert.deepEqual(file.positions, { 'pages/bakou': 0.4 });
  assert.deepEqual(file.shelf.follows.map((search) => search.q), ['accord paix']);

  // Another browser (a fresh profile): nothing kept, then the import.
  const other = await collection.newReader();
  await other.open('#/mes-articles');
  await other.page.getByText('Aucun article gardé').waitFor();
  await openSettings(other);
  const dir = await mkdtemp(join(tmpdir(), 'liseuse-'));
  const wrong = join(dir, 'notes.json');
  await writeFile(wrong, '{"titre": "pas une sauvegarde"}');
  const input = settingsDialog(other).locator('input[type=file]');
  await input.setInputFiles(wrong);
  const alert = settingsDialog(other).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /« notes\.json » n’a pas été importé : .*pas une sauvegarde de liseuse/);
  await input.setInputFiles(await download.path());
  await settingsDialog(other).getByRole('status').filter({ hasText: 'Importé' }).waitFor();
  assert.equal(await other.page.locator('html').getAttribute('data-theme'), 'dark');
  const position = await other.page.evaluate(() => localStorage.getItem(`liseuse:1:${location.pathname}:resume:pages/bakou`));
  assert.equal(Number(position), 0.4);
  await settingsDialog(other).getByRole('button', { name: 'Fermer' }).click();
  await other.page.locator('.saved .result[data-id="notes/paix"]').waitFor();
  // "Mes articles" lists the followed search: a link to its results, and
  // a way to stop following it.
  const followed = other.page.locator('.followed li');
  assert.equal(await other.page.locator('#followed-title').innerText(), 'Recherches suivies (1)');
  assert.equal(await followed.getByRole('link').getAttribute('href'), '#/?q=accord%20paix&tri=date');
  await followed.getByRole('button', { name: 'Ne plus suivre' }).click();
  await other.page.getByText('Aucune recherche suivie').waitFor();
  assert.deepEqual([...r.errors, ...other.errors], []);
});

test('stored values of another version, site or a broken write are ignored; gone articles are dropped; a full storage is said', async () => {
  const r = await collection.newReader();
  await r.open();
  await r.page.evaluate(() => {
    const key = (name) => `liseuse:1:${location.pathname}:${name}`;
    localStorage.setItem(key('settings'), '{"v":1,"theme":"sepia","size":');
    localStorage.setItem(key('shelf'), JSON.stringify({ v: 1, saved: { 'notes/paix': 1, 'parti/depuis': 2 }, read: { 'notes/paix': 1 }, recent: [42, 'parti/depuis'] }));
    // Another liseuse site on the same host keeps its own.
    localStorage.setItem('liseuse:1:/autre/:settings', JSON.stringify({ v: 1, theme: 'dark', size: 3, px: 18, font: 'serif', width: 'normal' }));
  });
  await r.page.reload();
  await r.page.locator('.result[data-id="notes/paix"].read').waitFor();
  assert.equal(await r.page.locator('html').getAttribute('data-theme'), 'system', 'a broken value: the defaults');
  // Gone once the pieces of its id are here, which the list does not wait for.
  const key = await r.page.evaluate(() => `liseuse:1:${location.pathname}:shelf`);
  await r.page
    .waitForFunction((key) => !('parti/depuis' in (JSON.parse(localStorage.getItem(key))?.saved ?? {})), key, { timeout: 5000 })
    .catch(() => {}); // the assertion below says what is wrong
  const shelf = await r.page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
  assert.deepEqual(shelf.saved, { 'notes/paix': 1 }, 'the article gone from the collection is dropped');
  assert.deepEqual(shelf.recent, []);

  // A full storage: the reader is told, and the app goes on.
  await r.page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await r.results().first().getByRole('button', { name: /^Garder/ }).click();
  const alert = r.page.locator('.not-kept');
  await alert.waitFor();
  assert.match(await alert.innerText(), /plus de place/);
  assert.equal(await r.results().first().locator('.save').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(r.errors, []);
});

test('the home page shows the collection by month, newest first, with counts, and jumps to a month', async () => {
  const r = await collection.newReader();
  await r.open();
  await r.page.locator('h1', { hasText: 'Tous les articles' }).waitFor();
  await r.page.locator('.result').first().waitFor();
  for (let more = r.page.locator('.more button'); await more.count(); ) await more.click();
  const months = () => r.page.locator('.months > li > h2').evaluateAll((hs) => hs.map((h) => h.textContent));
  assert.deepEqual((await months()).slice(0, 3), ['février 2024 · 1 article', 'octobre 2023 · 1 article', 'mai 2020 · 1 article']);
  assert.match((await months()).at(-1), /^Sans date · \d+ articles$/);
  await r.page.getByLabel('Mois', { exact: true }).selectOption({ label: 'octobre 2023 (1)' });
  await r.page.waitForFunction(() => document.querySelectorAll('.result').length === 1);
  assert.deepEqual(await months(), ['octobre 2023 · 1 article']);
  assert.equal(await r.page.locator('.count').innerText(), '1 article');
  assert.deepEqual(r.errors, []);
});
