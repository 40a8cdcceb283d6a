// How soon a first visit makes the site work offline, in headless Chromium from
// loopback: the page usable, the service worker in control (the app's files
// cached), then every index piece of a split collection cached behind it.
// Usage: node bench/offline.js            (the build in dist/, or DIST)
//        DIST=/tmp/os-dist node bench/offline.js
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { DIST, requireBuild } from '../lib/fixture.js';
import { ReaderPage } from '../lib/reader-page.js';

requireBuild(DIST);
const server = await serveStatic(DIST);
const browser = await launch();
try {
  const context = await browser.newContext();
  const r = new ReaderPage(await context.newPage(), server.url);
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  await r.open();
  const usable = since();
  let status = await r.offlineStatus();
  const controlled = since();
  let shown = 0;
  while (status.cached < status.total) {
    if (since() - shown >= 10000) {
      shown = since();
      console.log(`  ${(shown / 1000).toFixed(0)} s: ${status.cached} / ${status.total} pieces cached`);
    }
    await r.page.waitForTimeout(250);
    status = await r.offlineStatus();
  }
  const complete = since();
  const bytes = server.log.reduce((sum, entry) => sum + (entry.bytes ?? 0), 0);
  console.log(`site: ${DIST}`);
  console.log(`search box usable after ${usable} ms; service worker in control (app files cached) after ${controlled} ms`);
  console.log(`all ${status.total} index pieces cached after ${complete} ms`);
  console.log(`served: ${server.log.length} requests, ${bytes} bytes (uncompressed, loopback)`);
} finally {
  await browser.close();
  await server.close();
}
