// Page object: what a reader does with liseuse, in the reader's words.
export class ReaderPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && this.errors.push(m.text()));
  }

  async open(hash = '') {
    await this.page.goto(this.baseUrl + hash);
    await this.searchBox().waitFor();
  }

  /** Waits until the service worker controls the page and has every file of
   * the site cached (a split index's pieces are cached in the background). */
  async waitForOffline(timeout = 60_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const status = await this.offlineStatus();
      if (status.cached === status.total) return;
      if (Date.now() > deadline) throw new Error(`not offline after ${timeout} ms: ${JSON.stringify(status)}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** What the service worker says of the index pieces it holds: { cached, total, filling }. */
  async offlineStatus(timeout = 20_000) {
    // page.evaluate has no time limit of its own: a worker that never answers fails here.
    let timer;
    const late = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`no answer from the service worker in ${timeout} ms`)), timeout);
    });
    return Promise.race([this.askOffline(), late]).finally(() => clearTimeout(timer));
  }

  askOffline() {
    return this.page.evaluate(async () => {
      const sw = navigator.serviceWorker;
      await sw.ready;
      if (!sw.controller) await new Promise((ok) => sw.addEventListener('controllerchange', ok, { once: true }));
      return new Promise((ok) => {
        sw.addEventListener('message', function answer(event) {
          if (event.data?.type !== 'OFFLINE') return;
          sw.removeEventListener('message', answer);
          ok(event.data);
        });
        sw.controller.postMessage({ type: 'OFFLINE' });
      });
    });
  }

  searchBox() {
    return this.page.getByRole('searchbox');
  }

  async type(query) {
    await this.searchBox().fill('');
    await this.searchBox().pressSequentially(query);
  }

  results() {
    return this.page.locator('.result');
  }

  // The titles shown, once every article's piece of a split index is in
  // (until then an item says "Chargement…").
  async resultTitles() {
    await this.page.waitForFunction(() => !document.querySelector('.result.pending'));
    return this.results().locator(".title").allInnerTexts();
  }

  async marks(scope = this.page) {
    return scope.locator('mark').allInnerTexts();
  }

  reader() {
    return this.page.locator('article.reader');
  }

  async screenshot(name) {
    if (process.env.SCREENSHOTS) {
      await this.page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: false });
    }
  }
}
