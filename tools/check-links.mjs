// `node tools/check-links.mjs <file.md>…`: every relative link of these
// Markdown files leads somewhere: the file (or folder) exists, and an
// `#anchor` is a heading of it (GitHub's slugs: lower case, punctuation
// dropped, spaces as dashes). Prints each broken link with its file and
// line, and fails if there is one. Web addresses are not followed (the
// tests run offline). scripts/test runs it on the README and the guide.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const slug = (heading) =>
  heading.trim().toLowerCase().replace(/`/g, '').replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The anchors of a Markdown file: its headings' slugs (repeats numbered as GitHub does). */
function anchors(file) {
  const seen = new Map();
  const out = new Set();
  let code = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) code = !code;
    const heading = !code && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

let broken = 0;
for (const file of process.argv.slice(2)) {
  let code = false;
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.startsWith('```')) code = !code;
    if (code) return;
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const to = path ? resolve(dirname(file), path) : resolve(file);
      let why = null;
      if (!existsSync(to)) why = 'no such file';
      else if (anchor && (statSync(to).isDirectory() || !to.endsWith('.md'))) why = 'an anchor in a file that is not Markdown';
      else if (anchor && !anchors(to).has(anchor)) why = `no heading #${anchor}`;
      if (why) {
        console.error(`${file}:${i + 1}: ${target}: ${why}`);
        broken++;
      }
    }
  });
}
if (broken) process.exit(1);
console.log(`check-links: every relative link of ${process.argv.length - 2} files leads somewhere`);
