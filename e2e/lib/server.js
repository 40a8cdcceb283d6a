// A plain static file server over dist/: no rewrite rules, caching headers like
// GitHub Pages'. Unknown paths are 404s, so routing must live in the fragment.
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * One link that every response of a server shares, as a phone's radio is
 * shared by every request of a page (and of its workers): `bytesPerSecond`
 * in all, handed out in chunks first come, first served, so that two
 * downloads at once each go at about half the speed.
 */
function sharedLink(bytesPerSecond) {
  const CHUNK = 8 * 1024;
  let free = 0;
  return async function send(res, body) {
    for (let at = 0; at < body.length; at += CHUNK) {
      const chunk = body.subarray(at, at + CHUNK);
      const start = Math.max(Date.now(), free);
      free = start + (1000 * chunk.length) / bytesPerSecond;
      await sleep(free - Date.now());
      if (res.destroyed) return;
      res.write(chunk);
    }
    res.end();
  };
}

/**
 * Serves `root` on a free loopback port, under `prefix` (e.g. '/liseuse/');
 * resolves to { url, close, log, setRoot }. `setRoot` swaps the folder, as a
 * redeploy would. With `gzip`, bodies go gzipped to browsers that accept it,
 * as GitHub Pages sends them (benchmarks of a throttled network need it).
 * A slow network is made here, at the server, so that workers and the
 * service worker are slowed too: `latency` ms before each response, and
 * `bytesPerSecond` shared by all responses. `noCache` sends what a host that
 * forbids caching does (`no-cache`, no validator, so never a 304).
 * `setFailing(test)` cuts the connection of every request whose path
 * `test` says yes to, as a network that went down would (null: none).
 * With `tls` ({ key, cert }), it speaks HTTP/2 over TLS, as most hosts do
 * (many requests at once on one connection; HTTP/1.1 lets a browser open 6).
 */
export async function serveStatic(root, { prefix = '/', gzip = false, latency = 0, bytesPerSecond = 0, noCache = false, tls = null } = {}) {
  let base = resolve(root);
  let failing = null;
  const log = [];
  const send = bytesPerSecond ? sharedLink(bytesPerSecond) : (res, body) => res.end(body);
  const handle = async (req, res) => {
    if (latency) await sleep(latency);
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (failing?.(full)) {
      log.push({ path: full, status: 'cut' });
      req.socket.destroy();
      return;
    }
    if (!full.startsWith(prefix)) {
      log.push({ path: full, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = full.slice(prefix.length - 1);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      log.push({ path: full, bytes: body.length });
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        // What GitHub Pages sends: browsers may reuse a file for 10 minutes.
        'cache-control': noCache ? 'no-cache' : 'max-age=600',
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
      }
      // What went on the wire (the body, compressed when it was).
      log[log.length - 1].sent = body.length;
      res.writeHead(200, headers);
      await send(res, body);
    } catch {
      log.push({ path: full, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  };
  const server = tls ? createSecureServer(tls, handle) : createServer(handle);
  // (An HTTP/2 session stays open: closing the server ends them.)
  const sessions = new Set();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${prefix}`,
    log,
    setRoot: (folder) => {
      base = resolve(folder);
    },
    setFailing: (test) => {
      failing = test;
    },
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      sessions.forEach((session) => session.destroy());
      server.close(ok);
    }),
  };
}
