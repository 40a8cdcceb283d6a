// Selecting text of the reading view as a reader dragging over it would:
// the same in Playwright (Chromium) and Puppeteer (Firefox).
import assert from 'node:assert/strict';

/** Selects `phrase` in the article's text, as a reader dragging over it would. */
export async function select(page, phrase) {
  const found = await page.evaluate((phrase) => {
    const text = document.querySelector('article.reader .text');
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
    }
    return false;
  }, phrase);
  assert.ok(found, `the article shows « ${phrase} »`);
}
