// Writes a strict Content-Security-Policy into a built index.html, as its
// first element after <meta charset>: scripts from the site only, plus the
// page's own inline scripts by their SHA-256 (Trunk's loader, the wasm's
// preload), the wasm compiled by 'wasm-unsafe-eval', connections to the
// site only, no plugins, no <base> or form posts elsewhere. A JSON data
// block (<script type="application/json">) never runs and needs no hash.
// (`frame-ancestors`, which forbids framing, is ignored in a meta tag: a
// host that can send headers should send it, see docs/hosting.md.)
//   node tools/csp.mjs dist/index.html
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const file = process.argv[2];
let page = readFileSync(file, 'utf8');
if (page.includes('http-equiv="Content-Security-Policy"')) {
  console.error(`csp: ${file} already has a policy`);
  process.exit(1);
}
const hashes = new Set();
for (const [, attributes, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc\s*=/.test(attributes) || /type\s*=\s*"application\/json"/.test(attributes)) continue;
  hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...hashes].join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const charset = '<meta charset="utf-8" />';
if (!page.includes(charset)) {
  console.error(`csp: ${file} lacks ${charset}`);
  process.exit(1);
}
page = page.replace(charset, `${charset}<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, page);
console.log(`csp: ${hashes.size} inline scripts allowed by hash`);
