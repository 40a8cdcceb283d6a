// Shared set-up: the release build in dist/ on a static server, and a browser.
import { after, before } from 'node:test';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.js';
import { launch } from './browser.js';
import { ReaderPage } from './reader-page.js';

export const DIST = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Starts the server and browser for the tests of one file; returns a getter for a fresh ReaderPage. */
export function useReader({ viewport = { width: 1280, height: 800 } } = {}) {
  let server;
  let browser;
  const contexts = [];
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error(`no build in ${DIST}: run 'trunk build --release' first (scripts/test does)`);
    }
    server = await serveStatic(DIST);
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
