// Accessibility, measured with axe-core on every view (home, results, reader,
// a name's page, the reader's own articles) and the settings, in
// each theme and under the system's dark preference: no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST_COLLECTION, DIST_NEXT, useReader } from '../lib/fixture.js';
import { select } from '../lib/selection.js';

const reader = useReader({ dist: DIST_COLLECTION });
// The seeds and one story from two sources: who said what, and "Comparer".
const next = useReader({ dist: DIST_NEXT });

/** The violations axe finds on the page as it is, one line each. */
async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`));
}

const themes = [
  ['light', 'light', 'light'],
  ['sepia', 'sepia', 'light'],
  ['dark', 'dark', 'light'],
  ['system, dark preference', 'system', 'dark'],
  ['system, light preference', 'system', 'light'],
];

for (const [name, theme, colorScheme] of themes) {
  test(`axe finds no violation on the home, results, reader and settings: ${name}`, async () => {
    const r = await reader.newReader({ colorScheme });
    await r.open();
    // The theme as a reader chooses it, in the settings.
    await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
    const label = { system: 'Système', light: 'Clair', sepia: 'Sépia', dark: 'Sombre' }[theme];
    await r.page.getByRole('dialog').getByLabel(label, { exact: true }).check();
    assert.equal(await r.page.locator('html').getAttribute('data-theme'), theme);
    const found = { settings: await violations(r.page) };
    await r.page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
    await r.results().first().locator('.title').waitFor();
    await r.page.locator('.result:not(.pending)').first().waitFor();
    found.home = await violations(r.page);
    await r.type('accord');
    await r.page.locator('.result:not(.pending) mark').first().waitFor();
    found.results = await violations(r.page);
    // Once saved, its button says "★ Gardé": its name must say it too.
    await r.results().first().getByRole('button', { name: /^Garder pour plus tard/ }).click();
    await r.results().first().getByRole('button', { name: /^Gardé pour plus tard/ }).waitFor();
    found.saved = await violations(r.page);
    await r.results().first().locator('a').click();
    await r.reader().locator('.text > *').first().waitFor();
    found.reader = await violations(r.page);
    assert.equal(await r.page.locator('h1').count(), 1, 'one h1 in the reader');
    // Highlighted and annotated, with the selection's bar, then the note's dialog open.
    const words = (await r.reader().locator('.text p').first().textContent()).split(' ');
    await select(r.page, words.slice(0, 3).join(' '));
    await r.page.keyboard.press('h');
    await select(r.page, words.slice(4, 8).join(' '));
    await r.page.getByRole('toolbar', { name: 'Passage sélectionné' }).waitFor();
    found.highlighted = await violations(r.page);
    await r.page.getByRole('button', { name: 'Note…' }).click();
    await r.page.getByLabel('Votre note').fill('Une note.');
    found.note = await violations(r.page);
    await r.page.getByRole('button', { name: 'Enregistrer' }).click();
    // The shortcuts' dialog, over an article read to its end.
    await r.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await r.page.keyboard.press('?');
    await r.page.getByRole('dialog').waitFor();
    found.shortcuts = await violations(r.page);
    await r.page.keyboard.press('Escape');
    // A name's page, and the reader's own articles.
    await r.page.goto(`${r.baseUrl}#/nom/geneve`);
    await r.page.locator('.name .result:not(.pending)').first().waitFor();
    found.name = await violations(r.page);
    await r.page.goto(`${r.baseUrl}#/mes-articles`);
    await r.page.locator('h1', { hasText: 'Mes articles' }).waitFor();
    await r.page.getByText('Une note.').waitFor();
    found.shelf = await violations(r.page);
    assert.deepEqual(found, {
      settings: [], home: [], results: [], saved: [], reader: [], highlighted: [], note: [], shortcuts: [], name: [], shelf: [],
    });
    assert.deepEqual(r.errors, []);
  });
}

for (const [name, theme, colorScheme] of themes) {
  test(`axe finds no violation on a name's quotations, a cite: search and a comparison, desktop and phone: ${name}`, async () => {
    const found = {};
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 800 }]) {
      const r = await next.newReader({ colorScheme, viewport });
      await r.open();
      await r.page.evaluate((theme) => localStorage.setItem(`liseuse:1:${location.pathname}:settings`, JSON.stringify({ v: 1, theme, size: 3, px: 18, font: 'serif', width: 'normal' })), theme);
      await r.page.goto(`${r.baseUrl}#/nom/antony%20blinken`);
      await r.page.reload();
      assert.equal(await r.page.locator('html').getAttribute('data-theme'), theme);
      await r.page.locator('.quotations blockquote').waitFor();
      found[`name ${viewport.width}`] = await violations(r.page);
      await r.page.goto(`${r.baseUrl}#/?q=cite%3ABlinken`);
      await r.page.locator('.quote-results blockquote').waitFor();
      found[`quotes ${viewport.width}`] = await violations(r.page);
      await r.page.goto(`${r.baseUrl}#/article/006_otan_gazette?comparer=007_otan_courrier`);
      await r.page.locator('.compare-table mark').first().waitFor();
      found[`compare ${viewport.width}`] = await violations(r.page);
      assert.deepEqual(r.errors, []);
    }
    assert.deepEqual(found, {
      'name 1280': [], 'quotes 1280': [], 'compare 1280': [], 'name 390': [], 'quotes 390': [], 'compare 390': [],
    });
  });
}

test('radio buttons and boxes are drawn in the theme’s colours, not the engine’s (white in WebKit’s dark theme)', async () => {
  const r = await reader.newReader();
  await r.open();
  await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  await r.page.getByRole('dialog').getByLabel('Sombre', { exact: true }).check();
  await r.page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  await r.page.getByLabel('Non lus seulement').check();
  await r.page.getByRole('button', { name: 'Réglages de lecture' }).click();
  const drawn = await r.page.evaluate(() => {
    const paper = getComputedStyle(document.body).backgroundColor;
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    const unchecked = style('dialog input[type=radio]:not(:checked)');
    const box = style('input[type=checkbox]:checked');
    const accent = style('dialog input[type=radio]:checked').borderTopColor;
    return { appearance: unchecked.appearance, unchecked: unchecked.backgroundColor, paper, box: box.backgroundColor, accent };
  });
  assert.equal(drawn.appearance, 'none', 'drawn by the page');
  assert.equal(drawn.unchecked, drawn.paper, 'an unchecked one has the page’s dark paper');
  assert.equal(drawn.box, drawn.accent, 'a checked box is filled with the accent');
  assert.notEqual(drawn.unchecked, 'rgb(255, 255, 255)');
  assert.deepEqual(r.errors, []);
});
