// Starts what surrounds the wasm app: on a link to a search or an article,
// the first result's path (its small wasm writes the first results, or the
// article, before the app arrives; see firstResults() below); the offline service worker, the notice
// of a new version, and a clear message when the app cannot start.
(() => {
  const app = () => document.getElementById('app');

  /** Files this page downloaded before the app, by name, as they came: the
   * app takes them (src/fetch.rs) instead of asking again, which a host
   * that forbids caching would answer with a second download. */
  const held = new Map();
  window.liseuseHeld = held;
  /** The downloads of this page (see fetched()), by file name. */
  const downloads = new Map();

  // The words of the site's language: liseuse_core::text::Text::boot_json,
  // which the build writes into the page (<script type="application/json"
  // id="liseuse-text">, data that never runs). `say(key, ...values)` fills
  // its `{}` in order.
  let words = {};
  try {
    words = JSON.parse(document.getElementById('liseuse-text')?.textContent ?? '{}');
  } catch {
    // A page the build did not write: the keys are shown.
  }
  const say = (key, ...values) => {
    let i = 0;
    return String(words[key] ?? key).replace(/\{\}/g, () => String(values[i++] ?? ''));
  };

  /** What this site keeps in this browser under `name` (src/store.rs's keys), or null. */
  const kept = (name) => {
    try {
      return localStorage.getItem(`liseuse:1:${location.pathname}:${name}`);
    } catch {
      return null; // No storage (private mode, disabled).
    }
  };
  /** Keeps `value` under `name`, if the browser lets it. */
  const keep = (name, value) => {
    try {
      localStorage.setItem(`liseuse:1:${location.pathname}:${name}`, value);
    } catch {
      // No storage: asked again, or decided again, at the next visit.
    }
  };

  // The reading settings, before the first paint: what the app writes
  // (liseuse_core::personal::Settings, kept by src/store.rs under this key)
  // put on <html> as the app puts it (src/components/settings.rs). Anything
  // unexpected is left out: the stylesheet's defaults apply.
  try {
    const settings = JSON.parse(kept('settings') ?? 'null');
    if (settings && settings.v === 1) {
      const root = document.documentElement;
      const allowed = { theme: ['system', 'light', 'sepia', 'dark'], font: ['serif', 'sans'], width: ['narrow', 'normal', 'wide'] };
      for (const [name, values] of Object.entries(allowed)) {
        if (values.includes(settings[name])) root.dataset[name] = settings[name];
      }
      if (Number.isInteger(settings.px) && settings.px >= 10 && settings.px <= 40) root.style.setProperty('--reading-size', `${settings.px}px`);
    }
  } catch {
    // Settings that are not JSON: the defaults.
  }

  // index.html lists the newest articles until the app starts: the home
  // page's. A link to anything else (a search, an article) waits without it.
  if (!['', '#', '#/'].includes(location.hash)) document.documentElement.dataset.deepLink = '';

  /** Replaces the loading placeholder with a message (never HTML from outside). */
  function fatal(message) {
    const root = app();
    if (!root || root.dataset.started) return;
    const p = document.createElement('p');
    p.className = 'fatal';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    root.replaceChildren(p);
  }

  if (typeof WebAssembly !== 'object') {
    addEventListener('DOMContentLoaded', () => fatal(say('noWasm')));
  }
  // Trunk's loader rejects when the wasm or its JS cannot be fetched or compiled.
  const failed = (event) => {
    const reason = event.reason ?? event.error ?? event.message;
    fatal(say('startFailed', reason?.message ?? reason ?? say('unknownError')));
  };
  addEventListener('unhandledrejection', failed);
  addEventListener('error', (event) => {
    if (event.target !== window || event.filename?.includes('/boot')) return;
    failed(event);
  });
  // A name's page and "Mes articles" open at their top, not where the page
  // before was scrolled (a name's link is at the foot of an article): here,
  // before the app draws them, at no cost to the wasm.
  addEventListener('hashchange', () => {
    if (/^#\/(nom\/|mes-articles)/.test(location.hash)) scrollTo(0, 0);
  });
  // The wasm (scripts/precache names it in <meta name="liseuse-wasm">, above
  // this script, and preloads it there, so that its download starts as the
  // page is parsed, in parallel with the index's first file and Trunk's JS
  // loader). A link to a search or an article
  // needs it before anything shows: it is asked for now. The home page's
  // newest articles are presented first (the frame after the next one: the
  // first has been shown by then), then it is asked for; either way the
  // fetch takes the preload's download.
  const wasmUrl = document.querySelector('meta[name="liseuse-wasm"]')?.content;
  const deepLink = 'deepLink' in document.documentElement.dataset;
  const painted = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
  const fetchWasm = (url) => fetch(url).then((response) => {
    // Kept for the service worker's install, which then downloads it no
    // second time (see stage()).
    if (response.ok) stage(url, response.clone());
    return response;
  });
  // A link to a search or to an article: its first view (the first results,
  // or the article) comes from the first result's path (below), and the app
  // after it; any other link needs the app.
  const hashQuery = new URLSearchParams(location.hash.split('?')[1]).get('q') ?? '';
  const articleLink = /^#\/article\/[^?]/.test(location.hash);
  const query = location.hash.startsWith('#/?') || articleLink ? hashQuery : '';
  const firstUrls = document.querySelector('meta[name="liseuse-first"]')?.content.split(' ') ?? [];
  const firstLink = deepLink && firstUrls.length === 2 && (articleLink || (location.hash.startsWith('#/?') && query.trim() !== ''));
  let early = deepLink && !firstLink && wasmUrl ? fetchWasm(wasmUrl) : null;

  // A reader who keeps no copy of the index in this browser (the worker
  // said so: watchOffline), online, reads its whole postings: a piece per
  // run of terms, where its generations need one in each. Whoever keeps a
  // copy, or is offline, reads the generations, which the copy holds.
  const whole = navigator.onLine && !kept('stored');
  if (whole) document.documentElement.dataset.whole = '';

  // A link to a search in a split index: the dictionary and term pieces
  // where its words would be are preloaded while the wasm downloads,
  // instead of in two rounds once the app has started; its own requests for
  // them take these downloads. The build's hints (named in
  // <meta name="liseuse-hints">; liseuse_build::publish::hints) give the
  // first term of each piece. A hint only: a word folded here otherwise than
  // the app's analysis does costs a piece too many, or the app's own round
  // of requests, never a wrong result.
  const hintsUrl = document.querySelector('meta[name="liseuse-hints"]')?.content;
  if (deepLink && hintsUrl && query && whole) {
    (async () => {
      const hints = JSON.parse(new TextDecoder().decode(await fetched(hintsUrl)));
      held.delete(hintsUrl.split('/').pop()); // boot.js's alone
      const words = lookedUp(query, hints);
      preload(hints.first, hints.files, words);
      // A run of terms has its postings in a piece of each generation.
      // (Hints that are not the build's throw here, caught below.)
      const runFiles = hints.terms.map((_, run) => hints.generations
        .map((g) => g.files[Math.max(0, g.runs.findLastIndex((first) => first <= run))]));
      preload(hints.terms, runFiles, words);
    })().catch(() => {
      // No hints: the app asks for its pieces itself.
    });
  }

  /** The words of `query` the app looks up, folded as the analysis folds
   * them (lower case, no accents, ligatures apart), as far as boot.js can
   * tell without the analysis: the query's words but its stop words (a
   * number with thousands separators one word), and every member of a
   * group of synonyms one of them is like; each as [word, whether it is
   * being typed (the last, unless the query ends with a space), whose
   * completions are looked up too]. */
  function lookedUp(query, hints) {
    const said = (query.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
      .normalize('NFD').replace(/\p{M}/gu, '')
      .replace(/(\d)[ .\u00a0\u202f\u2009](?=\d{3}(?!\d))/g, '$1').match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((word) => !hints.stop.includes(word));
    const words = said.map((word, k) => [word, k === said.length - 1 && !/\s$/.test(query)]);
    // A stem is about a word's first letters: "morts" is like "mort", "fin"
    // like "finir" (one begins the other, or they share 4 letters and
    // differ in 2 at most).
    const alike = (a, b) => {
      let same = 0;
      while (a[same] && a[same] === b[same]) same++;
      const shorter = Math.min(a.length, b.length);
      return same === shorter || (same > 3 && same + 2 >= shorter);
    };
    for (const group of hints.synonyms) {
      if (said.some((word) => group.some((member) => alike(member, word)))) words.push(...group.map((member) => [member]));
    }
    return words;
  }

  /** Preloads the pieces (`files`, whose first terms are `first`; each a
   * file or a list of files) where `words` (lookedUp) would be. */
  function preload(first, files, words) {
    if (!first?.length) return;
    // The piece a term would be in: the last one whose first term is not after it.
    const pieceOf = (term) => {
      let [low, high] = [0, first.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if (first[middle] <= term) low = middle + 1;
        else high = middle;
      }
      return Math.max(0, low - 1);
    };
    const wanted = new Set();
    for (const [word, typed] of words) {
      // Its stem begins it, and the words it is related to share its first
      // six letters (liseuse_core::search::plan): from the piece of its
      // first letters to the last of those, at most three.
      const last = word[5] ? `${word.slice(0, 6)}\uffff` : typed ? `${word}\uffff` : word;
      const to = pieceOf(last);
      const from = Math.max(pieceOf(word.slice(0, Math.max(3, Math.min(6, word.length - 4)))), to - 2);
      for (let piece = from; piece <= to; piece++) wanted.add(piece);
    }
    // At most as many as a long title asks: pasted text is the app's to plan.
    for (const piece of [...wanted].slice(0, 24)) {
      for (const file of [files[piece]].flat()) {
        if (!/^(dictionary|terms)-\d+-[0-9a-f]{8}\.bin$/.test(file)) continue;
        // Where the app fetches it (src/pieces.rs: PIECES_PATH, relative to
        // the page); downloaded once, for the first result's path or the app
        // (held), whichever asks.
        fetched(new URL(`pieces/${file}`, document.baseURI).href).catch(() => {});
      }
    }
  }

  /** The wasm at `url`, as the build published it (gzip, like the index:
   * the same bytes on every host), decoded by the browser's own
   * DecompressionStream for Trunk's loader (scripts/precache rewrites its
   * call); as it came when a host decoded it on the way. */
  window.liseuseWasm = async (url) => {
    try {
      let pending = early && url === wasmUrl ? early : null;
      early = null;
      if (!pending) {
        if (!deepLink) await painted();
        pending = fetchWasm(url);
      }
      return await wasmResponse(url, pending);
    } catch (error) {
      // Said here: the loader's own rejection is reported as coming from this file.
      failed({ reason: error });
      throw error;
    }
  };

  /** The compiled-while-downloading response of the wasm at `url`, whose
   * download `pending` is, decoded if it came compressed. */
  async function wasmResponse(url, pending) {
    const response = await pending;
    if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
    // Streamed: decoded and compiled while it downloads. Its first bytes
    // say whether it is still gzip (a host may have decoded it on the way).
    const reader = response.body.getReader();
    const first = await reader.read();
    const head = first.value ?? new Uint8Array();
    const stream = new ReadableStream({
      start(controller) {
        if (first.done) controller.close();
        else controller.enqueue(head);
      },
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    if (gzip && typeof DecompressionStream !== 'function') {
      throw new Error(say('noDecompression'));
    }
    const body = gzip ? stream.pipeThrough(new DecompressionStream('gzip')) : stream;
    return new Response(body, { headers: { 'content-type': 'application/wasm' } });
  }

  /** The bytes of the published file at `url`, decoded (the build
   * compresses every file; a host may have decoded it on the way); kept
   * as they came in `held`. */
  function fetched(url) {
    const name = url.split('/').pop();
    if (!downloads.has(name)) {
      // One download a file, however many ask; asked again once it failed.
      downloads.set(name, download(url, name).catch((error) => {
        downloads.delete(name);
        throw error;
      }));
    }
    return downloads.get(name);
  }

  async function download(url, name) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
    const raw = new Uint8Array(await response.arrayBuffer());
    held.set(name, raw);
    if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw;
    const body = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(body).arrayBuffer());
  }

  /** The first result's path (crates/liseuse-first, whose glue and wasm
   * scripts/precache names in <meta name="liseuse-first">): on a link to
   * a search or an article, its small wasm opens the index's first file,
   * names the pieces the page needs, round after round, which are
   * downloaded here, and writes the first page of results (or the article)
   * into the page, with the code that writes the home page's list at build
   * time. The app comes after. */
  async function firstResults([glueUrl, firstWasmUrl]) {
    const index = document.getElementById('liseuse-index')?.getAttribute('href');
    if (!index) return;
    const base = document.baseURI;
    const [glue, file] = await Promise.all([import(new URL(glueUrl, base).href), fetched(index)]);
    await glue.default({ module_or_path: wasmResponse(firstWasmUrl, fetch(firstWasmUrl)) });
    const hash = location.hash;
    const search = glue.First.open(index.split('/').pop(), file, hash, document.documentElement.lang, whole);
    try {
      // A query needs at most four rounds, then its titles and its texts.
      for (let round = 0; round < 8 && location.hash === hash; round++) {
        const missing = search.round();
        const html = search.html();
        const main = app()?.querySelector('main');
        if (html && main && !app().dataset.started) {
          main.innerHTML = html;
          // Where the search box will be: the query, as the app's box will hold it.
          const pill = app().querySelector('.search-pill');
          if (pill && query) {
            pill.textContent = query;
            pill.classList.add('filled');
          }
          if (!('firstResults' in document.documentElement.dataset)) performance.mark('liseuse-first-results');
          document.documentElement.dataset.firstResults = '';
        }
        if (!missing.length) break;
        await Promise.all(missing.map(async (piece) => search.add(piece, await fetched(new URL(`pieces/${piece}`, base).href))));
      }
    } finally {
      search.free();
    }
  }

  // Whatever goes wrong on the first result's path (an old browser, a
  // damaged piece), the app comes and says it, or does it.
  const firstDone = firstLink ? firstResults(firstUrls).catch(() => {}) : Promise.resolve();
  /** When the app may load: after the first results (Trunk's loader, as
   * scripts/precache rewrites it, awaits this). */
  window.liseuseTurn = () => firstDone;

  /** Files named after their content that this page downloaded (the wasm,
   * the index's first file), put where the service worker's install looks
   * before it asks the server (sw.js, STAGED): a host that forbids caching
   * would otherwise send them twice on a first visit. Best effort. */
  function stage(url, response) {
    if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller || typeof caches !== 'object') return;
    const scope = new URL('./', location.href).href;
    caches.open(`liseuse-staged ${scope}`)
      .then((cache) => cache.put(new URL(url, location.href).href, response))
      .catch(() => {});
  }
  window.liseuseStage = stage;

  addEventListener('TrunkApplicationStarted', () => {
    const root = app();
    if (root) root.dataset.started = 'true';
  });

  if (!('serviceWorker' in navigator)) return;

  /** Shows "a new version is ready" with a button that reloads onto it;
   * for a split index, what the update brings ("Mise à jour : 10 nouveaux
   * articles (420 ko)"), and when the worker waits for the reader's word
   * to download it (data saver, a large update), a button that does. */
  function offerUpdate(worker) {
    if (document.querySelector('.update')) return;
    const bar = document.createElement('div');
    bar.className = 'update';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = say('updateReady');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = say('reload');
    let ready = true;
    button.addEventListener('click', () => {
      if (ready) {
        worker.postMessage({ type: 'SKIP_WAITING' });
      } else {
        button.disabled = true;
        worker.postMessage({ type: 'PREPARE' });
      }
    });
    navigator.serviceWorker.addEventListener('message', (event) => {
      // (Only the waiting worker is asked.)
      if (event.data?.type !== 'UPDATE') return;
      const { articles, bytes } = event.data;
      const size = say('kilobytes', Math.max(1, Math.round(bytes / 1000)));
      if (articles > 0) text.textContent = say('update', articles === 1 ? say('updateOne') : say('updateMany', articles), size);
      ready = event.data.ready !== false;
      button.disabled = false;
      button.textContent = ready ? say('reload') : say('download');
    });
    worker.postMessage({ type: 'UPDATE' });
    bar.append(text, button);
    document.body.append(bar);
  }

  /** While a split index is being cached for offline reading, says how far it
   * is ("Lecture hors ligne : 42 % de l’index enregistré"), then that it is
   * done, and goes. Nothing for a whole index: it is cached with the app. */
  /** Whether this visit asked the worker to store the whole index. */
  let fillAsked = false;

  function watchOffline() {
    const sw = navigator.serviceWorker;
    let line = null;
    let idle = 0;
    const ask = () => sw.controller?.postMessage({ type: 'OFFLINE' });
    sw.addEventListener('message', (event) => {
      const { type, cached, total, filling } = event.data ?? {};
      if (type !== 'OFFLINE' || !total) return;
      keep('stored', cached < total ? '' : 1);
      if (cached < total) {
        // Nothing to say while no fill runs (declined, data saver): ask
        // later. A fill asked for this visit that is over and left pieces
        // out (one the host lacked, say) is said all the same: however fast
        // it went, the offline copy is not whole.
        if (!filling && !line && !fillAsked) {
          if (++idle < 10) setTimeout(ask, 1000);
          return;
        }
        if (!line) {
          line = document.createElement('p');
          line.className = 'offline-status';
          line.setAttribute('role', 'status');
          document.body.append(line);
        }
        line.textContent = say('offlineProgress', Math.floor((100 * cached) / total));
        setTimeout(ask, 1000);
      } else if (line && !line.dataset.done) {
        line.dataset.done = 'true';
        line.textContent = say('offlineDone');
        setTimeout(() => line.remove(), 4000);
      }
    });
    if (sw.controller) ask();
    else sw.addEventListener('controllerchange', ask, { once: true });
  }

  /** The reader's own downloads come first: the app says when its pieces are
   * on their way (`liseuse-busy`) and when none is (`liseuse-idle`, also once
   * after its first render). The worker is registered, and the offline fill
   * asked for, only once the page has been idle for a moment; the fill pauses
   * while the reader's requests are in flight. */
  const IDLE_MS = 300;
  let idleTimer = 0;
  let settled = false;
  const whenSettled = [];
  addEventListener('liseuse-busy', () => {
    clearTimeout(idleTimer);
    navigator.serviceWorker.controller?.postMessage({ type: 'PAUSE' });
  });
  addEventListener('liseuse-idle', () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (!settled) {
        settled = true;
        whenSettled.splice(0).forEach((then) => then());
      }
      navigator.serviceWorker.controller?.postMessage({ type: 'RESUME' });
    }, IDLE_MS);
  });
  const afterFirstView = () => new Promise((then) => (settled ? then() : whenSettled.push(then)));

  // What the reader chose for a collection too large to store without asking
  // (pieces/manifest.bin's `bytes` over ASK_OVER_BYTES), kept per site.
  const ASK_OVER_BYTES = 20e6;

  /** Asks the worker to store the whole index, unless the browser's data
   * saver is on, or the collection is large and the reader has not said yes
   * (asked once, in a bar: "Rendre toute la collection disponible hors ligne
   * (50 Mo) ?"). */
  function offerFill(active, bytes) {
    if (navigator.connection?.saveData) return;
    if (bytes <= ASK_OVER_BYTES || kept('offline') === 'yes') {
      fillAsked = true;
      active.postMessage({ type: 'FILL' });
      return;
    }
    if (kept('offline') === 'no' || document.querySelector('.offline-ask')) return;
    const bar = document.createElement('div');
    bar.className = 'offline-ask';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', say('offlineLabel'));
    const text = document.createElement('span');
    text.textContent = say('offlineAsk', Math.round(bytes / 1e6));
    const answer = (label, value) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => {
        keep('offline', value);
        bar.remove();
        if (value === 'yes') {
          fillAsked = true;
          active.postMessage({ type: 'FILL' });
        }
      });
      return button;
    };
    bar.append(text, answer(say('yes'), 'yes'), answer(say('no'), 'no'));
    document.body.append(bar);
  }

  addEventListener('load', async () => {
    try {
      await afterFirstView();
      const registration = await navigator.serviceWorker.register('sw.js');
      // A browser (or a test harness) that blocks workers may give nothing.
      if (!registration) return;
      const watch = (worker) => {
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      };
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      // A large collection's index pieces are cached in the background, a
      // visit after another until all are in (see sw.js); the reader sees how far.
      navigator.serviceWorker.addEventListener('message', (event) => {
        if (event.data?.type === 'SIZE' && event.source) offerFill(event.source, event.data.bytes);
      });
      navigator.serviceWorker.ready.then((ready) => {
        // Reloaded while the worker was activating, this page missed its
        // claim and would stay uncontrolled (no offline status, its pieces not
        // kept) until the next visit.
        if (!navigator.serviceWorker.controller) ready.active?.postMessage({ type: 'CLAIM' });
        ready.active?.postMessage({ type: 'SIZE' });
      });
      watchOffline();
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      // Once the reader accepted, the new version controls the page: reload onto it.
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading || !document.querySelector('.update')) return;
        reloading = true;
        location.reload();
      });
    } catch (error) {
      console.warn('liseuse: offline mode unavailable:', error);
    }
  });
})();
