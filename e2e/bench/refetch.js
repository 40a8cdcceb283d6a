// What a returning reader fetches again when a dossier grows, liseuse next
// to Pagefind 1.6 over the same articles: the files of the site after a
// rebuild that a reader who kept the whole site (offline, or in the HTTP
// cache) does not have, in number and in bytes. Four rebuilds of a
// folder's articles: the 10 newest added, the newest one added, as many
// added as settle a block of liseuse's last generation (one update in 64
// articles added), one article (the oldest) edited. liseuse's side is the
// `refetch` example (its files are named after their content); Pagefind's,
// its bundle built before and after, each file compared by its path and
// bytes. liseuse counts its index's files only: its app's are the same for
// every collection, so they are never fetched again (they would add 0.4 MB
// to its total).
//
//   node bench/refetch.js [FOLDER]     (OrangeSum by default: about 10 min)
//
// The work goes to $WORK (/tmp/liseuse-refetch); nothing of OrangeSum is
// written into the repository.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDER = process.argv[2] ?? join(ROOT, '../shared/corpora/orangesum');
const PAGEFIND = join(ROOT, 'e2e/bench/peers/node_modules/.bin/pagefind');
const WORK = process.env.WORK ?? '/tmp/liseuse-refetch';

const run = (command, args, options = {}) =>
  execFileSync(command, args, { maxBuffer: 1 << 30, encoding: 'utf8', ...options });
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Pagefind's bundle over `articles`, in $WORK/`name`: its files, by path, with their hash and size. */
function pagefind(name, articles) {
  const site = join(WORK, name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'a'), { recursive: true });
  for (const article of articles) {
    const paragraphs = article.text.split('\n\n').map((p) => `<p>${escape(p)}</p>`).join('\n');
    // One page an article, named after its id: a page keeps its address.
    const file = article.id.replace(/[^A-Za-z0-9_-]+/g, '_');
    writeFileSync(
      join(site, 'a', `${file}.html`),
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(article.title)}</title></head>` +
        `<body><main data-pagefind-body><h1>${escape(article.title)}</h1>\n${paragraphs}</main></body></html>\n`,
    );
  }
  run(PAGEFIND, ['--site', site], { stdio: ['ignore', 'ignore', 'inherit'] });
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(site, path), { hash: createHash('sha1').update(readFileSync(path)).digest('hex'), size: statSync(path).size });
    }
  };
  walk(join(site, 'pagefind'));
  return files;
}

/** The row of `after`'s files that `before` does not have (the same path and bytes). */
function row(rebuild, before, after) {
  let files = 0;
  let bytes = 0;
  let total = 0;
  for (const [path, file] of after) {
    total += file.size;
    if (before.get(path)?.hash !== file.hash) {
      files += 1;
      bytes += file.size;
    }
  }
  const mb = (n) => (n / 1e6).toFixed(2);
  return `| ${rebuild} | Pagefind 1.6 | ${files} of ${after.size} | ${mb(bytes)} of ${mb(total)} MB | ${((100 * bytes) / total).toFixed(1)} % |`;
}

if (!existsSync(PAGEFIND)) throw new Error(`no ${PAGEFIND}: run (cd e2e/bench/peers && npm ci)`);
mkdirSync(WORK, { recursive: true });
console.error(`liseuse: the refetch example over ${FOLDER}`);
const liseuse = run('cargo', ['run', '--quiet', '--release', '-p', 'liseuse-build', '--example', 'refetch', '--', FOLDER], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const articles = run('cargo', ['run', '--quiet', '--release', '-p', 'liseuse-build', '--example', 'export_articles', '--', FOLDER], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'ignore'],
})
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
// Oldest first, undated first, equal dates as read: the order liseuse
// numbers them in, the last added last (the newest, after the others).
const byDate = articles.map((_, n) => n).sort((a, b) => (articles[a].date ?? '').localeCompare(articles[b].date ?? ''));
const without = (left) => articles.filter((_, n) => !left.includes(n));
// (At least one article is left: a tiny folder still builds.)
const newest = (n) => byDate.slice(-Math.min(n, articles.length - 1));
// liseuse's rows, in the same columns.
const ours = liseuse
  .split('\n')
  .filter((line) => /^\| \d/.test(line))
  .map((line) => {
    const [, rebuild, files, bytes, share] = line.split('|').map((cell) => cell.trim());
    return { rebuild, line: `| ${rebuild} | liseuse | ${files.replace(' files', '')} | ${bytes} | ${share} |` };
  });
// The rebuild that settles a block: as many articles added as liseuse's row says.
const across = ours.map(({ rebuild }) => /^(\d+) articles added, a block settled/.exec(rebuild)).find(Boolean);
console.error(`Pagefind: five builds over ${articles.length} articles`);
const all = pagefind('all', articles);
const rows = [
  row('10 articles added', pagefind('ten-fewer', without(newest(10))), all),
  row('1 article added', pagefind('one-fewer', without(newest(1))), all),
];
if (across) rows.push(row(across[0], pagefind('block-fewer', without(newest(Number(across[1])))), all));
const edited = articles.map((article, n) => (n === byDate[0] ? { ...article, text: `${article.text} Mise à jour.` } : article));
rows.push(row('1 article edited', all, pagefind('edited', edited)));
console.log('| rebuild | site | files to fetch again | bytes | share |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const [n, line] of rows.entries()) {
  console.log(ours[n]?.line ?? '');
  console.log(line);
}
