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

test('a returning reader sees how many articles are new since their last visit, marked until opened, with a filter', async () => {
  requireBuild(DIST_NEXT);
  const r = await reader.newReader({ serviceWorkers: 'block' });
  await r.open();
  await r.page.waitForFunction(() => document.querySelectorAll('.result:not(.pending)').length === 5);
  assert.equal(await r.page.locator('.news').count(), 0, 'nothing is new at a first visit');
  reader.server().setRoot(DIST_NEXT); // the dossier grew: three articles more
  try {
    await r.page.reload();
    const news = r.page.locator('.news');
    await news.waitFor();
    assert.match(await news.innerText(), /^3 nouveaux articles depuis votre dernière visite/);
    await r.page.waitForFunction(() => document.querySelectorAll('.result:not(.pending)').length === 8);
    const marked = () => r.page.locator('.result:has(.badge.new)').evaluateAll((items) => items.map((i) => i.dataset.id).sort());
    assert.deepEqual(await marked(), ['005_nouvel_article', '006_otan_gazette', '007_otan_courrier']);
    // Only the new ones.
    await news.getByRole('button', { name: 'Nouveaux seulement' }).click();
    await r.page.waitForFunction(() => document.querySelectorAll('.result').length === 3);
    // One opened is new no more; the others stay new, after a reload too.
    await r.page.locator('.result[data-id="006_otan_gazette"] a').first().click();
    await r.reader().locator('.text > *').first().waitFor();
    await r.page.goBack();
    await r.page.waitForFunction(() => /^2 nouveaux articles/.test(document.querySelector('.news')?.textContent));
    await r.page.reload();
    await r.page.waitForFunction(() => /^2 nouveaux articles/.test(document.querySelector('.news')?.textContent));
    assert.deepEqual(await marked(), ['005_nouvel_article', '007_otan_courrier']);
    assert.deepEqual(r.errors, []);
  } finally {
    reader.server().setRoot(DIST);
  }
});
