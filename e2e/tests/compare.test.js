// One story, several sources (issue 40, point 3): where "Même sujet, autre
// source" links two articles, "Comparer" shows them side by side (one above
// the other on a phone), their shared sentences aligned and what each alone
// says marked. e2e/fixtures/next: the same dispatch as La Gazette du
// Caucase and Le Courrier de Bakou ran it, one sentence reworded, one added,
// one cut, one moved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_COLLECTION, DIST_NEXT, useReader } from '../lib/fixture.js';

const next = useReader({ dist: DIST_NEXT });
const collection = useReader({ dist: DIST_COLLECTION });
const phone = useReader({ dist: DIST_NEXT, viewport: { width: 390, height: 800 } });
const COMPARISON = '#/article/006_otan_gazette?comparer=007_otan_courrier';

/** Each row of the table: its class, and each cell's text and marked words. */
function rows(page) {
  return page.locator('.compare-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      kind: tr.className.split(' ')[0],
      cells: [...tr.cells].map((td) => ({
        text: [...td.childNodes].filter((n) => !n.classList?.contains('side')).map((n) => n.textContent).join(''),
        marks: [...td.querySelectorAll('mark')].map((m) => m.textContent),
      })),
    })),
  );
}

test('"Comparer" shows the same story from two sources side by side, shared sentences aligned, what each alone says marked', async () => {
  const r = await next.newReader();
  await r.open('#/article/006_otan_gazette');
  const aside = r.page.getByRole('complementary', { name: 'À lire aussi' });
  await aside.waitFor();
  // Only the article of the same story from another source offers it.
  assert.equal(await aside.getByRole('link', { name: 'Comparer' }).count(), 1);
  const story = aside.locator('li', { has: r.page.locator('.badge') });
  await story.getByRole('link', { name: 'Comparer' }).click();
  await r.page.locator('.compare-table').waitFor();
  assert.equal(new URL(r.page.url()).hash, COMPARISON);
  assert.equal(await r.page.locator('h1').innerText(), 'Comparer deux sources');
  assert.match(await r.page.title(), /^Comparer deux sources — /);
  const summary = await r.page.locator('.compare-summary > div').evaluateAll((divs) =>
    divs.map((d) => `${d.querySelector('dt').textContent}: ${d.querySelector('dd').textContent}`),
  );
  assert.deepEqual(summary, [
    'Phrases identiques: 2',
    'Reformulées: 1',
    'Seulement dans La Gazette du Caucase: 1',
    'Seulement dans Le Courrier de Bakou: 1',
    'Déplacées: 1',
  ]);
  const heads = await r.page.locator('.compare-table th').allInnerTexts();
  assert.match(heads[0], /^Stoltenberg salue la coopération militaire entre la Turquie et l'Azerbaïdjan\n+La Gazette du Caucase · 14 mars 2023$/);
  assert.match(heads[1], /^Le chef de l’OTAN loue les liens militaires turco-azerbaïdjanais\n+Le Courrier de Bakou · 15 mars 2023$/);

  const table = await rows(r.page);
  assert.deepEqual(table.map((row) => row.kind), ['same', 'moved', 'reworded', 'second-only', 'same', 'first-only', 'moved']);
  // The sentence reworded: aligned on one row, each side's own words marked.
  const [gazette, courrier] = table[2].cells;
  assert.ok(gazette.text.startsWith('Lors d\'une rencontre avec le ministre'), gazette.text);
  assert.ok(courrier.text.startsWith('Lors d\'une rencontre lundi avec le ministre'), courrier.text);
  assert.deepEqual(gazette.marks, ['déclaré']);
  assert.deepEqual(courrier.marks, ['lundi', 'affirmé']);
  // What one source alone has: the whole sentence marked, nothing beside it.
  assert.deepEqual(table[3].cells.map((c) => c.marks), [[], ['Bakou n\'a pas caché sa satisfaction après cette visite.']]);
  assert.equal(table[3].cells[0].text, '');
  assert.deepEqual(table[5].cells.map((c) => c.marks), [['Aucune déclaration commune n\'a été publiée.'], []]);
  // The same sentence: on both sides, nothing marked.
  assert.equal(table[4].cells[0].text, table[4].cells[1].text);
  assert.deepEqual(table[4].cells.map((c) => c.marks), [[], []]);
  // A sentence each has in another place: on its side where it is, said so, not marked.
  const moved = 'La rencontre s\'est tenue au siège de l\'Alliance, à Bruxelles.';
  assert.deepEqual(table[1].cells.map((c) => [c.text, c.marks]), [['', []], [moved, []]]);
  assert.deepEqual(table[6].cells.map((c) => [c.text, c.marks]), [[moved, []], ['', []]]);
  assert.equal(
    await r.page.locator('.compare-table tr.moved').first().locator('.side').innerText(),
    'LE COURRIER DE BAKOU · AILLEURS DANS L’AUTRE',
  );

  // Side by side: a row's two sentences start at the same height, the second to the right.
  const [left, right] = await Promise.all(
    [0, 1].map((i) => r.page.locator('.compare-table tbody tr').nth(2).locator('td').nth(i).boundingBox()),
  );
  assert.equal(Math.round(left.y), Math.round(right.y));
  assert.ok(right.x >= left.x + left.width - 1, `${JSON.stringify(left)} ${JSON.stringify(right)}`);

  // Each title leads to its article; "← L'article" back to the first.
  await r.page.getByRole('link', { name: '← L’article' }).click();
  await r.reader().locator('h1', { hasText: 'Stoltenberg salue' }).waitFor();
  await r.page.goBack();
  await r.page.locator('.compare-table').waitFor();
  await r.page.locator('.compare-table th').nth(1).getByRole('link').click();
  await r.reader().locator('h1', { hasText: 'Le chef de l’OTAN loue' }).waitFor();
  assert.deepEqual(r.errors, []);
});

test('on a phone the two sources are one above the other, each sentence of one side named, a shared one shown once', async () => {
  const r = await phone.newReader();
  // A link opened as is: the page before the app shows the first article, then the comparison.
  await r.open(COMPARISON);
  await r.page.locator('.compare-table').waitFor();
  const reworded = r.page.locator('.compare-table tr.reworded td');
  const [top, bottom] = await Promise.all([0, 1].map((i) => reworded.nth(i).boundingBox()));
  assert.ok(bottom.y >= top.y + top.height - 1, 'one above the other');
  assert.ok(Math.abs(top.x - bottom.x) < 2 && top.width > 300, `${JSON.stringify(top)}`);
  assert.deepEqual(await reworded.locator('.side').allTextContents(), ['La Gazette du Caucase', 'Le Courrier de Bakou']);
  assert.equal(
    await r.page.locator('.compare-table tr.second-only .side').textContent(),
    'Seulement dans Le Courrier de Bakou',
  );
  assert.ok((await r.page.locator('.compare-table tr.second-only .side').boundingBox()).width > 100);
  // A sentence the two share: once, unlabelled.
  const same = r.page.locator('.compare-table tr.same').first();
  assert.ok(await same.locator('td').first().isVisible());
  assert.ok(!(await same.locator('td').nth(1).isVisible()));
  // (Its label is for screen readers: a pixel, clipped.)
  assert.ok((await same.locator('.side').boundingBox()).width <= 1);
  // Nothing wider than the screen.
  assert.ok(await r.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  assert.deepEqual(r.errors, []);
});

test('a comparison in a split index loads both articles\' pieces; an article not in the collection is said so', async () => {
  const r = await collection.newReader();
  await r.open();
  const ids = await r.page.locator('.result[data-id]').evaluateAll((items) => items.slice(0, 2).map((i) => i.dataset.id));
  assert.equal(ids.length, 2);
  await r.page.goto(`${r.baseUrl}#/article/${encodeURIComponent(ids[0])}?comparer=${encodeURIComponent(ids[1])}`);
  await r.page.locator('.compare-table').waitFor();
  const titles = await r.page.locator('.compare-table th a').allInnerTexts();
  assert.equal(titles.length, 2);
  assert.ok(titles.every((t) => t.length > 0 && t !== 'Chargement…'), titles.join(' | '));
  assert.ok((await r.page.locator('.compare-table tbody tr').count()) > 0);
  // Every sentence of the first article is in its column, in order.
  const column = (await rows(r.page)).map((row) => row.cells[0].text).join('');
  await r.page.locator('.compare-table th').first().getByRole('link').click();
  const text = await r.reader().locator('.text').innerText();
  const bare = (s) => s.replace(/\s+/g, '');
  assert.ok(bare(text).length > 0);
  assert.equal(bare(column), bare(text));
  await r.page.goBack();
  await r.page.locator('.compare-table').waitFor();

  await r.page.goto(`${r.baseUrl}#/article/${encodeURIComponent(ids[0])}?comparer=inconnu`);
  await r.page.getByText('Aucun article ne porte l’identifiant « inconnu »').waitFor();
  assert.deepEqual(r.errors, []);
});
