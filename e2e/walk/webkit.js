// The walk-through in WebKitGTK, the engine of Safari's family that Debian
// ships: what a reader does first, checked step by step, with screenshots.
// Not in `scripts/test` (it needs Debian's webkit2gtk-driver and xvfb, which
// the setup does not install); run it by hand after a change that touches
// the browser's APIs:
//   sudo apt-get install webkit2gtk-driver xvfb
//   trunk build --release --offline
//   (cd e2e && xvfb-run -a node walk/webkit.js [../dist])
// Each step prints what it saw; the first that fails stops the walk with a
// non-zero exit. Screenshots go to target/e2e/screenshots/webkit-*.png.
import { Builder, By, until } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../lib/server.js';
import { DIST } from '../lib/fixture.js';

const dist = process.argv[2] ?? DIST;
const shots = join(import.meta.dirname, '../../target/e2e/screenshots');
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const server = await serveStatic(dist);
const driverProcess = spawn('WebKitWebDriver', ['--port=4445'], { stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 1000));
const driver = await new Builder()
  .usingServer('http://127.0.0.1:4445')
  .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
  .build();

const seen = (css, ms = 30_000) => driver.wait(until.elementLocated(By.css(css)), ms);
const run = (fn) => driver.executeScript(fn);
/** In the page: whether the first view was written before the app's wasm was asked for. */
const firstBeforeApp = () => {
  const shown = performance.getEntriesByName('liseuse-first-results')[0]?.startTime;
  const wasm = performance.getEntriesByType('resource').find((entry) => /liseuse-[0-9a-f]+_bg\.wasm\.gz$/.test(entry.name))?.startTime;
  return shown !== undefined && (wasm === undefined || shown <= wasm);
};
function check(ok, what) {
  if (!ok) throw new Error(`webkit walk: ${what}`);
  console.log(`ok: ${what}`);
}
async function shot(name) {
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, `webkit-${name}.png`), Buffer.from(await driver.takeScreenshot(), 'base64'));
}

try {
  // A link to a search: its first results before the app, then the app.
  await driver.get(`${server.url}#/?q=Bakou%20Moscou`);
  await seen('html[data-first-results] .result mark');
  check(await run(firstBeforeApp), 'a link to a search shows its results before the app asks for its wasm');
  await seen('#app[data-started] .result mark');
  const titles = await run(() => [...document.querySelectorAll('.result .title')].map((t) => t.textContent));
  check(titles.length > 0, `the app keeps them: ${titles.slice(0, 2).join(' | ')}`);
  await shot('search');
  // A new query typed in the app, a result opened, saved.
  const box = await driver.findElement(By.css('input[type=search]'));
  await box.clear();
  await box.sendKeys('Stoltenberg');
  await driver.wait(async () => (await run(() => document.querySelector('.result .title')?.textContent ?? '')).includes('OTAN'), 15_000);
  check(true, 'typing searches');
  await driver.findElement(By.css('.result a')).click();
  await seen('article.reader h1');
  const article = await driver.getCurrentUrl();
  check(/#\/article\//.test(article), `a result opens its article: ${await driver.findElement(By.css('article.reader h1')).getText()}`);
  await driver.findElement(By.css('.article-actions .save')).click();
  await driver.wait(async () => (await run(() => document.querySelector('.article-actions .save')?.getAttribute('aria-pressed'))) === 'true', 5_000);
  check(true, 'the article is saved');
  await shot('article');
  // A link to an article in a new load: the article before the app, then
  // the app, which remembers it was saved.
  await driver.get('about:blank');
  await driver.get(article);
  await seen('html[data-first-results] article.reader .text p');
  check(await run(firstBeforeApp), 'a link to an article shows it before the app asks for its wasm');
  await seen('#app[data-started] .article-actions .save[aria-pressed="true"]');
  check(true, 'the app takes over, and the article is still saved');
} finally {
  await driver.quit();
  driverProcess.kill();
  await server.close();
}
