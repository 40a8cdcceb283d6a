// What moves while the home page starts (layout shifts, with the nodes that moved) and its
// largest contentful paint, on a phone and a desktop, the CPU 4x slower: for looking, not a
// test (Lighthouse's CLS and LCP, with the reason).
//   cd e2e && node bench/layout-shift.js <dist>
import { launch } from '../lib/browser.js';
import { serveStatic } from '../lib/server.js';
const dist = process.argv[2] ?? '../dist';
const server = await serveStatic(dist, { gzip: true });
const browser = await launch();
for (const [device, viewport] of [['phone', { width: 412, height: 823 }], ['desktop', { width: 1280, height: 860 }]]) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(4), src: (e.sources ?? []).map((s) => {
          const n = s.node; const d = n ? (n.nodeType === 1 ? `${n.tagName}.${n.className}` : `#text ${n.textContent.slice(0, 30)}`) : '?';
          return `${d} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`; }) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push(`${Math.round(e.startTime)} ${e.size} ${e.element?.tagName}.${e.element?.className} ${e.element?.textContent?.slice(0, 40)}`);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForTimeout(6000);
  await page.screenshot({ path: `/tmp/cls-${device}.png` });
  const shifts = await page.evaluate(() => window.__shifts);
  console.log(device, 'CLS', shifts.reduce((a, s) => a + Number(s.v), 0).toFixed(3));
  console.log(' LCP', (await page.evaluate(() => window.__lcp)).join('\n     '));
  for (const s of shifts) console.log(' ', s.t, s.v, s.src.join('\n      '));
  await context.close();
}
await browser.close();
await server.close();
