// Prints what a first visit costs on a host that compresses nothing (GitLab
// Pages without .gz files, many object stores) next to one that gzips (GitHub
// Pages): the bytes of dist/, then for each query a cold first visit (fresh
// profile, service worker blocked: its background precache is not part of it)
// that opens a deep link to the search and waits for the first result with a
// highlighted snippet: the bytes the server sent, and the time from navigation
// start, at the median of the queries.
// Usage: node bench/first-result.js [runs per query] [query ...]
// (after trunk build --release; DIST=folder for another build, e.g. a large
// collection split in pieces; NETWORK=4g or 3g to emulate a mobile network)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { DIST } from '../lib/fixture.js';

const runs = Number(process.argv[2] ?? 3);
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['Stoltenberg', 'armée', 'Bakou', 'réfugiés', 'cessez-le-feu'];
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

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
console.log(`  ${'total'.padEnd(44)} ${String(total).padStart(9)} B  gzip ${String(totalGzip).padStart(8)} B`);

// Chrome DevTools' presets: round-trip time, and bytes per second down and up.
const NETWORKS = {
  '4g': { latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 },
  '3g': { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
const network = process.env.NETWORK ? NETWORKS[process.env.NETWORK] : null;
if (process.env.NETWORK && !network) throw new Error(`NETWORK=${process.env.NETWORK}: say 4g or 3g`);
if (network) console.log(`network: ${process.env.NETWORK} (${JSON.stringify(network)})`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const browser = await launch();
const rows = [];
for (const gzip of [false, true]) {
  const server = await serveStatic(DIST, { gzip });
  const host = gzip ? 'gzipping host' : 'host that compresses nothing';
  const sent = [];
  const times = [];
  for (const query of queries) {
    const hash = `#/?q=${encodeURIComponent(query)}`;
    const ofQuery = [];
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
      await page.waitForSelector('.result .snippet mark', { timeout: 60000 });
      ofQuery.push(await page.evaluate(() => performance.now()));
      if (i === 0) {
        const served = server.log.filter((e) => e.sent);
        const bytes = served.reduce((sum, e) => sum + e.sent, 0);
        sent.push(bytes);
        console.log(`  ${host}, ${JSON.stringify(query)}: ${served.length} files, ${kB(bytes)} sent`);
      }
      await context.close();
    }
    times.push(median(ofQuery));
  }
  await server.close();
  rows.push({ host, bytes: median(sent), time: median(times) });
}
await browser.close();
console.log(`\nfirst visit and first search, median of ${queries.length} queries (${runs} cold loads each for the time):`);
console.log(`  ${'host'.padEnd(30)} ${'sent'.padStart(10)} ${'first result'.padStart(13)}`);
for (const { host, bytes, time } of rows) {
  console.log(`  ${host.padEnd(30)} ${kB(bytes).padStart(10)} ${`${time.toFixed(0)} ms`.padStart(13)}`);
}
const [plain, gzipped] = rows;
console.log(`  a host that compresses nothing sends ×${(plain.bytes / gzipped.bytes).toFixed(2)} the bytes of a gzipping one`);
