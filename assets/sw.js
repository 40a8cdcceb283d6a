// liseuse's service worker: the site, cached, so that after one visit it opens,
// searches and shows every article with no network.
//
// Written by scripts/precache at every build (a Trunk post_build hook): VERSION
// is a hash of every file of the build, PRECACHE their list. A new build is a
// new VERSION, hence a new cache for the app's files, filled completely before
// it is used: old and new files never mix. URLs are relative to this file, so
// the site works at any path.
//
// A large collection's index comes in pieces (pieces/*.bin, thousands of them,
// tens of MB, listed with their sizes in pieces/manifest.bin, compressed): waiting for
// all of them before anything works offline would lose everything to a closed
// tab. So the install caches the app's files only;
// the pieces go to a cache of their own, one by one, in the background after
// activation and again at each visit until all are in: what is in stays in, a
// search offline works as soon as its pieces are, and a piece the reader
// fetched is kept too. Piece names carry their content's hash, so that cache
// outlives versions: a rebuild downloads only the pieces that changed.
//
// An update of a split index, for a reader who kept the whole collection
// offline: the install downloads the new version's pieces they lack (the
// new and changed ones, named apart from the old), checked, before the new
// version may take over, so that it is whole offline at once; until then
// the old version serves, with its own pieces, never a mix. An install cut
// short (offline) fails, and the browser tries again at the next visit:
// the pieces already in are not fetched again. With the data saver on, or
// an update over ASK_OVER_BYTES, the install downloads nothing and the
// page asks first (PREPARE). The page hears what the update brings (UPDATE:
// new articles, bytes) to say it.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = PRECACHE;
// A split index lists its pieces, with their sizes, in this file
// of the app's (written by build.rs, copied by scripts/precache): JSON,
// compressed as every file of the index is (liseuse_core::pieces::MANIFEST_FILE).
const MANIFEST = './pieces/manifest.bin';
const SPLIT = SHELL.includes(MANIFEST);
// Caches are named for this site's scope too: two sites on one origin (two
// GitHub Pages projects of one user) keep their own.
const SCOPE = self.registration.scope;
const CACHE = `liseuse-${VERSION} ${SCOPE}`;
const PIECE_CACHE = `liseuse-pieces ${SCOPE}`;
// Pieces downloaded at the same time by the background fill: a browser opens 6
// connections to a host over HTTP/1.1, so 4 leave room for the reader's own
// searches. (OrangeSum's 5,923 pieces, 117 MB, from loopback: 31 s.)
const FILL_CONCURRENCY = 4;
// Above this, an update is downloaded once the reader says so (as boot.js
// asks before storing a large collection).
const ASK_OVER_BYTES = 20e6;

// Files whose name carries a content hash never change: the browser's HTTP cache
// may give them (no second download on a first visit). Any other file
// (index.html, the manifest, icons) is revalidated with the server, so that a
// new version never precaches a stale index.html that still names old files.
// (Trunk's names carry up to 16 hex digits: its hash is written without
// its leading zeros, `liseuse-5a44d026018049a_bg.wasm` has 15; the index's
// first file 8; the wasm ends in .wasm.gz.)
const HASHED = /-[0-9a-f]{8,16}(_bg)?(\.[a-z]+)+$/;
const fresh = (url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' });
const absolute = (url) => new URL(url, SCOPE).href;

// Files named after their content that the page downloaded before this
// worker was installed (the wasm, the index's first file: boot.js's stage()).
// The install takes them from there instead of asking the server again: a
// host that forbids caching would otherwise send them twice on a first visit.
const STAGED = `liseuse-staged ${SCOPE}`;

self.addEventListener('install', (event) => {
  // A failed download fails the install: the previous version stays in charge.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const staged = await caches.open(STAGED);
      // All downloaded before any is kept: a failed install keeps nothing.
      const responses = await Promise.all(
        SHELL.map(async (url) => {
          const kept = HASHED.test(url) ? await staged.match(absolute(url)) : undefined;
          const response = kept ?? (await fetch(fresh(url)));
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          return response;
        }),
      );
      await Promise.all(responses.map((response, i) => cache.put(SHELL[i], response)));
      await caches.delete(STAGED);
      // (An earlier version's cache that cannot be read only means no
      // download before the switch: never a failed install.)
      const plan = await update().catch(() => null);
      if (plan?.kept && !plan.ready && !self.navigator.connection?.saveData && plan.bytes <= ASK_OVER_BYTES) {
        await prepare();
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      // Ours, of earlier versions; and those named before caches had a scope.
      const old = names.filter(
        (name) => name.startsWith('liseuse-') && (name.endsWith(` ${SCOPE}`) || !name.includes(' ')),
      );
      await Promise.all(old.filter((name) => name !== CACHE && name !== PIECE_CACHE).map((name) => caches.delete(name)));
      // Pieces of earlier versions that this one does not use (all, for a whole index).
      if (SPLIT) {
        const pieces = await caches.open(PIECE_CACHE);
        const wanted = await pieceSet();
        const stale = (await pieces.keys()).filter((request) => !wanted.has(request.url));
        await Promise.all(stale.map((request) => pieces.delete(request)));
      } else {
        await caches.delete(PIECE_CACHE);
      }
      await self.clients.claim();
    })(),
  );
  // The fill waits for the page to ask (FILL, at each visit, once the
  // reader's first view is in, unless the data saver is on or the reader
  // declined a large collection), which keeps the worker alive until done.
});

// The URLs of the pieces in the cache, read from it once, then kept up to date
// as pieces are put in: listing a cache of thousands of entries takes long
// enough that doing it at each question of the page (OFFLINE, every second)
// starved the fill (5,923 pieces: 700 cached in 40 s, then hardly more).
let cachedUrls = null;

async function cachedPieces() {
  if (!cachedUrls) {
    const cache = await caches.open(PIECE_CACHE);
    cachedUrls = new Set((await cache.keys()).map((request) => request.url));
  }
  return cachedUrls;
}

/** The hash that ends a piece's name (liseuse_core::pieces::content_hash):
 * 64-bit FNV-1a, its two 32-bit halves xor-ed. Computed on two 32-bit halves
 * (every product stays below 2^53, exact in a double). */
function contentHash(bytes) {
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    // (hi·2^32 + lo) × (2^40 + 0x1b3), modulo 2^64.
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + (lo % 0x1000000) * 0x100) % 0x100000000;
    lo = low % 0x100000000;
  }
  return (lo ^ hi) >>> 0;
}

/** Whether a downloaded piece is the one its name says: its content, decoded,
 * hashes to the hash that ends its name (liseuse_core::pieces::check). A
 * captive portal's page, an error page served with 200 or a truncated
 * download is not, and is never kept (the page is told it is damaged; the
 * next fill tries again). */
async function isThePiece(url, response) {
  const named = /-([0-9a-f]{8})\.bin$/.exec(url);
  if (!response.ok || named === null || !(await pieceSet()).has(url)) return false;
  try {
    const bytes = await decoded(new Uint8Array(await response.arrayBuffer()));
    return contentHash(bytes) === parseInt(named[1], 16);
  } catch {
    return false;
  }
}

let listed = null;
let manifestRead = null;

/** The manifest (in this version's cache since the install). */
async function manifest() {
  manifestRead ??= (async () => {
    const cache = await caches.open(CACHE);
    const response = (await cache.match(MANIFEST)) ?? (await fetch(fresh(MANIFEST)));
    return decompressedJson(response);
  })().catch((error) => {
    manifestRead = null;
    throw error;
  });
  return manifestRead;
}

/** A piece's file name in a manifest: its entry (an earlier build's
 * manifest, which a returning reader's cache holds, paired it with a hash). */
const fileOf = (entry) => (Array.isArray(entry) ? entry[0] : entry);

/** Each piece's absolute URL, from the manifest; empty for a whole index. */
async function pieceSet() {
  listed ??= (async () => {
    if (!SPLIT) return new Set();
    const { pieces } = await manifest();
    return new Set(pieces.map((entry) => absolute(`./pieces/${fileOf(entry)}`)));
  })().catch((error) => {
    listed = null;
    throw error;
  });
  return listed;
}

/** A published file's bytes decoded (gzip, by the browser's own
 * DecompressionStream) unless a host decoded them on the way. */
async function decoded(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The JSON of a published file's response. */
async function decompressedJson(response) {
  const bytes = await decoded(new Uint8Array(await response.arrayBuffer()));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Downloads a piece and keeps it if it is the piece its name says. A wrong
 * copy may sit in the browser's HTTP cache (a portal's page, kept for its
 * max-age): then the server is asked again, past that cache, once. Resolves
 * to what was downloaded last, for the page to check and report. */
async function fetchPiece(cache, url, request = new Request(url)) {
  let response = await fetch(request);
  if (!(await isThePiece(url, response.clone()))) {
    response = await fetch(new Request(url, { cache: 'reload' }));
    if (!(await isThePiece(url, response.clone()))) return response;
  }
  await cache.put(url, response.clone());
  (await cachedPieces()).add(url);
  return response;
}

// Pieces on their way, by URL: the page and the fill asking for the same
// piece at the same moment share one download.
const onTheirWay = new Map();

/** [fetchPiece], once for every asker of the same piece at the same moment;
 * each gets its own copy of the response. */
function fetchPieceOnce(cache, url, request) {
  let download = onTheirWay.get(url);
  if (!download) {
    download = fetchPiece(cache, url, request).finally(() => onTheirWay.delete(url));
    onTheirWay.set(url, download);
  }
  return download.then((response) => response.clone());
}

let pieceUrls = null;

/** The pieces not in the cache yet, as absolute URLs. */
async function missingPieces() {
  if (!SPLIT) return [];
  pieceUrls ??= [...(await pieceSet())];
  const cached = await cachedPieces();
  return pieceUrls.filter((url) => !cached.has(url));
}

/** The manifest of the version this one replaces, from its cache; null
 * at a first visit (or for a whole index). */
async function previousManifest() {
  const ours = (name) => name.startsWith('liseuse-') && name.endsWith(` ${SCOPE}`);
  const others = (await caches.keys()).filter((name) => ours(name) && ![CACHE, PIECE_CACHE, STAGED].includes(name));
  for (const name of others) {
    const response = await (await caches.open(name)).match(MANIFEST);
    if (response) return decompressedJson(response);
  }
  return null;
}

/** What updating to this version brings a returning reader of a split
 * index: its new articles, the bytes of its pieces the previous version did
 * not have, whether the reader kept the previous version whole offline
 * (then those pieces are downloaded before the switch) and whether they
 * are all in; null at a first visit or for a whole index. */
async function update() {
  if (!SPLIT) return null;
  const previous = await previousManifest().catch(() => null);
  if (!previous) return null;
  const cached = await cachedPieces();
  const kept = previous.pieces.every((entry) => cached.has(absolute(`./pieces/${fileOf(entry)}`)));
  const { pieces, sizes = [], articles = 0 } = await manifest();
  const known = new Set(previous.pieces.map(fileOf));
  const bytes = pieces.reduce((sum, file, i) => sum + (known.has(file) ? 0 : (sizes[i] ?? 0)), 0);
  const ready = !kept || (await missingPieces()).length === 0;
  return { articles: articles - (previous.articles ?? 0), bytes, kept, ready };
}

/** Downloads every piece of this version not in the cache yet, each
 * checked against its hash; fails if one could not be (the next attempt
 * fetches the others only). */
async function prepare() {
  // (The fill's own downloads: its pieces are this version's.)
  await fill();
  const left = (await missingPieces()).length;
  if (left) throw new Error(`update: ${left} pieces could not be downloaded`);
}

let filling = null;

// The page says when the reader's own requests are in flight (PAUSE) and
// when none is (RESUME): the fill takes no piece meanwhile.
let resume = null;
let paused = null;
const pause = () => {
  paused ??= new Promise((go) => {
    resume = go;
  });
};
const unpause = () => {
  resume?.();
  paused = null;
  resume = null;
};

/** Downloads every missing piece into the cache; once at a time. A piece that
 * fails is left for the next fill (the next visit, or the page's next ask). */
function fill() {
  filling ??= (async () => {
    const queue = await missingPieces();
    if (!queue.length) return;
    const cache = await caches.open(PIECE_CACHE);
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        while (paused) await paused;
        // The page may have asked for it meanwhile.
        if ((await cachedPieces()).has(url)) continue;
        try {
          await fetchPieceOnce(cache, url);
        } catch {
          // Offline, or the server failed: the next fill tries again.
        }
      }
    };
    await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
  })().finally(() => {
    filling = null;
  });
  return filling;
}

self.addEventListener('message', (event) => {
  const type = event.data?.type;
  // The page asks for the waiting version to take over when the reader accepts it.
  if (type === 'SKIP_WAITING') self.skipWaiting();
  // A page that loaded while this worker was activating can miss the claim of
  // 'activate' (a reload at that moment): it asks, and is then controlled.
  if (type === 'CLAIM') event.waitUntil(self.clients.claim());
  if (type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
  // The page, at each visit: go on filling the cache with the pieces.
  if (type === 'FILL') event.waitUntil(fill());
  // What this version, waiting, brings; and its download, when the reader
  // says so (PREPARE), then again what it brings (ready).
  if (type === 'UPDATE' || type === 'PREPARE') {
    event.waitUntil(
      (async () => {
        if (type === 'PREPARE') await prepare().catch(() => {});
        const plan = await update();
        event.source?.postMessage({ type: 'UPDATE', ...(plan ?? { articles: 0, bytes: 0, ready: true }) });
      })(),
    );
  }
  if (type === 'PAUSE') pause();
  if (type === 'RESUME') unpause();
  // What storing the whole index would download, for the page to ask first.
  if (type === 'SIZE') {
    event.waitUntil(
      (async () => {
        const bytes = SPLIT ? (await manifest()).bytes ?? 0 : 0;
        event.source?.postMessage({ type: 'SIZE', bytes });
      })(),
    );
  }
  // How much of the index is available offline, and whether the fill is running.
  if (type === 'OFFLINE') {
    event.waitUntil(
      missingPieces().then(async (missing) => {
        const total = (await pieceSet()).size;
        const status = { type: 'OFFLINE', cached: total - missing.length, total, filling: filling !== null };
        event.source?.postMessage(status);
      }),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const url = new URL(request.url);
      url.search = '';
      if (SPLIT && (await pieceSet()).has(url.href)) {
        const pieces = await caches.open(PIECE_CACHE);
        const cached = await pieces.match(url.href);
        if (cached) return cached;
        return fetchPieceOnce(pieces, url.href, request);
      }
      const cache = await caches.open(CACHE);
      // Every page of the app is index.html: the route is in the fragment.
      if (request.mode === 'navigate') {
        const page = await cache.match('./index.html');
        if (page) return page;
      }
      const cached = await cache.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
