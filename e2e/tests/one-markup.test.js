// What the build writes (the home page's list, chart and filters) and what
// the first result's path writes (a search's results, an article) are the
// app's own markup: the same elements, classes, attributes and text, so the
// two cannot drift apart. Each view is read before the app (its wasm held
// back), then once the app has taken it over, and compared line by line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';
import { holdBack } from '../lib/hold.js';
import { skeleton } from '../lib/skeleton.js';

const seeds = useReader({ dist: DIST });
const collection = useReader({ dist: DIST_COLLECTION });

/**
 * What only one side has, on purpose, taken out of both: the build's page
 * marks itself `early`; the chart's bars become buttons once the app is
 * there; the way to "Mes articles" says the reader's own counts, which the
 * build cannot know.
 */
const declared = (lines) => lines.map((line) => line
  .replace(/^section\.early\.results /, 'section.results ')
  .replace(/^( *g\.bar(\.current)?) role="button"(.*) aria-pressed="(true|false)"/, '$1$3')
  .replace(/^( *a href="#\/mes-articles") ".*"$/, '$1'));

/** The skeleton of `selector` at `hash`, before the app and after it. */
async function beforeAndAfter(site, hash, selector, ready) {
  const r = await site.newReader();
  const release = await holdBack(r.page, '**/liseuse-*_bg.wasm*');
  await r.page.goto(r.baseUrl + hash);
  await r.page.locator(`#app ${ready}`).first().waitFor();
  const before = declared(await skeleton(r.page, selector));
  release();
  await r.page.locator('#app[data-started]').waitFor();
  // The app's view, once what the first one showed is in (no piece pending).
  await r.page.locator(`#app ${ready}`).first().waitFor();
  await r.page.waitForFunction(() => !document.querySelector('#app [aria-busy="true"], #app .pending'));
  const after = declared(await skeleton(r.page, selector));
  if (process.env.SKELETONS) {
    // To see a difference whole: SKELETONS=/tmp writes both.
    const { writeFileSync } = await import('node:fs');
    const file = `${process.env.SKELETONS}/skeleton-${hash.replaceAll(/\W+/g, '') || 'home'}-${selector.replaceAll(/\W+/g, '')}`;
    writeFileSync(`${file}-before.txt`, before.join('\n'));
    writeFileSync(`${file}-after.txt`, after.join('\n'));
  }
  assert.deepEqual(r.errors, []);
  return { before, after };
}

for (const [name, site, hash, selector, ready, appAdds = []] of [
  ['the home page of the seeds', seeds, '', 'section.results', '.result'],
  ['the home page of a collection, with its chart and filters', collection, '', 'section.results', '.timeline'],
  ['a search of a whole index', seeds, '#/?q=Bakou%20Moscou', 'section.results', '.result mark'],
  // (Read once the texts are in: a split index's first view shows the
  // results' titles, then their snippets, as the app does.)
  ['a search of a split index, newest first', collection, '#/?q=accord%20paix&tri=date', 'section.results', '.result .snippet mark'],
  // The app adds, below the text, what only it shows: "Citer cet
  // article", the article's names and what to read next.
  ['an article of a whole index', seeds, '#/article/001_a27cac7314b78e34?q=Bakou', 'article.reader', '.text p', ['p.cite-article', 'nav.names', 'aside.read-next']],
]) {
  test(`the app's markup is the markup written before it: ${name}`, async () => {
    const { before, after } = await beforeAndAfter(site, hash, selector, ready);
    assert.ok(before.length > 10, before.join('\n'));
    assert.deepEqual(after.slice(0, before.length), before);
    const added = after.slice(before.length).filter((line) => /^  \S/.test(line)).map((line) => line.trim().split(' ')[0]);
    assert.deepEqual(added, appAdds);
  });
}
