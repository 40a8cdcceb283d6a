// `node tools/gzip.mjs <file> <file.gz>`: gzip made by zopfli (npm
// @gfx/zopfli, pinned in package-lock.json), which any gzip decoder reads,
// about 5% smaller than `gzip -9` for the wasm (15 iterations: a few seconds
// for a megabyte). Deterministic: the same bytes give the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipAsync } from '@gfx/zopfli';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/gzip.mjs <file> <file.gz>');
  process.exit(2);
}
writeFileSync(output, await gzipAsync(readFileSync(input), { numiterations: 15 }));
