// Where a cached keystroke's time goes at 36k: a CPU profile (Chrome's
// sampling profiler, 100 µs) while the first three words of a few titles are
// typed a second time, every piece already here, in the site that
// vs-pagefind.js built. Prints the functions with the most self time (wasm
// functions by name when the wasm keeps its names: DIST=<a copy of the site
// whose app wasm was built with CARGO_PROFILE_RELEASE_STRIP=false and no
// wasm-opt>), and the time from each input event to the frame that shows
// its answer, as keystrokes.js measures it. Not part of the test suite.
//   (cd e2e && DIST=/tmp/36k-names node bench/keystroke-profile.js [titles])
import { join } from 'node:path';
import { serveStatic } from '../lib/server.js';
import { launch } from '../lib/browser.js';

const dist = process.env.DIST ?? '/tmp/liseuse-vs-pagefind/36k/liseuse';
const titles = (process.argv[2] ?? 'VIDÉO Pourquoi Yaël|Interdit de suivre|Eure deux jours|Apple remplace').split('|');
const server = await serveStatic(dist);
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('#app[data-started] input[type=search]', { timeout: 60000 });
await page.focus('input[type=search]');
const typeAll = async () => {
  for (const q of titles) {
    for (const letter of q) {
      await page.keyboard.type(letter);
      await page.waitForTimeout(200);
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
  }
};
await typeAll(); // every piece in
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await typeAll();
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`profile: ${Math.round(total)} ms sampled`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}
await browser.close();
await server.close();
