// Where a cached keystroke's time goes at 36k: a trace of the page's main
// thread (Chrome's devtools.timeline) while the first words of a few titles
// are typed a second time, every piece already here, in the site that
// vs-pagefind.js built. Prints the main thread's time by kind (event
// handlers, style, layout, paint, GC…), and the percentiles of the `input`
// handler, which holds the app's whole answer to a keystroke (the search and
// the views' render, run in the same task). keystrokes.js measures from the
// input event to the frame that shows the answer, which adds the wait for
// the next frame (up to 16.7 ms at 60 Hz). Not part of the test suite.
//   (cd e2e && node bench/keystroke-profile.js ['title|title…'])
// DIST=<a build> traces another build (its wasm's functions by name in a
// CPU profile need a build that keeps them: CARGO_PROFILE_RELEASE_STRIP=false).
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
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
await typeAll();
await cdp.send('Tracing.end');
await done;
// The page's main thread: the one that dispatched its input events.
const threads = new Map();
for (const e of events) if (e.name === 'EventDispatch') threads.set(`${e.pid}:${e.tid}`, (threads.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const main = [...threads].sort((a, b) => b[1] - a[1])[0][0];
const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
const sums = new Map();
for (const e of onMain) {
  const key = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
  sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
}
const inputs = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input').map((e) => e.dur / 1000).sort((a, b) => a - b);
const at = (q) => inputs[Math.min(inputs.length - 1, Math.floor(inputs.length * q))].toFixed(1);
console.log(`${inputs.length} keystrokes typed again (${titles.join(', ')}): the input handler p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
const rendering = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'].reduce((sum, k) => sum + (sums.get(k) ?? 0), 0);
console.log(`style, layout and paint: ${(rendering / inputs.length).toFixed(1)} ms a keystroke`);
for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
await browser.close();
await server.close();
