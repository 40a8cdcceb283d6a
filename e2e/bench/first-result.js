// Prints what a first visit costs: the bytes of dist/ (raw and gzip) and the
// time from navigation start to the first highlighted result in headless Chromium.
// Usage: node bench/first-result.js [runs]   (after trunk build --release)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { DIST } from '../lib/fixture.js';

const runs = Number(process.argv[2] ?? 15);
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
console.log(`  ${'total'.padEnd(44)} ${String(total).padStart(9)} B  gzip ${String(totalGzip).padStart(8)} B  (${kb(total)} / ${kb(totalGzip)})`);

const server = await serveStatic(DIST);
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '#/?q=Stoltenberg');
  await page.waitForSelector('.result mark');
  times.push(await page.evaluate(() => performance.now()));
  await context.close();
}
await browser.close();
await server.close();
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(
  `page load to first result (deep link #/?q=Stoltenberg, ${runs} cold loads, fresh profile each): ` +
    `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, min ${times[0].toFixed(0)} ms`,
);
