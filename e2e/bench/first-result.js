// Prints what a first visit costs: the bytes of dist/ (raw and gzip), the bytes
// a first search downloads (service worker blocked: its background precache is
// not part of it), and the time from navigation start to the first result with
// a highlighted snippet in headless Chromium.
// Usage: node bench/first-result.js [runs] [query]   (after trunk build --release;
// DIST=folder for another build, e.g. a large collection split in pieces;
// NETWORK=4g or 3g to emulate a mobile network, the server then gzipping as
// GitHub Pages does)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { DIST } from '../lib/fixture.js';

const runs = Number(process.argv[2] ?? 15);
const query = process.argv[3] ?? 'Stoltenberg';
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

let total = 0;
let totalGzip = 0;
console.log(`dist/ (${DIST})`);
for (const name of readdirSync(DIST).sort()) {
  const path = join(DIST, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += bytes.length;
  totalGzip += gz;
  console.log(`  ${name.padEnd(44)} ${String(bytes.length).padStart(9)} B  gzip ${String(gz).padStart(8)} B`);
}
const pieces = join(DIST, 'pieces');
if (statSync(pieces, { throwIfNoEntry: false })?.isDirectory()) {
  const names = readdirSync(pieces);
  const bytes = names.reduce((sum, n) => sum + statSync(join(pieces, n)).size, 0);
  console.log(`  ${'pieces/'.padEnd(44)} ${String(bytes).padStart(9)} B  in ${names.length} files`);
}
console.log(`  ${'total'.padEnd(44)} ${String(total).padStart(9)} B  gzip ${String(totalGzip).padStart(8)} B  (${kb(total)} / ${kb(totalGzip)})`);

// Chrome DevTools' presets: round-trip time, and bytes per second down and up.
const NETWORKS = {
  '4g': { latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 },
  '3g': { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const network = process.env.NETWORK ? NETWORKS[process.env.NETWORK] : null;
if (process.env.NETWORK && !network) throw new Error(`NETWORK=${process.env.NETWORK}: say 4g or 3g`);
if (network) console.log(`network: ${process.env.NETWORK} (${JSON.stringify(network)}), gzip`);

const server = await serveStatic(DIST, { gzip: Boolean(network) });
const browser = await launch();
const times = [];
const hash = `#/?q=${encodeURIComponent(query)}`;
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  server.log.length = 0;
  await page.goto(server.url + hash);
  await page.waitForSelector('.result .snippet mark');
  times.push(await page.evaluate(() => performance.now()));
  if (i === 0) {
    const served = server.log.filter((e) => e.bytes);
    const raw = served.reduce((sum, e) => sum + e.bytes, 0);
    const gzip = served.reduce((sum, e) => sum + gzipSync(readFileSync(join(DIST, e.path.endsWith('/') ? `${e.path}index.html` : e.path)), { level: 9 }).length, 0);
    console.log(`first search (${hash}): ${served.length} files, ${raw} B (${gzip} B gzip)`);
  }
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(
  `page load to first result (deep link ${hash}, ${runs} cold loads, fresh profile each): ` +
    `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, min ${times[0].toFixed(0)} ms`,
);
