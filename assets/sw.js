// liseuse's service worker: the whole site, precached, so that after one visit
// it opens, searches and shows every article with no network.
//
// Written by scripts/precache at every build (a Trunk post_build hook): VERSION
// is a hash of every file of the build, PRECACHE their list. A new build is a
// new VERSION, hence a new cache, filled completely before it is used: old and
// new files never mix. URLs are relative to this file, so the site works at any
// path.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `liseuse-${VERSION}`;

// Files whose name carries a content hash never change: the browser's HTTP cache
// may give them (no second download on a first visit). Any other file
// (index.html, the manifest, icons) is revalidated with the server, so that a
// new version never precaches a stale index.html that still names old files.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const fresh = (url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' });

self.addEventListener('install', (event) => {
  // A failed download fails the install: the previous version stays in charge.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(fresh))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('liseuse-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

// The page asks for the waiting version to take over when the reader accepts it.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data?.type === 'VERSION') event.source?.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
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
