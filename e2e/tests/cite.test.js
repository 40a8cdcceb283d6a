// Citing (issue 40, point 2): "Citer" on an article and on a selected
// passage gives the reference as a line of text, BibTeX, RIS and CSL-JSON,
// each copied to the clipboard by its button; the passage's link opens the
// article at that paragraph, marked; "Mes articles" downloads the saved
// articles' references. (Firefox: firefox.test.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, useReader } from '../lib/fixture.js';
import { select } from '../lib/selection.js';

const seeds = useReader({ dist: DIST });
const ID = '000_1a8f4e49545b7e53';
const ARTICLE = `#/article/${ID}`;

/** The text of each form of the reference in the open dialog `dialog`, by its name. */
async function forms(dialog) {
  return dialog.locator('.cite-form').evaluateAll((sections) =>
    Object.fromEntries(sections.map((s) => [s.querySelector('h3').textContent, s.querySelector('pre').textContent])),
  );
}

test('"Citer" gives an article\'s reference in four forms, each copied by its button', async () => {
  const r = await seeds.newReader({ permissions: ['clipboard-read', 'clipboard-write'] });
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  const title = await r.reader().locator('h1').innerText();
  await r.reader().getByRole('button', { name: 'Citer cet article' }).click();
  const dialog = r.page.getByRole('dialog', { name: 'Citer cet article' });
  await dialog.waitFor();
  const form = await forms(dialog);
  assert.deepEqual(Object.keys(form), ['Texte', 'BibTeX', 'RIS', 'CSL-JSON']);
  const address = new URL(ARTICLE, r.page.url()).href;
  assert.ok(form.Texte.includes(`« ${title} »`) && form.Texte.includes(address), form.Texte);
  assert.match(form.Texte, /\(consulté le \d{1,2} \S+ \d{4}\)\.$/);
  assert.ok(form.BibTeX.startsWith(`@article{${ID},`), form.BibTeX);
  assert.ok(form.BibTeX.includes(`title = {${title}}`), form.BibTeX);
  assert.equal(form.RIS.split('\n')[0], 'TY  - NEWS');
  assert.ok(form.RIS.includes(`TI  - ${title}`));
  const [item] = JSON.parse(form['CSL-JSON']);
  assert.equal(item.type, 'article-newspaper');
  assert.equal(item.title, title);
  assert.equal(item.URL, address);
  assert.equal(item.note, undefined, 'no passage: the whole article');

  // Each button copies its own form.
  for (const name of ['BibTeX', 'RIS']) {
    await dialog.getByRole('button', { name: `Copier (${name})` }).click();
    await dialog.getByRole('button', { name: `Copié (${name})` }).waitFor();
    assert.equal(await r.page.evaluate(() => navigator.clipboard.readText()), form[name]);
  }
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(r.errors, []);
});

test('a passage cited links to its paragraph, which opens marked and in view', async () => {
  const r = await seeds.newReader({ viewport: { width: 390, height: 700 } });
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  const phrase = 'crise de réfugiés';
  await select(r.page, phrase);
  const bar = r.page.getByRole('toolbar', { name: 'Passage sélectionné' });
  await bar.getByRole('button', { name: 'Citer' }).click();
  const dialog = r.page.getByRole('dialog', { name: 'Citer ce passage' });
  await dialog.waitFor();
  const form = await forms(dialog);
  assert.ok(form.Texte.startsWith(`« ${phrase} » — `), form.Texte);
  assert.ok(form.BibTeX.includes(`note = {${phrase}}`), form.BibTeX);
  assert.ok(form.RIS.includes(`N1  - ${phrase}`), form.RIS);
  const [item] = JSON.parse(form['CSL-JSON']);
  assert.equal(item.note, phrase);
  const link = new URL(item.URL);
  assert.match(link.hash, new RegExp(`^#/article/${ID}\\?p=[0-9a-f]{8}$`));

  // The link, in a new visit: that paragraph, marked, in view.
  const other = await seeds.newReader({ viewport: { width: 390, height: 700 } });
  await other.open(link.hash);
  const cited = other.reader().locator('.text .cited');
  await cited.waitFor();
  assert.equal(await other.reader().locator('.text .cited').count(), 1);
  assert.ok((await cited.innerText()).includes(phrase));
  // Below the page's header, which would hide it, and above the bottom.
  await other.page.waitForFunction(() => {
    const box = document.querySelector('.text .cited').getBoundingClientRect();
    const header = document.querySelector('header').getBoundingClientRect();
    return box.top >= header.bottom && box.bottom <= innerHeight;
  });
  // Another paragraph's address marks nothing: the article, from its top.
  await other.open(`${ARTICLE}?p=00000000`);
  await other.reader().locator('.text > *').first().waitFor();
  assert.equal(await other.reader().locator('.text .cited').count(), 0);
  assert.deepEqual([...r.errors, ...other.errors], []);
});

test('"Mes articles" downloads the saved articles\' references as BibTeX, RIS and CSL-JSON', async () => {
  const r = await seeds.newReader();
  await r.open(ARTICLE);
  await r.reader().locator('.text > *').first().waitFor();
  const title = await r.reader().locator('h1').innerText();
  await r.page.keyboard.press('s');
  await r.reader().locator('.save[aria-pressed="true"]').waitFor();
  await r.open('#/mes-articles');
  const references = r.page.locator('.references');
  await references.waitFor();
  const file = async (name) => {
    const downloading = r.page.waitForEvent('download');
    await references.getByRole('button', { name }).click();
    const download = await downloading;
    return [download.suggestedFilename(), await readFile(await download.path(), 'utf8')];
  };
  const [bibName, bib] = await file('BibTeX');
  assert.equal(bibName, 'references.bib');
  assert.ok(bib.startsWith(`@article{${ID},`) && bib.includes(`title = {${title}}`), bib);
  const [risName, ris] = await file('RIS');
  assert.equal(risName, 'references.ris');
  assert.equal(ris.match(/^TY {2}- NEWS$/gm).length, 1);
  const [jsonName, json] = await file('CSL-JSON');
  assert.equal(jsonName, 'references.json');
  assert.deepEqual(JSON.parse(json).map((item) => item.title), [title]);
  assert.deepEqual(r.errors, []);
});
