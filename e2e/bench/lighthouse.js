// Lighthouse (mobile: its default simulated slow 4G and 4× slower CPU) on the
// home page of built sites, served as a gzipping static host does, several
// runs each: performance score, first and largest contentful paint, total
// blocking time, cumulative layout shift.
//
// Usage (not part of the test suite; Lighthouse is pinned in bench/peers/):
//   (cd e2e/bench/peers && npm ci) && (cd e2e && node bench/lighthouse.js [runs] [dist...])
// The default dist is ../dist; vs-pagefind.js builds others under
// /tmp/liseuse-vs-pagefind/<collection>/liseuse.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../lib/server.js';
import { CHROMIUM } from '../lib/browser.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LIGHTHOUSE = join(ROOT, 'e2e/bench/peers/node_modules/.bin/lighthouse');
const runs = Number(process.argv[2] ?? 3);
const dists = process.argv.length > 3 ? process.argv.slice(3) : [join(ROOT, 'dist')];

const work = mkdtempSync(join(tmpdir(), 'liseuse-lighthouse-'));
try {
  for (const dist of dists) {
    const server = await serveStatic(dist, { gzip: true });
    console.log(`\n${dist}`);
    for (let run = 1; run <= runs; run++) {
      const out = join(work, `${run}.json`);
      // Not execFileSync: the server answers from this process's event loop.
      await promisify(execFile)(
        LIGHTHOUSE,
        [server.url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 26 },
      );
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const audit = (id) => report.audits[id]?.numericValue;
      const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `  run ${run}: performance ${Math.round(report.categories.performance.score * 100)}  ` +
          `FCP ${s(audit('first-contentful-paint'))}  LCP ${s(audit('largest-contentful-paint'))}  ` +
          `TBT ${Math.round(audit('total-blocking-time'))} ms  CLS ${audit('cumulative-layout-shift').toFixed(3)}`,
      );
    }
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
