// Selecting text of the reading view as a reader dragging over it would:
// the same in Playwright (Chromium) and Puppeteer (Firefox).
import assert from 'node:assert/strict';

/**
 * Selects the first `phrase` in the article's text, as a reader dragging over
 * it would; it may run over marks (its text is then in several nodes).
 */
export async function select(page, phrase) {
  const found = await page.evaluate((phrase) => {
    const text = document.querySelector('article.reader .text');
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node, all.length]);
      all += node.data;
    }
    const at = all.indexOf(phrase);
    if (at < 0) return false;
    const place = (offset, end) => {
      // The node the offset falls in (at a boundary: the one it ends, for an end).
      const [node, start] = nodes.findLast(([n, s]) => (end ? s < offset : s <= offset));
      return [node, offset - start];
    };
    const range = document.createRange();
    range.setStart(...place(at, false));
    range.setEnd(...place(at + phrase.length, true));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, phrase);
  assert.ok(found, `the article shows « ${phrase} »`);
}
