// The rounds of one keystroke, in the page's own clock: when the key went
// down, when the address was written, when each piece was asked for, each
// frame and the first change of the page after each. Shows what a keystroke
// waits for between its rounds of requests (dictionary, terms, titles).
// Not a test: for looking, beside bench/keystrokes.js.
//   cd e2e && node bench/keystroke-rounds.js <dist> ['Apple remplace son']
// Each line starts at an `input` event (the app has handled it by then: what
// it did before is at the end of the line above, after the key went down).
import { launch } from '../lib/browser.js';
import { serveStatic } from '../lib/server.js';
const server = await serveStatic(process.argv[2]);
const browser = await launch();
const q = process.argv[3] ?? 'Apple remplace son';
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.log = [];
  const f = window.fetch; window.fetch = function (u, ...a) { window.log.push(['fetch ' + String(u).split('/').pop().split('-')[0], performance.now()]); return f.call(this, u, ...a); };
  const r = History.prototype.replaceState; History.prototype.replaceState = function (...a) { window.log.push(['replaceState', performance.now()]); return r.apply(this, a); };
  const raf = window.requestAnimationFrame; window.requestAnimationFrame = function (cb) { return raf.call(window, (t) => { window.log.push(['raf', performance.now()]); cb(t); }); };
});
await page.goto(server.url);
await page.waitForSelector('#app[data-started] input[type=search]', { timeout: 60000 });
await page.waitForLoadState('networkidle');
await page.evaluate(() => {
  const input = document.querySelector('input[type=search]');
  input.addEventListener('keydown', () => window.log.push(['keydown', performance.now()]), true);
  input.addEventListener('input', () => window.log.push(['INPUT ' + input.value, performance.now()]), true);
  new MutationObserver(() => window.log.push(['mutation', performance.now()])).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.log = [];
});
await page.focus('input[type=search]');
for (const l of q) { await page.keyboard.type(l); await page.waitForTimeout(250); }
const log = await page.evaluate(() => window.log);
let t0 = 0; let out = [];
for (const [what, t] of log) {
  if (what.startsWith('INPUT')) { console.log(out.join(' ')); out = []; t0 = t; }
  const last = out.at(-1);
  if (what === 'mutation' && last?.startsWith('mut')) continue;
  out.push(`${what === 'mutation' ? 'mut' : what}@${Math.round(t - t0)}`);
}
console.log(out.join(' '));
await browser.close(); await server.close();
