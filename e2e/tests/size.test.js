// Size budgets, in bytes of gzip (the build publishes the wasm files
// compressed; the JS is measured as gzip -9 would send it). Every byte on the
// first result's path is downloaded before a shared search shows anything:
// that path has its budget, and each module that loads after the first
// results has its own. A change that grows one past its budget fails here;
// lower the budget when a module shrinks. docs/benchmarks.md ("The first
// result's path") gives the breakdown (twiggy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, requireBuild } from '../lib/fixture.js';

/**
 * The first result's path: boot.js, the first wasm's glue and the first wasm
 * (crates/liseuse-first). 146.4 kB on 2026-12-05 (issue 37; the whole app,
 * 316.8 kB of wasm and 9.9 kB of glue, was on that path before); 109.0 kB on
 * 2026-12-06 (the scripts minified, the engine's Unicode tables, sets, maps
 * and sorts made smaller, the list's words apart from the interface's), with
 * a link to an article on that path too; 107.9 kB with the read side's
 * errors typed (issue 38: no English sentences of checks in the wasm);
 * 115.9 kB with the postings in generations, put together in the reader,
 * the link pieces and the name index (issue 39: +7.8 kB of wasm) and the
 * update's notice in boot.js (+0.2 kB); 116.1 kB with the place of the
 * button to follow a search laid out (+0.3 kB); 116.3 kB with the hints'
 * stop words and synonyms (+0.2 kB of boot.js); 116.8 kB with the whole
 * postings a first visit reads (issue 39: +0.4 kB, the wasm's choice of
 * postings and their names, boot.js's choice of the visit), which make a
 * first result at 36k 4 % sooner over HTTP/1.1; 116.85 kB with the
 * quotations a name carries (issue 40: +85 B, one string field the first
 * file's names are decoded with; read by the app only). Pagefind sends
 * about 105 kB.
 */
const FIRST_PATH_BUDGET = 116_900;
/**
 * After the first results (or at once on the home page and an article): the
 * app, yew and every feature. Its wasm was 316.8 kB at issue 25's close,
 * 317.8 kB with the first results taken over, 292.4 kB with the engine's
 * smaller tables (2026-12-06), 291.8 kB with the house in order (issue 38:
 * two crates, hooks and view functions, typed errors), 299.1 kB with the
 * postings in generations, the link pieces and the name index (issue 39),
 * 307.7 kB with followed searches (issue 39: the button, the home page's
 * and "Mes articles"' lists, the search among the newest generations, the
 * stored and exported form), 308.3 kB reading the whole postings on a
 * first visit, 309.8 kB with a name's quotations on its page (issue 40:
 * +1.5 kB, and 35 B for placing them by a binary search, not by comparing
 * every quotation with every article), 319.3 kB with "Citer" (issue 40:
 * +9.4 kB for the dialog's four forms, the copy buttons, the paragraph
 * links and the saved articles' references; a wasm of its own loaded when
 * asked would take it off an article's first view), 319.8 kB with a
 * name's quotations in its EPUB (+0.5 kB), 327.1 kB with "Comparer"
 * (issue 40: +7.4 kB, 3.3 kB of it the alignment of sentences and words,
 * 2.0 kB the table), 331.4 kB with the search among quotations
 * (`cite:`, +4.3 kB), 334.2 kB with quotations exported as Markdown
 * (+2.8 kB), 335.2 kB with moved sentences told apart in a comparison
 * (+1.0 kB; 32 B more for `Lang::pick`, the word tables' one match). Citing, comparing and the quotations' search and export,
 * 25 kB together, would leave an article's first view in a wasm of their
 * own loaded when asked; its glue 9.9 kB, 8.0 kB minified.
 */
const APP_WASM_BUDGET = 335_300;
const APP_GLUE_BUDGET = 8_200;

const files = () => readdirSync(DIST);
const one = (pattern) => {
  const found = files().filter((name) => pattern.test(name));
  assert.equal(found.length, 1, `one file like ${pattern} in ${DIST}: ${found}`);
  return join(DIST, found[0]);
};
/** Bytes on the wire: the file as published if it is compressed, else gzip -9 of it. */
const wire = (path) => {
  const bytes = readFileSync(path);
  return path.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 9 }).length;
};

test(`the first result's path stays within its budget of ${FIRST_PATH_BUDGET} bytes`, () => {
  requireBuild(DIST);
  const parts = [/^boot-[0-9a-f]+\.js$/, /^first-[0-9a-f]{16}\.js$/, /^first-[0-9a-f]{16}\.wasm\.gz$/]
    .map((pattern) => [pattern, wire(one(pattern))]);
  const bytes = parts.reduce((sum, [, size]) => sum + size, 0);
  assert.ok(bytes <= FIRST_PATH_BUDGET, `the first result's path is ${bytes} bytes (${parts.map(([p, s]) => `${p}: ${s}`).join(', ')}), over its budget of ${FIRST_PATH_BUDGET}: see docs/benchmarks.md, "The first result's path", for what to cut, and put a feature in the app unless a first result runs it`);
});

test(`the app's wasm stays within its budget of ${APP_WASM_BUDGET} bytes`, () => {
  requireBuild(DIST);
  const bytes = wire(one(/^liseuse-[0-9a-f]+_bg\.wasm\.gz$/));
  assert.ok(bytes <= APP_WASM_BUDGET, `the app's wasm is ${bytes} bytes, over its budget of ${APP_WASM_BUDGET}`);
});

test(`the app's glue stays within its budget of ${APP_GLUE_BUDGET} bytes`, () => {
  requireBuild(DIST);
  const bytes = wire(one(/^liseuse-[0-9a-f]+\.js$/));
  assert.ok(bytes <= APP_GLUE_BUDGET, `the app's glue is ${bytes} bytes, over its budget of ${APP_GLUE_BUDGET}`);
});
