// Where the main thread's time goes while a built site starts (not a test: for looking):
// Chromium's CPU profile, the CPU 4x slower as Lighthouse's mobile run, the long tasks, and
// the functions with the most time, self and inclusive. The published wasm has no names:
// build one that keeps them (CARGO_PROFILE_RELEASE_STRIP=false, wasm-opt -g) and put it and
// its JS in a copy of the site, without the integrity attributes.
//   cd e2e && node bench/profile-start.js <dist> ['#/?q=…']   (writes /tmp/prof.json)
import { launch } from '../lib/browser.js';
import { serveStatic } from '../lib/server.js';
import { writeFileSync } from 'node:fs';
const server = await serveStatic(process.argv[2], { gzip: true });
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
page.on('console', (m) => console.log('console', m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 300)));
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`); }).observe({ type: 'longtask', buffered: true });
});
await page.goto(server.url + (process.argv[3] ?? ''));
await page.waitForTimeout(5000);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', (await page.evaluate(() => window.__long)).join(' '));
writeFileSync('/tmp/prof.json', JSON.stringify(profile));
// self time by function, and total ("inclusive") time by function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), incl = new Map();
const dt = profile.timeDeltas; 
profile.samples.forEach((id, i) => {
  const ms = (dt[i + 1] ?? 0) / 1000;
  const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) ?? 0) + ms);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const f = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + ms); } cur = parent.get(cur); }
});
const top = (m, k) => [...m].filter(([n]) => !['(idle)', '(program)', '(root)'].includes(n)).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(7)} ${n.slice(0, 110)}`).join('\n');
console.log('SELF\n' + top(self, 30));
console.log('INCLUSIVE\n' + top(incl, 45));
await browser.close(); await server.close();
