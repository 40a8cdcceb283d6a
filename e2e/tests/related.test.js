// Beyond the search: related articles under each article, and the
// collection's months as a bar chart on the home page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { DIST, DIST_COLLECTION, DIST_NEXT, useReader } from '../lib/fixture.js';

const seeds = useReader({ dist: DIST });
const collection = useReader({ dist: DIST_COLLECTION });
// The seeds and three more, two of them one story told by two sources (e2e/fixtures/next).
const next = useReader({ dist: DIST_NEXT });

test('under an article, "À lire aussi" lists related articles with source and date, offline too', async () => {
  const r = await seeds.newReader();
  await r.open();
  await r.waitForOffline();
  await r.page.context().setOffline(true);
  await r.page.goto(`${r.baseUrl}#/article/001_a27cac7314b78e34`);
  const aside = r.page.getByRole('complementary', { name: 'À lire aussi' });
  await aside.waitFor();
  const links = aside.getByRole('link');
  const count = await links.count();
  assert.ok(count >= 1 && count <= 5, `${count} related`);
  const titles = await links.allInnerTexts();
  const own = await r.reader().locator('h1').innerText();
  assert.ok(!titles.includes(own), 'not itself');
  assert.ok(!titles.includes('Chargement…'));
  // The seeds are one dossier: every other article is related to this one.
  assert.equal(count, 4, titles.join(' | '));
  await links.first().click();
  await r.reader().locator('h1').waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), titles[0]);
  assert.deepEqual(r.errors, []);
});

test('a split index brings the related titles with their pieces', async () => {
  const r = await collection.newReader();
  await r.open('#/article/pages%2Fbakou');
  const aside = r.page.getByRole('complementary', { name: 'À lire aussi' });
  await aside.waitFor();
  await r.page.waitForFunction(() => ![...document.querySelectorAll('.read-next a')].some((a) => a.textContent === 'Chargement…'));
  const titles = await aside.getByRole('link').allInnerTexts();
  assert.ok(titles.length >= 1, titles.join(' | '));
  // Each with its source and date when it has them, and a link that opens it.
  assert.ok((await aside.locator('.meta').count()) >= 1);
  await aside.getByRole('link').first().click();
  await r.reader().locator('.text > *').first().waitFor();
  assert.equal(await r.reader().locator('h1').innerText(), titles[0]);
  assert.deepEqual(r.errors, []);
});

test('the home page charts the articles per month; a bar filters the list to its month, again shows all', async () => {
  const r = await collection.newReader();
  await r.open();
  const chart = r.page.getByRole('group', { name: 'Articles par mois' });
  await chart.waitFor();
  // From the first month to the last, gaps included.
  const bars = chart.getByRole('button');
  assert.equal(await bars.count(), 46, 'May 2020 to February 2024');
  const october = chart.getByRole('button', { name: 'octobre 2023 : 1 article' });
  const all = await r.page.locator('.count').innerText();
  await october.click();
  await r.page.waitForFunction(() => document.querySelector('.count')?.textContent === '1 article');
  assert.equal(await october.getAttribute('aria-pressed'), 'true');
  assert.equal(await r.page.getByLabel('Mois', { exact: true }).inputValue(), '2023-10');
  // The keyboard: Enter on the same bar shows every month again.
  await october.focus();
  await r.page.keyboard.press('Enter');
  await r.page.waitForFunction((all) => document.querySelector('.count')?.textContent === all, all);
  assert.equal(await october.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(r.errors, []);
});

test('an article links its people and places; each has a page with its articles and the names seen with it', async () => {
  const r = await seeds.newReader();
  await r.open('#/article/004_3708a06be9d3ed9d');
  const names = r.page.getByRole('navigation', { name: 'Noms de l’article' });
  await names.waitFor();
  const shown = await names.getByRole('link').allInnerTexts();
  assert.ok(shown.includes('Bakou') && shown.includes('Ilham Aliev'), shown.join(' | '));
  assert.ok(!shown.some((n) => ['Selon', 'Le', 'Octobre', 'Photo'].includes(n)), shown.join(' | '));
  await names.getByRole('link', { name: 'Bakou' }).click();
  await r.page.locator('h1', { hasText: 'Bakou' }).waitFor();
  assert.equal(await r.page.locator('.name > .section').innerText(), 'LIEU');
  assert.match(await r.page.locator('.count').innerText(), /^4 articles, nommé \d+ fois$/);
  await r.page.waitForFunction(() => document.querySelectorAll('.name .result:not(.pending)').length === 4);
  // Every article listed names it.
  for (const text of await r.page.locator('.name .result .snippet').allInnerTexts()) assert.ok(text.length > 0);
  const withs = r.page.getByRole('navigation', { name: 'Souvent avec' }).getByRole('link');
  assert.ok((await withs.count()) >= 1);
  const other = await withs.first().innerText();
  await withs.first().click();
  await r.page.locator('h1', { hasText: other }).waitFor();
  assert.deepEqual(r.errors, []);
});

test('a query that is a name offers its page above the results, in a split index too', async () => {
  for (const [reader, query] of [[seeds, 'Bakou'], [collection, 'Genève']]) {
    const r = await reader.newReader();
    await r.open();
    await r.type(query);
    const offer = r.page.locator('.entity-offer a');
    await offer.waitFor();
    assert.equal(await offer.innerText(), `Lieu : ${query}, ${reader === seeds ? 4 : 2} articles`);
    await offer.click();
    await r.page.locator('h1', { hasText: query }).waitFor();
    await r.page.locator('.name .result:not(.pending)').first().waitFor();
    assert.deepEqual(r.errors, []);
  }
  // An unknown name's page says so.
  const r = await seeds.newReader();
  await r.open('#/nom/personne%20inconnue');
  await r.page.getByText('Aucun nom « personne inconnue » dans cette collection.').waitFor();
});

test('the same story from another source is marked among the related articles', async () => {
  const r = await next.newReader();
  await r.open('#/article/006_otan_gazette');
  const aside = r.page.getByRole('complementary', { name: 'À lire aussi' });
  await aside.waitFor();
  const first = aside.locator('li').first();
  assert.equal(await first.getByRole('link').first().innerText(), 'Le chef de l’OTAN loue les liens militaires turco-azerbaïdjanais');
  // The two can be compared (compare.test.js).
  assert.equal(await first.getByRole('link', { name: 'Comparer' }).count(), 1);
  assert.match(await first.innerText(), /Le Courrier de Bakou · 15 mars 2023/);
  assert.equal(await first.locator('.badge').textContent(), 'Même sujet, autre source');
  // The seed on the same subject, with no source named, is related but not marked.
  const seed = aside.locator('li', { hasText: 'Le chef de l\'OTAN salue la coopération militaire turco-azérie' });
  await seed.waitFor();
  assert.equal(await seed.locator('.badge').count(), 0);
  assert.equal(await seed.getByRole('link', { name: 'Comparer' }).count(), 0);
  assert.deepEqual(r.errors, []);
});

test('a person\'s page lists what they said, "Citations (1)", each quotation with the article it is from', async () => {
  const r = await seeds.newReader();
  await r.open('#/nom/antony%20blinken');
  const section = r.page.getByRole('region', { name: /^Citations \(\d+\)$/ });
  await section.waitFor();
  assert.equal(await section.getByRole('heading').innerText(), 'Citations (1)');
  const quote = section.locator('li').first();
  assert.equal(await quote.locator('blockquote').innerText(), '« cesser immédiatement ces actions »');
  // Its article: the link opens it, and the words are there.
  await quote.getByRole('link').click();
  await r.page.locator('article').first().waitFor();
  assert.match(await r.page.locator('article').first().innerText(), /cesser immédiatement ces actions/);
  // Another speaker, by the verb after the quotation (a tweet).
  await r.open('#/nom/mevlut%20cavusoglu');
  const theirs = r.page.getByRole('region', { name: /^Citations/ });
  await theirs.waitFor();
  assert.match(await theirs.locator('blockquote').first().innerText(), /^« L.Arménie doit cesser ses provocations/);
  // What they said, as Markdown: each quotation with its article.
  await r.open('#/nom/antony%20blinken');
  const [file] = await Promise.all([
    r.page.waitForEvent('download'),
    r.page.getByRole('region', { name: 'Citations (1)' }).getByRole('button', { name: 'Exporter en Markdown' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'citations.md');
  const markdown = await readFile(await file.path(), 'utf8');
  const title = await r.page.locator('.quotations .quoted-in a').innerText();
  const link = new URL(await r.page.locator('.quotations .quoted-in a').getAttribute('href'), r.page.url()).href;
  assert.equal(markdown, `# Antony Blinken — liseuse\n\n## Antony Blinken\n\n> « cesser immédiatement ces actions »\n\n— [${title}](<${link}>)\n`);
  // A place says nothing: no section.
  await r.open('#/nom/bakou');
  await r.page.getByRole('heading', { name: 'Bakou', level: 1 }).waitFor();
  assert.equal(await r.page.locator('.quotations').count(), 0);
  assert.deepEqual(r.errors, []);
});

test('"cite:" and a name searches what that name said: its quotations only, each with its article; a name typed offers them', async () => {
  const r = await seeds.newReader();
  // A link opened as is (the first results' path leaves it to the app), a last name only.
  await r.open('#/?q=cite%3ABlinken');
  const heading = r.page.getByRole('heading', { level: 1 });
  await r.page.locator('.quote-results:not([aria-busy])').waitFor();
  assert.equal(await heading.innerText(), 'Citations de « Blinken »');
  assert.equal(await r.page.getByRole('status').innerText(), '1 citation de 1 nom');
  const speaker = r.page.getByRole('region', { name: 'Antony Blinken (1)' });
  assert.equal(await speaker.locator('blockquote').innerText(), '« cesser immédiatement ces actions »');
  // Quotations only: no list of articles.
  assert.equal(await r.page.locator('.result').count(), 0);
  // The quotations found, as Markdown.
  const [file] = await Promise.all([
    r.page.waitForEvent('download'),
    r.page.getByRole('button', { name: 'Exporter en Markdown' }).click(),
  ]);
  const markdown = await readFile(await file.path(), 'utf8');
  assert.match(markdown, /^# Citations de « Blinken » — liseuse\n\n## Antony Blinken\n\n> « cesser immédiatement ces actions »\n/);
  await speaker.getByRole('link', { name: 'Antony Blinken' }).click();
  await r.page.getByRole('heading', { name: 'Antony Blinken', level: 1 }).waitFor();
  await r.page.goBack();
  await speaker.locator('blockquote').waitFor();
  // Typed, any case: another speaker.
  await r.type('Cite:cavusoglu');
  await r.page.getByRole('region', { name: 'Mevlut Cavusoglu (1)' }).waitFor();
  assert.match(await r.page.locator('.quote-results blockquote').innerText(), /^« L.Arménie doit cesser ses provocations/);
  // A name that said nothing here, and words that are no name.
  for (const [words, status] of [['Bakou', 'Aucune citation de « Bakou » dans cette collection.'], ['xyzzy', 'Aucune citation de « xyzzy » dans cette collection.']]) {
    await r.type(`cite:${words}`);
    await r.page.getByRole('status').filter({ hasText: status }).waitFor();
    assert.equal(await r.page.locator('.quote-results blockquote').count(), 0);
  }
  // Its words as an ordinary search, one click away.
  await r.page.getByRole('link', { name: 'Tous les articles sur « xyzzy »' }).click();
  await r.page.waitForFunction(() => location.hash === '#/?q=xyzzy');
  // A name typed offers its page and what it said.
  await r.type('Antony Blinken');
  const offer = r.page.locator('.entity-offer');
  await offer.getByRole('link', { name: 'Citations (1)' }).click();
  await r.page.getByRole('region', { name: 'Antony Blinken (1)' }).waitFor();
  assert.equal(await r.searchBox().inputValue(), 'cite:Antony Blinken');
  assert.deepEqual(r.errors, []);
});
