import { readFileSync } from 'node:fs';
const profile = JSON.parse(readFileSync('/tmp/prof.json', 'utf8'));
const windows = process.argv.slice(2).map((w) => w.split('+').map(Number));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// sample times relative to profile start; navigation start unknown: align first window by the first non-idle sample? print absolute offsets instead
let t = profile.startTime; const times = profile.timeDeltas.map((d) => (t += d));
const base = Number(process.env.BASE ?? 0);
for (const [start, dur] of windows) {
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const at = (times[i] - profile.startTime) / 1000 - base;
    if (at < start || at > start + dur) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set(); let cur = id;
    while (cur !== undefined) { const f = byId.get(cur).callFrame.functionName || `(${byId.get(cur).callFrame.url.split('/').pop()})`; if (!seen.has(f)) { seen.add(f); incl.set(f, (incl.get(f) ?? 0) + ms); } cur = parent.get(cur); }
  });
  console.log(`== ${start}+${dur}`);
  console.log([...incl].filter(([n]) => !/^\((root|program|idle)\)$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 22).map(([n, v]) => `${v.toFixed(1).padStart(7)} ${n.slice(0, 120)}`).join('\n'));
}
// find offset: first sample that is in boot js
