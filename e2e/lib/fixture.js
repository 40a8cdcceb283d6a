// Shared set-up: the release build in dist/ on a static server, and a browser.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.js';
import { launch } from './browser.js';
import { ReaderPage } from './reader-page.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The release build under test. */
export const DIST = process.env.DIST ?? join(ROOT, 'dist');
/** The same app built with `--public-url /liseuse/` (scripts/test builds it). */
export const DIST_SUBPATH = process.env.DIST_SUBPATH ?? join(ROOT, 'target/e2e/dist-subpath');
/** The app built from crates/liseuse-build/tests/fixtures/collection (scripts/test builds it). */
export const DIST_COLLECTION = process.env.DIST_COLLECTION ?? join(ROOT, 'target/e2e/dist-collection');
/** The English articles of e2e/fixtures/english, with their liseuse.toml (scripts/test builds it). */
export const DIST_ENGLISH = process.env.DIST_ENGLISH ?? join(ROOT, 'target/e2e/dist-english');
/** The collection's build with one more article, newer (e2e/fixtures/grow), split as it is (scripts/test builds it). */
export const DIST_COLLECTION_NEXT = process.env.DIST_COLLECTION_NEXT ?? join(ROOT, 'target/e2e/dist-collection-next');
/** A later build with one more article, to play a redeploy (scripts/test builds it). */
export const DIST_NEXT = process.env.DIST_NEXT ?? join(ROOT, 'target/e2e/dist-next');

/** Fails clearly when a build the tests need is missing. */
export function requireBuild(dist) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no build in ${dist}: scripts/test makes it (see the 'release builds' step)`);
  }
}

/** Starts the server and browser for the tests of one file; returns a getter for a fresh ReaderPage. */
export function useReader({ viewport = { width: 1280, height: 800 }, dist = DIST, prefix = '/' } = {}) {
  let server;
  let browser;
  const contexts = [];
  before(async () => {
    requireBuild(dist);
    server = await serveStatic(dist, { prefix });
    browser = await launch();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });
  return {
    server: () => server,
    async newReader(options = {}) {
      const context = await browser.newContext({ viewport, ...options });
      contexts.push(context);
      return new ReaderPage(await context.newPage(), server.url);
    },
  };
}
