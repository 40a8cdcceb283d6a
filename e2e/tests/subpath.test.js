// dist/ hosted under a sub-path, as on GitHub Pages (https://user.github.io/liseuse/).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, DIST_SUBPATH, useReader } from '../lib/fixture.js';

for (const [name, dist, prefix] of [
  ['the default build, moved under any sub-path', DIST, '/some/where/'],
  ['a build made with --public-url /liseuse/', DIST_SUBPATH, '/liseuse/'],
]) {
  describe(name, () => {
    const reader = useReader({ dist, prefix });
    test('searches, opens an article, survives a reload of a deep link, works offline', async () => {
      const r = await reader.newReader();
      await r.open();
      await r.type('Lachin');
      await r.results().first().waitFor();
      await r.results().first().locator('a').click();
      await r.reader().waitFor();
      assert.ok(r.page.url().startsWith(r.baseUrl + '#/article/'), r.page.url());
      await r.page.reload();
      await r.reader().locator('mark').first().waitFor();
      await r.waitForOffline();
      const scope = await r.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, r.baseUrl);
      await r.page.context().setOffline(true);
      await r.page.reload();
      await r.reader().locator('mark').first().waitFor();
      const missing = reader.server().log.filter((e) => e.status === 404).map((e) => e.path);
      assert.deepEqual(missing, []);
      assert.deepEqual(r.errors, []);
    });
  });
}
