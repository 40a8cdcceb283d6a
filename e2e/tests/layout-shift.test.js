// The page written at build time is replaced by the app without moving: the
// newest articles shown while the wasm starts stay where they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_COLLECTION, useReader } from '../lib/fixture.js';
import { holdBack } from '../lib/hold.js';

const seeds = useReader({ dist: DIST });
const collection = useReader({ dist: DIST_COLLECTION });
const phone = useReader({ dist: DIST_COLLECTION, viewport: { width: 360, height: 740 } });

/** Where the first articles of the list are, before the app starts (its wasm held back) and after. */
async function positions(site) {
  const r = await site.newReader();
  const release = await holdBack(r.page, '**/*_bg.wasm*');
  const tops = () => r.page.evaluate(() => [...document.querySelectorAll('#app .result')].slice(0, 3).map((e) => Math.round(e.getBoundingClientRect().top)));
  await r.page.goto(r.baseUrl);
  await r.page.locator('#app .result').first().waitFor();
  const before = await tops();
  release();
  await r.page.locator('#app[data-started]').waitFor();
  await r.page.locator('.result:not(.pending)').first().waitFor();
  const after = await tops();
  assert.deepEqual(r.errors, []);
  return { before, after };
}

for (const [name, site] of [['seeds', seeds], ['a collection with filters', collection], ['a collection on a phone', phone]]) {
  test(`the list written at build time does not move when the app takes over: ${name}`, async () => {
    const { before, after } = await positions(site);
    assert.equal(before.length, 3, 'the page shows articles before the app starts');
    assert.deepEqual(after, before);
  });
}
