// A returning reader gets the new build (the seeds and three articles more:
// e2e/fixtures/next), when they accept it, never a mix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_NEXT, requireBuild, useReader } from '../lib/fixture.js';

const reader = useReader();

test('a rebuilt site is offered to a returning reader and replaces the old one', async () => {
  requireBuild(DIST_NEXT);
  const r = await reader.newReader();
  await r.open();
  await r.waitForOffline();
  assert.equal(await r.results().count(), 5);

  reader.server().setRoot(DIST_NEXT); // the site is redeployed
  try {
    await r.page.reload();
    await r.searchBox().waitFor();
    // The page still runs the version it has, whole, until the reader accepts.
    assert.equal(await r.results().count(), 5);
    const notice = r.page.locator('.update');
    await notice.waitFor({ timeout: 15000 });
    assert.match(await notice.innerText(), /nouvelle version/);
    await r.screenshot('update');
    await Promise.all([r.page.waitForEvent('load'), notice.getByRole('button', { name: 'Recharger' }).click()]);
    await r.searchBox().waitFor();
    await r.page.waitForFunction(() => document.querySelectorAll('.result').length === 8);
    const caches = await r.page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches removed: ${caches}`);
    // And the new version works offline too.
    await r.page.context().setOffline(true);
    await r.page.reload();
    await r.page.waitForFunction(() => document.querySelectorAll('.result').length === 8);
  } finally {
    reader.server().setRoot(DIST);
  }
});
